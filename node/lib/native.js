"use strict";
// Loads the addon: NERVURE_NODE_ADDON, the prebuilt binary shipped in the
// package, or the one built from this checkout (build/node/).
const path = require("node:path");
const fs = require("node:fs");

function candidates() {
  const out = [];
  if (process.env.NERVURE_NODE_ADDON) out.push(process.env.NERVURE_NODE_ADDON);
  const pkg = path.join(__dirname, "..");
  out.push(path.join(pkg, "prebuilds", `${process.platform}-${process.arch}`, "nervure.node"));
  out.push(path.join(pkg, "build", "nervure.node"));
  if (process.env.NERVURE_BUILD_DIR) out.push(path.join(process.env.NERVURE_BUILD_DIR, "node", "nervure.node"));
  out.push(path.join(pkg, "..", "build", "node", "nervure.node"));
  return out;
}

function load() {
  const tried = candidates();
  for (const file of tried) {
    if (fs.existsSync(file)) return require(file);
  }
  throw new Error(`nervure: native addon not found (tried ${tried.join(", ")}); run npm run build`);
}

module.exports = load();

"use strict";
// The examples type-check against index.d.ts; the package packs, installs
// into an empty directory and runs; the hello example runs.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { Harness, REPO } = require("./harness");

const tools = process.env.NERVURE_NODE_TOOLS || path.join(REPO, "build", "node-tools");
const tsc = path.join(tools, "node_modules", ".bin", "tsc");

test("tsc --noEmit over the examples (strict, checkJs)", { skip: !fs.existsSync(tsc) && "typescript not installed" }, () => {
  const r = spawnSync(tsc, ["-p", path.join(REPO, "examples", "node"), "--typeRoots",
    path.join(tools, "node_modules", "@types")], { encoding: "utf8", timeout: 120000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("npm pack, then npm install <tarball> in an empty directory runs", async () => {
  const addon = process.env.NERVURE_NODE_ADDON || path.join(REPO, "build", "node", "nervure.node");
  assert.ok(fs.existsSync(addon), `addon not built at ${addon}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nervure-pack-"));
  const h = await Harness.start();
  try {
    // The package carries the prebuilt linux-x64 addon.
    const pack = spawnSync("bash", [path.join(REPO, "node", "scripts", "pack.sh"), work],
      { encoding: "utf8", timeout: 120000, env: { ...process.env, NERVURE_NODE_ADDON: addon } });
    assert.equal(pack.status, 0, pack.stdout + pack.stderr);
    const tarball = pack.stdout.trim().split("\n").pop();
    assert.ok(fs.existsSync(tarball), tarball);
    const app = path.join(work, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), '{"name":"app","private":true}');
    const inst = spawnSync("npm", ["install", "-q", "--no-audit", "--no-fund", "--offline", tarball],
      { cwd: app, encoding: "utf8", timeout: 120000 });
    assert.equal(inst.status, 0, inst.stdout + inst.stderr);
    const env = { ...process.env, NERVURE_URL: h.url };
    delete env.NERVURE_NODE_ADDON;
    delete env.NERVURE_BUILD_DIR;
    delete env.NODE_PATH;
    fs.copyFileSync(path.join(REPO, "examples", "node", "hello.js"), path.join(app, "hello.js"));
    const run = spawnSync(process.execPath, ["hello.js"], { cwd: app, encoding: "utf8", timeout: 30000, env });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /reply hello, nervure/);
  } finally {
    await h.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

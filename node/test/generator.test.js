"use strict";
// The backend generates for every construct model.py allows: a synthetic
// definition's glue compiles, its JS parses, its index.d.ts type-checks.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { REPO } = require("./harness");

const tools = process.env.NERVURE_NODE_TOOLS || path.join(REPO, "build", "node-tools");
const tsc = path.join(tools, "node_modules", ".bin", "tsc");

test("the Node backend covers every construct of the definition format", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nervure-gen-"));
  try {
    const gen = spawnSync("python3", [path.join(__dirname, "generator_cover.py"), dir], { encoding: "utf8" });
    assert.equal(gen.status, 0, gen.stderr);
    for (const js of ["ops.generated.js", "errors.generated.js"]) {
      const r = spawnSync(process.execPath, ["--check", path.join(dir, js)], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
    }
    const cxx = spawnSync("c++", ["-std=c++20", "-fsyntax-only", "-Wall", "-Werror", "-Wno-unused-function",
      `-I${path.join(dir, "stub")}`, `-I${path.join(REPO, "node", "src")}`,
      `-I${path.join(REPO, "bindings", "runtime")}`, `-I${path.join(REPO, "core", "include")}`, "-I/usr/include/node",
      path.join(dir, "bindings.generated.cpp")], { encoding: "utf8", timeout: 180000 });
    assert.equal(cxx.status, 0, cxx.stderr.slice(0, 4000));
    if (fs.existsSync(tsc)) {
      const ts = spawnSync(tsc, ["--noEmit", "--strict", "--typeRoots", path.join(tools, "node_modules", "@types"),
        "--types", "node", path.join(dir, "index.d.ts")], { encoding: "utf8", timeout: 120000 });
      assert.equal(ts.status, 0, ts.stdout + ts.stderr);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

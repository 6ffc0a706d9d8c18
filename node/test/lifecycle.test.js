"use strict";
// Reconnecting under a server restart; the process exiting by itself after close.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const nervure = require("..");
const { Harness, eventually } = require("./harness");

test("reconnects when the server restarts; subscriptions are restored", async () => {
  const h = await Harness.start();
  try {
    const nc = await nervure.connect({ servers: h.url, reconnectWait: 100, reconnectJitter: 0 });
    const events = [];
    for (const e of ["disconnected", "reconnected"]) nc.on(e, () => events.push(e));
    const got = [];
    nc.subscribe("rc", { callback: (_e, m) => got.push(m.string()) });
    await nc.flush();
    await h.command("restart 0");
    await eventually(() => events.includes("reconnected"), 15000);
    assert.ok(events.includes("disconnected"));
    assert.equal(nc.stats().reconnects >= 1, true);
    nc.publish("rc", "after");
    await eventually(() => got.includes("after"), 5000);
    await nc.close();
  } finally {
    await h.stop();
  }
});

test("a closed connection fails pending requests and does not keep the process alive", async () => {
  const h = await Harness.start();
  try {
    const script = `
      const nervure = require(${JSON.stringify(path.join(__dirname, ".."))});
      (async () => {
        const nc = await nervure.connect(${JSON.stringify(h.url)});
        nc.subscribe("x", { callback: () => {} });
        const sub = nc.subscribe("y");
        const pending = nc.request("nobody.listens.but.sub", "x", { timeout: 60000 }).catch((e) => e.name);
        const it = sub.nextMsg();
        await nc.close();
        console.log(await pending, await it);
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20000, env: process.env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /null/);
  } finally {
    await h.stop();
  }
});

test("an unclosed connection keeps the process alive unless unref'd; teardown is clean", async () => {
  const h = await Harness.start();
  try {
    const script = `
      const nervure = require(${JSON.stringify(path.join(__dirname, ".."))});
      (async () => {
        const nc = await nervure.connect(${JSON.stringify(h.url)});
        nc.subscribe("z", { callback: () => {} });
        nc.unref();
        console.log("done");
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20000, env: process.env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), "done");
  } finally {
    await h.stop();
  }
});

test("workers can use connections and exit (environment teardown)", async () => {
  const h = await Harness.start();
  try {
    const script = `
      const { Worker } = require("node:worker_threads");
      const code = \`
        const nervure = require(${JSON.stringify(path.join(__dirname, ".."))});
        (async () => {
          const nc = await nervure.connect(${JSON.stringify(h.url)});
          nc.subscribe("w", { callback: () => {} });
          nc.publish("w", "x");
          await nc.flush();
          process.exit(0);
        })();\`;
      const w = new Worker(code, { eval: true });
      w.on("exit", (c) => console.log("worker exit", c));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20000, env: process.env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /worker exit 0/);
  } finally {
    await h.stop();
  }
});

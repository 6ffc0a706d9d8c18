"use strict";
// Actors hosted in Node and called from Node, plus calls across languages: an
// actor hosted by the C++ example and one hosted by a Python process.
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const readline = require("node:readline");
const nervure = require("..");
const { Harness, eventually, REPO } = require("./harness");

let h;
before(async () => { h = await Harness.start(); });
after(async () => { await h.stop(); });

let n = 0;
const options = (extra = {}) => {
  n += 1;
  return { leaseBucket: `js-leases-${process.pid}-${n}`, stateBucket: `js-state-${process.pid}-${n}`, partitions: 8,
    leaseTtl: 2000, ...extra };
};

const probe = { activations: 0, deactivations: 0, inside: 0, overlaps: 0, ticks: 0, reminders: [] };

class Counter extends nervure.Actor {
  async onActivate() { probe.activations += 1; }
  async onDeactivate() { probe.deactivations += 1; }
  async add(by = 1) {
    probe.inside += 1;
    if (probe.inside > 1) probe.overlaps += 1;
    await new Promise((r) => setImmediate(r)); // let other turns try to run meanwhile
    const total = this.state.get("n", 0) + by;
    this.state.set("n", total);
    probe.inside -= 1;
    return total;
  }
  get() { return this.state.get("n", 0); }
  fail() {
    this.state.set("n", -999); // discarded: the turn fails
    throw new RangeError("out of stock");
  }
  echo(value) { return value; }
  tick() { probe.ticks += 1; }
  startTimer(period) { this.registerTimer("t", "tick", "10ms", { period }); }
  async remind(due) { await this.registerReminder("r", due, { data: { sku: this.actorId } }); }
  async receiveReminder(name, data) { probe.reminders.push([this.actorId, name, data]); }
  async callPeer(peer) { return this.proxy("counter", peer).invoke("callBack", this.actorId); }
  async callBack(caller) { return this.proxy("counter", caller).invoke("get"); }
}

const proxy = (nc, id) => nervure.actorProxy(nc, "counter", id, { partitions: 8 });

async function host(nc, extra) {
  const runtime = new nervure.ActorRuntime(nc, options(extra));
  runtime.register("counter", Counter);
  await runtime.start();
  return runtime;
}

test("actors: activation, state, MessagePack values, no overlapping turns", async () => {
  Object.assign(probe, { activations: 0, overlaps: 0 });
  const nc = await nervure.connect(h.url);
  const runtime = await host(nc);
  assert.equal(await proxy(nc, "sku-1").invoke("add", 2), 2);
  assert.equal(await proxy(nc, "sku-1").invoke("add", 3), 5);
  assert.equal(probe.activations, 1);
  assert.equal(await nc.actorProxy("counter", "sku-1", { partitions: 8 }).invoke("add", 0), 5);
  const value = { list: [1, 2.5, "three", Buffer.from([0, 1])], nested: { ok: true, none: null } };
  assert.deepEqual(await proxy(nc, "e").invoke("echo", value), value);
  await Promise.all(Array.from({ length: 200 }, () => proxy(nc, "hot").invoke("add", 1)));
  assert.equal(probe.overlaps, 0);
  assert.equal(await proxy(nc, "hot").invoke("get"), 200);
  const stats = runtime.stats();
  assert.equal(stats.ownedPartitions, 8);
  const byMethod = Object.fromEntries(runtime.methodStats().map((m) => [m.method, m]));
  assert.equal(byMethod.$activate.calls, 3);
  assert.equal(byMethod.add.actorType, "counter");
  assert.equal(byMethod.add.calls, 203);
  assert.equal(byMethod.add.failed, 0);
  assert.ok(byMethod.add.run.p50Us > 0 && byMethod.add.run.p50Us <= byMethod.add.run.maxUs);
  assert.ok(byMethod.add.wait.p99Us >= byMethod.add.wait.p50Us);
  await runtime.stop();
  await nc.close();
});

test("actors: errors reach the caller and discard the turn's state", async () => {
  const nc = await nervure.connect(h.url);
  const runtime = await host(nc);
  await proxy(nc, "e").invoke("add", 5);
  await assert.rejects(proxy(nc, "e").invoke("fail"),
    (e) => e instanceof nervure.ActorError && e.remoteType === "RangeError" && e.message === "out of stock");
  assert.equal(await proxy(nc, "e").invoke("get"), 5);
  await assert.rejects(proxy(nc, "e").invoke("nope"), (e) => e.remoteType === "MethodNotFound");
  await assert.rejects(proxy(nc, "e").invoke("onActivate"), (e) => e.remoteType === "MethodNotFound");
  await assert.rejects(nervure.actorProxy(nc, "nobody", "x").invoke("get", undefined, { timeout: 2000 }),
    nervure.NoRespondersError);
  assert.throws(() => new nervure.ActorRuntime(nc, { bogus: 1 }), nervure.InvalidArgumentError);
  assert.throws(() => runtime.register("other", Object), nervure.InvalidArgumentError);
  await assert.rejects(proxy(nc, "").invoke("get"), nervure.InvalidArgumentError);
  await runtime.stop();
  await nc.close();
});

test("actors: idle deactivation keeps state; timers and reminders are turns", async () => {
  Object.assign(probe, { activations: 0, deactivations: 0, ticks: 0, reminders: [] });
  const nc = await nervure.connect(h.url);
  const opts = options({ idleTimeout: 300 });
  let runtime = new nervure.ActorRuntime(nc, opts);
  runtime.register("counter", Counter);
  await runtime.start();
  assert.equal(await proxy(nc, "sleepy").invoke("add", 41), 41);
  await eventually(() => probe.deactivations >= 1);
  assert.equal(await proxy(nc, "sleepy").invoke("add"), 42);
  await proxy(nc, "t").invoke("startTimer", "R3/20ms");
  await eventually(() => probe.ticks === 3);
  await proxy(nc, "r").invoke("remind", "1s");
  await runtime.stop(); // the reminder is durable: the next host fires it
  runtime = new nervure.ActorRuntime(nc, opts);
  runtime.register("counter", Counter);
  await runtime.start();
  await eventually(() => probe.reminders.length === 1);
  assert.deepEqual(probe.reminders[0], ["r", "r", { sku: "r" }]);
  await runtime.stop();
  await nc.close();
});

test("actors: tell is stored, de-duplicated and runs", async () => {
  const nc = await nervure.connect(h.url);
  const runtime = await host(nc);
  try {
    await proxy(nc, "told").tell("add", 5, { dedupId: "order-1" });
    await proxy(nc, "told").tell("add", 5, { dedupId: "order-1" }); // stored once
    await proxy(nc, "told").tell("add", 1);
    await eventually(async () => (await proxy(nc, "told").invoke("get")) === 6);
  } finally {
    await runtime.stop();
    await nc.close();
  }
});

test("actors: reentrancy refused by default, allowed when on", async () => {
  const nc = await nervure.connect(h.url);
  let runtime = await host(nc);
  await assert.rejects(proxy(nc, "a").invoke("callPeer", "b"), (e) => e.remoteType === "ReentrancyError");
  await runtime.stop();
  runtime = await host(nc, { reentrancy: true });
  await proxy(nc, "a").invoke("add", 7);
  assert.equal(await proxy(nc, "a").invoke("callPeer", "b"), 7);
  await runtime.stop();
  await nc.close();
});

function lineFrom(proc) {
  const lines = readline.createInterface({ input: proc.stdout });
  return new Promise((resolve, reject) => {
    lines.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
}

test("actors across languages: a C++-hosted actor, and a Python-hosted one calling back a Node-hosted one", async (t) => {
  const build = process.env.NERVURE_BUILD_DIR || path.join(REPO, "build");
  const cpp = path.join(build, "examples", "cpp", "inventory_service");
  const python = path.join(build, "python-venv", "bin", "python");
  const nc = await nervure.connect(h.url);
  if (fs.existsSync(cpp)) {
    const service = spawn(cpp, [], { env: { ...process.env, NERVURE_URL: h.url }, stdio: ["ignore", "pipe", "inherit"] });
    try {
      assert.match(await lineFrom(service), /hosting/);
      const kettle = nervure.actorProxy(nc, "inventory", "kettle");
      assert.equal(await kettle.invoke("restock", 2), 2);
      assert.deepEqual(await kettle.invoke("reserve", 1), { reserved: true, left: 1 });
    } finally {
      service.kill("SIGTERM");
      await new Promise((r) => (service.exitCode !== null ? r() : service.once("exit", r)));
    }
  } else t.diagnostic(`${cpp} not built: C++ part skipped`);

  const havePython = fs.existsSync(python) && spawnSync(python, ["-c", "import nervure"]).status === 0;
  if (!havePython) return t.skip("the Python package is not installed in build/python-venv");
  // Node hosts "ledger"; Python hosts "greeter", whose method calls the Node-hosted ledger.
  class Ledger extends nervure.Actor {
    record(entry) {
      const entries = this.state.get("entries", []);
      entries.push(entry);
      this.state.set("entries", entries);
      return entries.length;
    }
  }
  const runtime = new nervure.ActorRuntime(nc, { leaseBucket: "xl-leases", stateBucket: "xl-state" });
  runtime.register("ledger", Ledger);
  await runtime.start();
  const script = `
import asyncio, os, sys, nervure
class Greeter(nervure.Actor):
    async def greet(self, name):
        count = await self.proxy("ledger", "book").invoke("record", name)
        return f"hello {name} from python ({count} in the ledger)"
async def main():
    async with await nervure.connect(sys.argv[1]) as nc:
        runtime = nervure.ActorRuntime(nc, lease_bucket="xp-leases", state_bucket="xp-state")
        runtime.register("greeter", Greeter)
        await runtime.start()
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await runtime.stop()
asyncio.run(main())
`;
  const py = spawn(python, ["-c", script, h.url], { stdio: ["pipe", "pipe", "inherit"] });
  try {
    assert.equal(await lineFrom(py), "ready");
    const greeter = nervure.actorProxy(nc, "greeter", "g1");
    assert.equal(await greeter.invoke("greet", "node"), "hello node from python (1 in the ledger)");
    assert.equal(await greeter.invoke("greet", "again"), "hello again from python (2 in the ledger)");
  } finally {
    py.stdin.end();
    await new Promise((r) => (py.exitCode !== null ? r() : py.once("exit", r)));
    await runtime.stop();
    await nc.close();
  }
});

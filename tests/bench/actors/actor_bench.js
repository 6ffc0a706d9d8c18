"use strict";
// Actor call latency in Node: a host and a caller in one process on separate
// connections, calls one at a time. Prints one JSON line per workload.
// Usage: node actor_bench.js URL MSGS SECONDS [MODES]
const nervure = require("nervure");

const LEASES = "nervure-bench-leases-js";
const STATE = "nervure-bench-state-js";
const WARM_UP = 200;

class BenchActor extends nervure.Actor {
  read() { return this.state.get("n", null); }
  update(value) { this.state.set("n", value); }
}

async function dropBuckets(url) {
  const nc = await nervure.connect(url);
  for (const bucket of [LEASES, STATE]) {
    try { await nc.request(`$JS.API.STREAM.DELETE.KV_${bucket}`, "", { timeout: 2000 }); } catch { /* absent */ }
  }
  await nc.close();
}

async function workload(mode, url, msgs, seconds) {
  const hostNc = await nervure.connect(url);
  const caller = await nervure.connect(url);
  const runtime = new nervure.ActorRuntime(hostNc, { leaseBucket: LEASES, stateBucket: STATE });
  runtime.register("bench", BenchActor);
  await runtime.start();
  const proxy = nervure.actorProxy(caller, "bench", "hot");
  const payload = "x".repeat(16);
  await proxy.invoke("update", payload); // activated before the clock starts
  const call = (prefix, i) => mode === "actor-activate"
    ? nervure.actorProxy(caller, "bench", `${prefix}${i}`).invoke("read")
    : proxy.invoke(mode === "actor-call" ? "read" : "update", payload);
  for (let i = 0; i < WARM_UP; i++) await call("w-", i);
  const latencies = [];
  const start = process.hrtime.bigint();
  const stopAt = start + BigInt(Math.round(seconds * 1e9));
  for (let i = 0; i < msgs; i++) {
    const t0 = process.hrtime.bigint();
    if (t0 >= stopAt) break;
    await call("a-", i);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  await runtime.stop();
  await caller.close();
  await hostNc.close();
  latencies.sort((a, b) => a - b);
  // Nearest rank, as nervure bench.
  const rank = (p) => latencies.length
    ? latencies[Math.min(latencies.length, Math.max(1, Math.ceil(p * latencies.length))) - 1] : 0;
  return { client: "nervure-node", mode, msgs: latencies.length, msgs_per_sec: latencies.length / elapsed,
    p50_us: rank(0.5), p99_us: rank(0.99), p999_us: rank(0.999) };
}

async function main() {
  const [url, msgs, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const modes = process.argv[5] ? process.argv[5].split(",") : ["actor-call", "actor-activate"];
  for (const mode of modes) {
    await dropBuckets(url);
    console.log(JSON.stringify(await workload(mode, url, msgs, seconds)));
  }
  await dropBuckets(url);
}

main().catch((e) => { console.error(e); process.exit(1); });

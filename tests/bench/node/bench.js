"use strict";
// nervure's Node package beside the official client (@nats-io/transport-node,
// @nats-io/jetstream, @nats-io/kv): the workloads of tests/bench/README.md on
// one server, alternating runs, medians. Every run is bounded in count and time.
// Usage: node bench.js URL [RUNS] [OUT_JSON]
const fs = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const root = path.join(__dirname, "..", "..", "..");
const nervure = require(path.join(root, "node"));
const tools = process.env.NERVURE_NODE_TOOLS || path.join(root, "build", "node-tools");
const peerRequire = (name) => require(require.resolve(name, { paths: [tools] }));
const official = peerRequire("@nats-io/transport-node");
const { jetstream, jetstreamManager, AckPolicy, StorageType } = peerRequire("@nats-io/jetstream");
const { Kvm } = peerRequire("@nats-io/kv");

// Bounds: the whole runner (10 workloads x 2 clients x 3 runs) measures in about 2 minutes.
const LIMIT_MS = 1000; // each run's measured phase
const SETTLE_MS = 5000; // longest wait for what is still in flight once the phase ends
const PUB_MSGS = 2_000_000, PUBSUB_MSGS = 1_000_000, REQS = 20_000;
const JS_PUBS = 20_000, JS_ASYNC_MSGS = 200_000, FETCH_FILL = 100_000, KV_OPS = 20_000;
const ASYNC_WINDOW = 256, FETCH_BATCH = 256, KV_KEYS = 1000;
const TICK_BYTES = 800_000; // a publisher yields to the event loop after this much, so sockets drain

const now = () => performance.now();
const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const payload = (size) => Buffer.alloc(size, "x");
let unique = 0;
const name = (prefix) => `${prefix}_node_${process.pid}_${++unique}`;

function percentiles(lat, n) {
  if (!n) return { p50_us: null, p99_us: null, p999_us: null };
  const s = Float64Array.from(lat.subarray(0, n)).sort();
  const at = (q) => s[Math.min(n - 1, Math.floor(n * q))];
  return { p50_us: at(0.5), p99_us: at(0.99), p999_us: at(0.999) };
}

// ------------------------------------------------------------------ the two clients
// Both connections have publish(subject, data), subscribe(subject, {callback}),
// request(subject, data, {timeout}), flush() and close(), so the workloads
// below are written once. JetStream and key-value differ and get an adapter each.

const clients = {
  nervure: {
    connect: (url) => nervure.connect(url),
    subscribeAll: (nc, subject, callback) =>
      nc.subscribe(subject, { pendingMsgsLimit: -1, pendingBytesLimit: -1, callback }),
    jetstream(nc) {
      const js = nc.jetstream();
      return {
        addStream: (stream, subject) => js.addStream({ name: stream, subjects: [subject], storage: "memory" }),
        deleteStream: (stream) => js.deleteStream(stream),
        storedMessages: async (stream) => (await js.streamInfo(stream)).state.messages,
        publish: (subject, data) => js.publish(subject, data),
        addPullConsumer: (stream, durable) =>
          js.addConsumer(stream, { durable_name: durable, ack_policy: "explicit", max_ack_pending: -1 }),
        // One fetch: its messages, each acknowledged; returns how many.
        async fetchAndAck(stream, durable, batch) {
          const msgs = await js.consumer(stream, durable).fetch({ batch, expires: 5000 });
          for (const m of msgs) m.ack();
          return msgs.length;
        },
        ackPending: async (stream, durable) => (await js.consumerInfo(stream, durable)).num_ack_pending,
        createBucket: (bucket) => js.createKeyValue({ bucket, storage: "memory" }),
        deleteBucket: (bucket) => js.deleteKeyValue(bucket),
        put: (kv, key, value) => kv.put(key, value),
        get: (kv, key) => kv.get(key).then((e) => e && e.value),
      };
    },
  },
  peer: {
    connect: (url) => official.connect({ servers: url }),
    // The official client has no pending limits: a callback subscription takes everything.
    subscribeAll: (nc, subject, callback) => nc.subscribe(subject, { callback }),
    jetstream(nc) {
      const js = jetstream(nc);
      let jsm;
      const manager = async () => (jsm ||= await jetstreamManager(nc));
      const kvm = new Kvm(js);
      const consumers = new Map();
      return {
        addStream: async (stream, subject) =>
          (await manager()).streams.add({ name: stream, subjects: [subject], storage: StorageType.Memory }),
        deleteStream: async (stream) => (await manager()).streams.delete(stream),
        storedMessages: async (stream) => (await (await manager()).streams.info(stream)).state.messages,
        publish: (subject, data) => js.publish(subject, data),
        addPullConsumer: async (stream, durable) =>
          (await manager()).consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, max_ack_pending: -1 }),
        // The consumer handle is looked up once (a round trip), as an application holds on to it.
        async fetchAndAck(stream, durable, batch) {
          const key = `${stream}/${durable}`;
          if (!consumers.has(key)) consumers.set(key, await js.consumers.get(stream, durable));
          const msgs = await consumers.get(key).fetch({ max_messages: batch, expires: 5000 });
          let n = 0;
          for await (const m of msgs) {
            m.ack();
            n++;
          }
          return n;
        },
        ackPending: async (stream, durable) => (await (await manager()).consumers.info(stream, durable)).num_ack_pending,
        createBucket: (bucket) => kvm.create(bucket, { storage: StorageType.Memory }),
        deleteBucket: async (bucket) => (await kvm.open(bucket)).destroy(),
        put: (kv, key, value) => kv.put(key, value),
        get: (kv, key) => kv.get(key).then((e) => e && e.value),
      };
    },
  },
};

// ------------------------------------------------------------------ the workloads
// Each returns {rate, lat?, n?, note?}; scale < 1 shortens the bounds for the warm-up.

async function pub(client, url, size, scale) {
  const nc = await client.connect(url);
  const data = payload(size), every = Math.max(100, Math.floor(TICK_BYTES / size)), stop = now() + LIMIT_MS * scale;
  const t = now();
  let i = 0;
  for (; i < PUB_MSGS; i++) {
    nc.publish("bench.node.pub", data);
    if (i % every === 0 && i > 0) {
      if (now() > stop) break;
      await tick();
    }
  }
  await nc.flush();
  const rate = i / ((now() - t) / 1000);
  await nc.close();
  return { rate };
}

async function pubsub(client, url, scale) {
  const sc = await client.connect(url), pc = await client.connect(url);
  const data = payload(16), stop = now() + LIMIT_MS * scale;
  let got = 0, last = 0, want = Infinity, done;
  const finished = new Promise((r) => (done = r));
  client.subscribeAll(sc, "bench.node.pubsub", () => {
    last = now();
    if (++got === want) done();
  });
  await sc.flush();
  const t = now();
  let sent = 0;
  for (; sent < PUBSUB_MSGS; sent++) {
    pc.publish("bench.node.pubsub", data);
    if (sent % 5000 === 0 && sent > 0) {
      if (now() > stop) break;
      await tick();
    }
  }
  want = sent;
  await pc.flush();
  if (got < want) await Promise.race([finished, sleep(SETTLE_MS)]);
  const rate = got && last > t ? got / ((last - t) / 1000) : 0;
  await sc.close();
  await pc.close();
  return { rate, note: got < sent ? `dropped ${sent - got} of ${sent}` : undefined };
}

async function reqrep(client, url, scale) {
  const server = await client.connect(url), nc = await client.connect(url);
  server.subscribe("bench.node.req", { callback: (_e, m) => m.respond(m.data) });
  await server.flush();
  const data = payload(16), lat = new Float64Array(REQS), stop = now() + 2 * LIMIT_MS * scale;
  const t = now();
  let i = 0;
  while (i < REQS) {
    const t0 = now();
    await nc.request("bench.node.req", data, { timeout: 5000 });
    const t1 = now();
    lat[i++] = (t1 - t0) * 1000;
    if (t1 > stop) break;
  }
  const rate = i / ((now() - t) / 1000);
  await nc.close();
  await server.close();
  return { rate, ...percentiles(lat, i) };
}

// A fresh memory stream for one run, deleted afterwards whatever happens.
async function withStream(client, url, fn) {
  const nc = await client.connect(url);
  const js = client.jetstream(nc);
  const stream = name("BENCH"), subject = `bench.node.js.${stream}`;
  await js.addStream(stream, subject);
  try {
    return await fn(nc, js, stream, subject);
  } finally {
    await js.deleteStream(stream).catch(() => {});
    await nc.close();
  }
}

async function jsPub(client, url, scale) {
  return withStream(client, url, async (_nc, js, stream, subject) => {
    const data = payload(16), lat = new Float64Array(JS_PUBS), stop = now() + LIMIT_MS * scale;
    const t = now();
    let i = 0;
    while (i < JS_PUBS) {
      const t0 = now();
      await js.publish(subject, data);
      const t1 = now();
      lat[i++] = (t1 - t0) * 1000;
      if (t1 > stop) break;
    }
    const rate = i / ((now() - t) / 1000);
    const stored = await js.storedMessages(stream);
    return { rate, ...percentiles(lat, i), note: stored !== i ? `stream holds ${stored} of ${i} acknowledged` : undefined };
  });
}

// Acknowledged publishes with ASYNC_WINDOW in flight; the clock stops at the last acknowledgement.
async function jsAsync(client, url, scale) {
  return withStream(client, url, async (_nc, js, stream, subject) => {
    const data = payload(16), window = new Array(ASYNC_WINDOW), stop = now() + LIMIT_MS * scale;
    let acked = 0, failed = 0;
    const ok = () => acked++, fail = () => failed++;
    const t = now();
    let i = 0;
    for (; i < JS_ASYNC_MSGS; i++) {
      const slot = i % ASYNC_WINDOW;
      if (i >= ASYNC_WINDOW) await window[slot];
      if (slot === 0 && now() > stop) break;
      window[slot] = js.publish(subject, data).then(ok, fail);
    }
    await Promise.all(window);
    const rate = acked / ((now() - t) / 1000);
    const stored = await js.storedMessages(stream);
    const note = failed || stored !== acked ? `${failed} failed; stream holds ${stored} of ${acked} acknowledged` : undefined;
    return { rate, note };
  });
}

// Fills the stream untimed (plain publishes, a flush every 5000), then reads it
// in fetches of FETCH_BATCH through a durable pull consumer, acknowledging each.
async function jsFetch(client, url, scale) {
  return withStream(client, url, async (nc, js, stream, subject) => {
    const data = payload(16), fill = Math.floor(FETCH_FILL * Math.max(scale, 0.1));
    for (let i = 0; i < fill; i++) {
      nc.publish(subject, data);
      if (i % 5000 === 4999) await nc.flush();
    }
    await nc.flush();
    let stored = 0;
    for (let waited = 0; waited < SETTLE_MS; waited += 50) {
      const n = await js.storedMessages(stream);
      if (n === stored && n > 0) break; // the stream stopped growing
      stored = n;
      await sleep(50);
    }
    await js.addPullConsumer(stream, "bench");
    const stop = now() + LIMIT_MS * scale;
    const t = now();
    let read = 0;
    while (read < stored && now() < stop) {
      read += await js.fetchAndAck(stream, "bench", Math.min(FETCH_BATCH, stored - read));
    }
    await nc.flush(); // the acknowledgements reached the server
    const rate = read / ((now() - t) / 1000);
    const pending = await js.ackPending(stream, "bench");
    const note = [stored < fill ? `stream took ${stored} of ${fill} fill messages` : "",
      pending ? `${pending} acknowledgements missing` : ""].filter(Boolean).join("; ");
    return { rate, note: note || undefined };
  });
}

async function kv(client, url, scale, op) {
  const nc = await client.connect(url);
  const js = client.jetstream(nc), bucket = name("bench"), data = payload(16);
  const keys = Array.from({ length: KV_KEYS }, (_, i) => `key${i}`);
  const bkt = await js.createBucket(bucket);
  try {
    if (op === "get") for (const k of keys) await js.put(bkt, k, data);
    const lat = new Float64Array(KV_OPS), stop = now() + LIMIT_MS * scale;
    let bad = 0;
    const t = now();
    let i = 0;
    while (i < KV_OPS) {
      const key = keys[i % KV_KEYS], t0 = now();
      if (op === "get") {
        const v = await js.get(bkt, key);
        if (!v || v.length !== 16) bad++;
      } else {
        await js.put(bkt, key, data);
      }
      const t1 = now();
      lat[i++] = (t1 - t0) * 1000;
      if (t1 > stop) break;
    }
    const rate = i / ((now() - t) / 1000);
    return { rate, ...percentiles(lat, i), note: bad ? `${bad} gets without the value` : undefined };
  } finally {
    await js.deleteBucket(bucket).catch(() => {});
    await nc.close();
  }
}

const WORKLOADS = [
  { name: "pub-16B", unit: "msgs/s", run: (c, u, s) => pub(c, u, 16, s) },
  { name: "pub-128B", unit: "msgs/s", run: (c, u, s) => pub(c, u, 128, s) },
  { name: "pub-1KB", unit: "msgs/s", run: (c, u, s) => pub(c, u, 1024, s) },
  { name: "pubsub-16B", unit: "msgs/s", run: pubsub },
  { name: "reqrep-16B", unit: "round trips/s", run: reqrep },
  { name: "js-pub-16B", unit: "msgs/s", run: jsPub },
  { name: "js-async-16B", unit: "msgs/s", run: jsAsync,
    how: "both: 256 publish promises in flight, the next publish once the oldest settles" },
  { name: "js-fetch-16B", unit: "msgs/s", run: jsFetch },
  { name: "kv-put-16B", unit: "ops/s", run: (c, u, s) => kv(c, u, s, "put") },
  { name: "kv-get-16B", unit: "ops/s", run: (c, u, s) => kv(c, u, s, "get") },
];
// BENCH_WORKLOADS=js-fetch-16B,kv-get-16B measures only those, to look closer at one.
const only = (process.env.BENCH_WORKLOADS || "").split(",").filter(Boolean);
const SELECTED = only.length ? WORKLOADS.filter((w) => only.includes(w.name)) : WORKLOADS;

// ------------------------------------------------------------------ running and reporting

async function sample(label, fn) {
  try {
    return await fn();
  } catch (err) {
    console.error(`node bench: ${label} failed: ${err && err.name}: ${err && err.message}`);
    return null;
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const round1 = (v) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

function side(samples) {
  const ok = samples.filter(Boolean);
  const pick = (k) => round1(median(ok.map((r) => r[k])));
  return { median: pick("rate"), runs: ok.map((r) => round1(r.rate)), p50_us: pick("p50_us"), p99_us: pick("p99_us"), p999_us: pick("p999_us") };
}

const fmt = (v, d = 0) => (v === null || v === undefined ? "n/a" : v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }));
const lats = (s) => (s.p50_us === null ? "" : `${fmt(s.p50_us)} / ${fmt(s.p99_us)} / ${fmt(s.p999_us)}`);

function versionOf(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
}

async function main(url, runs, outJson) {
  const began = now();
  const peerVersion = (pkg) => {
    try {
      return versionOf(path.join(tools, "node_modules", pkg));
    } catch {
      return "?";
    }
  };
  console.error("node bench: warm-up");
  for (const w of SELECTED) {
    for (const c of ["nervure", "peer"]) await sample(`warm-up ${w.name} ${c}`, () => w.run(clients[c], url, 0.2));
  }
  const samples = new Map(SELECTED.map((w) => [w.name, { nervure: [], peer: [], notes: [] }]));
  for (let run = 0; run < runs; run++) {
    console.error(`node bench: run ${run + 1}/${runs} (${((now() - began) / 1000).toFixed(0)} s)`);
    for (const [i, w] of SELECTED.entries()) {
      // Who goes first alternates, so neither always meets a warmer server.
      const order = (run + i) % 2 ? ["peer", "nervure"] : ["nervure", "peer"];
      for (const c of order) {
        const r = await sample(`${w.name} ${c}`, () => w.run(clients[c], url, 1));
        samples.get(w.name)[c].push(r);
        if (r && r.note) {
          samples.get(w.name).notes.push(`${c} run ${run + 1}: ${r.note}`);
          console.error(`node bench: ${w.name} ${c}: ${r.note}`);
        }
      }
    }
  }
  const seconds = (now() - began) / 1000;
  const results = [];
  console.log("| workload | unit | nervure (Node) | @nats-io/transport-node | nervure/peer | nervure p50 / p99 / p99.9 µs | peer p50 / p99 / p99.9 µs |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const w of SELECTED) {
    const s = samples.get(w.name), mine = side(s.nervure), theirs = side(s.peer);
    const ratio = mine.median && theirs.median ? (mine.median / theirs.median).toFixed(2) : "n/a";
    console.log(`| ${w.name} | ${w.unit} | ${fmt(mine.median)} | ${fmt(theirs.median)} | ${ratio} | ${lats(mine)} | ${lats(theirs)} |`);
    const entry = { workload: w.name, unit: w.unit, nervure: mine, peer: theirs };
    const note = w.how ? [w.how, ...s.notes] : s.notes;
    if (note.length) entry.note = note.join("; ");
    results.push(entry);
  }
  console.log(`\nmedian of ${runs} alternating runs; measured in ${seconds.toFixed(0)} s`);
  console.error(`node bench: measured in ${seconds.toFixed(1)} s`);
  const out = {
    language: "node",
    client: `nervure ${versionOf(path.join(root, "node"))} (node ${process.version})`,
    peer: `@nats-io/transport-node ${peerVersion("@nats-io/transport-node")} ` +
      `(@nats-io/jetstream ${peerVersion("@nats-io/jetstream")}, @nats-io/kv ${peerVersion("@nats-io/kv")})`,
    runs,
    results,
  };
  const text = JSON.stringify(out, null, 1);
  if (outJson) fs.writeFileSync(outJson, text + "\n");
  else console.error(text);
}

main(process.argv[2] || "nats://127.0.0.1:4222", Number(process.argv[3] || 3), process.argv[4]).then(
  () => process.exit(0), (err) => { console.error(err); process.exit(1); });

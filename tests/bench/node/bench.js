"use strict";
// nervure's Node package beside the official client (@nats-io/transport-node):
// pub-only, pub+sub and request-reply on one server, alternating runs,
// medians. Usage: node bench.js URL [RUNS] [OUT_JSON]
const fs = require("node:fs");
const path = require("node:path");
const nervure = require(path.join(__dirname, "..", "..", "..", "node"));
const official = require(require.resolve("@nats-io/transport-node",
  { paths: [process.env.NERVURE_NODE_TOOLS || path.join(__dirname, "..", "..", "..", "build", "node-tools")] }));

const PUB_MSGS = 500_000, PUBSUB_MSGS = 300_000, REQS = 10_000;
const PAYLOAD = Buffer.alloc(16, "x");
const WAIT_MS = 20_000; // a run that loses messages ends here instead of hanging
const now = () => Number(process.hrtime.bigint()) / 1e9;
const tick = () => new Promise((r) => setImmediate(r));

async function nervurePub(url) {
  const nc = await nervure.connect(url);
  const t = now();
  for (let i = 0; i < PUB_MSGS; i++) {
    nc.publish("bench.node.pub", PAYLOAD);
    if (i % 50000 === 0) await tick();
  }
  await nc.flush(60000);
  const rate = PUB_MSGS / (now() - t);
  await nc.close();
  return rate;
}

async function officialPub(url) {
  const nc = await official.connect({ servers: url });
  const t = now();
  for (let i = 0; i < PUB_MSGS; i++) {
    nc.publish("bench.node.pub", PAYLOAD);
    if (i % 50000 === 0) await tick();
  }
  await nc.flush();
  const rate = PUB_MSGS / (now() - t);
  await nc.close();
  return rate;
}

function received(got, t, client) {
  if (got.n < PUBSUB_MSGS) console.error(`node bench: ${client} pubsub received ${got.n} of ${PUBSUB_MSGS}`);
  return got.n && got.last > t ? got.n / (got.last - t) : 0;
}

async function pubsub(url, client) {
  const got = { n: 0, last: 0 };
  let done;
  const finished = new Promise((r) => (done = r));
  const onMsg = () => {
    got.n++;
    if (got.n === PUBSUB_MSGS) {
      got.last = now();
      done();
    }
  };
  let sc, pc, publish;
  if (client === "nervure") {
    sc = await nervure.connect(url);
    pc = await nervure.connect(url);
    sc.subscribe("bench.node.pubsub", { pendingMsgsLimit: -1, pendingBytesLimit: -1, callback: onMsg });
    await sc.flush();
    publish = (s, d) => pc.publish(s, d);
  } else {
    sc = await official.connect({ servers: url });
    pc = await official.connect({ servers: url });
    sc.subscribe("bench.node.pubsub", { callback: onMsg });
    await sc.flush();
    publish = (s, d) => pc.publish(s, d);
  }
  const t = now();
  for (let i = 0; i < PUBSUB_MSGS; i++) {
    publish("bench.node.pubsub", PAYLOAD);
    if (i % 5000 === 0) await tick();
  }
  await pc.flush();
  let timer;
  await Promise.race([finished, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
  clearTimeout(timer);
  if (!got.last) got.last = now();
  const rate = received(got, t, client);
  await sc.close();
  await pc.close();
  return rate;
}

async function reqrep(url, client) {
  let server, nc;
  if (client === "nervure") {
    server = await nervure.connect(url);
    nc = await nervure.connect(url);
    server.subscribe("bench.node.req", { callback: (_e, m) => m.respond(m.data) });
    await server.flush();
  } else {
    server = await official.connect({ servers: url });
    nc = await official.connect({ servers: url });
    server.subscribe("bench.node.req", { callback: (_e, m) => m.respond(m.data) });
    await server.flush();
  }
  const lat = [];
  const t = now();
  for (let i = 0; i < REQS; i++) {
    const t0 = now();
    await nc.request("bench.node.req", PAYLOAD, { timeout: 5000 });
    lat.push((now() - t0) * 1e6);
  }
  const rate = REQS / (now() - t);
  await nc.close();
  await server.close();
  lat.sort((a, b) => a - b);
  return [rate, lat[Math.floor(lat.length / 2)], lat[Math.floor((lat.length * 99) / 100)]];
}

// Request-reply with WINDOW requests in flight: what a service under load sees.
const WINDOW = 64, WINDOW_REQS = 50_000;
async function reqrepWindow(url, client) {
  const server = client === "nervure" ? await nervure.connect(url) : await official.connect({ servers: url });
  const nc = client === "nervure" ? await nervure.connect(url) : await official.connect({ servers: url });
  server.subscribe("bench.node.reqw", { callback: (_e, m) => m.respond(m.data) });
  await server.flush();
  let sent = 0;
  const t = now();
  const worker = async () => {
    while (sent < WINDOW_REQS) {
      sent++;
      await nc.request("bench.node.reqw", PAYLOAD, { timeout: 5000 });
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, worker));
  const rate = WINDOW_REQS / (now() - t);
  await nc.close();
  await server.close();
  return rate;
}

async function sample(label, fn) {
  try {
    return await fn();
  } catch (err) {
    console.error(`node bench: ${label} failed: ${err && err.name}: ${err && err.message}`);
    return null;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(url, runs, outJson) {
  const results = new Map();
  const keep = (k, v) => {
    if (!results.has(k)) results.set(k, []);
    if (v !== null && v !== undefined) results.get(k).push(v);
  };
  for (let run = 0; run < runs; run++) {
    // Who goes first alternates, so neither always meets a warmer server.
    const order = run % 2 ? ["official", "nervure"] : ["nervure", "official"];
    console.error(`node bench: run ${run + 1}/${runs}`);
    for (const c of order) keep(`pub-16B|${c}`, await sample(`pub ${c}`, () => (c === "nervure" ? nervurePub(url) : officialPub(url))));
    for (const c of order) keep(`pubsub-16B|${c}`, await sample(`pubsub ${c}`, () => pubsub(url, c)));
    for (const c of order) {
      const r = (await sample(`reqrep ${c}`, () => reqrep(url, c))) || [null, null, null];
      keep(`reqrep-16B|${c}`, r[0]);
      keep(`reqrep-16B p50 us|${c}`, r[1]);
      keep(`reqrep-16B p99 us|${c}`, r[2]);
    }
    for (const c of order) keep(`reqrep-16B x${WINDOW}|${c}`, await sample(`reqrep x${WINDOW} ${c}`, () => reqrepWindow(url, c)));
  }
  const rows = [];
  console.log("| workload | nervure (Node) | @nats-io/transport-node | ratio |\n|---|---:|---:|---:|");
  for (const name of ["pub-16B", "pubsub-16B", "reqrep-16B", "reqrep-16B p50 us", "reqrep-16B p99 us",
    `reqrep-16B x${WINDOW}`]) {
    const mine = results.get(`${name}|nervure`) || [], theirs = results.get(`${name}|official`) || [];
    if (!mine.length || !theirs.length) {
      console.log(`| ${name} | n/a | n/a | n/a |`);
      continue;
    }
    const ours = median(mine), them = median(theirs);
    const latency = name.endsWith("us");
    const ratio = latency ? them / ours : ours / them;
    const fmt = (v) => Math.round(v).toLocaleString("en-US");
    const unit = latency ? "" : name.startsWith("reqrep") ? " rt/s" : " msgs/s";
    console.log(`| ${name}${unit} | ${fmt(ours)} | ${fmt(them)} | ${ratio.toFixed(2)}x${latency ? " faster" : ""} |`);
    rows.push({ workload: name, nervure: ours, official: them, ratio });
  }
  const text = JSON.stringify(rows);
  if (outJson) fs.writeFileSync(outJson, text + "\n");
  else console.error(text);
}

main(process.argv[2] || "nats://127.0.0.1:4222", Number(process.argv[3] || 3), process.argv[4]).then(
  () => process.exit(0), (err) => { console.error(err); process.exit(1); });

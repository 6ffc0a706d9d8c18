"use strict";
// nervure and the official client (@nats-io/transport-node) on one server, both directions.
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const nervure = require("..");
const { Harness } = require("./harness");

const tools = process.env.NERVURE_NODE_TOOLS || path.join(__dirname, "..", "..", "build", "node-tools");
let official;
try {
  official = require(require.resolve("@nats-io/transport-node", { paths: [tools] }));
} catch {
  official = null;
}
const skip = official ? false : "@nats-io/transport-node is not installed (node/test.sh installs it)";

let h, nc, oc;
before(async () => {
  if (skip) return;
  h = await Harness.start();
  nc = await nervure.connect(h.url);
  oc = await official.connect({ servers: h.url });
});
after(async () => {
  if (skip) return;
  await oc.close();
  await nc.close();
  await h.stop();
});

test("official publishes with headers, nervure receives them", { skip }, async () => {
  const sub = nc.subscribe("io.a");
  await nc.flush();
  const hd = official.headers();
  hd.append("X-Multi", "1");
  hd.append("X-Multi", "2");
  hd.set("Case-Kept", "v");
  oc.publish("io.a", "from official", { headers: hd });
  const m = await sub.nextMsg(2000);
  assert.equal(m.string(), "from official");
  assert.deepEqual(m.headers.values("x-multi"), ["1", "2"]);
  assert.ok(m.headers.keys().includes("Case-Kept"));
});

test("nervure publishes with headers, official receives them", { skip }, async () => {
  const sub = oc.subscribe("io.b", { max: 1 });
  await oc.flush();
  nc.publish("io.b", Buffer.from("from nervure"), { headers: { "X-Multi": ["a", "b"], Single: "s" } });
  for await (const m of sub) {
    assert.equal(m.string(), "from nervure");
    assert.deepEqual(m.headers.values("X-Multi"), ["a", "b"]);
    assert.equal(m.headers.get("Single"), "s");
  }
});

test("official requests, nervure replies", { skip }, async () => {
  nc.subscribe("io.svc1", { callback: (_e, m) => m.respond(`n:${m.string()}`, { headers: { Via: "nervure" } }) });
  await nc.flush();
  const r = await oc.request("io.svc1", "q", { timeout: 2000 });
  assert.equal(r.string(), "n:q");
  assert.equal(r.headers.get("Via"), "nervure");
});

test("nervure requests, official replies", { skip }, async () => {
  const sub = oc.subscribe("io.svc2");
  (async () => {
    for await (const m of sub) {
      const hd = official.headers();
      hd.set("Got", m.headers ? m.headers.get("Sent") : "");
      m.respond(`o:${m.string()}`, { headers: hd });
    }
  })();
  await oc.flush();
  const r = await nc.request("io.svc2", "q", { timeout: 2000, headers: { Sent: "yes" } });
  assert.equal(r.string(), "o:q");
  assert.equal(r.headers.get("got"), "yes");
  sub.unsubscribe();
});

"use strict";
// JetStream and key-value from Node against real servers, what 2.9 refuses,
// and interop with the official client.
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const nervure = require("..");
const { Harness } = require("./harness");

let h;
before(async () => { h = await Harness.start(); });
after(async () => { await h.stop(); });

let n = 0;
const name = (prefix) => `${prefix}${++n}`;

test("streams and acknowledged publishing", async () => {
  const nc = await nervure.connect(h.url);
  const js = nc.jetstream();
  const stream = name("ORDERS");
  const info = await js.addStream({ name: stream, subjects: [`${stream}.>`], max_age: 3600000, storage: "memory" });
  assert.equal(info.config.max_age, 3600000 * 1e6);
  const ack = await js.publish(`${stream}.created`, "o-1", { msgId: "o-1", headers: { "Order-Id": "o-1" } });
  assert.deepEqual([ack.stream, ack.seq, ack.duplicate], [stream, 1, false]);
  assert.equal((await js.publish(`${stream}.created`, "o-1", { msgId: "o-1" })).duplicate, true);
  await assert.rejects(js.publish(`${stream}.created`, "x", { expectedLastSeq: 99 }),
    (e) => e instanceof nervure.JetStreamApiError && e.errCode === 10071 && e.apiCode === 400);
  await assert.rejects(js.publish("no.stream.here", "x"), nervure.NoRespondersError);
  const stored = await js.getMsg(stream, { seq: 1 });
  assert.equal(stored.data.toString(), "o-1");
  assert.ok((await js.streamNames()).includes(stream));
  assert.equal((await js.streamInfo(stream)).state.messages, 1);
  assert.equal(await js.purgeStream(stream), 1);
  await assert.rejects(js.addStream({ subjects: ["x"] }), nervure.InvalidArgumentError);
  assert.throws(() => js.addStream("not an object"), nervure.InvalidArgumentError);
  await js.deleteStream(stream);
  await assert.rejects(js.streamInfo(stream), (e) => e.errCode === 10059);
  await nc.close();
});

test("pull consumers, acknowledgements and ordered consumers", async () => {
  const nc = await nervure.connect(h.url);
  const js = nc.jetstream();
  const stream = name("WORK");
  await js.addStream({ name: stream, subjects: [`${stream}.>`], storage: "memory" });
  for (let i = 0; i < 5; i++) await js.publish(`${stream}.job`, `job-${i}`);
  await js.addConsumer(stream, { durable_name: "workers", ack_wait: 1000 });
  assert.deepEqual(await js.consumerNames(stream), ["workers"]);
  const consumer = js.consumer(stream, "workers");
  const batch = await consumer.fetch({ batch: 3, expires: 2000 });
  assert.deepEqual(batch.map((m) => m.string()), ["job-0", "job-1", "job-2"]);
  assert.equal(batch[0].metadata.stream_seq, 1);
  batch[0].ack();
  batch[2].nak();
  // Confirmed: the server took the acknowledgements sent before it, so the
  // next pull sees the nak (the server queues acknowledgements apart from pulls).
  await batch[1].ackSync();
  const again = await consumer.next({ timeout: 2000 });
  assert.equal(again.string(), "job-2");
  assert.equal(again.metadata.num_delivered, 2);
  again.term();
  const sub = await consumer.consume({ maxMessages: 10 });
  const seen = [];
  for await (const m of sub) {
    seen.push(m.string());
    m.ack();
    if (seen.length === 2) break;
  }
  sub.unsubscribe();
  assert.deepEqual(seen, ["job-3", "job-4"]);
  const ordered = await js.orderedConsumer(stream);
  const all = [];
  for (let i = 0; i < 5; i++) all.push((await ordered.nextMsg(5000)).string());
  assert.deepEqual(all, ["job-0", "job-1", "job-2", "job-3", "job-4"]);
  ordered.unsubscribe();
  await js.deleteStream(stream);
  await nc.close();
});

test("a fetch remembers its consumer, and one deleted or re-made elsewhere is looked up again", async () => {
  const nc = await nervure.connect(h.url), other = await nervure.connect(h.url);
  const js = nc.jetstream(), elsewhere = other.jetstream();
  const stream = name("FETCH");
  await js.addStream({ name: stream, subjects: [`${stream}.>`], storage: "memory" });
  for (let i = 0; i < 4; i++) await js.publish(`${stream}.job`, `job-${i}`);
  await js.addConsumer(stream, { durable_name: "w" });
  const fetchOne = async () => (await js.consumer(stream, "w").fetch({ batch: 1, expires: 1000 })).map((m) => {
    m.ack();
    return m.string();
  });
  assert.deepEqual(await fetchOne(), ["job-0"]);
  assert.deepEqual(await fetchOne(), ["job-1"]);
  // Deleted by another connection: this one's remembered handle is stale, and
  // the fetch fails as it does for a consumer that never existed.
  await elsewhere.deleteConsumer(stream, "w");
  const notFound = (e) => e instanceof nervure.JetStreamApiError && e.errCode === 10014;
  await assert.rejects(fetchOne(), notFound);
  await assert.rejects(js.consumer(stream, "never").fetch({ batch: 1, expires: 1000 }), notFound);
  // Re-made elsewhere under the same name, from the start of the stream.
  await elsewhere.addConsumer(stream, { durable_name: "w" });
  assert.deepEqual(await fetchOne(), ["job-0"]);
  await elsewhere.deleteConsumer(stream, "w");
  await elsewhere.addConsumer(stream, { durable_name: "w", deliver_policy: "last" });
  assert.deepEqual(await fetchOne(), ["job-3"]);
  await js.deleteStream(stream);
  await other.close();
  await nc.close();
});

test("key-value: operations, compare-and-set, watch", async () => {
  const nc = await nervure.connect(h.url);
  const js = nc.jetstream();
  const bucket = name("inventory");
  const kv = await js.createKeyValue({ bucket, history: 5, storage: "memory" });
  const rev = await kv.put("kettle", "5");
  const e = await kv.get("kettle");
  assert.deepEqual([e.key, e.value.toString(), e.revision, e.operation], ["kettle", "5", rev, "PUT"]);
  await kv.update("kettle", "4", rev);
  await assert.rejects(kv.update("kettle", "3", rev), (err) => err.errCode === 10071);
  await assert.rejects(kv.create("kettle", "9"), nervure.JetStreamApiError);
  assert.equal(await kv.get("missing"), null);
  assert.deepEqual((await kv.history("kettle")).map((x) => x.value.toString()), ["5", "4"]);
  assert.deepEqual(await kv.keys(), ["kettle"]);
  const watcher = await kv.watch();
  const first = await watcher.next(5000);
  assert.equal(first.value.toString(), "4");
  await kv.delete("kettle");
  const del = await watcher.next(5000);
  assert.equal(del.operation, "DEL");
  assert.equal(watcher.initialDone, true);
  watcher.stop();
  assert.equal((await kv.status()).history, 5);
  assert.ok((await js.keyValueNames()).includes(bucket));
  await js.deleteKeyValue(bucket);
  await nc.close();
});

test("key-value: put and get complete through the dispatch, not the thread pool", async () => {
  const nc = await nervure.connect(h.url);
  const js = nc.jetstream();
  const kv = await js.createKeyValue({ bucket: name("looped"), history: 3, storage: "memory" });
  kv._blocking = () => { throw new Error("ran on the thread pool"); };
  const revs = await Promise.all(Array.from({ length: 20 }, (_, i) => kv.put(`k${i}`, String(i))));
  assert.deepEqual([...revs].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  const rev = await kv.put("k0", Buffer.from([0, 1, 2]));
  assert.deepEqual([...(await kv.get("k0")).value], [0, 1, 2]);
  assert.equal((await kv.get("k0", { revision: revs[0] })).value.toString(), "0");
  assert.equal(await kv.get("k1", { revision: rev }), null); // that revision belongs to another key
  assert.equal(await kv.get("absent"), null);
  const values = await Promise.all(Array.from({ length: 19 }, (_, i) => kv.get(`k${i + 1}`)));
  assert.deepEqual(values.map((e) => e.value.toString()), Array.from({ length: 19 }, (_, i) => String(i + 1)));
  await assert.rejects(kv.put("a b", "x"), nervure.InvalidArgumentError);
  await assert.rejects(kv.get("k0", { revision: -1 }), nervure.InvalidArgumentError);
  await nc.close();
});

test("what nats-server 2.9 cannot honour is refused", async () => {
  const old = await Harness.start("single", ["--compat"]);
  try {
    const nc = await nervure.connect(old.url);
    const js = nc.jetstream();
    await js.addStream({ name: "OLD", subjects: ["OLD.>"], storage: "memory" });
    await js.publish("OLD.a", "x");
    await assert.rejects(js.purgeStream("OLD", { keep: 1 }), nervure.NotSupportedByServerError);
    await assert.rejects(js.publish("OLD.a", "x", { ttl: 5000 }), nervure.NotSupportedByServerError);
    await js.addConsumer("OLD", { durable_name: "c" });
    const m = await js.consumer("OLD", "c").next({ timeout: 2000 });
    assert.throws(() => m.term("because"), nervure.NotSupportedByServerError);
    await nc.close();
  } finally {
    await old.stop();
  }
});

test("interop: the official client publishes into a stream nervure created and reads", async (t) => {
  const tools = process.env.NERVURE_NODE_TOOLS;
  let official;
  try {
    official = require(path.join(tools || "", "node_modules", "@nats-io", "transport-node"));
  } catch {
    return t.skip("the official client is not installed (node/test.sh installs it)");
  }
  const nc = await nervure.connect(h.url);
  const js = nc.jetstream();
  const stream = name("SHARED");
  await js.addStream({ name: stream, subjects: [`${stream}.>`], storage: "memory" });
  const theirs = await official.connect({ servers: h.url });
  // The official client's JetStream API lives in @nats-io/jetstream; the raw API request is enough here.
  const reply = await theirs.request(`${stream}.from-official`, "hello", { timeout: 2000 });
  assert.equal(JSON.parse(new TextDecoder().decode(reply.data)).seq, 1);
  assert.equal((await js.getMsg(stream, { seq: 1 })).data.toString(), "hello");
  await theirs.close();
  await nc.close();
});

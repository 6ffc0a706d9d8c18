"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const nervure = require("..");
const { connect } = nervure;
const { Harness, eventually } = require("./harness");

let h;
before(async () => { h = await Harness.start(); });
after(async () => { await h.stop(); });

test("connect, introspection, close", async () => {
  const nc = await connect({ servers: h.url, name: "t" });
  assert.equal(nc.isConnected(), true);
  assert.equal(nc.isClosed(), false);
  assert.equal(nc.isReconnecting(), false);
  assert.ok(nc.connectedUrl().startsWith("nats://"));
  assert.equal(typeof nc.serverInfo().server_id, "string");
  assert.ok(nc.maxPayload() > 0);
  assert.ok(nc.newInbox().startsWith("_INBOX."));
  const st = nc.stats();
  for (const k of ["inMsgs", "inBytes", "outMsgs", "outBytes", "reconnects"]) assert.equal(typeof st[k], "number");
  await nc.flush();
  await nc.close();
  assert.equal(nc.isClosed(), true);
  await nc.closed();
});

test("connect errors and bad options", async () => {
  await assert.rejects(connect({ servers: "nats://127.0.0.1:1", connectTimeout: 200, maxReconnectAttempts: 0 }),
    nervure.NervureError);
  await assert.rejects(connect({ servers: h.url, bogus: 1 }), nervure.InvalidArgumentError);
  await assert.rejects(connect({ servers: h.url, name: 5 }), (e) => e.code === "INVALID_ARGUMENT");
  await assert.rejects(connect({ servers: "notaurl://x" }), nervure.NervureError);
});

test("publish and iterate, with multi-valued headers", async () => {
  const nc = await connect(h.url);
  const sub = nc.subscribe("it.>", { maxMsgs: 3 });
  const hdrs = new nervure.MsgHdrs();
  hdrs.append("X-Multi", "a");
  hdrs.append("X-Multi", "b");
  nc.publish("it.1", "one", { headers: hdrs });
  nc.publish("it.2", Buffer.from([0, 1, 2]));
  nc.publish("it.3", new Uint8Array([7]), { headers: { Single: "v", List: ["x", "y"] } });
  const got = [];
  for await (const m of sub) got.push(m);
  assert.equal(got.length, 3);
  assert.equal(got[0].string(), "one");
  assert.deepEqual(got[0].headers.values("x-multi"), ["a", "b"]);
  assert.deepEqual(got[0].headers.keys(), ["X-Multi"]);
  assert.deepEqual([...got[1].data], [0, 1, 2]);
  assert.equal(got[1].headers, undefined);
  assert.equal(got[2].headers.get("single"), "v");
  assert.deepEqual(got[2].headers.values("List"), ["x", "y"]);
  await nc.close();
});

test("one pull of many messages keeps each one's subject, reply, payload and headers", async () => {
  // All queued before the first pull, so one packed batch carries them: a
  // column of distinct subjects, a reply column with one value, payloads
  // (one empty) side by side in one buffer.
  const nc = await connect(h.url);
  const sub = nc.subscribe("pack.>");
  await nc.flush();
  const sent = [["pack.a", "r.1", "alpha"], ["pack.a", "r.1", ""], ["pack.b", "r.1", "beta"], ["pack.c", "r.1", "c"]];
  for (const [subject, reply, data] of sent) nc.publish(subject, data, { reply });
  nc.publish("pack.h", "with headers", { headers: { K: "v" } });
  await nc.flush();
  await nc.flush(); // the core has queued all five by the second round trip
  const got = [];
  for await (const m of sub) {
    got.push(m);
    if (got.length === 5) break;
  }
  assert.deepEqual(got.slice(0, 4).map((m) => [m.subject, m.reply, m.string()]), sent);
  assert.equal(got[1].data.length, 0);
  assert.equal(got[4].subject, "pack.h");
  assert.equal(got[4].reply, "");
  assert.equal(got[4].headers.get("k"), "v");
  assert.equal(got[0].headers, undefined);
  // Each payload is a view of its own bytes: changing one leaves its neighbours alone.
  got[0].data[0] = 0x41;
  assert.equal(got[2].string(), "beta");
  await nc.close();
});

test("publish errors: bad subject, max payload, closed connection", async () => {
  const nc = await connect(h.url);
  assert.throws(() => nc.publish("bad subject", "x"), nervure.InvalidSubjectError);
  assert.throws(() => nc.publish("", "x"), nervure.InvalidSubjectError);
  assert.throws(() => nc.publish("a.*", "x"), nervure.InvalidSubjectError);
  assert.throws(() => nc.subscribe("a..b"), nervure.InvalidSubjectError);
  assert.throws(() => nc.publish("big", Buffer.alloc(nc.maxPayload() + 1)), nervure.MaxPayloadError);
  assert.throws(() => nc.publish("x", 42), nervure.InvalidArgumentError);
  await nc.close();
  assert.throws(() => nc.publish("x", "y"), nervure.ConnectionClosedError);
  await assert.rejects(nc.request("x", "y"), nervure.ConnectionClosedError);
  await assert.rejects(nc.flush(), nervure.ConnectionClosedError);
});

test("request-reply, timeout, no responders, headers both ways", async () => {
  const nc = await connect(h.url);
  const svc = nc.subscribe("svc.echo", {
    callback: (err, m) => m.respond(`echo:${m.string()}`, { headers: { Seen: m.headers ? m.headers.get("In") : "" } }),
  });
  await nc.flush();
  const r = await nc.request("svc.echo", "hi", { timeout: 2000, headers: { In: "yes" } });
  assert.equal(r.string(), "echo:hi");
  assert.equal(r.headers.get("seen"), "yes");
  await assert.rejects(nc.request("svc.nobody", "x", { timeout: 1000 }), (e) =>
    e instanceof nervure.NoRespondersError && e.code === "NO_RESPONDERS" && e.errorCode === 4);
  const silent = nc.subscribe("svc.silent");
  await nc.flush();
  await assert.rejects(nc.request("svc.silent", "x", { timeout: 100 }), nervure.TimeoutError);
  await assert.rejects(nc.request("svc.echo", "x", { timeout: -1 }), nervure.InvalidArgumentError);
  silent.unsubscribe();
  svc.unsubscribe();
  await nc.close();
});

test("aborting a request rejects it and cancels it", async () => {
  const nc = await connect(h.url);
  const silent = nc.subscribe("svc.abort");
  await nc.flush();
  const ac = new AbortController();
  const p = nc.request("svc.abort", "x", { timeout: 10000, signal: ac.signal });
  setTimeout(() => ac.abort(new Error("gave up")), 20);
  await assert.rejects(p, /gave up/);
  const pre = new AbortController();
  pre.abort(new Error("before"));
  await assert.rejects(nc.request("svc.abort", "x", { signal: pre.signal }), /before/);
  silent.unsubscribe();
  silent.unsubscribe(); // a second time is a no-op
  await nc.close();
});

// While a request is in flight the loop polls instead of sleeping (bindings/runtime/loop_spin.hpp):
// timers and other I/O due meanwhile still run first.
test("timers and other sockets run while a reply is due", async () => {
  const net = require("node:net");
  const nc = await connect(h.url), responder = await connect(h.url);
  const order = [];
  responder.subscribe("spin.slow", { callback: (_e, m) => setTimeout(() => { order.push("reply"); m.respond("late"); }, 300) });
  await responder.flush();
  const server = net.createServer((s) => s.on("data", () => { order.push("socket"); s.end(); }));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const client = net.connect(server.address().port, "127.0.0.1");
  await new Promise((r) => client.on("connect", r));
  setTimeout(() => order.push("timer"), 20);
  setTimeout(() => client.write("x"), 50);
  const m = await nc.request("spin.slow", "", { timeout: 5000 });
  assert.equal(m.string(), "late");
  assert.deepEqual(order, ["timer", "socket", "reply"]);
  client.destroy();
  server.close();
  await nc.close();
  await responder.close();
});

// Replies that the loop's polling reads are delivered from its prepare hook,
// which then polls again for the next request: back-to-back requests must not
// hold up timers, immediates or other sockets.
test("back-to-back requests leave timers, immediates and sockets running", async () => {
  const net = require("node:net");
  const nc = await connect(h.url), responder = await connect(h.url);
  responder.subscribe("spin.echo", { callback: (_e, m) => m.respond(m.data) });
  await responder.flush();
  const server = net.createServer((s) => s.on("data", (d) => s.write(d)));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const client = net.connect(server.address().port, "127.0.0.1");
  await new Promise((r) => client.on("connect", r));
  let ticks = 0, immediates = 0, echoes = 0, requests = 0;
  client.on("data", (d) => { echoes += d.length; });
  // Every 5 ms a timer fires, queues an immediate and sends on the socket: about 100 of each in 500 ms.
  const interval = setInterval(() => { ticks++; setImmediate(() => immediates++); client.write("x"); }, 5);
  const until = Date.now() + 500;
  while (Date.now() < until) {
    await nc.request("spin.echo", "ping", { timeout: 5000 });
    requests++;
  }
  clearInterval(interval);
  await new Promise((r) => setTimeout(r, 20)); // the last echoes
  assert.ok(requests > 50, `requests: ${requests}`);
  assert.ok(ticks >= 25, `interval ticks in 500 ms: ${ticks}`);
  assert.ok(immediates >= ticks - 1, `immediates: ${immediates} of ${ticks}`);
  assert.ok(echoes >= ticks - 5, `socket echoes: ${echoes} of ${ticks}`);
  client.destroy();
  server.close();
  await nc.close();
  await responder.close();
});

test("many concurrent requests", async () => {
  const nc = await connect(h.url);
  nc.subscribe("svc.many", { callback: (_e, m) => m.respond(m.data) });
  await nc.flush();
  const replies = await Promise.all(Array.from({ length: 500 }, (_, i) => nc.request("svc.many", String(i))));
  replies.forEach((r, i) => assert.equal(r.string(), String(i)));
  await nc.close();
});

test("queue groups share the work", async () => {
  const nc = await connect(h.url);
  const counts = [0, 0, 0];
  const subs = counts.map((_, i) => nc.subscribe("work", { queue: "workers", callback: () => counts[i]++ }));
  await nc.flush();
  for (let i = 0; i < 300; i++) nc.publish("work", String(i));
  await nc.flush();
  await eventually(() => counts.reduce((a, b) => a + b) === 300);
  assert.ok(counts.filter((c) => c > 0).length >= 2, `spread: ${counts}`);
  subs.forEach((s) => s.unsubscribe());
  assert.throws(() => nc.subscribe("work", { queue: "bad queue" }), nervure.InvalidSubjectError);
  await nc.close();
});

test("nextMsg timeout, unsubscribe, pending and delivered counters", async () => {
  const nc = await connect(h.url);
  const sub = nc.subscribe("nm");
  await assert.rejects(sub.nextMsg(50), nervure.TimeoutError);
  nc.publish("nm", "1");
  nc.publish("nm", "2");
  await nc.flush();
  await eventually(() => sub.pending() === 2);
  assert.equal(sub.pendingBytes(), 2);
  assert.equal((await sub.nextMsg(1000)).string(), "1");
  assert.equal(sub.delivered(), 2);
  assert.equal(sub.dropped(), 0);
  sub.unsubscribe();
  assert.equal(await sub.nextMsg(10), null);
  await sub.closed;
  await nc.close();
});

test("auto unsubscribe and pending limits", async () => {
  const nc = await connect(h.url);
  const sub = nc.subscribe("au");
  sub.autoUnsubscribe(2);
  assert.throws(() => sub.autoUnsubscribe(0), nervure.InvalidArgumentError);
  for (let i = 0; i < 5; i++) nc.publish("au", String(i));
  const got = [];
  for await (const m of sub) got.push(m.string());
  assert.deepEqual(got, ["0", "1"]);
  const slowEvents = [];
  nc.on("slowConsumer", (detail) => slowEvents.push(detail));
  const slow = nc.subscribe("slow");
  slow.setPendingLimits(2, -1);
  assert.throws(() => slow.setPendingLimits(0, 0), nervure.InvalidArgumentError);
  for (let i = 0; i < 10; i++) nc.publish("slow", "x");
  await nc.flush();
  await eventually(() => slow.dropped() > 0);
  await eventually(() => slowEvents.length > 0);
  await nc.close();
});

test("unsubscribing inside a callback stops the rest of the batch", async () => {
  const nc = await connect(h.url);
  const got = [];
  const sub = nc.subscribe("unsub.cb", { callback: (_e, m) => { got.push(m.string()); if (got.length === 3) sub.unsubscribe(); } });
  for (let i = 0; i < 50; i++) nc.publish("unsub.cb", String(i));
  await nc.flush();
  await sub.closed;
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(got, ["0", "1", "2"]);
  await nc.close();
});

test("subscription drain delivers what was queued", async () => {
  const nc = await connect(h.url);
  const got = [];
  const sub = nc.subscribe("dr", { callback: (_e, m) => got.push(m.string()) });
  for (let i = 0; i < 100; i++) nc.publish("dr", String(i));
  await nc.flush();
  await sub.drain();
  await eventually(() => got.length === 100);
  await nc.close();
});

// Messages are pulled 1024 at a time: a subscription that ended with more
// than that still queued gives every one of them before it ends.
test("an ended subscription gives everything queued, over several pulls", async () => {
  const nc = await connect(h.url);
  const sub = nc.subscribe("many.end", { maxMsgs: 3000 });
  await nc.flush();
  for (let i = 0; i < 3000; i++) nc.publish("many.end", String(i));
  await nc.flush();
  await eventually(() => sub.pending() === 3000); // all arrived (the last ends it) and wait in the core
  let n = 0;
  for await (const m of sub) assert.equal(m.string(), String(n++));
  assert.equal(n, 3000);
  await nc.close();
});

test("connection drain closes after delivering", async () => {
  const nc = await connect(h.url);
  const got = [];
  nc.subscribe("cd", { callback: (_e, m) => got.push(m) });
  for (let i = 0; i < 50; i++) nc.publish("cd", "x");
  await nc.flush();
  await nc.drain();
  assert.equal(nc.isClosed(), true);
  assert.equal(got.length, 50);
});

test("a throwing handler goes to the error event", async () => {
  const nc = await connect(h.url);
  const errs = [];
  nc.on("error", (e) => errs.push(e));
  let n = 0;
  nc.subscribe("boom", { callback: () => { n++; throw new Error("handler failed"); } });
  nc.publish("boom", "1");
  nc.publish("boom", "2");
  await eventually(() => errs.length === 2);
  assert.equal(n, 2);
  assert.equal(errs[0].message, "handler failed");
  await nc.close();
});

test("error classes from the definition", () => {
  for (const name of ["ConnectionClosedError", "TimeoutError", "NoRespondersError", "InvalidSubjectError",
    "MaxPayloadError", "AuthorizationError", "SlowConsumerError", "JetStreamApiError",
    "NotSupportedByServerError", "ActorError", "InvalidArgumentError"]) {
    const e = new nervure[name]("m");
    assert.ok(e instanceof nervure.NervureError && e instanceof Error, name);
    assert.equal(e.name, name);
    assert.equal(typeof e.code, "string");
  }
  assert.equal(new nervure.JetStreamApiError("x", { code: 404, err_code: 10059 }).errCode, 10059);
});

"use strict";
// The conformance agent for Node (tests/conformance/PROTOCOL.md).
const readline = require("node:readline");
const nervure = require("nervure");

class Conformance extends nervure.Actor {
  echo(value = null) { return value; }
  add(n) {
    const total = this.state.get("n", 0) + n;
    this.state.set("n", total);
    return total;
  }
  whoami() { return "node"; }
  fail(text) { throw new Error(text); }
}

const pairs = (h) => (h ? [...h] : []);
const headersOf = (list) => (list && list.length ? list : undefined);

function errorAnswer(err) {
  if (!(err instanceof nervure.NervureError)) throw err;
  const answer = { ok: false, error: err.name, code: err.errorCode, message: err.message };
  if (err instanceof nervure.ActorError) answer.remote_type = err.remoteType;
  if (err instanceof nervure.JetStreamApiError) answer.err_code = err.errCode;
  return answer;
}

const state = { nc: null, subs: new Map(), watches: new Map(), runtimes: [] };

const ops = {
  async hello() { return { ok: true, language: "node" }; },
  async connect(c) {
    state.nc = await nervure.connect({ servers: c.url, name: "conformance-node" });
    return { ok: true };
  },
  async publish(c) {
    state.nc.publish(c.subject, c.data || "", { headers: headersOf(c.headers) });
    await state.nc.flush();
    return { ok: true };
  },
  async subscribe(c) {
    state.subs.set(c.sid, state.nc.subscribe(c.subject, { queue: c.queue || "" }));
    await state.nc.flush();
    return { ok: true };
  },
  async next(c) {
    const m = await state.subs.get(c.sid).nextMsg(c.timeout_ms);
    return { ok: true, subject: m.subject, data: m.string(), headers: pairs(m.headers) };
  },
  async unsubscribe(c) {
    state.subs.get(c.sid).unsubscribe();
    state.subs.delete(c.sid);
    return { ok: true };
  },
  async request(c) {
    const m = await state.nc.request(c.subject, c.data || "", { timeout: c.timeout_ms, headers: headersOf(c.headers) });
    return { ok: true, data: m.string(), headers: pairs(m.headers) };
  },
  async serve(c) {
    state.nc.subscribe(c.subject, {
      callback: (err, m) => m.respond(c.prefix + m.string(), { headers: headersOf(pairs(m.headers)) }),
    });
    await state.nc.flush();
    return { ok: true };
  },
  async host_actor(c) {
    const runtime = new nervure.ActorRuntime(state.nc, { leaseBucket: c.lease_bucket, stateBucket: c.state_bucket });
    runtime.register(c.type, Conformance);
    await runtime.start();
    state.runtimes.push(runtime);
    return { ok: true };
  },
  async invoke(c) {
    const proxy = nervure.actorProxy(state.nc, c.type, c.id);
    const result = "args" in c ? await proxy.invoke(c.method, c.args, { timeout: 5000 })
      : await proxy.invoke(c.method, undefined, { timeout: 5000 });
    return { ok: true, result: result === undefined ? null : result };
  },
  async probe(c) {
    try {
      switch (c.case) {
        case "invalid_subject": state.nc.publish("bad subject", "x"); break;
        case "no_responders": await state.nc.request("probe.nobody.node", "x", { timeout: 2000 }); break;
        case "timeout":
          state.nc.subscribe("probe.silent.node");
          await state.nc.flush();
          await state.nc.request("probe.silent.node", "x", { timeout: 200 });
          break;
        case "actor_error": await nervure.actorProxy(state.nc, c.type, "probe").invoke("fail", "out of stock", { timeout: 5000 }); break;
        case "no_actor_host": await nervure.actorProxy(state.nc, "nobody-hosts-this", "x").invoke("echo", undefined, { timeout: 5000 }); break;
        default: return { ok: false, error: "UnknownProbe", code: -1, message: c.case };
      }
    } catch (err) {
      return errorAnswer(err);
    }
    return { ok: true };
  },
  async js_add_stream(c) {
    await state.nc.jetstream().addStream({ name: c.name, subjects: c.subjects, storage: "memory" });
    return { ok: true };
  },
  async js_publish(c) {
    const ack = await state.nc.jetstream().publish(c.subject, c.data, { msgId: c.msg_id || "" });
    return { ok: true, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  },
  async js_read(c) {
    const js = state.nc.jetstream();
    if (!(await js.consumerNames(c.stream)).includes(c.consumer)) await js.addConsumer(c.stream, { durable_name: c.consumer });
    const msgs = await js.consumer(c.stream, c.consumer).fetch({ batch: c.count, expires: 2000 });
    for (const m of msgs) await m.ackSync();
    return { ok: true, data: msgs.map((m) => m.string()) };
  },
  async kv_create(c) {
    await state.nc.jetstream().createKeyValue({ bucket: c.bucket, storage: "memory" });
    return { ok: true };
  },
  async kv_put(c) {
    const kv = await state.nc.jetstream().keyValue(c.bucket);
    return { ok: true, revision: await kv.put(c.key, c.value) };
  },
  async kv_get(c) {
    const e = await (await state.nc.jetstream().keyValue(c.bucket)).get(c.key);
    return e === null ? { ok: true, value: null } : { ok: true, value: e.value.toString(), revision: e.revision };
  },
  async kv_update(c) {
    const kv = await state.nc.jetstream().keyValue(c.bucket);
    return { ok: true, revision: await kv.update(c.key, c.value, c.last_revision) };
  },
  async kv_watch(c) {
    const kv = await state.nc.jetstream().keyValue(c.bucket);
    state.watches.set(c.wid, await kv.watch({ keys: c.key }));
    return { ok: true };
  },
  async kv_watch_next(c) {
    const e = await state.watches.get(c.wid).next(c.timeout_ms);
    return { ok: true, key: e.key, value: Buffer.from(e.value).toString(), revision: e.revision, operation: e.operation };
  },
  async kv_unwatch(c) {
    state.watches.get(c.wid).stop();
    state.watches.delete(c.wid);
    return { ok: true };
  },
  async quit() {
    for (const r of state.runtimes) await r.stop();
    if (state.nc) await state.nc.close();
    return { ok: true };
  },
};

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const c = JSON.parse(line);
    let answer;
    try {
      answer = await ops[c.op](c);
    } catch (err) {
      answer = errorAnswer(err);
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
    if (c.op === "quit") break;
  }
  process.exit(0);
}

main();

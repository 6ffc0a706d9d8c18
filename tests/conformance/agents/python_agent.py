"""The conformance agent for Python (tests/conformance/PROTOCOL.md)."""
import asyncio
import json
import sys

import nervure


class Conformance(nervure.Actor):
    def echo(self, value=None):
        return value

    def add(self, n):
        total = self.state.get("n", 0) + n
        self.state.set("n", total)
        return total

    def whoami(self):
        return "python"

    def fail(self, text):
        raise ValueError(text)


def error_answer(err):
    answer = {"ok": False, "error": type(err).__name__, "message": str(err),
              "code": getattr(err, "error_code", 0)}
    if isinstance(err, nervure.ActorError):
        answer["remote_type"] = err.remote_type
    if isinstance(err, nervure.JetStreamApiError):
        answer["err_code"] = err.err_code
    return answer


class Agent:
    def __init__(self):
        self.nc = None
        self.subs = {}
        self.watches = {}
        self.runtimes = []

    async def run(self):
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            cmd = json.loads(line)
            try:
                answer = await getattr(self, "op_" + cmd["op"])(cmd)
            except nervure.NervureError as err:
                answer = error_answer(err)
            print(json.dumps(answer), flush=True)
            if cmd["op"] == "quit":
                break

    async def op_hello(self, cmd):
        return {"ok": True, "language": "python"}

    async def op_connect(self, cmd):
        self.nc = await nervure.connect(cmd["url"], name="conformance-python")
        return {"ok": True}

    async def op_publish(self, cmd):
        self.nc.publish(cmd["subject"], cmd.get("data", ""), headers=cmd.get("headers") or None)
        await self.nc.flush()
        return {"ok": True}

    async def op_subscribe(self, cmd):
        self.subs[cmd["sid"]] = await self.nc.subscribe(cmd["subject"], queue=cmd.get("queue", ""))
        await self.nc.flush()
        return {"ok": True}

    async def op_next(self, cmd):
        msg = await self.subs[cmd["sid"]].next_msg(timeout=cmd["timeout_ms"] / 1000)
        return {"ok": True, "subject": msg.subject, "data": msg.data.decode(), "headers": msg.headers.pairs()}

    async def op_unsubscribe(self, cmd):
        await self.subs.pop(cmd["sid"]).unsubscribe()
        return {"ok": True}

    async def op_request(self, cmd):
        reply = await self.nc.request(cmd["subject"], cmd.get("data", ""), timeout=cmd["timeout_ms"] / 1000,
                                      headers=cmd.get("headers") or None)
        return {"ok": True, "data": reply.data.decode(), "headers": reply.headers.pairs()}

    async def op_serve(self, cmd):
        prefix = cmd["prefix"].encode()

        def answer(msg):
            msg.respond(prefix + msg.data, headers=msg.headers.pairs() or None)

        await self.nc.subscribe(cmd["subject"], cb=answer)
        await self.nc.flush()
        return {"ok": True}

    async def op_host_actor(self, cmd):
        runtime = nervure.ActorRuntime(self.nc, lease_bucket=cmd["lease_bucket"], state_bucket=cmd["state_bucket"])
        runtime.register(cmd["type"], Conformance)
        await runtime.start()
        self.runtimes.append(runtime)
        return {"ok": True}

    async def op_invoke(self, cmd):
        proxy = nervure.actor_proxy(self.nc, cmd["type"], cmd["id"])
        if "args" in cmd:
            result = await proxy.invoke(cmd["method"], cmd["args"], timeout=5)
        else:
            result = await proxy.invoke(cmd["method"], timeout=5)
        return {"ok": True, "result": result}

    async def op_probe(self, cmd):
        case = cmd["case"]
        try:
            if case == "invalid_subject":
                self.nc.publish("bad subject", b"x")
            elif case == "no_responders":
                await self.nc.request("probe.nobody.python", b"x", timeout=2)
            elif case == "timeout":
                await self.nc.subscribe("probe.silent.python")
                await self.nc.flush()
                await self.nc.request("probe.silent.python", b"x", timeout=0.2)
            elif case == "actor_error":
                await nervure.actor_proxy(self.nc, cmd["type"], "probe").invoke("fail", "out of stock", timeout=5)
            elif case == "no_actor_host":
                await nervure.actor_proxy(self.nc, "nobody-hosts-this", "x").invoke("echo", timeout=5)
            else:
                return {"ok": False, "error": "UnknownProbe", "code": -1, "message": case}
        except nervure.NervureError as err:
            return error_answer(err)
        return {"ok": True}

    async def op_js_add_stream(self, cmd):
        await self.nc.jetstream().add_stream(name=cmd["name"], subjects=cmd["subjects"], storage="memory")
        return {"ok": True}

    async def op_js_publish(self, cmd):
        ack = await self.nc.jetstream().publish(cmd["subject"], cmd["data"].encode(), msg_id=cmd.get("msg_id", ""))
        return {"ok": True, "stream": ack.stream, "seq": ack.seq, "duplicate": ack.duplicate}

    async def op_js_read(self, cmd):
        js = self.nc.jetstream()
        if cmd["consumer"] not in await js.consumer_names(cmd["stream"]):
            await js.add_consumer(cmd["stream"], durable_name=cmd["consumer"])
        msgs = await js.consumer(cmd["stream"], cmd["consumer"]).fetch(cmd["count"], expires=2)
        for m in msgs:
            await m.ack_sync()
        return {"ok": True, "data": [m.data.decode() for m in msgs]}

    async def op_kv_create(self, cmd):
        await self.nc.jetstream().create_key_value(bucket=cmd["bucket"], storage="memory")
        return {"ok": True}

    async def op_kv_put(self, cmd):
        kv = await self.nc.jetstream().key_value(cmd["bucket"])
        return {"ok": True, "revision": await kv.put(cmd["key"], cmd["value"].encode())}

    async def op_kv_get(self, cmd):
        entry = await (await self.nc.jetstream().key_value(cmd["bucket"])).get(cmd["key"])
        if entry is None:
            return {"ok": True, "value": None}
        return {"ok": True, "value": entry.value.decode(), "revision": entry.revision}

    async def op_kv_update(self, cmd):
        kv = await self.nc.jetstream().key_value(cmd["bucket"])
        return {"ok": True, "revision": await kv.update(cmd["key"], cmd["value"].encode(), cmd["last_revision"])}

    async def op_kv_watch(self, cmd):
        kv = await self.nc.jetstream().key_value(cmd["bucket"])
        self.watches[cmd["wid"]] = await kv.watch(cmd["key"])
        return {"ok": True}

    async def op_kv_watch_next(self, cmd):
        e = await self.watches[cmd["wid"]].next(cmd["timeout_ms"] / 1000)
        return {"ok": True, "key": e.key, "value": e.value.decode(), "revision": e.revision, "operation": e.operation}

    async def op_kv_unwatch(self, cmd):
        await self.watches.pop(cmd["wid"]).stop()
        return {"ok": True}

    async def op_quit(self, cmd):
        for runtime in self.runtimes:
            await runtime.stop()
        if self.nc is not None:
            await self.nc.close()
        return {"ok": True}


asyncio.run(Agent().run())

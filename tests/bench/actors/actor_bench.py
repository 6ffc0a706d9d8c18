"""Actor call latency in Python: a host and a caller in one process on
separate connections, calls one at a time. Prints one JSON line per workload.
Usage: actor_bench.py URL MSGS SECONDS [MODES]"""
import asyncio
import json
import math
import sys
import time

import nervure

LEASES, STATE = "nervure-bench-leases-py", "nervure-bench-state-py"
WARM_UP = 200


class BenchActor(nervure.Actor):
    def read(self, _=None):
        return self.state.get("n")

    def update(self, value):
        self.state.set("n", value)


async def drop_buckets(url):
    # The actor buckets are key-value buckets: streams KV_<bucket>.
    async with await nervure.connect(url) as nc:
        for bucket in (LEASES, STATE):
            try:
                await nc.request(f"$JS.API.STREAM.DELETE.KV_{bucket}", b"", timeout=2)
            except nervure.NervureError:
                pass


async def workload(mode, host_nc, caller, msgs, seconds):
    runtime = nervure.ActorRuntime(host_nc, lease_bucket=LEASES, state_bucket=STATE)
    runtime.register("bench", BenchActor)
    await runtime.start()
    try:
        proxy = nervure.actor_proxy(caller, "bench", "hot")
        await proxy.invoke("update", "x" * 16)  # activated before the clock starts

        async def call(prefix, i):
            if mode == "actor-activate":
                await nervure.actor_proxy(caller, "bench", f"{prefix}{i}").invoke("read")
            else:
                await proxy.invoke("read" if mode == "actor-call" else "update", "x" * 16)

        for i in range(WARM_UP):
            await call("w-", i)
        latencies = []
        start = time.perf_counter()
        stop_at = start + seconds
        for i in range(msgs):
            t0 = time.perf_counter()
            if t0 >= stop_at:
                break
            await call("a-", i)
            latencies.append((time.perf_counter() - t0) * 1e6)
        elapsed = time.perf_counter() - start
    finally:
        await runtime.stop()
    latencies.sort()

    def rank(p):  # nearest rank, as nervure bench
        return latencies[min(len(latencies), max(1, math.ceil(p * len(latencies)))) - 1] if latencies else 0

    return {"client": "nervure-python", "mode": mode, "msgs": len(latencies),
            "msgs_per_sec": len(latencies) / elapsed, "p50_us": rank(0.5), "p99_us": rank(0.99),
            "p999_us": rank(0.999)}


async def main():
    url, msgs, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    modes = sys.argv[4].split(",") if len(sys.argv) > 4 else ("actor-call", "actor-activate")
    for mode in modes:
        await drop_buckets(url)
        async with await nervure.connect(url) as host_nc, await nervure.connect(url) as caller:
            print(json.dumps(await workload(mode, host_nc, caller, msgs, seconds)), flush=True)
    await drop_buckets(url)


asyncio.run(main())

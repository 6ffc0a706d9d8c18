#!/usr/bin/env python3
"""nervure's Python package beside nats-py on one server: publish (16 B, 128 B,
1 KB), pub+sub, request-reply, JetStream publish (acknowledged one at a time,
and asynchronous), pull fetch, key-value put and get. RUNS alternating runs per
client, medians, in the per-language schema of tests/bench/README.md.

Usage: python_bench.py URL [RUNS] [OUT_JSON]"""
import asyncio
import json
import math
import os
import platform
import statistics
import sys
import time
from importlib.metadata import version

import nats
from nats.js.api import AckPolicy, ConsumerConfig, StorageType

import nervure

SUBJECT = "bench.py"
STREAM, BUCKET, DURABLE = "NERVURE_PYBENCH", "nervure_pybench", "bench"
FETCH_BATCH, KEYS = 256, 1000
# Every run stops at its count or its time limit, whichever comes first; the
# counts are set so that the whole runner stays within about two minutes.
LIMIT_S = 1.0
# A subscriber the server cut off as a slow consumer never sees the rest; the
# run then counts what arrived rather than hanging the benchmark.
PUBSUB_WAIT_S = 5


class Clock:
    """The time bound of one run, read once per 1024 operations in the tight loops."""

    def __init__(self):
        self.start = time.perf_counter()
        self.stop_at = self.start + LIMIT_S

    def expired(self, i, every=1024):
        return i % every == 0 and time.perf_counter() >= self.stop_at

    def elapsed(self):
        return time.perf_counter() - self.start


def sample(count, seconds, latencies=None):
    s = {"rate": count / seconds if seconds > 0 else 0.0}
    if latencies:
        latencies.sort()

        def rank(p):  # nearest rank, as nervure bench and cnats_bench
            return latencies[min(len(latencies), max(1, math.ceil(p * len(latencies)))) - 1]

        s.update(p50_us=rank(0.5), p99_us=rank(0.99), p999_us=rank(0.999))
    return s


async def timed_each(count, op):
    """op(i) awaited one at a time until count or the time limit; each timed."""
    lat, clock = [], Clock()
    for i in range(count):
        t0 = time.perf_counter()
        if t0 >= clock.stop_at:
            break
        await op(i)
        lat.append((time.perf_counter() - t0) * 1e6)
    return sample(len(lat), clock.elapsed(), lat)


# ---------------------------------------------------------------- core NATS
async def nervure_pub(url, count, size):
    payload = b"x" * size
    async with await nervure.connect(url) as nc:
        clock, n = Clock(), 0
        for n in range(count):
            if clock.expired(n):
                break
            nc.publish(SUBJECT, payload)  # returns at once; awaiting it is optional
        else:
            n = count
        await nc.flush(60)
        return sample(n, clock.elapsed())


async def natspy_pub(url, count, size):
    payload = b"x" * size
    nc = await nats.connect(url)
    clock, n = Clock(), 0
    for n in range(count):
        if clock.expired(n):
            break
        await nc.publish(SUBJECT, payload)
    else:
        n = count
    await nc.flush(60)
    s = sample(n, clock.elapsed())
    await nc.close()
    return s


def received_sample(got, sent, start, client):
    n, last = got
    if n < sent:
        print(f"python: {client} pubsub received {n} of {sent} messages", file=sys.stderr)
    return {"rate": n / (last - start) if n and last > start else 0.0}


async def publish_bounded(publish, count, payload, awaited):
    """Publishes until count or the time limit, yielding to the loop now and then
    so the subscriber in the same process keeps up; returns how many were sent."""
    clock = Clock()
    for i in range(count):
        if clock.expired(i):
            return i
        if awaited:
            await publish(f"{SUBJECT}.pubsub", payload)
        else:
            publish(f"{SUBJECT}.pubsub", payload)
        if i % 5000 == 0:
            await asyncio.sleep(0)
    return count


async def nervure_pubsub(url, count, size):
    async with await nervure.connect(url) as sc, await nervure.connect(url) as pc:
        sub = await sc.subscribe(f"{SUBJECT}.pubsub", pending_msgs_limit=-1, pending_bytes_limit=-1)
        await sc.flush()
        t = time.perf_counter()
        got, target = [0, t], [count]

        async def consume():
            async for _ in sub:
                got[0] += 1
                got[1] = time.perf_counter()
                if got[0] >= target[0]:
                    return

        task = asyncio.ensure_future(consume())
        sent = await publish_bounded(pc.publish, count, b"x" * size, awaited=False)
        target[0] = sent
        await pc.flush(60)
        if got[0] < sent:
            try:
                await asyncio.wait_for(task, PUBSUB_WAIT_S)
            except asyncio.TimeoutError:
                pass
        task.cancel()
        return received_sample(got, sent, t, "nervure")


async def natspy_pubsub(url, count, size):
    sc, pc = await nats.connect(url, pending_size=0), await nats.connect(url)
    loop = asyncio.get_running_loop()
    done, got, target = loop.create_future(), [0, 0.0], [count]

    async def cb(msg):
        got[0] += 1
        got[1] = time.perf_counter()
        if got[0] >= target[0] and not done.done():
            done.set_result(None)

    await sc.subscribe(f"{SUBJECT}.pubsub", cb=cb, pending_msgs_limit=-1, pending_bytes_limit=-1)
    await sc.flush()
    t = time.perf_counter()
    sent = await publish_bounded(pc.publish, count, b"x" * size, awaited=True)
    target[0] = sent
    await pc.flush(60)
    if got[0] < sent:
        try:
            await asyncio.wait_for(done, PUBSUB_WAIT_S)
        except asyncio.TimeoutError:
            pass
    s = received_sample(got, sent, t, "nats-py")
    await sc.close()
    await pc.close()
    return s


async def reqrep(url, count, size, client):
    # Both sides in the same client library, the responder on its own connection.
    payload = b"x" * size
    if client == "nervure":
        server, nc = await nervure.connect(url), await nervure.connect(url)
        await server.subscribe(f"{SUBJECT}.req", cb=lambda m: m.respond(m.data))
    else:
        server, nc = await nats.connect(url), await nats.connect(url)

        async def respond(m):
            await m.respond(m.data)

        await server.subscribe(f"{SUBJECT}.req", cb=respond)
    await server.flush()
    s = await timed_each(count, lambda _: nc.request(f"{SUBJECT}.req", payload, timeout=5))
    await nc.close()
    await server.close()
    return s


# ---------------------------------------------------------------- JetStream
class Side:
    """What differs between the two clients' JetStream APIs; the workloads below
    use each the way its documentation shows."""

    def __init__(self, client):
        self.client = client

    async def open(self, url):
        self.nc = await (nervure.connect(url) if self.client == "nervure" else nats.connect(url))
        self.js = self.nc.jetstream()

    async def close(self):
        await self.nc.close()

    async def quietly(self, coro):
        try:
            await coro
        except Exception:  # absent from an earlier run: nothing to delete
            pass

    async def fresh_stream(self):
        await self.quietly(self.js.delete_stream(STREAM))
        if self.client == "nervure":
            await self.js.add_stream(name=STREAM, subjects=[f"{SUBJECT}.js"], storage="memory")
        else:
            await self.js.add_stream(name=STREAM, subjects=[f"{SUBJECT}.js"], storage=StorageType.MEMORY)

    async def publish_async_complete(self):
        if self.client == "nervure":
            await self.js.publish_async_complete(60)
        else:
            await asyncio.wait_for(self.js.publish_async_completed(), 60)

    async def pull_consumer(self):
        """A fetch function of a durable pull consumer with explicit acks."""
        if self.client == "nervure":
            await self.js.add_consumer(STREAM, durable_name=DURABLE, ack_policy="explicit", max_ack_pending=-1)
            consumer = self.js.consumer(STREAM, DURABLE)
            return lambda n: consumer.fetch(n, expires=5)
        await self.js.add_consumer(STREAM, ConsumerConfig(durable_name=DURABLE, ack_policy=AckPolicy.EXPLICIT,
                                                          max_ack_pending=-1))
        psub = await self.js.pull_subscribe_bind(durable=DURABLE, stream=STREAM)
        return lambda n: psub.fetch(n, timeout=5)

    async def fresh_bucket(self):
        await self.quietly(self.js.delete_key_value(BUCKET))
        storage = "memory" if self.client == "nervure" else StorageType.MEMORY
        return await self.js.create_key_value(bucket=BUCKET, storage=storage)


async def js_workload(url, count, size, client, mode):
    side = Side(client)
    await side.open(url)
    payload, subject = b"x" * size, f"{SUBJECT}.js"
    try:
        if mode.startswith("kv-"):
            kv = await side.fresh_bucket()
            keys = [f"key{i}" for i in range(KEYS)]
            if mode == "kv-get":
                for k in keys:  # untimed: every key has a value to read
                    await kv.put(k, payload)
                s = await timed_each(count, lambda i: kv.get(keys[i % KEYS]))
            else:
                s = await timed_each(count, lambda i: kv.put(keys[i % KEYS], payload))
            await side.quietly(side.js.delete_key_value(BUCKET))
            return s
        await side.fresh_stream()
        if mode == "js-pub":
            s = await timed_each(count, lambda _: side.js.publish(subject, payload))
        elif mode == "js-async":
            clock, n = Clock(), 0
            for n in range(count):
                if clock.expired(n):
                    break
                await side.js.publish_async(subject, payload)
            else:
                n = count
            await side.publish_async_complete()  # the clock stops at the last acknowledgement
            s = sample(n, clock.elapsed())
        else:  # js-fetch: read a stream filled beforehand (untimed), acknowledging each message
            clock, stored = Clock(), 0
            for stored in range(count):
                if clock.expired(stored):
                    break
                await side.js.publish_async(subject, payload)
            else:
                stored = count
            await side.publish_async_complete()
            fetch = await side.pull_consumer()
            clock, got = Clock(), 0
            while got < stored and time.perf_counter() < clock.stop_at:
                batch = await fetch(min(FETCH_BATCH, stored - got))
                for m in batch:
                    await m.ack()
                got += len(batch)
            await side.nc.flush()  # the acknowledgements reached the server
            s = sample(got, clock.elapsed())
        await side.quietly(side.js.delete_stream(STREAM))
        return s
    finally:
        await side.close()


def either(ours, theirs):
    return lambda url, count, size, client: (ours if client == "nervure" else theirs)(url, count, size)


def jetstream(mode):
    return lambda url, count, size, client: js_workload(url, count, size, client, mode)


# name, unit, count bound, payload bytes, runner(url, count, size, client)
WORKLOADS = [
    ("pub-16B", "msgs/s", 1_000_000, 16, either(nervure_pub, natspy_pub)),
    ("pub-128B", "msgs/s", 1_000_000, 128, either(nervure_pub, natspy_pub)),
    ("pub-1KB", "msgs/s", 500_000, 1024, either(nervure_pub, natspy_pub)),
    ("pubsub-16B", "msgs/s", 300_000, 16, either(nervure_pubsub, natspy_pubsub)),
    ("reqrep-16B", "round trips/s", 10_000, 16, reqrep),
    ("js-pub-16B", "msgs/s", 10_000, 16, jetstream("js-pub")),
    ("js-async-16B", "msgs/s", 100_000, 16, jetstream("js-async")),
    ("js-fetch-16B", "msgs/s", 50_000, 16, jetstream("js-fetch")),
    ("kv-put-16B", "ops/s", 10_000, 16, jetstream("kv-put")),
    ("kv-get-16B", "ops/s", 10_000, 16, jetstream("kv-get")),
]
# BENCH_WORKLOADS=reqrep-16B,kv-get-16B measures only those, to look closer at one (as the Node runner does).
_only = [w for w in os.environ.get("BENCH_WORKLOADS", "").split(",") if w]
if _only:
    WORKLOADS = [w for w in WORKLOADS if w[0] in _only]


async def one_run(label, coro):
    # One failed run (a dropped connection on a loaded machine) costs its sample, not the table.
    try:
        return await asyncio.wait_for(coro, 60)
    except Exception as e:
        print(f"python: {label} failed: {type(e).__name__}: {e}", file=sys.stderr)
        return None


def side_figures(samples):
    ok = [s for s in samples if s]
    rates = [s["rate"] for s in ok]

    def med(key):
        v = [s[key] for s in ok if key in s]
        return round(statistics.median(v), 1) if v else None

    return {"median": statistics.median(rates) if rates else None, "runs": rates,
            "p50_us": med("p50_us"), "p99_us": med("p99_us"), "p999_us": med("p999_us")}


async def main(url, runs, out_json):
    samples = {}
    total, step = runs * len(WORKLOADS) * 2, 0
    for run in range(1, runs + 1):
        for name, unit, count, size, runner in WORKLOADS:
            order = ("nervure", "nats-py") if run % 2 else ("nats-py", "nervure")
            for client in order:
                step += 1
                s = await one_run(f"{name} {client}", runner(url, count, size, client))
                samples.setdefault((name, client), []).append(s)
                figure = "FAILED" if not s else f"{s['rate']:,.0f} {unit}" + (
                    f", p50 {s['p50_us']:.0f} us" if "p50_us" in s else "")
                print(f"python: [{step}/{total}] {name} {client} run {run}/{runs}: {figure}", file=sys.stderr,
                      flush=True)
    results = [{"workload": name, "unit": unit, "nervure": side_figures(samples[(name, "nervure")]),
                "peer": side_figures(samples[(name, "nats-py")])} for name, unit, *_ in WORKLOADS]
    doc = {"language": "python", "client": f"nervure {nervure.__version__} (CPython {platform.python_version()})",
           "peer": f"nats-py {version('nats-py')}", "runs": runs, "results": results}
    if out_json:
        with open(out_json, "w") as f:
            json.dump(doc, f, indent=1)
    print("| workload | unit | nervure (Python) | nats-py | ratio |\n|---|---|---:|---:|---:|")
    for r in results:
        n, p = r["nervure"]["median"], r["peer"]["median"]
        print(f"| {r['workload']} | {r['unit']} | {n or 0:,.0f} | {p or 0:,.0f} | "
              f"{f'{n / p:.2f}x' if n and p else 'n/a'} |")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3,
                     sys.argv[3] if len(sys.argv) > 3 else ""))

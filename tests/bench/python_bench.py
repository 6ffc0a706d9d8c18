#!/usr/bin/env python3
"""nervure's Python package beside nats-py: pub-only, pub+sub and request-reply on
one server, alternating runs, medians. Usage: python_bench.py URL [RUNS]"""
import asyncio
import json
import statistics
import sys
import time

import nats

import nervure

PUB_MSGS, PUBSUB_MSGS, REQS = 300_000, 200_000, 5_000
PAYLOAD = b"x" * 16


async def nervure_pub(url):
    async with await nervure.connect(url) as nc:
        t = time.perf_counter()
        for _ in range(PUB_MSGS):
            nc.publish("bench.py.pub", PAYLOAD)
        await nc.flush(60)
        return PUB_MSGS / (time.perf_counter() - t)


async def natspy_pub(url):
    nc = await nats.connect(url)
    t = time.perf_counter()
    for _ in range(PUB_MSGS):
        await nc.publish("bench.py.pub", PAYLOAD)
    await nc.flush(60)
    rate = PUB_MSGS / (time.perf_counter() - t)
    await nc.close()
    return rate


# A subscriber the server cuts off as a slow consumer never sees the rest; the
# run then counts what arrived rather than hanging the whole benchmark.
PUBSUB_WAIT_S = 20


async def wait_bounded(awaitable):
    try:
        await asyncio.wait_for(awaitable, PUBSUB_WAIT_S)
    except asyncio.TimeoutError:
        pass


def received_rate(got, start, client):
    n, last = got
    if n < PUBSUB_MSGS:
        print(f"python bench: {client} pubsub received {n} of {PUBSUB_MSGS} messages", file=sys.stderr)
    return n / (last - start) if n and last > start else 0.0


async def nervure_pubsub(url):
    async with await nervure.connect(url) as sc, await nervure.connect(url) as pc:
        sub = await sc.subscribe("bench.py.pubsub", pending_msgs_limit=-1, pending_bytes_limit=-1)
        await sc.flush()
        t = time.perf_counter()

        got = [0, t]

        async def consume():
            async for _ in sub:
                got[0] += 1
                got[1] = time.perf_counter()
                if got[0] == PUBSUB_MSGS:
                    return

        task = asyncio.ensure_future(consume())
        for i in range(PUBSUB_MSGS):
            pc.publish("bench.py.pubsub", PAYLOAD)
            if i % 5000 == 0:
                await asyncio.sleep(0)
        await pc.flush(60)
        await wait_bounded(task)
        return received_rate(got, t, "nervure")


async def natspy_pubsub(url):
    sc, pc = await nats.connect(url, pending_size=0), await nats.connect(url)
    done = asyncio.get_running_loop().create_future()
    got = [0, 0.0]

    async def cb(msg):
        got[0] += 1
        got[1] = time.perf_counter()
        if got[0] == PUBSUB_MSGS and not done.done():
            done.set_result(None)

    await sc.subscribe("bench.py.pubsub", cb=cb, pending_msgs_limit=-1, pending_bytes_limit=-1)
    await sc.flush()
    t = time.perf_counter()
    for i in range(PUBSUB_MSGS):
        await pc.publish("bench.py.pubsub", PAYLOAD)
        if i % 5000 == 0:
            await asyncio.sleep(0)
    await pc.flush(60)
    await wait_bounded(done)
    rate = received_rate(got, t, "nats-py")
    await sc.close()
    await pc.close()
    return rate


async def reqrep(url, client):
    # Both sides in the same client library, responder on its own connection.
    if client == "nervure":
        server, nc = await nervure.connect(url), await nervure.connect(url)
        await server.subscribe("bench.py.req", cb=lambda m: m.respond(m.data))
        await server.flush()
        request = nc.request
    else:
        server, nc = await nats.connect(url), await nats.connect(url)

        async def respond(m):
            await m.respond(m.data)

        await server.subscribe("bench.py.req", cb=respond)
        await server.flush()
        request = nc.request
    lat = []
    t = time.perf_counter()
    for _ in range(REQS):
        t0 = time.perf_counter()
        await request("bench.py.req", PAYLOAD, timeout=5)
        lat.append((time.perf_counter() - t0) * 1e6)
    rate = REQS / (time.perf_counter() - t)
    await nc.close()
    await server.close()
    lat.sort()
    return rate, lat[len(lat) // 2], lat[len(lat) * 99 // 100]


async def sample(label, coro):
    # One failed run (a dropped connection on a loaded machine) costs its sample, not the table.
    try:
        return await coro
    except Exception as e:
        print(f"python bench: {label} failed: {type(e).__name__}: {e}", file=sys.stderr)
        return None


async def main(url, runs):
    results = {}

    def keep(key, value):
        results.setdefault(key, [])
        if value is not None:
            results[key].append(value)

    for run in range(runs):
        for name, ours, theirs in (("pub-16B", nervure_pub, natspy_pub), ("pubsub-16B", nervure_pubsub, natspy_pubsub)):
            print(f"python bench: {name} run {run + 1}/{runs}", file=sys.stderr)
            keep((name, "nervure"), await sample(f"{name} nervure", ours(url)))
            keep((name, "nats-py"), await sample(f"{name} nats-py", theirs(url)))
        print(f"python bench: reqrep-16B run {run + 1}/{runs}", file=sys.stderr)
        for client in ("nervure", "nats-py"):
            rate, p50, p99 = await sample(f"reqrep-16B {client}", reqrep(url, client)) or (None, None, None)
            keep(("reqrep-16B", client), rate)
            keep(("reqrep-16B p50 us", client), p50)
            keep(("reqrep-16B p99 us", client), p99)
    rows = []
    print("| workload | nervure (Python) | nats-py | ratio |\n|---|---:|---:|---:|")
    for name in ("pub-16B", "pubsub-16B", "reqrep-16B", "reqrep-16B p50 us", "reqrep-16B p99 us"):
        mine, theirs = results.get((name, "nervure")), results.get((name, "nats-py"))
        if not mine or not theirs:
            print(f"| {name} | n/a | n/a | n/a |")
            continue
        ours, theirs = statistics.median(mine), statistics.median(theirs)
        latency = name.endswith("us")
        ratio = theirs / ours if latency else ours / theirs
        unit = "" if latency else " msgs/s"
        print(f"| {name}{unit} | {ours:,.0f} | {theirs:,.0f} | {ratio:.2f}x{' faster' if latency else ''} |")
        rows.append({"workload": name, "nervure": ours, "nats_py": theirs, "ratio": ratio})
    print(json.dumps(rows), file=open(sys.argv[3], "w") if len(sys.argv) > 3 else sys.stderr)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3))

"""nervure and the official nats-py client on one server, in both directions."""
import asyncio

import nats
import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_publish_both_ways_with_headers(url):
    theirs = await nats.connect(url)
    async with await nervure.connect(url) as ours:
        their_sub = await theirs.subscribe("interop.to.them")
        our_sub = await ours.subscribe("interop.to.us")
        await theirs.flush()
        await ours.flush()
        binary = bytes(range(256)) * 4
        ours.publish("interop.to.them", binary, headers={"Origin": "nervure", "Trace-Id": "t-1"})
        await theirs.publish("interop.to.us", binary, headers={"Origin": "nats-py", "Trace-Id": "t-2"})
        m = await their_sub.next_msg(timeout=2)
        assert m.data == binary and m.headers == {"Origin": "nervure", "Trace-Id": "t-1"}
        m2 = await our_sub.next_msg(timeout=2)
        assert m2.data == binary and m2.headers.pairs() == [("Origin", "nats-py"), ("Trace-Id", "t-2")]
        ours.publish("interop.to.them", b"")
        assert (await their_sub.next_msg(timeout=2)).data == b""
    await theirs.close()


async def test_request_reply_both_ways(url):
    theirs = await nats.connect(url)
    async with await nervure.connect(url) as ours:
        async def their_responder(msg):
            await msg.respond(b"nats-py says " + msg.data)

        await theirs.subscribe("interop.svc.them", cb=their_responder)
        await ours.subscribe("interop.svc.us", cb=lambda m: m.respond(b"nervure says " + m.data,
                                                                        headers={"Served-By": "nervure"}))
        await theirs.flush()
        await ours.flush()
        r = await ours.request("interop.svc.them", b"hi", timeout=2, headers={"Ask": "1"})
        assert r.data == b"nats-py says hi"
        r2 = await theirs.request("interop.svc.us", b"hello", timeout=2)
        assert r2.data == b"nervure says hello" and r2.headers["Served-By"] == "nervure"
        many = await asyncio.gather(*(ours.request("interop.svc.them", str(i).encode()) for i in range(100)))
        assert [m.data for m in many] == [f"nats-py says {i}".encode() for i in range(100)]
        with pytest.raises(nervure.NoRespondersError):
            await ours.request("interop.nobody", b"")
    await theirs.close()


async def test_queue_group_shared_across_clients(url):
    theirs = await nats.connect(url)
    async with await nervure.connect(url) as ours:
        their_count = 0

        async def count(msg):
            nonlocal their_count
            their_count += 1

        await theirs.subscribe("interop.jobs", queue="workers", cb=count)
        our_sub = await ours.subscribe("interop.jobs", "workers")
        await theirs.flush()
        await ours.flush()
        for _ in range(200):
            ours.publish("interop.jobs", b"job")
        await ours.flush()
        for _ in range(100):
            if their_count + our_sub.pending() == 200:
                break
            await asyncio.sleep(0.02)
        assert their_count + our_sub.pending() == 200
        assert their_count > 0 and our_sub.pending() > 0
    await theirs.close()

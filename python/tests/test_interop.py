"""nervure and the official nats-py client on one server: both directions."""
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
        ours.publish("interop.to.them", b"from nervure", headers={"Origin": "nervure"})
        await theirs.publish("interop.to.us", b"from nats-py", headers={"Origin": "nats-py"})
        m = await their_sub.next_msg(timeout=2)
        assert m.data == b"from nervure" and m.headers["Origin"] == "nervure"
        m2 = await our_sub.next_msg(timeout=2)
        assert m2.data == b"from nats-py" and m2.headers["Origin"] == "nats-py"
    await theirs.close()


async def test_request_reply_both_ways(url):
    theirs = await nats.connect(url)
    async with await nervure.connect(url) as ours:
        async def their_responder(msg):
            await msg.respond(b"nats-py says " + msg.data)

        await theirs.subscribe("interop.svc.them", cb=their_responder)
        await ours.subscribe("interop.svc.us", cb=lambda m: m.respond(b"nervure says " + m.data))
        await theirs.flush()
        await ours.flush()
        r = await ours.request("interop.svc.them", b"hi", timeout=2)
        assert r.data == b"nats-py says hi"
        r2 = await theirs.request("interop.svc.us", b"hello", timeout=2)
        assert r2.data == b"nervure says hello"
    await theirs.close()

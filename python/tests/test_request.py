import asyncio

import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_request_reply_with_headers(url):
    async with await nervure.connect(url) as nc:
        async def authorise(msg):
            msg.respond(b"approved:" + msg.data, headers={"Verdict": "ok", "Trace": msg.headers.get("Trace", "")})

        await nc.subscribe("shop.payments.authorise", cb=authorise)
        await nc.flush()
        reply = await nc.request("shop.payments.authorise", b"42.00", timeout=2, headers={"Trace": "t-1"})
        assert reply.data == b"approved:42.00"
        assert reply.headers["verdict"] == "ok" and reply.headers["Trace"] == "t-1"
        replies = await asyncio.gather(*(nc.request("shop.payments.authorise", str(i)) for i in range(200)))
        assert [r.data for r in replies] == [f"approved:{i}".encode() for i in range(200)]


async def test_no_responders_and_timeout(url):
    async with await nervure.connect(url) as nc:
        with pytest.raises(nervure.NoRespondersError):
            await nc.request("nobody.home", b"x")
        await nc.subscribe("silent")
        await nc.flush()
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(nervure.TimeoutError):
            await nc.request("silent", b"x", timeout=0.2)
        assert 0.15 < loop.time() - started < 1.5
        with pytest.raises(nervure.InvalidArgumentError):
            await nc.request("silent", b"x", timeout=0)


async def test_cancelled_request(url):
    async with await nervure.connect(url) as nc:
        await nc.subscribe("slow.svc")
        await nc.flush()
        task = asyncio.ensure_future(nc.request("slow.svc", b"x", timeout=5))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not nc._futures  # nothing left waiting


async def test_close_fails_pending_requests(url):
    nc = await nervure.connect(url)
    await nc.subscribe("never")
    await nc.flush()
    pending = asyncio.ensure_future(nc.request("never", b"x", timeout=10))
    await asyncio.sleep(0.05)
    await nc.close()
    with pytest.raises(nervure.ConnectionClosedError):
        await pending

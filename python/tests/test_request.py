"""Request-reply: replies, headers, errors, cancellation, closing with work pending."""
import asyncio

import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_request_reply_with_headers(url):
    async with await nervure.connect(url) as nc:
        async def authorise(msg):
            await msg.respond(b"approved:" + msg.data, headers={"Verdict": "ok", "Trace": msg.headers.get("Trace", "")})

        await nc.subscribe("shop.payments.authorise", cb=authorise)
        await nc.flush()
        reply = await nc.request("shop.payments.authorise", b"42.00", timeout=2, headers={"Trace": "t-1"})
        assert reply.data == b"approved:42.00"
        assert reply.headers["verdict"] == "ok" and reply.headers["Trace"] == "t-1"
        replies = await asyncio.gather(*(nc.request("shop.payments.authorise", str(i)) for i in range(500)))
        assert [r.data for r in replies] == [f"approved:{i}".encode() for i in range(500)]


async def test_plain_callback_responder_and_iterating_responder(url):
    async with await nervure.connect(url) as nc:
        await nc.subscribe("svc.plain", cb=lambda m: m.respond(m.data.upper()))
        sub = await nc.subscribe("svc.iter")

        async def serve():
            async for m in sub:
                m.respond(m.data[::-1])

        server = asyncio.ensure_future(serve())
        await nc.flush()
        assert (await nc.request("svc.plain", b"abc")).data == b"ABC"
        assert (await nc.request("svc.iter", b"abc")).data == b"cba"
        await sub.unsubscribe()
        await asyncio.wait_for(server, 2)


async def test_no_responders_timeout_and_bad_timeouts(url):
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
        for bad in (0, -1, "1", None):
            with pytest.raises(nervure.InvalidArgumentError):
                await nc.request("silent", b"x", timeout=bad)
        with pytest.raises(nervure.InvalidSubjectError):
            await nc.request("bad subject", b"x")
        assert not nc._futures


async def test_respond_needs_a_reply_subject(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("noreply")
        nc.publish("noreply", b"x")
        msg = await sub.next_msg(2)
        with pytest.raises(nervure.InvalidArgumentError):
            msg.respond(b"nobody asked")


async def test_request_from_inside_a_callback(url):
    async with await nervure.connect(url) as nc:
        await nc.subscribe("svc.price", cb=lambda m: m.respond(b"9.99"))

        async def quote(msg):
            price = await nc.request("svc.price", b"")
            await msg.respond(b"quote:" + price.data)

        await nc.subscribe("svc.quote", cb=quote)
        await nc.flush()
        assert (await nc.request("svc.quote", b"")).data == b"quote:9.99"


async def test_cancelled_request_is_forgotten(url):
    async with await nervure.connect(url) as nc:
        await nc.subscribe("slow.svc")
        await nc.flush()
        task = asyncio.ensure_future(nc.request("slow.svc", b"x", timeout=5))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not nc._futures  # nothing left waiting
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(nc.request("slow.svc", b"x", timeout=5), 0.1)
        assert not nc._futures
        await nc.flush()  # the connection is fine


async def test_close_fails_pending_requests_and_ends_iteration(url):
    nc = await nervure.connect(url)
    await nc.subscribe("never")
    sub = await nc.subscribe("nothing.comes")
    await nc.flush()
    pending = [asyncio.ensure_future(nc.request("never", b"x", timeout=10)) for _ in range(5)]
    iterating = asyncio.ensure_future(sub.next_msg())
    await asyncio.sleep(0.05)
    await nc.close()
    for p in pending:
        with pytest.raises(nervure.ConnectionClosedError):
            await p
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(iterating, 2)
    with pytest.raises(nervure.ConnectionClosedError):
        await nc.request("never", b"x")
    with pytest.raises(nervure.ConnectionClosedError):
        await nc.flush()
    with pytest.raises(nervure.ConnectionClosedError):
        nc.publish("x", b"y")
    with pytest.raises(nervure.ConnectionClosedError):
        await nc.subscribe("x")

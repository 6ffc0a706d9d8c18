import asyncio

import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_connect_and_server_info(url):
    events = []
    async with await nervure.connect(url, name="py-test", on_event=lambda e, d: events.append(e)) as nc:
        assert nc.is_connected()
        info = nc.server_info()
        assert info["headers"] is True and info["max_payload"] == nc.max_payload
        assert nc.connected_url.endswith(str(info["port"]))
    assert nc.is_closed()
    assert "connected" in events


async def test_publish_subscribe_headers_and_bytes_like(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("shop.orders.>")
        await nc.flush()
        nc.publish("shop.orders.order.created", b'{"id":"o-1"}', headers={"Order-Id": "o-1", "Tag": ["a", "b"]})
        await nc.publish("shop.orders.x", bytearray(b"ba"))  # awaiting publish is allowed
        nc.publish("shop.orders.y", memoryview(b"mv"))
        nc.publish("shop.orders.z", "text")
        m = await sub.next_msg(timeout=2)
        assert (m.subject, m.data) == ("shop.orders.order.created", b'{"id":"o-1"}')
        assert m.headers["order-id"] == "o-1"
        assert m.headers.get_all("Tag") == ["a", "b"]
        assert [k for k, _ in m.headers.pairs()] == ["Order-Id", "Tag", "Tag"]
        assert [(await sub.next_msg(2)).data for _ in range(3)] == [b"ba", b"mv", b"text"]


async def test_async_iteration_and_max_msgs(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("iter", max_msgs=5)
        await nc.flush()
        for i in range(10):
            nc.publish("iter", str(i))
        got = [m.data async for m in sub]
        assert got == [str(i).encode() for i in range(5)]


async def test_queue_group_shares(url):
    async with await nervure.connect(url) as nc:
        a = await nc.subscribe("work", "workers")
        b = await nc.subscribe("work", "workers")
        await nc.flush()
        for i in range(100):
            nc.publish("work", b"x")
        await nc.flush()
        await asyncio.sleep(0.1)
        assert a.pending() + b.pending() == 100
        assert a.pending() > 0 and b.pending() > 0


async def test_callback_subscription_and_handler_errors(url):
    errors = []
    async with await nervure.connect(url, error_cb=errors.append) as nc:
        seen = []

        async def handler(msg):
            seen.append(msg.data)
            if msg.data == b"boom":
                raise ValueError("boom")

        await nc.subscribe("cb", cb=handler)
        await nc.flush()
        for d in (b"1", b"boom", b"2"):
            nc.publish("cb", d)
        for _ in range(50):
            if len(seen) == 3:
                break
            await asyncio.sleep(0.02)
        assert seen == [b"1", b"boom", b"2"]
        assert isinstance(errors[0], ValueError)


async def test_unsubscribe_ends_and_drops(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("unsub")
        await nc.flush()
        nc.publish("unsub", b"x")
        await nc.flush()
        await sub.unsubscribe()
        with pytest.raises(StopAsyncIteration):
            await sub.next_msg(timeout=0.5)


async def test_next_msg_timeout(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("quiet")
        with pytest.raises(nervure.TimeoutError):
            await sub.next_msg(timeout=0.1)
        with pytest.raises(TimeoutError):  # also the built-in
            await sub.next_msg(timeout=0.1)


async def test_slow_consumer_drops_and_reports(url):
    events = []
    async with await nervure.connect(url, on_event=lambda e, d: events.append(e)) as nc:
        sub = await nc.subscribe("slow", pending_msgs_limit=10)
        await nc.flush()
        for _ in range(100):
            nc.publish("slow", b"x")
        await nc.flush()
        await asyncio.sleep(0.1)
        assert sub.dropped() == 90
        assert "slow_consumer" in events


async def test_subscription_drain_keeps_queued(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("drain.sub")
        await nc.flush()
        for i in range(20):
            nc.publish("drain.sub", str(i))
        await nc.flush()
        drained = asyncio.ensure_future(sub.drain(5))
        got = [m.data async for m in sub]
        await drained
        assert len(got) == 20


async def test_connection_drain_lets_callbacks_finish(url):
    async with await nervure.connect(url) as out:
        results = await out.subscribe("drained.out")
        await out.flush()
        nc = await nervure.connect(url)
        await nc.subscribe("drained.in", cb=lambda m: nc.publish("drained.out", m.data))
        await nc.flush()
        for i in range(50):
            out.publish("drained.in", str(i))
        await out.flush()
        await asyncio.sleep(0.2)
        await nc.drain(5)
        assert nc.is_closed()
        got = [(await results.next_msg(2)).data for _ in range(50)]
        assert got == [str(i).encode() for i in range(50)]


async def test_stats(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("stats")
        await nc.flush()
        for _ in range(10):
            nc.publish("stats", b"12345")
        for _ in range(10):
            await sub.next_msg(2)
        s = nc.stats()
        assert (s["out_msgs"], s["out_bytes"], s["in_msgs"], s["in_bytes"]) == (10, 50, 10, 50)

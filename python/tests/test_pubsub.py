"""Publish and subscribe: payloads, headers, iteration, callbacks, queue
groups, limits and every subscription operation."""
import asyncio

import pytest
from conftest import eventually

import nervure

pytestmark = pytest.mark.asyncio


async def test_payload_types_and_headers(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("shop.orders.>")
        await nc.flush()
        nc.publish("shop.orders.order.created", b'{"id":"o-1"}', headers={"Order-Id": "o-1", "Tag": ["a", "b"]})
        await nc.publish("shop.orders.x", bytearray(b"ba"))  # awaiting publish is allowed
        nc.publish("shop.orders.y", memoryview(b"xmvx")[1:3])
        nc.publish("shop.orders.z", "text é")
        nc.publish("shop.orders.empty")
        nc.publish(subject="shop.orders.kw", data=b"k", headers=[("A", "1"), ("a", "2")])
        m = await sub.next_msg(timeout=2)
        assert (m.subject, m.data, m.reply, m.status) == ("shop.orders.order.created", b'{"id":"o-1"}', "", 0)
        assert m.headers["order-id"] == "o-1"
        assert m.headers.get_all("Tag") == ["a", "b"]
        assert m.headers.pairs() == [("Order-Id", "o-1"), ("Tag", "a"), ("Tag", "b")]
        assert m.data is m.data  # converted once
        got = [(await sub.next_msg(2)).data for _ in range(4)]
        assert got == [b"ba", b"mv", "text é".encode(), b""]
        kw = await sub.next_msg(2)
        assert kw.headers.get_all("a") == ["1", "2"] and "Msg" in repr(kw)
        # Received headers can be passed on as they are.
        nc.publish("shop.orders.copy", b"", headers=m.headers)
        assert (await sub.next_msg(2)).headers.pairs() == m.headers.pairs()


async def test_bad_arguments_raise_and_leave_the_connection_usable(url):
    async with await nervure.connect(url) as nc:
        for bad in ("", "a b", "a..b", "a.*", "a.>", "."):
            with pytest.raises(nervure.InvalidSubjectError):
                nc.publish(bad, b"x")
        with pytest.raises(nervure.InvalidSubjectError):
            nc.publish("ok", b"x", reply="bad reply")
        for bad in ("a..b", "", "a.>.b"):
            with pytest.raises(nervure.InvalidSubjectError):
                await nc.subscribe(bad)
        with pytest.raises(nervure.InvalidSubjectError):
            await nc.subscribe("ok", "bad queue")
        with pytest.raises(nervure.MaxPayloadError):
            nc.publish("big", b"x" * (nc.max_payload + 1))
        with pytest.raises(TypeError):
            nc.publish("ok", 12345)
        with pytest.raises(TypeError):
            nc.publish(b"bytes-subject", b"x")
        with pytest.raises(TypeError):
            nc.publish("ok", b"x", headers={"k": 1})
        with pytest.raises(TypeError):
            nc.publish("ok", b"x", nonsense=1)
        with pytest.raises(TypeError):
            nc.publish()
        with pytest.raises(nervure.InvalidArgumentError):
            nc.publish("ok", b"x", headers={"Bad Key": "v"})
        with pytest.raises(nervure.InvalidArgumentError):
            await nc.subscribe("ok", max_msgs=-1)
        assert nc.is_connected()
        await nc.flush()


async def test_async_iteration_ends_with_max_msgs(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("iter", max_msgs=5)
        await nc.flush()
        for i in range(10):
            nc.publish("iter", str(i))
        got = [m.data async for m in sub]
        assert got == [str(i).encode() for i in range(5)]
        assert sub.delivered() == 5
        with pytest.raises(StopAsyncIteration):
            await sub.next_msg(0.1)


async def test_many_messages_cross_in_batches_in_order(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("bulk", pending_msgs_limit=-1, pending_bytes_limit=-1)
        await nc.flush()
        n = 20000
        for i in range(n):
            nc.publish("bulk", i.to_bytes(4, "big"))
        seen = 0
        async for m in sub:
            assert int.from_bytes(m.data, "big") == seen
            seen += 1
            if seen == n:
                break
        assert sub.dropped() == 0


async def test_auto_unsubscribe_counts_what_was_delivered(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("auto")
        await nc.flush()
        nc.publish("auto", b"1")
        nc.publish("auto", b"2")
        await eventually(lambda: sub.delivered() == 2)
        sub.auto_unsubscribe(3)
        for i in range(5):
            nc.publish("auto", b"more")
        got = [m async for m in sub]
        assert len(got) == 3
        with pytest.raises(nervure.InvalidArgumentError):
            sub.auto_unsubscribe(0)


async def test_queue_group_shares(url):
    async with await nervure.connect(url) as nc:
        a = await nc.subscribe("work", "workers")
        b = await nc.subscribe("work", queue="workers")
        assert (a.subject, a.queue) == ("work", "workers")
        await nc.flush()
        for _ in range(100):
            nc.publish("work", b"x")
        await eventually(lambda: a.pending() + b.pending() == 100)
        assert a.pending() > 0 and b.pending() > 0


async def test_plain_and_coroutine_callbacks(url):
    errors = []
    async with await nervure.connect(url, error_cb=errors.append) as nc:
        plain, coro = [], []

        def on_plain(msg):
            plain.append(msg.data)
            if msg.data == b"boom":
                raise ValueError("plain boom")

        async def on_coro(msg):
            await asyncio.sleep(0)
            coro.append(msg.data)
            if msg.data == b"boom":
                raise KeyError("coro boom")

        await nc.subscribe("cb", cb=on_plain)
        await nc.subscribe("cb", cb=on_coro)
        await nc.flush()
        for d in (b"1", b"boom", b"2"):
            nc.publish("cb", d)
        await eventually(lambda: len(plain) == 3 and len(coro) == 3)
        assert plain == coro == [b"1", b"boom", b"2"]
        assert sorted(type(e).__name__ for e in errors) == ["KeyError", "ValueError"]


async def test_concurrent_readers_share_one_subscription(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("shared.reader")
        readers = [asyncio.ensure_future(sub.next_msg(5)) for _ in range(3)]
        await asyncio.sleep(0.05)
        for i in range(3):
            nc.publish("shared.reader", str(i))
        got = sorted([(await r).data for r in readers])
        assert got == [b"0", b"1", b"2"]


async def test_a_callback_subscription_cannot_be_iterated(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("cb.only", cb=lambda m: None)
        with pytest.raises(nervure.InvalidArgumentError):
            await sub.next_msg(0.1)


async def test_callback_returning_a_coroutine_runs_it(url):
    async with await nervure.connect(url) as nc:
        done = asyncio.Event()

        async def later(msg):
            done.set()

        await nc.subscribe("cb.lambda", cb=lambda m: later(m))
        nc.publish("cb.lambda", b"x")
        await asyncio.wait_for(done.wait(), 2)


async def test_unsubscribe_ends_and_drops(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("unsub")
        await nc.flush()
        nc.publish("unsub", b"x")
        await nc.flush()
        await sub.unsubscribe()
        with pytest.raises(StopAsyncIteration):
            await sub.next_msg(timeout=0.5)
        assert [m async for m in sub] == []


async def test_subscription_context_manager_unsubscribes(url):
    async with await nervure.connect(url) as nc:
        async with await nc.subscribe("ctx") as sub:
            nc.publish("ctx", b"in")
            assert (await sub.next_msg(2)).data == b"in"
        assert sub not in nc._subs.values()
        with pytest.raises(StopAsyncIteration):
            await sub.next_msg(0.2)


async def test_next_msg_timeout(url):
    async with await nervure.connect(url) as nc:
        sub = await nc.subscribe("quiet")
        with pytest.raises(nervure.TimeoutError):
            await sub.next_msg(timeout=0.1)
        with pytest.raises(TimeoutError):  # also the built-in
            await sub.next_msg(timeout=0.05)
        nc.publish("quiet", b"late")
        assert (await sub.next_msg(timeout=2)).data == b"late"  # a timeout does not end it


async def test_slow_consumer_drops_and_reports(url):
    events = []
    async with await nervure.connect(url, on_event=lambda e, d: events.append((e, d))) as nc:
        sub = await nc.subscribe("slow", pending_msgs_limit=10)
        await nc.flush()
        for _ in range(100):
            nc.publish("slow", b"x")
        await eventually(lambda: sub.dropped() == 90)
        await eventually(lambda: any(e == "slow_consumer" and "slow" in d for e, d in events))
        assert sub.pending() == 10
        got = [await sub.next_msg(1) for _ in range(10)]
        assert len(got) == 10
        sub.set_pending_limits(-1, -1)
        for _ in range(100):
            nc.publish("slow", b"yy")
        await eventually(lambda: sub.pending() == 100)
        assert sub.pending_bytes() == 200 and sub.dropped() == 90
        with pytest.raises(nervure.InvalidArgumentError):
            sub.set_pending_limits(0, 10)


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
        assert got == [str(i).encode() for i in range(20)]


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
        await eventually(lambda: nc.stats()["in_msgs"] == 50)
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
        assert (s["out_msgs"], s["out_bytes"], s["in_msgs"], s["in_bytes"], s["reconnects"]) == (10, 50, 10, 50, 0)

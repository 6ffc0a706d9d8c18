"""JetStream and key-value from Python against real servers: streams,
acknowledged publishing, consumers and acknowledgements, ordered consumers,
buckets with compare-and-set and watch, what 2.9 refuses, and nats-py interop."""
import asyncio
import itertools

import pytest

import nervure
from conftest import Harness

_n = itertools.count(1)


def name(prefix):
    return f"{prefix}{next(_n)}"


async def test_streams_and_acknowledged_publishing(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        stream = name("ORDERS")
        info = await js.add_stream(name=stream, subjects=[f"{stream}.>"], max_age=3600, storage="memory")
        assert info["config"]["name"] == stream
        assert info["config"]["max_age"] == 3600 * 10**9
        ack = await js.publish(f"{stream}.created", b"o-1", msg_id="o-1", headers={"Order-Id": "o-1"})
        assert (ack.stream, ack.seq, ack.duplicate) == (stream, 1, False)
        assert (await js.publish(f"{stream}.created", b"o-1", msg_id="o-1")).duplicate
        with pytest.raises(nervure.JetStreamApiError) as err:
            await js.publish(f"{stream}.created", b"x", expected_last_seq=99)
        assert err.value.err_code == 10071 and err.value.code == 400
        with pytest.raises(nervure.NoRespondersError):
            await js.publish("no.stream.takes.this", b"x")
        stored = await js.get_msg(stream, 1)
        assert (stored.subject, stored.data, stored.seq) == (f"{stream}.created", b"o-1", 1)
        assert ("Order-Id", "o-1") in stored.headers
        assert (await js.get_msg(stream, last_by_subject=f"{stream}.created")).seq == 1
        assert stream in await js.stream_names()
        assert any(s["config"]["name"] == stream for s in await js.streams())
        assert (await js.stream_info(stream))["state"]["messages"] == 1
        await js.delete_msg(stream, 1)
        with pytest.raises(nervure.JetStreamApiError):
            await js.get_msg(stream, 1)
        for i in range(3):
            await js.publish(f"{stream}.x", str(i).encode())
        assert await js.purge_stream(stream) == 3
        assert (await js.update_stream(name=stream, subjects=[f"{stream}.>"], max_age=60, storage="memory")
                )["config"]["max_age"] == 60 * 10**9
        assert (await js.account_info())["streams"] >= 1
        await js.delete_stream(stream)
        with pytest.raises(nervure.JetStreamApiError) as err:
            await js.stream_info(stream)
        assert err.value.err_code == 10059


async def test_bad_configurations_are_refused_clearly(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        with pytest.raises(nervure.InvalidArgumentError):
            await js.add_stream(subjects=["x.>"])  # no name
        with pytest.raises(nervure.InvalidArgumentError):
            await js.add_stream(name="S", max_age=-1)
        with pytest.raises(nervure.InvalidArgumentError):
            await js.create_key_value(bucket="b", bogus=1)
        with pytest.raises(nervure.InvalidArgumentError):
            await js.get_msg("S")  # neither seq nor subject


async def test_pull_consumers_and_acknowledgements(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        stream = name("WORK")
        await js.add_stream(name=stream, subjects=[f"{stream}.>"], storage="memory")
        for i in range(5):
            await js.publish(f"{stream}.job", f"job-{i}".encode())
        await js.add_consumer(stream, durable_name="workers", ack_wait=1)
        assert await js.consumer_names(stream) == ["workers"]
        consumer = js.consumer(stream, "workers")
        batch = await consumer.fetch(3, expires=2)
        assert [m.data for m in batch] == [b"job-0", b"job-1", b"job-2"]
        meta = batch[0].metadata
        assert (meta["stream"], meta["consumer"], meta["stream_seq"], meta["num_delivered"]) == (stream, "workers", 1, 1)
        await batch[0].ack()
        await batch[2].nak()  # redelivered
        # Confirmed: the server took the acknowledgements sent before it, so the
        # next pull sees the nak (the server queues acknowledgements apart from pulls).
        await batch[1].ack_sync()
        again = await consumer.next(timeout=2)
        assert again.data == b"job-2" and again.metadata["num_delivered"] == 2
        await again.term()
        # Exactly the two left: a larger batch would wait out its 1 s expiry and
        # hand them over just as their 1 s ack wait ran out (redelivered below).
        rest = await consumer.fetch(2, expires=1)
        assert [m.data for m in rest] == [b"job-3", b"job-4"]
        for m in rest:
            await m.in_progress()
            await m.ack()
        assert await consumer.fetch(1, expires=0.3) == []
        info = await consumer.info()
        assert info["num_pending"] == 0
        await js.delete_consumer(stream, "workers")
        await js.delete_stream(stream)


async def test_consume_and_ordered_consumers_iterate(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        stream = name("EVENTS")
        await js.add_stream(name=stream, subjects=[f"{stream}.>"], storage="memory")
        for i in range(50):
            await js.publish(f"{stream}.e", str(i).encode())
        await js.add_consumer(stream, durable_name="c")
        seen = []
        async with await js.consumer(stream, "c").consume(max_messages=10) as sub:
            async for msg in sub:
                seen.append(int(msg.data))
                await msg.ack()
                if len(seen) == 50:
                    break
        assert seen == list(range(50))
        ordered = await js.ordered_consumer(stream, filter_subject=f"{stream}.e")
        got = [int((await ordered.next_msg(5)).data) for _ in range(50)]
        assert got == list(range(50))
        await ordered.unsubscribe()
        with pytest.raises(nervure.InvalidArgumentError):
            await js.ordered_consumer(stream, deliver_policy="sometimes")
        await js.delete_stream(stream)


async def test_key_value_operations_and_compare_and_set(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        bucket = name("inventory")
        kv = await js.create_key_value(bucket=bucket, history=5, storage="memory")
        assert bucket in await js.key_value_names()
        rev = await kv.put("kettle", b"5")
        entry = await kv.get("kettle")
        assert (entry.key, entry.value, entry.revision, entry.operation) == ("kettle", b"5", rev, "PUT")
        rev2 = await kv.update("kettle", b"4", last_revision=rev)
        with pytest.raises(nervure.JetStreamApiError) as err:
            await kv.update("kettle", b"3", last_revision=rev)  # stale: someone else wrote
        assert err.value.err_code == 10071
        with pytest.raises(nervure.JetStreamApiError):
            await kv.create("kettle", b"9")
        assert (await kv.get("kettle", revision=rev)).value == b"5"
        await kv.create("mug", b"100")
        await kv.put("shelf.1", b"kettles")
        assert sorted(await kv.keys()) == ["kettle", "mug", "shelf.1"]
        assert await kv.keys("shelf.*") == ["shelf.1"]
        assert [e.value for e in await kv.history("kettle")] == [b"5", b"4"]
        await kv.delete("mug")
        assert await kv.get("mug") is None
        await kv.create("mug", b"again")  # a deleted key can be created
        await kv.purge("mug")
        assert await kv.get("mug") is None
        status = await kv.status()
        assert status["bucket"] == bucket and status["history"] == 5
        same = await js.key_value(bucket)
        assert (await same.get("kettle")).revision == rev2
        await js.delete_key_value(bucket)
        with pytest.raises(nervure.JetStreamApiError):
            await js.key_value(bucket)


async def test_key_value_put_and_get_are_awaited_on_the_loop_not_in_a_thread(url):
    """put and get complete through the connection's wakeup like a request (the
    loop polls for them); only the other key-value operations run in a thread."""
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        kv = await js.create_key_value(bucket=name("looped"), history=3, storage="memory")

        async def no_thread(fn, *args):
            raise AssertionError(f"{fn} ran in a thread")

        kv._in_thread = no_thread
        revs = await asyncio.gather(*(kv.put(f"k{i}", str(i).encode()) for i in range(20)))
        assert sorted(revs) == list(range(1, 21))
        rev = await kv.put("k0", b"\x00again")
        assert (await kv.get("k0")).value == b"\x00again"
        assert (await kv.get("k0", revision=revs[0])).value == b"0"
        assert await kv.get("k1", revision=rev) is None  # that revision belongs to another key
        assert await kv.get("absent") is None
        entries = await asyncio.gather(*(kv.get(f"k{i}") for i in range(1, 20)))
        assert [e.value for e in entries] == [str(i).encode() for i in range(1, 20)]
        with pytest.raises(nervure.InvalidArgumentError):
            await kv.put("a b", b"x")
        with pytest.raises(nervure.InvalidArgumentError):
            await kv.get("k0", revision=-1)


async def test_key_value_watch(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        kv = await js.create_key_value(bucket=name("watched"), storage="memory")
        await kv.put("a", b"1")
        async with await kv.watch() as watcher:
            first = await watcher.next(5)
            assert (first.key, first.value) == ("a", b"1")
            await kv.put("b", b"2")
            await kv.delete("a")
            second, third = await watcher.next(5), await watcher.next(5)
            assert watcher.initial_done
            assert (second.key, second.value, second.operation) == ("b", b"2", "PUT")
            assert (third.key, third.operation) == ("a", "DEL")


async def test_what_2_9_cannot_honour_is_refused():
    with Harness("single", compat=True) as old:
        async with await nervure.connect(old.url) as nc:
            js = nc.jetstream()
            stream = name("OLD")
            await js.add_stream(name=stream, subjects=[f"{stream}.>"], storage="memory")
            await js.publish(f"{stream}.a", b"x")
            with pytest.raises(nervure.NotSupportedByServerError):
                await js.purge_stream(stream, keep=1)
            with pytest.raises(nervure.NotSupportedByServerError):
                await js.publish(f"{stream}.a", b"x", ttl=5)
            await js.add_consumer(stream, durable_name="c")
            msg = await js.consumer(stream, "c").next(timeout=2)
            with pytest.raises(nervure.NotSupportedByServerError):
                await msg.term("reason")
            with pytest.raises(nervure.NotSupportedByServerError):
                await js.create_key_value(bucket=name("b"), limit_marker_ttl=5)


async def test_interop_with_nats_py(url):
    nats = pytest.importorskip("nats")
    theirs = await nats.connect(url)
    try:
        async with await nervure.connect(url) as nc:
            js = nc.jetstream()
            stream = name("SHARED")
            await js.add_stream(name=stream, subjects=[f"{stream}.>"], storage="memory")
            their_js = theirs.jetstream()
            ack = await their_js.publish(f"{stream}.from-nats-py", b"hello", headers={"X": "1"})
            assert ack.seq == 1
            ours = await js.publish(f"{stream}.from-nervure", b"back")
            assert ours.seq == 2
            stored = await their_js.get_msg(stream, 2)
            assert stored.data == b"back"
            await js.add_consumer(stream, durable_name="reader")
            got = await js.consumer(stream, "reader").fetch(2, expires=2)
            assert [m.data for m in got] == [b"hello", b"back"]
            assert got[0].headers["X"] == "1"
            bucket = name("sharedkv")
            kv = await js.create_key_value(bucket=bucket, storage="memory")
            await kv.put("k", b"from nervure")
            their_kv = await their_js.key_value(bucket)
            assert (await their_kv.get("k")).value == b"from nervure"
            await their_kv.put("k2", b"from nats-py")
            assert (await kv.get("k2")).value == b"from nats-py"
    finally:
        await theirs.close()


async def test_publish_async_window_and_completion(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        stream = name("ASYNC")
        await js.add_stream(name=stream, subjects=[f"{stream}.>"], storage="memory")
        futures = [await js.publish_async(f"{stream}.x", str(i).encode()) for i in range(600)]
        await js.publish_async_complete(10)
        acks = [await f for f in futures]
        assert [a.seq for a in acks] == list(range(1, 601))  # sent in call order
        failed = await js.publish_async(f"{stream}.x", b"late", expected_last_seq=1)
        with pytest.raises(nervure.JetStreamApiError):
            await failed
        info = await js.stream_info(stream)
        assert info["state"]["messages"] == 600
        await js.delete_stream(stream)


async def test_acknowledgements_need_a_jetstream_reply(url):
    async with await nervure.connect(url) as nc:
        js = nc.jetstream()
        with pytest.raises(nervure.InvalidArgumentError, match="not.an.ack"):
            js._core.ack("not.an.ack", "ack", 0, "")
        with pytest.raises(nervure.InvalidArgumentError):
            js._core.metadata("not.an.ack")

"""JetStream and key-value, asyncio-native.

    js = nc.jetstream()
    await js.add_stream(name="ORDERS", subjects=["shop.orders.>"])
    ack = await js.publish("shop.orders.order.created", b"{...}", msg_id="o-1")
    consumer = await js.add_consumer("ORDERS", durable_name="audit")
    async for msg in js.consumer("ORDERS", "audit").consume():
        await msg.ack()

    kv = await js.create_key_value(bucket="inventory", history=5)
    rev = await kv.put("kettle", b"5")
    await kv.update("kettle", b"4", last_revision=rev)

Configurations are keyword arguments named as in the server's JSON
(snake_case); durations are seconds here and nanoseconds on the wire. Results
are plain dicts of the server's JSON, or the small classes below.
"""
from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, AsyncIterator

from . import _core
from ._errors import ConnectionClosedError, InvalidArgumentError
from ._ops import JetstreamOps, KeyValueOps
from ._subscription import Subscription
from ._types import Data, HeadersIn, to_ms

if TYPE_CHECKING:
    from ._connection import Connection

__all__ = ["JetStream", "KeyValue", "PullConsumer", "JsMsg", "PubAck", "StoredMsg", "KvEntry", "KvWatcher"]

# Fields the server counts in nanoseconds; here they are seconds.
_STREAM_DURATIONS = {"max_age", "duplicate_window", "subject_delete_marker_ttl"}
_CONSUMER_DURATIONS = {"ack_wait", "idle_heartbeat", "inactive_threshold", "max_expires"}
_KV_DURATIONS = {"ttl", "limit_marker_ttl"}


def _config(config: dict[str, Any] | None, fields: dict[str, Any], durations: set[str]) -> str:
    merged = dict(config or {})
    merged.update(fields)
    for key in durations & set(merged):
        value = merged[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise InvalidArgumentError(f"{key} must be a non-negative number of seconds, not {value!r}")
        merged[key] = int(value * 1_000_000_000)
    if "backoff" in merged:
        merged["backoff"] = [int(s * 1_000_000_000) for s in merged["backoff"]]
    return json.dumps(merged)


@dataclass
class PubAck:
    """A stream's acknowledgement of a publish."""
    stream: str
    seq: int
    duplicate: bool = False
    domain: str = ""


@dataclass
class StoredMsg:
    """A message as the stream stored it."""
    stream: str
    subject: str
    seq: int
    data: bytes
    headers: list[tuple[str, str]]
    time: str


@dataclass
class KvEntry:
    """A value of a key-value bucket."""
    bucket: str
    key: str
    value: bytes
    revision: int
    delta: int = 0
    operation: str = "PUT"  # PUT, DEL or PURGE
    created: str = ""


def _entry(record: dict[str, Any]) -> KvEntry:
    return KvEntry(record.get("bucket", ""), record["key"], base64.b64decode(record.get("value", "")),
                   record["revision"], record.get("delta", 0), record.get("operation", "PUT"),
                   record.get("created", ""))


class JsMsg:
    """A message from a JetStream consumer: the message, its delivery metadata,
    and its acknowledgements."""

    __slots__ = ("_msg", "_js", "_metadata")

    def __init__(self, msg: _core.Msg, js: "JetStream"):
        self._msg = msg
        self._js = js
        self._metadata: dict[str, Any] | None = None

    @property
    def subject(self) -> str:
        return self._msg.subject

    @property
    def data(self) -> bytes:
        return self._msg.data

    @property
    def headers(self) -> Any:
        return self._msg.headers

    @property
    def reply(self) -> str:
        return self._msg.reply

    @property
    def metadata(self) -> dict[str, Any]:
        """stream, consumer, stream_seq, consumer_seq, num_delivered, num_pending, timestamp_ns, domain."""
        if self._metadata is None:
            self._metadata = self._js._core_metadata(self._msg.reply)
        return self._metadata

    async def ack(self) -> None:
        self._js._core.ack(self._msg.reply, "ack", 0, "")

    async def ack_sync(self, timeout: float = 5.0) -> None:
        """Acknowledges and waits for the server to confirm: it will not be redelivered."""
        await self._js.ack_sync(self._msg.reply, timeout)

    async def nak(self, delay: float = 0.0) -> None:
        """Asks for redelivery, after delay seconds when given."""
        self._js._core.ack(self._msg.reply, "nak", int(delay * 1000), "")

    async def term(self, reason: str = "") -> None:
        """Never redeliver. A reason needs nats-server 2.10 (NotSupportedByServerError before)."""
        self._js._core.ack(self._msg.reply, "term", 0, reason)

    async def in_progress(self) -> None:
        """Resets the redelivery timer."""
        self._js._core.ack(self._msg.reply, "in_progress", 0, "")

    def __repr__(self) -> str:
        return f"<nervure.JsMsg subject={self.subject!r} reply={self.reply!r}>"


class JsSubscription(Subscription):
    """A consumer's messages, as JsMsg: ``async for msg in sub``; stop with unsubscribe()."""

    _js: "JetStream"

    async def next_msg(self, timeout: float | None = None) -> JsMsg:  # type: ignore[override]
        return JsMsg(await super().next_msg(timeout), self._js)

    async def __anext__(self) -> JsMsg:  # type: ignore[override]
        return JsMsg(await super().__anext__(), self._js)


class PullConsumer:
    """A durable (or named) pull consumer of a stream."""

    def __init__(self, js: "JetStream", stream: str, name: str):
        self._js = js
        self.stream = stream
        self.name = name

    async def info(self) -> dict[str, Any]:
        return await self._js.consumer_info(self.stream, self.name)

    async def fetch(self, batch: int = 1, expires: float = 5.0, no_wait: bool = False) -> list[JsMsg]:
        """Up to batch messages, once the batch is full or the request expired."""
        source = await JetstreamOps.fetch(self._js, self.stream, self.name, batch, expires, no_wait)
        out = []
        while True:
            try:
                out.append(await source.next_msg(0))
            except (StopAsyncIteration, TimeoutError):
                return out

    async def next(self, timeout: float = 5.0) -> JsMsg:
        """One message, or TimeoutError."""
        msgs = await self.fetch(1, timeout)
        if not msgs:
            from ._errors import TimeoutError as NervureTimeoutError
            raise NervureTimeoutError(f"no message from {self.stream}/{self.name} within {timeout}s")
        return msgs[0]

    async def consume(self, max_messages: int = 0, expires: float = 30.0, idle_heartbeat: float = 0.0) -> JsSubscription:
        """Continuous pulls: ``async for msg in await consumer.consume()``."""
        sub: JsSubscription = await JetstreamOps.consume(self._js, self.stream, self.name, max_messages, expires,
                                                         idle_heartbeat)
        return sub


class JetStream(JetstreamOps):
    """A JetStream context: nc.jetstream(domain="", api_prefix="", timeout=5)."""

    def __init__(self, conn: "Connection", core: Any):
        self._conn = conn
        self._core = core

    async def _in_thread(self, fn: Any, *args: Any) -> Any:
        return await self._conn._in_thread(fn, *args)

    async def _async_call(self, start: Any) -> Any:
        return await self._conn._async_call(start)

    def _wrap(self, kind: str, handle: Any) -> Any:
        if kind == "subscription":
            sub = JsSubscription(self._conn, handle, None)
            sub._js = self
            self._conn._subs[handle.id] = sub
            return sub
        if kind == "key_value":
            return KeyValue(self, handle)
        return self._conn._wrap(kind, handle)

    def _core_metadata(self, reply: str) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self._core.metadata(reply))
        return value

    # -- streams ---------------------------------------------------------------------
    async def add_stream(self, config: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:  # type: ignore[override]
        """Creates a stream: add_stream(name="ORDERS", subjects=["shop.orders.>"], max_age=3600, ...).
        Returns its info (config, state). Raises JetStreamApiError, NotSupportedByServerError."""
        return await JetstreamOps.add_stream(self, _config(config, fields, _STREAM_DURATIONS))

    async def update_stream(self, config: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:  # type: ignore[override]
        """Changes a stream's configuration (the same keywords as add_stream); returns its info."""
        return await JetstreamOps.update_stream(self, _config(config, fields, _STREAM_DURATIONS))

    async def stream_names(self, subject: str = "") -> list[str]:  # type: ignore[override]
        """Every stream's name, optionally only those bound to subject."""
        return list((await JetstreamOps.stream_names(self, subject)).get("names") or [])

    async def streams(self, subject: str = "") -> list[dict[str, Any]]:  # type: ignore[override]
        """Every stream's info, optionally only those bound to subject."""
        return list((await JetstreamOps.streams(self, subject)).get("streams") or [])

    async def get_msg(self, stream: str, seq: int = 0, last_by_subject: str = "") -> StoredMsg:  # type: ignore[override]
        """A stored message by sequence, or the last one on last_by_subject."""
        r = await JetstreamOps.get_msg(self, stream, seq, last_by_subject)
        return StoredMsg(r["stream"], r["subject"], r["seq"], base64.b64decode(r["data"]),
                         [tuple(h) for h in r["headers"]], r["time"])

    async def publish(self, subject: str, data: Data = b"", headers: HeadersIn = None, msg_id: str = "",  # type: ignore[override]
                      expected_stream: str = "", expected_last_seq: int = -1, expected_last_subject_seq: int = -1,
                      expected_last_msg_id: str = "", ttl: float = 0.0, timeout: float = 0.0) -> PubAck:
        """Publishes and waits for the stream's acknowledgement."""
        msg = await JetstreamOps.publish(self, subject, data, headers, msg_id, expected_stream, expected_last_seq,
                                         expected_last_subject_seq, expected_last_msg_id, ttl, timeout)
        ack = json.loads(msg.data)
        return PubAck(ack["stream"], ack["seq"], ack.get("duplicate", False), ack.get("domain", ""))

    async def publish_async(self, subject: str, data: Data = b"", headers: HeadersIn = None, msg_id: str = "",
                            expected_stream: str = "", expected_last_seq: int = -1,
                            expected_last_subject_seq: int = -1, expected_last_msg_id: str = "", ttl: float = 0.0,
                            timeout: float = 0.0) -> "asyncio.Future[PubAck]":
        """Publishes without waiting for the acknowledgement: returns a future of
        the PubAck at once (the message is sent before this returns, in call order). At most 256
        acknowledgements are outstanding per context; publish_async_complete()
        waits for all of them."""
        conn = self._conn
        if conn._closed:
            raise ConnectionClosedError("connection closed")
        ttl_ms, timeout_ms = to_ms(ttl, "ttl"), to_ms(timeout, "timeout")
        loop = conn._loop
        token = next(conn._tokens)
        done: asyncio.Future[Any] = loop.create_future()
        conn._futures[token] = done  # completed by the connection's wakeup, as every async operation
        try:
            self._core.publish(token, subject, data, headers, msg_id, expected_stream, expected_last_seq,
                               expected_last_subject_seq, expected_last_msg_id, ttl_ms, timeout_ms)
        except BaseException:
            del conn._futures[token]
            raise
        result: asyncio.Future[PubAck] = loop.create_future()

        def settle(f: "asyncio.Future[Any]") -> None:
            if result.done():
                return
            if f.cancelled():
                result.cancel()
            elif f.exception() is not None:
                result.set_exception(f.exception())  # type: ignore[arg-type]
            else:
                ack = json.loads(f.result().data)
                result.set_result(PubAck(ack["stream"], ack["seq"], ack.get("duplicate", False), ack.get("domain", "")))

        done.add_done_callback(settle)
        return result

    # -- consumers -------------------------------------------------------------------
    async def add_consumer(self, stream: str, config: dict[str, Any] | None = None,  # type: ignore[override]
                           **fields: Any) -> dict[str, Any]:
        """Creates a consumer: add_consumer("ORDERS", durable_name="audit", ack_wait=30, ...)."""
        return await JetstreamOps.add_consumer(self, stream, _config(config, fields, _CONSUMER_DURATIONS))

    async def update_consumer(self, stream: str, config: dict[str, Any] | None = None,  # type: ignore[override]
                              **fields: Any) -> dict[str, Any]:
        """Changes an existing consumer (the same keywords as add_consumer)."""
        return await JetstreamOps.update_consumer(self, stream, _config(config, fields, _CONSUMER_DURATIONS))

    async def consumer_names(self, stream: str) -> list[str]:  # type: ignore[override]
        """The names of a stream's consumers."""
        return list((await JetstreamOps.consumer_names(self, stream)).get("names") or [])

    def consumer(self, stream: str, name: str) -> PullConsumer:
        """A handle on an existing pull consumer: fetch, next, consume."""
        return PullConsumer(self, stream, name)

    async def ordered_consumer(self, stream: str, filter_subject: str = "", deliver_policy: str = "all",
                               opt_start_seq: int = 0) -> JsSubscription:
        """Each message of the stream once, in order, healing itself after gaps
        and reconnects: ``async for msg in await js.ordered_consumer("ORDERS")``."""
        sub: JsSubscription = await JetstreamOps.ordered_consumer(self, stream, filter_subject, deliver_policy,
                                                                  opt_start_seq)
        return sub

    # -- key-value -------------------------------------------------------------------
    async def create_key_value(self, config: dict[str, Any] | None = None,  # type: ignore[override]
                               **fields: Any) -> "KeyValue":
        """Creates a bucket: create_key_value(bucket="inventory", history=5, ttl=3600, storage="memory")."""
        kv: KeyValue = await JetstreamOps.create_key_value(self, _config(config, fields, _KV_DURATIONS))
        return kv

    async def key_value_names(self) -> list[str]:  # type: ignore[override]
        """Every bucket's name."""
        return list((await JetstreamOps.key_value_names(self)).get("names") or [])


class KvWatcher:
    """Entries as they change: ``async for entry in watcher``. initial_done turns
    true once every value that existed at the start has been delivered."""

    def __init__(self, source: Subscription, bucket: str):
        self._source = source
        self._bucket = bucket
        self.initial_done = False

    def __aiter__(self) -> AsyncIterator[KvEntry]:
        return self

    async def __anext__(self) -> KvEntry:
        return await self.next(None)

    async def next(self, timeout: float | None = 5.0) -> KvEntry:
        while True:
            msg = await self._source.next_msg(timeout)
            h = msg.headers
            if not msg.subject and h.get("KV-Initial-Done"):
                self.initial_done = True
                continue
            return KvEntry(self._bucket, msg.subject, msg.data, int(h.get("KV-Revision", "0")),
                           int(h.get("KV-Delta", "0")), h.get("KV-Operation", "PUT"), h.get("KV-Created", ""))

    async def stop(self) -> None:
        await self._source.unsubscribe()

    async def __aenter__(self) -> "KvWatcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


class KeyValue(KeyValueOps):
    """A key-value bucket: put, get, create, update (compare-and-set), delete,
    purge, keys, history, watch, status."""

    def __init__(self, js: JetStream, core: Any):
        self._js = js
        self._core = core
        self.bucket_name: str = core.bucket()

    async def _in_thread(self, fn: Any, *args: Any) -> Any:
        return await self._js._in_thread(fn, *args)

    async def _async_call(self, start: Any) -> Any:
        return await self._js._async_call(start)

    def _wrap(self, kind: str, handle: Any) -> Any:
        return self._js._conn._wrap(kind, handle)

    async def get(self, key: str, revision: int = 0) -> KvEntry | None:  # type: ignore[override]
        """The current value (or a past revision); None when absent, deleted or purged."""
        record = await KeyValueOps.get(self, key, revision)
        return _entry(record) if record else None

    async def keys(self, filter: str = "") -> list[str]:  # type: ignore[override]
        """Keys with a current value, optionally matching a filter (wildcards * and > on dot-separated tokens)."""
        return list((await KeyValueOps.keys(self, filter)).get("names") or [])

    async def history(self, key: str) -> list[KvEntry]:  # type: ignore[override]
        """Every stored value of the key, oldest first, deletes and purges included."""
        return [_entry(r) for r in (await KeyValueOps.history(self, key)).get("entries") or []]

    async def watch(self, keys: str = "", include_history: bool = False, ignore_deletes: bool = False,
                    meta_only: bool = False, updates_only: bool = False) -> KvWatcher:
        """Entries as they change: ``async with await kv.watch() as w: async for entry in w``."""
        source = await KeyValueOps.watch(self, keys, include_history, ignore_deletes, meta_only, updates_only)
        return KvWatcher(source, self.bucket_name)

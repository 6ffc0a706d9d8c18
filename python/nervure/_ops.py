"""The default asyncio idiom of every operation (generated from the definition in bindings/api/ by bindings/generator; do not edit).

Each object's class (Connection, Subscription) inherits its mixin here and
overrides what needs more than the default: call returns at once, blocking
runs in a thread off the event loop (unless the definition marks it
loop_async: its _async form is awaited), async awaits its completion (and
cancelling the await cancels the operation). Durations are seconds."""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from . import _core as native
from ._types import Data, HeadersIn, to_ms


def _json_object(text: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(text or "{}")
    return value


def _number(msg: native.Msg) -> int:
    return int(msg.data)


class ConnectionOps:
    """A connection to a NATS system; reconnects by itself. Made by connect(servers, options)."""

    _core: native.Connection

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

    def actor_host(self, idle_timeout: float = 3600.0, call_timeout: float = 60.0, reentrancy: bool = False, max_reentrancy_depth: int = 32, lease_ttl: float = 10.0, partitions: int = 32, workers: int = 4, host_id: str = '', lease_bucket: str = 'nervure-actor-leases', state_bucket: str = 'nervure-actor-state') -> Any:
        """A host for actor types in this process. Register types, then start; turns arrive on turns(). Durations are in seconds. Raises NervureError."""
        idle_timeout_ms = to_ms(idle_timeout, "idle_timeout", 1)
        call_timeout_ms = to_ms(call_timeout, "call_timeout", 1)
        lease_ttl_ms = to_ms(lease_ttl, "lease_ttl", 1)
        return self._wrap("actor_host", self._core.actor_host(idle_timeout_ms, call_timeout_ms, reentrancy, max_reentrancy_depth, lease_ttl_ms, partitions, workers, host_id, lease_bucket, state_bucket))

    async def actor_invoke(self, actor_type: str, actor_id: str, method: str, args: Data = b'', timeout: float = 5.0, partitions: int = 32) -> native.Msg:
        """Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Durations are in seconds. Raises ActorError, TimeoutError, NoRespondersError, ConnectionClosedError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: native.Msg = await self._async_call(lambda token: self._core.actor_invoke(token, actor_type, actor_id, method, args, timeout_ms, partitions))
        return result

    async def actor_tell(self, actor_type: str, actor_id: str, method: str, args: Data = b'', dedup_id: str = '', timeout: float = 5.0) -> None:
        """Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Durations are in seconds. Raises NoRespondersError, TimeoutError, JetStreamApiError, ConnectionClosedError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: None = await self._async_call(lambda token: self._core.actor_tell(token, actor_type, actor_id, method, args, dedup_id, timeout_ms))
        return result

    def publish(self, subject: str, data: Data = b'', reply: str = '', headers: HeadersIn = None) -> Awaitable[None]:
        """Publish a message; fire and forget. Raises InvalidSubjectError, MaxPayloadError, ConnectionClosedError, InvalidArgumentError. Returns at once; awaiting the result is allowed."""
        return self._core.publish(subject, data, reply, headers)

    async def subscribe(self, subject: str, queue: str = '', max_msgs: int = 0, pending_msgs_limit: int = 0, pending_bytes_limit: int = 0) -> Any:
        """Subscribe to a subject (wildcards * and > allowed), optionally in a queue group. Raises InvalidSubjectError, ConnectionClosedError, InvalidArgumentError."""
        return self._wrap("subscription", self._core.subscribe(subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit))

    async def request(self, subject: str, data: Data = b'', timeout: float = 2.0, headers: HeadersIn = None) -> native.Msg:
        """Send a request and wait for one reply. Durations are in seconds. Raises NoRespondersError, TimeoutError, ConnectionClosedError, InvalidSubjectError, MaxPayloadError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: native.Msg = await self._async_call(lambda token: self._core.request(token, subject, data, timeout_ms, headers))
        return result

    async def flush(self, timeout: float = 10.0) -> None:
        """Round trip to the server: everything published before has been processed. Durations are in seconds. Raises TimeoutError, ConnectionClosedError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: None = await self._async_call(lambda token: self._core.flush(token, timeout_ms))
        return result

    async def drain(self, timeout: float = 30.0) -> None:
        """Drain every subscription, flush what was published, then close. Durations are in seconds. Raises TimeoutError, ConnectionClosedError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        await self._in_thread(self._core.drain, timeout_ms)

    async def close(self) -> None:
        """Close now; pending requests fail with ConnectionClosedError."""
        await self._in_thread(self._core.close)

    def is_connected(self) -> bool:
        """Whether the connection is up."""
        return self._core.is_connected()

    def is_reconnecting(self) -> bool:
        """Whether the connection is down and trying to come back."""
        return self._core.is_reconnecting()

    def is_closed(self) -> bool:
        """Whether the connection was closed."""
        return self._core.is_closed()

    def stats(self) -> dict[str, int]:
        """Messages and bytes in and out, reconnects."""
        return self._core.stats()

    def server_info(self) -> dict[str, Any]:
        """The server's INFO."""
        return _json_object(self._core.server_info())

    @property
    def connected_url(self) -> str:
        """The server in use, or empty while disconnected."""
        return self._core.connected_url()

    def new_inbox(self) -> str:
        """A fresh unique reply subject."""
        return self._core.new_inbox()

    @property
    def max_payload(self) -> int:
        """Largest message the server accepts."""
        return self._core.max_payload()

    def jetstream(self, domain: str = '', api_prefix: str = '', timeout: float = 5.0) -> Any:
        """A JetStream context (domain or API prefix for other domains and accounts). Durations are in seconds. Raises InvalidArgumentError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        return self._wrap("jetstream", self._core.jetstream(domain, api_prefix, timeout_ms))


class ActorHostOps:
    """Hosts actor types whose turns run in this language: turns() delivers them in batches; each ends with complete()."""

    _core: native.ActorHost

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

    def register_type(self, actor_type: str) -> None:
        """Hosts an actor type (before start). Raises NervureError."""
        return self._core.register_type(actor_type)

    async def start(self) -> None:
        """Creates the buckets if needed, takes partitions and starts serving. Raises JetStreamApiError, NotSupportedByServerError, TimeoutError."""
        await self._in_thread(self._core.start)

    async def stop(self, timeout: float = 10.0) -> None:
        """Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile. Durations are in seconds."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        await self._in_thread(self._core.stop, timeout_ms)

    def turns(self) -> Any:
        """The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate)."""
        return self._wrap("subscription", self._core.turns())

    def complete(self, turn: int, result: Data = b'', error_type: str = '', error_message: str = '') -> None:
        """Ends a turn with its result, or with an error the caller receives as ActorError. Raises NervureError."""
        return self._core.complete(turn, result, error_type, error_message)

    def state_get(self, turn: int, key: str) -> bytes:
        """A state value during a turn; empty when absent (see state_contains). Raises NervureError."""
        return self._core.state_get(turn, key)

    def state_contains(self, turn: int, key: str) -> bool:
        """Whether the actor's state has the key. Raises NervureError."""
        return self._core.state_contains(turn, key)

    def state_set(self, turn: int, key: str, value: Data) -> None:
        """Sets a state value; saved when the turn succeeds. Raises NervureError."""
        return self._core.state_set(turn, key, value)

    def state_remove(self, turn: int, key: str) -> bool:
        """Removes a state value; true when it was there. Raises NervureError."""
        return self._core.state_remove(turn, key)

    async def state_save(self, turn: int) -> None:
        """Saves the state now rather than at the end of the turn. Raises JetStreamApiError, TimeoutError."""
        await self._in_thread(self._core.state_save, turn)

    def register_timer(self, turn: int, name: str, method: str, due: str, period: str = '', args: Data = b'') -> None:
        """Calls method as a turn after due, then every period, while the actor is active. Raises NervureError."""
        return self._core.register_timer(turn, name, method, due, period, args)

    def unregister_timer(self, turn: int, name: str) -> None:
        """Cancels a timer. Raises NervureError."""
        return self._core.unregister_timer(turn, name)

    async def register_reminder(self, turn: int, name: str, due: str, period: str = '', data: Data = b'') -> None:
        """A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn. Raises NervureError, JetStreamApiError."""
        await self._in_thread(self._core.register_reminder, turn, name, due, period, data)

    async def unregister_reminder(self, turn: int, name: str) -> None:
        """Removes a reminder. Raises NervureError, JetStreamApiError."""
        await self._in_thread(self._core.unregister_reminder, turn, name)

    async def invoke(self, turn: int, actor_type: str, actor_id: str, method: str, args: Data = b'', timeout: float = 5.0) -> native.Msg:
        """Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Durations are in seconds. Raises ActorError, TimeoutError, NoRespondersError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: native.Msg = await self._async_call(lambda token: self._core.invoke(token, turn, actor_type, actor_id, method, args, timeout_ms))
        return result

    def host_id(self) -> str:
        """This host's id."""
        return self._core.host_id()

    def stats(self) -> dict[str, int]:
        """Counters of this host."""
        return self._core.stats()

    def method_stats(self) -> dict[str, Any]:
        """Per-call metrics of this host by actor type and method."""
        return _json_object(self._core.method_stats())


class SubscriptionOps:
    """Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches."""

    _core: native.Subscription

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

    async def unsubscribe(self) -> None:
        """Stop now; queued messages are dropped."""
        return self._core.unsubscribe()

    async def drain(self, timeout: float = 30.0) -> None:
        """Stop interest, let queued messages be consumed, then end. Durations are in seconds. Raises TimeoutError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        await self._in_thread(self._core.drain, timeout_ms)

    def auto_unsubscribe(self, max_msgs: int) -> None:
        """End after this many messages in total (counting those already delivered). Raises InvalidArgumentError."""
        return self._core.auto_unsubscribe(max_msgs)

    def set_pending_limits(self, msgs_limit: int, bytes_limit: int) -> None:
        """Change the queue limits; -1 unlimited."""
        return self._core.set_pending_limits(msgs_limit, bytes_limit)

    def pending(self) -> int:
        """Messages queued, not yet consumed."""
        return self._core.pending()

    def pending_bytes(self) -> int:
        """Payload bytes queued, not yet consumed."""
        return self._core.pending_bytes()

    def dropped(self) -> int:
        """Messages lost to the pending limits (slow consumer)."""
        return self._core.dropped()

    def delivered(self) -> int:
        """Messages received so far."""
        return self._core.delivered()


class JetstreamOps:
    """A JetStream context."""

    _core: native.Jetstream

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

    async def account_info(self) -> dict[str, Any]:
        """The account's JetStream usage and limits. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.account_info))
        return result

    async def add_stream(self, config: str) -> dict[str, Any]:
        """Creates a stream from its configuration (the server's JSON). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.add_stream, config))
        return result

    async def update_stream(self, config: str) -> dict[str, Any]:
        """Changes a stream's configuration. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.update_stream, config))
        return result

    async def stream_info(self, name: str) -> dict[str, Any]:
        """A stream's configuration and state. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.stream_info, name))
        return result

    async def delete_stream(self, name: str) -> None:
        """Deletes a stream and its messages. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        await self._in_thread(self._core.delete_stream, name)

    async def purge_stream(self, name: str, subject: str = '', keep: int = 0, up_to_seq: int = 0) -> int:
        """Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        result: int = await self._in_thread(self._core.purge_stream, name, subject, keep, up_to_seq)
        return result

    async def stream_names(self, subject: str = '') -> dict[str, Any]:
        """Every stream's name, optionally only those bound to subject. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.stream_names, subject))
        return result

    async def streams(self, subject: str = '') -> dict[str, Any]:
        """Every stream's info, optionally only those bound to subject. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.streams, subject))
        return result

    async def get_msg(self, stream: str, seq: int = 0, last_by_subject: str = '') -> dict[str, Any]:
        """A stored message by sequence, or the last one on a subject. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.get_msg, stream, seq, last_by_subject))
        return result

    async def delete_msg(self, stream: str, seq: int, erase: bool = False) -> None:
        """Removes one stored message (erase overwrites it on disk). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        await self._in_thread(self._core.delete_msg, stream, seq, erase)

    async def publish(self, subject: str, data: Data = b'', headers: HeadersIn = None, msg_id: str = '', expected_stream: str = '', expected_last_seq: int = -1, expected_last_subject_seq: int = -1, expected_last_msg_id: str = '', ttl: float = 0.0, timeout: float = 0.0) -> native.Msg:
        """Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Durations are in seconds. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError."""
        ttl_ms = to_ms(ttl, "ttl", 0)
        timeout_ms = to_ms(timeout, "timeout", 0)
        result: native.Msg = await self._async_call(lambda token: self._core.publish(token, subject, data, headers, msg_id, expected_stream, expected_last_seq, expected_last_subject_seq, expected_last_msg_id, ttl_ms, timeout_ms))
        return result

    async def publish_async_complete(self, timeout: float = 5.0) -> None:
        """Waits until every publish has its acknowledgement. Durations are in seconds. Raises TimeoutError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        await self._in_thread(self._core.publish_async_complete, timeout_ms)

    async def add_consumer(self, stream: str, config: str) -> dict[str, Any]:
        """Creates a consumer from its configuration (the server's JSON). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.add_consumer, stream, config))
        return result

    async def update_consumer(self, stream: str, config: str) -> dict[str, Any]:
        """Changes an existing consumer. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.update_consumer, stream, config))
        return result

    async def consumer_info(self, stream: str, consumer: str) -> dict[str, Any]:
        """A consumer's configuration and state. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.consumer_info, stream, consumer))
        return result

    async def delete_consumer(self, stream: str, consumer: str) -> None:
        """Deletes a consumer. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        await self._in_thread(self._core.delete_consumer, stream, consumer)

    async def consumer_names(self, stream: str) -> dict[str, Any]:
        """The names of a stream's consumers. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.consumer_names, stream))
        return result

    async def fetch(self, stream: str, consumer: str, batch: int = 1, expires: float = 5.0, no_wait: bool = False) -> Any:
        """Up to batch messages from a pull consumer, as a source that ends once they are taken. Durations are in seconds. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        expires_ms = to_ms(expires, "expires", 1)
        result: Any = self._wrap("subscription", await self._in_thread(self._core.fetch, stream, consumer, batch, expires_ms, no_wait))
        return result

    async def consume(self, stream: str, consumer: str, max_messages: int = 0, expires: float = 30.0, idle_heartbeat: float = 0.0) -> Any:
        """Continuous pull consumption as a source (stop it with unsubscribe). Durations are in seconds. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        expires_ms = to_ms(expires, "expires", 1)
        idle_heartbeat_ms = to_ms(idle_heartbeat, "idle_heartbeat", 0)
        result: Any = self._wrap("subscription", await self._in_thread(self._core.consume, stream, consumer, max_messages, expires_ms, idle_heartbeat_ms))
        return result

    async def ordered_consumer(self, stream: str, filter_subject: str = '', deliver_policy: str = 'all', opt_start_seq: int = 0) -> Any:
        """An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: Any = self._wrap("subscription", await self._in_thread(self._core.ordered_consumer, stream, filter_subject, deliver_policy, opt_start_seq))
        return result

    def ack(self, reply: str, kind: str = 'ack', delay: float = 0.0, reason: str = '') -> None:
        """Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress. Durations are in seconds. Raises InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError."""
        delay_ms = to_ms(delay, "delay", 0)
        return self._core.ack(reply, kind, delay_ms, reason)

    async def ack_sync(self, reply: str, timeout: float = 5.0) -> native.Msg:
        """Acknowledges and waits for the server to confirm it. Durations are in seconds. Raises TimeoutError, InvalidArgumentError."""
        timeout_ms = to_ms(timeout, "timeout", 1)
        result: native.Msg = await self._async_call(lambda token: self._core.ack_sync(token, reply, timeout_ms))
        return result

    def metadata(self, reply: str) -> dict[str, Any]:
        """Delivery metadata of a JetStream message, from its reply subject. Raises InvalidArgumentError."""
        return _json_object(self._core.metadata(reply))

    async def create_key_value(self, config: str) -> Any:
        """Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        result: Any = self._wrap("key_value", await self._in_thread(self._core.create_key_value, config))
        return result

    async def key_value(self, bucket: str) -> Any:
        """An existing bucket. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: Any = self._wrap("key_value", await self._in_thread(self._core.key_value, bucket))
        return result

    async def delete_key_value(self, bucket: str) -> None:
        """Deletes a bucket and its values. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        await self._in_thread(self._core.delete_key_value, bucket)

    async def key_value_names(self) -> dict[str, Any]:
        """Every bucket's name. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.key_value_names))
        return result


class KeyValueOps:
    """A key-value bucket."""

    _core: native.KeyValue

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

    def bucket(self) -> str:
        """The bucket's name."""
        return self._core.bucket()

    async def put(self, key: str, value: Data) -> int:
        """Stores a value; returns its revision. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: int = _number(await self._async_call(lambda token: self._core.put_async(token, key, value)))
        return result

    async def get(self, key: str, revision: int = 0) -> dict[str, Any]:
        """The current value (or a given revision); an empty record when absent or deleted. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object((await self._async_call(lambda token: self._core.get_async(token, key, revision))).data.decode())
        return result

    async def create(self, key: str, value: Data, ttl: float = 0.0) -> int:
        """Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl. Durations are in seconds. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        ttl_ms = to_ms(ttl, "ttl", 0)
        result: int = await self._in_thread(self._core.create, key, value, ttl_ms)
        return result

    async def update(self, key: str, value: Data, last_revision: int) -> int:
        """Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: int = await self._in_thread(self._core.update, key, value, last_revision)
        return result

    async def delete(self, key: str, last_revision: int = 0) -> None:
        """Deletes the key, keeping its history; with last_revision, only if unchanged. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        await self._in_thread(self._core.delete, key, last_revision)

    async def purge(self, key: str, ttl: float = 0.0) -> None:
        """Deletes the key and its history, leaving a purge marker. Durations are in seconds. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError."""
        ttl_ms = to_ms(ttl, "ttl", 0)
        await self._in_thread(self._core.purge, key, ttl_ms)

    async def keys(self, filter: str = '') -> dict[str, Any]:
        """Keys with a current value, optionally matching a filter (wildcards allowed). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.keys, filter))
        return result

    async def history(self, key: str) -> dict[str, Any]:
        """Every stored value of the key, oldest first. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.history, key))
        return result

    async def watch(self, keys: str = '', include_history: bool = False, ignore_deletes: bool = False, meta_only: bool = False, updates_only: bool = False) -> Any:
        """Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered). Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: Any = self._wrap("subscription", await self._in_thread(self._core.watch, keys, include_history, ignore_deletes, meta_only, updates_only))
        return result

    async def status(self) -> dict[str, Any]:
        """The bucket's state. Raises JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError."""
        result: dict[str, Any] = _json_object(await self._in_thread(self._core.status))
        return result

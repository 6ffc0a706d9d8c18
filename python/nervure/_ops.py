"""The default asyncio idiom of every operation (generated from the definition in bindings/api/ by bindings/generator; do not edit).

Each object's class (Connection, Subscription) inherits its mixin here and
overrides what needs more than the default: call returns at once, blocking
runs in a thread off the event loop, async awaits its completion (and
cancelling the await cancels the operation). Durations are seconds."""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from . import _core as native
from ._types import Data, HeadersIn, to_ms


def _json_object(text: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(text or "{}")
    return value


class ConnectionOps:
    """A connection to a NATS system; reconnects by itself. Made by connect(servers, options)."""

    _core: native.Connection

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def _wrap(self, kind: str, handle: Any) -> Any:
        raise NotImplementedError

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

"""The asyncio connection: one eventfd reader per connection, futures keyed by
token, every completion and ready subscription of a wakeup handled in one pass."""
from __future__ import annotations

import asyncio
import itertools
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, Mapping, Sequence

from . import _core
from ._errors import ConnectionClosedError, InvalidArgumentError, error_for_code
from ._subscription import Subscription

log = logging.getLogger("nervure")

EVENTS = {1: "connected", 2: "disconnected", 3: "reconnected", 4: "closed", 5: "lame_duck",
          6: "servers_discovered", 7: "async_error", 8: "slow_consumer"}

# Python names (seconds) for the core's millisecond options.
_SECONDS = {"connect_timeout": "connect_timeout_ms", "reconnect_wait": "reconnect_wait_ms",
            "reconnect_wait_max": "reconnect_wait_max_ms", "reconnect_jitter": "reconnect_jitter_ms",
            "ping_interval": "ping_interval_ms"}
_TLS = {"tls_ca": "tls_ca_file", "tls_cert": "tls_cert_file", "tls_key": "tls_key_file"}

# Blocking core calls (connect, drain, close) run here so the event loop never waits on them.
_blocking = ThreadPoolExecutor(max_workers=4, thread_name_prefix="nervure")


class _Done:
    """What publish() returns: nothing to wait for, yet `await nc.publish(...)` works too."""

    __slots__ = ()

    def __await__(self):
        return iter(())

    def __repr__(self) -> str:
        return "<done>"


DONE = _Done()


async def connect(servers: str | Sequence[str] = "nats://127.0.0.1:4222", *,
                  on_event: Callable[[str, str], Any] | None = None,
                  error_cb: Callable[[Exception], Any] | None = None, **options: Any) -> "Connection":
    """Connect to a NATS system.

    servers: one URL or a list ("nats://host:4222", "tls://host:4222", "host:4222").
    options: name, user, password, token, nkey_seed, creds_file, tls_ca, tls_cert,
    tls_key, tls_handshake_first, randomize, connect_timeout (s), reconnect,
    max_reconnect_attempts, reconnect_wait (s), reconnect_wait_max (s),
    reconnect_jitter (s), reconnect_buffer_size, ping_interval (s), max_pings_out,
    no_echo, inbox_prefix, pending_msgs_limit, pending_bytes_limit.
    on_event(name, detail) hears connected, disconnected, reconnected, closed,
    lame_duck, servers_discovered, async_error and slow_consumer.
    """
    urls = [servers] if isinstance(servers, str) else list(servers)
    core_options: dict[str, Any] = {}
    for key, value in options.items():
        if key in _SECONDS:
            if not isinstance(value, (int, float)) or value < 0:
                raise InvalidArgumentError(f"{key} must be a non-negative number of seconds")
            core_options[_SECONDS[key]] = int(value * 1000)
        else:
            core_options[_TLS.get(key, key)] = value
    loop = asyncio.get_running_loop()
    core = await loop.run_in_executor(_blocking, _core.connect, urls, core_options)
    return Connection(core, loop, on_event, error_cb)


class Connection:
    """A connection; reconnects by itself. Use `async with` or close()/drain()."""

    def __init__(self, core: Any, loop: asyncio.AbstractEventLoop, on_event, error_cb):
        self._core = core
        self._bridge = _core.bridge_of(core)
        self._loop = loop
        self._on_event = on_event
        self._error_cb = error_cb
        self._futures: dict[int, asyncio.Future] = {}
        # Held until they end, like the server holds the interest: a callback
        # subscription nobody references must keep running.
        self._subs: dict[int, Subscription] = {}
        self._tokens = itertools.count(1)
        self._fd = core.wake_fd()
        self._closed = False
        loop.add_reader(self._fd, self._on_wake)

    # -- the one place the core's results enter Python ---------------------------------
    def _on_wake(self) -> None:
        completions, ready, events = self._core.take()
        for token, code, message, reply in completions:
            fut = self._futures.pop(token, None)
            if fut is None or fut.done():
                continue  # cancelled by the caller meanwhile
            if code:
                fut.set_exception(error_for_code(code, message))
            else:
                fut.set_result(reply)
        for sid in ready:
            sub = self._subs.get(sid)
            if sub is not None:
                sub._ready()
        for code, detail in events:
            self._dispatch_event(EVENTS.get(code, str(code)), detail)

    def _dispatch_event(self, name: str, detail: str) -> None:
        if name in ("async_error", "slow_consumer"):
            log.warning("nervure %s: %s", name, detail)
        if self._on_event is None:
            return
        try:
            result = self._on_event(name, detail)
            if asyncio.iscoroutine(result):
                self._loop.create_task(result)
        except Exception as exc:
            log.exception("on_event callback failed: %s", exc)

    def _report_error(self, exc: Exception) -> None:
        if self._error_cb is not None:
            self._error_cb(exc)
        else:
            log.error("nervure message handler failed: %r", exc)

    async def _in_thread(self, fn: Callable, *args: Any) -> Any:
        return await self._loop.run_in_executor(_blocking, fn, *args)

    def _await_token(self, start: Callable[[int], None]) -> tuple[int, asyncio.Future]:
        token = next(self._tokens)
        fut = self._loop.create_future()
        self._futures[token] = fut
        try:
            start(token)
        except BaseException:
            self._futures.pop(token, None)
            raise
        return token, fut

    # -- the API -------------------------------------------------------------------------
    def publish(self, subject: str, data: bytes | bytearray | memoryview | str = b"", reply: str = "",
                headers: Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]] | None = None) -> _Done:
        """Publish a message (fire and forget). Returns at once; awaiting the result is allowed."""
        self._core.publish(subject, data, reply, headers)
        return DONE

    async def subscribe(self, subject: str, queue: str = "", *, cb: Callable[[Any], Any] | None = None,
                        max_msgs: int = 0, pending_msgs_limit: int = 0, pending_bytes_limit: int = 0) -> Subscription:
        """Subscribe to subject (wildcards * and > allowed), optionally in a queue group.
        Iterate it with `async for`, call next_msg(), or pass cb (sync or async)."""
        core_sub = self._core.subscribe(subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit)
        sub = Subscription(self, core_sub, cb)
        self._subs[core_sub.id] = sub
        return sub

    async def request(self, subject: str, data: bytes | bytearray | memoryview | str = b"", timeout: float = 2.0,
                      headers: Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]] | None = None):
        """Send a request and return the reply. NoRespondersError when nobody listens,
        TimeoutError when no reply comes in time. Cancelling the task cancels the request."""
        if timeout <= 0:
            raise InvalidArgumentError("timeout must be positive")
        token, fut = self._await_token(
            lambda t: self._core.request(t, subject, data, max(1, int(timeout * 1000)), headers))
        try:
            return await fut
        except asyncio.CancelledError:
            self._futures.pop(token, None)
            self._core.cancel(token)
            raise

    async def flush(self, timeout: float = 10.0) -> None:
        """Round trip to the server: everything published before has been processed."""
        await self._await_token(lambda t: self._core.flush(t, max(1, int(timeout * 1000))))[1]

    async def drain(self, timeout: float = 30.0) -> None:
        """Drain every subscription, flush what was published, then close."""
        try:
            await self._in_thread(self._core.drain, int(timeout * 1000))
        finally:
            self._shutdown()

    async def close(self) -> None:
        """Close now. Pending requests fail with ConnectionClosedError."""
        await self._in_thread(self._core.close)
        self._shutdown()

    def _shutdown(self) -> None:
        if self._closed:
            return
        self._on_wake()  # the last completions and events
        self._closed = True
        self._loop.remove_reader(self._fd)
        for fut in self._futures.values():
            if not fut.done():
                fut.set_exception(ConnectionClosedError("connection closed"))
        self._futures.clear()
        for sub in list(self._subs.values()):
            sub._ready()
        self._subs.clear()

    def is_connected(self) -> bool:
        return self._core.is_connected()

    def is_closed(self) -> bool:
        return self._core.is_closed()

    def stats(self) -> dict[str, int]:
        """in_msgs, in_bytes, out_msgs, out_bytes, reconnects."""
        return self._core.stats()

    def server_info(self) -> dict[str, Any]:
        """The INFO the server sent, as a dict."""
        return json.loads(self._core.server_info() or "{}")

    @property
    def connected_url(self) -> str:
        return self._core.connected_url()

    @property
    def max_payload(self) -> int:
        return self._core.max_payload()

    def new_inbox(self) -> str:
        return self._core.new_inbox()

    async def __aenter__(self) -> "Connection":
        return self

    async def __aexit__(self, *exc: object) -> None:
        if not self._closed:
            await self.close()

"""The asyncio connection.

Core threads never run Python. Per connection, the core's completions, "this
subscription has messages" signals and events are queued in C++ and one
eventfd is written per batch; the event loop watches it with add_reader, and
_on_wake takes everything queued in one crossing (one GIL acquisition, one
wakeup of the loop for many messages). Calls that may block release the GIL;
the blocking ones (connect, drain, close) also run off the loop, in a thread.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Sequence

from . import _core, _spin
from ._api import CONNECT_OPTIONS, EVENTS
from ._errors import ConnectionClosedError, InvalidArgumentError
from ._ops import ConnectionOps
from ._subscription import Subscription
from ._types import Data, EventCallback, HeadersIn, to_ms

__all__ = ["connect", "Connection", "Data", "HeadersIn"]

log = logging.getLogger("nervure")

# Blocking core calls (connect, drain, close) wait here, never on the event loop.
_blocking = ThreadPoolExecutor(max_workers=4, thread_name_prefix="nervure")


def _core_options(options: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in options.items():
        spec = CONNECT_OPTIONS.get(name)
        if spec is None:
            raise InvalidArgumentError(f"unknown connect option {name!r}; the options are {', '.join(CONNECT_OPTIONS)}")
        if value is None:
            continue
        if spec.type == "duration":
            value = to_ms(value, name)
        elif spec.type == "bool" and not isinstance(value, bool):
            raise InvalidArgumentError(f"{name} must be True or False, not {value!r}")
        out[name] = value
    return out


async def connect(servers: str | Sequence[str] = "nats://127.0.0.1:4222", *,
                  on_event: EventCallback | None = None,
                  error_cb: Callable[[Exception], Any] | None = None,
                  disconnected_cb: Callable[[], Any] | None = None,
                  reconnected_cb: Callable[[], Any] | None = None,
                  closed_cb: Callable[[], Any] | None = None,
                  **options: Any) -> "Connection":
    """Connect to a NATS system and return a Connection.

    servers: one URL or a list ("nats://host:4222", "tls://host:4222", "host:4222").

    Options are keyword arguments (durations in seconds), listed below.

    Callbacks (plain functions or coroutine functions, run on the event loop):
    on_event(name, detail) hears every event (connected, disconnected,
    reconnected, closed, lame_duck, servers_discovered, async_error,
    slow_consumer); disconnected_cb(), reconnected_cb() and closed_cb() hear
    one each, as in nats-py; error_cb(exc) hears exceptions raised by message
    callbacks and asynchronous errors.

    Raises AuthorizationError when the server refuses the credentials,
    InvalidArgumentError for a bad URL or option, NervureError when no server
    can be reached.

        async with await nervure.connect("nats://127.0.0.1:4222", name="shop") as nc:
            ...
    """
    urls = [servers] if isinstance(servers, str) else list(servers)
    if not urls:
        raise InvalidArgumentError("servers must name at least one server")
    core_options = _core_options(options)
    loop = asyncio.get_running_loop()
    core = await loop.run_in_executor(_blocking, _core.connect, urls, core_options)
    callbacks = {"disconnected": disconnected_cb, "reconnected": reconnected_cb, "closed": closed_cb}
    return Connection(core, loop, on_event, error_cb, {k: v for k, v in callbacks.items() if v is not None})


def _options_doc() -> str:
    lines = ["", "    Options:"]
    for name, spec in CONNECT_OPTIONS.items():
        unit = " s" if spec.type == "duration" else ""
        lines.append(f"        {name} ({spec.type}, default {spec.default!r}{unit}): {spec.doc}")
    return "\n".join(lines) + "\n"


connect.__doc__ = (connect.__doc__ or "") + _options_doc()  # from the definition, so it cannot drift


class Connection(ConnectionOps):
    """A connection to NATS; reconnects by itself. Close it with close() or
    drain(), or use it as ``async with``.

    Every operation of the API definition is a method (their default idiom is
    generated in _ops.py); this class adds the event loop plumbing and what
    needs more than the default. Use a connection from the event loop it was
    made on; publish may also be called from other threads."""

    def __init__(self, core: _core.Connection, loop: asyncio.AbstractEventLoop, on_event: EventCallback | None,
                 error_cb: Callable[[Exception], Any] | None, named_callbacks: dict[str, Callable[[], Any]]):
        self._core = core
        self._loop = loop
        self._on_event = on_event
        self._error_cb = error_cb
        self._named_callbacks = named_callbacks
        self._futures: dict[int, asyncio.Future[Any]] = {}
        # Held until they end, as the server holds the interest: a callback
        # subscription nobody references must keep running.
        self._subs: dict[int, Subscription] = {}
        self._tokens = itertools.count(1)
        self._fd = core.wake_fd()
        self._closed = False
        self._shutting_down = False
        # The native method itself, not the generated wrapper around it: publish
        # is the hottest call there is. Same signature, behaviour and docstring.
        self.publish = core.publish  # type: ignore[method-assign]
        loop.add_reader(self._fd, self._on_wake)
        self._spinner = _spin.spinner_for(loop)
        if self._spinner is not None:
            self._spinner.add(core)

    # -- the one place the core's results enter Python ------------------------------
    def _on_wake(self) -> None:
        completions, ready, events = self._core.take()
        futures = self._futures
        for token, error, reply in completions:
            fut = futures.pop(token, None)
            if fut is None or fut.done():
                continue  # cancelled by its caller meanwhile
            if error is None:
                fut.set_result(reply)
            else:
                fut.set_exception(error)
        subs = self._subs
        for sid in ready:
            sub = subs.get(sid)
            if sub is not None:
                sub._ready()
        for code, detail in events:
            self._dispatch_event(EVENTS.get(code, str(code)), detail)

    def _dispatch_event(self, name: str, detail: str) -> None:
        if name in ("async_error", "slow_consumer"):
            log.warning("nervure %s: %s", name, detail)
        if name == "closed" and not self._shutting_down:
            self._loop.call_soon(self._shutdown)  # closed by the core itself (reconnect gave up)
        for callback, args in ((self._on_event, (name, detail)), (self._named_callbacks.get(name), ())):
            if callback is None:
                continue
            try:
                result = callback(*args)
                if asyncio.iscoroutine(result):
                    self._loop.create_task(result).add_done_callback(self._task_done)
            except Exception as exc:
                self._report_error(exc)

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        if not task.cancelled():
            exc = task.exception()
            if isinstance(exc, Exception):
                self._report_error(exc)

    def _report_error(self, exc: Exception) -> None:
        if self._error_cb is None:
            log.error("nervure: a callback failed", exc_info=exc)
            return
        try:
            result = self._error_cb(exc)
            if asyncio.iscoroutine(result):
                self._loop.create_task(result)
        except Exception:
            log.exception("nervure: error_cb failed")

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self._loop.run_in_executor(_blocking, fn, *args)

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        """Starts an asynchronous core operation under a fresh token and waits
        for its completion, which _on_wake delivers. Cancelling the wait
        cancels the operation in the core."""
        token = next(self._tokens)
        fut: asyncio.Future[Any] = self._loop.create_future()
        self._futures[token] = fut
        try:
            start(token)
        except BaseException:
            del self._futures[token]
            raise
        try:
            return await fut
        except asyncio.CancelledError:
            if self._futures.pop(token, None) is not None:
                self._core.cancel(token)
            raise

    def _wrap(self, kind: str, handle: Any) -> Any:
        if kind == "subscription":
            sub = Subscription(self, handle, None)
            self._subs[handle.id] = sub
            return sub
        if kind == "jetstream":
            from ._jetstream import JetStream
            return JetStream(self, handle)
        if kind == "actor_host":
            from ._actors import ActorRuntime
            return ActorRuntime._from_core(self, handle)
        raise NotImplementedError(f"no Python class for {kind} handles")

    # -- what needs more than the generated default ------------------------------------------
    async def subscribe(self, subject: str, queue: str = "", max_msgs: int = 0, pending_msgs_limit: int = 0,
                        pending_bytes_limit: int = 0, *, cb: Callable[[_core.Msg], Any] | None = None) -> Subscription:
        """Subscribe to subject (wildcards * and > allowed), optionally in a queue group.

        Consume it with ``async for msg in sub``, ``await sub.next_msg(timeout)``,
        or pass cb: a function (run inline on the loop, a batch at a time) or a
        coroutine function (awaited for one message after the other). Messages
        wait in the core, where pending_msgs_limit / pending_bytes_limit apply
        (0: the connection's defaults, -1: unlimited); beyond them they are
        dropped and a slow_consumer event is emitted. max_msgs > 0 ends the
        subscription after that many messages. Raises InvalidSubjectError,
        ConnectionClosedError, InvalidArgumentError."""
        core_sub = self._core.subscribe(subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit)
        sub = Subscription(self, core_sub, cb)
        self._subs[core_sub.id] = sub  # before any wakeup can name it: they run on this loop
        return sub

    def actor_proxy(self, actor_type: str, actor_id: str, *, partitions: int = 32) -> Any:
        """A proxy for calls to the actor (actor_type, actor_id), wherever it is
        hosted: ``await nc.actor_proxy("inventory", "kettle").invoke("reserve", 1)``."""
        from ._actors import ActorProxy
        return ActorProxy(self, actor_type, actor_id, partitions=partitions)

    async def rtt(self) -> float:
        """Round-trip time to the server in seconds, measured now with a flush."""
        start = time.perf_counter()
        await self.flush()
        return time.perf_counter() - start

    # -- ending -----------------------------------------------------------------------------
    async def drain(self, timeout: float = 30.0) -> None:
        """Stop every subscription's interest, let what is queued be consumed
        (callbacks finish), flush what was published, then close. Raises
        TimeoutError, ConnectionClosedError."""
        try:
            await super().drain(timeout)
        finally:
            self._shutdown()

    async def close(self) -> None:
        """Close now. Pending requests fail with ConnectionClosedError;
        subscriptions end. Closing twice is harmless."""
        if not self._closed:
            await super().close()
        self._shutdown()

    def _shutdown(self) -> None:
        if self._closed or self._shutting_down:
            return
        self._shutting_down = True
        try:
            self._on_wake()  # the last completions and events
        finally:
            self._closed = True
            self._loop.remove_reader(self._fd)
            if self._spinner is not None:
                self._spinner.remove(self._core)
            for fut in self._futures.values():
                if not fut.done():
                    fut.set_exception(ConnectionClosedError("connection closed"))
            self._futures.clear()
            for sub in list(self._subs.values()):
                sub._ready()

    async def __aenter__(self) -> "Connection":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else ("connected" if self.is_connected() else "reconnecting")
        return f"<nervure.Connection {state} {self.connected_url}>"

"""Subscriptions: async iteration, next_msg, or a callback.

Messages wait in the core, where the pending limits apply, and cross into
Python a batch at a time (one poll, one list of Msg objects) when the
subscriber is ready for them. The core says when its queue turns non-empty;
until then an empty subscription costs nothing.
"""
from __future__ import annotations

import asyncio
import inspect
from collections import deque
from typing import TYPE_CHECKING, Any, Callable

from . import _core
from ._errors import InvalidArgumentError
from ._errors import TimeoutError as NervureTimeoutError
from ._ops import SubscriptionOps

if TYPE_CHECKING:
    from ._connection import Connection

_BATCH = 1024  # messages taken from the core per crossing
_INLINE_BUDGET = 8 * _BATCH  # messages a plain callback handles per turn of the loop before yielding
_DONE = _core.DONE


class Subscription(SubscriptionOps):
    """Interest in a subject; see Connection.subscribe.

    ``async for msg in sub`` ends when the subscription ends (unsubscribed,
    drained, max_msgs reached, or the connection closed). The operations of
    the API definition are methods (defaults generated in _ops.py)."""

    def __init__(self, conn: "Connection", core: _core.Subscription, callback: Callable[[_core.Msg], Any] | None):
        self._conn = conn
        self._core = core
        self._poll = core.poll  # bound once: called per batch
        self._conn_core = conn._core
        self._loop = conn._loop
        self._local: deque[_core.Msg] = deque()
        self._core_has_more = True
        self._waiters: list[asyncio.Future[None]] = []  # next_msg calls waiting for the core
        self._callback = callback
        self._task: asyncio.Task[None] | None = None
        self._inline = callback is not None and not inspect.iscoroutinefunction(callback)
        self._dispatch_pending = False
        if callback is not None and not self._inline:
            self._task = self._loop.create_task(self._run_async_callback())

    @property
    def subject(self) -> str:
        return self._core.subject

    @property
    def queue(self) -> str:
        return self._core.queue

    # -- fed by the connection's wakeup ---------------------------------------------------
    def _ready(self) -> None:
        self._core_has_more = True
        if self._inline:
            if not self._dispatch_pending:
                self._dispatch_inline()
            return
        if self._waiters:
            waiters, self._waiters = self._waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def _refill(self) -> bool:
        batch = self._poll(_BATCH, self._conn_core)
        # Fewer than asked: the core's queue is empty and will say when it is not.
        self._core_has_more = len(batch) == _BATCH
        if not batch:
            return False
        self._local.extend(batch)
        return True

    def _finished(self) -> bool:
        if self._core.ended():
            self._conn._subs.pop(self._core.id, None)
            return True
        return False

    # -- consuming ---------------------------------------------------------------------------
    async def next_msg(self, timeout: float | None = None) -> _core.Msg:
        """The next message. Raises TimeoutError (nervure's, also a built-in
        TimeoutError) when none arrives within timeout seconds, and
        StopAsyncIteration once the subscription has ended."""
        local = self._local
        if local:
            return local.popleft()
        return await self._next_slow(timeout)

    async def _next_slow(self, timeout: float | None) -> _core.Msg:
        if self._callback is not None:
            raise InvalidArgumentError("this subscription hands its messages to its callback; it cannot be iterated")
        loop = self._loop
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            if self._local or self._core_has_more and self._refill():
                return self._local.popleft()  # another reader may have refilled while this one waited
            if self._finished():
                raise StopAsyncIteration
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                if deadline is None:
                    await waiter
                else:
                    left = deadline - loop.time()
                    if left <= 0:
                        raise NervureTimeoutError(f"no message on '{self.subject}' within {timeout}s")
                    await asyncio.wait_for(waiter, left)
            except asyncio.TimeoutError:
                raise NervureTimeoutError(f"no message on '{self.subject}' within {timeout}s") from None
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def __aiter__(self) -> "Subscription":
        return self

    async def __anext__(self) -> _core.Msg:
        local = self._local
        if local:
            return local.popleft()
        return await self._next_slow(None)

    # -- callbacks -------------------------------------------------------------------------------
    def _dispatch_inline(self) -> None:
        """Runs a plain callback over what is queued, on the loop, inside the
        wakeup that announced it: no task and no extra turn of the loop."""
        self._dispatch_pending = False
        callback, poll, conn_core, report = self._callback, self._poll, self._conn_core, self._conn._report_error
        assert callback is not None
        budget = _INLINE_BUDGET
        while self._core_has_more:
            if budget <= 0:  # let the loop breathe; carry on in its next turn
                self._dispatch_pending = True
                self._loop.call_soon(self._dispatch_inline)
                return
            batch = poll(_BATCH, conn_core)
            self._core_has_more = len(batch) == _BATCH
            budget -= len(batch)
            for msg in batch:
                try:
                    result = callback(msg)
                    if result is not None and result is not _DONE and inspect.isawaitable(result):
                        self._loop.create_task(_await(result)).add_done_callback(self._conn._task_done)
                except Exception as exc:  # a handler's error is reported, never fatal
                    report(exc)
        self._finished()

    async def _run_async_callback(self) -> None:
        callback, report = self._callback, self._conn._report_error
        assert callback is not None
        local = self._local
        try:
            while True:
                if not local and not (self._core_has_more and self._refill()):
                    if self._finished():
                        return
                    waiter: asyncio.Future[None] = self._loop.create_future()
                    self._waiters.append(waiter)
                    await waiter
                    continue
                while local:
                    try:
                        await callback(local.popleft())
                    except Exception as exc:
                        report(exc)
        except asyncio.CancelledError:
            pass

    # -- what needs more than the generated default ------------------------------------------
    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self._conn._in_thread(fn, *args)

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        return await self._conn._async_call(start)

    async def unsubscribe(self) -> None:
        """Stop now; messages not yet consumed are dropped."""
        self._core.unsubscribe()
        self._local.clear()
        self._conn._subs.pop(self._core.id, None)
        self._ready()

    def pending(self) -> int:
        """Messages received and not yet consumed."""
        return self._core.pending() + len(self._local)

    async def __aenter__(self) -> "Subscription":
        return self

    async def __aexit__(self, *exc: object) -> None:
        if not self._core.ended():
            try:
                await self.unsubscribe()
            except Exception:
                pass  # the connection is already gone: nothing to stop
        if self._task is not None:
            self._task.cancel()

    def __repr__(self) -> str:
        return f"<nervure.Subscription subject={self.subject!r} queue={self.queue!r}>"


async def _await(awaitable: Any) -> Any:
    return await awaitable

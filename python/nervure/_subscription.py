"""Subscriptions: async iteration, next_msg, or a callback."""
from __future__ import annotations

import asyncio
import inspect
from collections import deque
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from ._errors import TimeoutError as NervureTimeoutError

if TYPE_CHECKING:
    from ._connection import Connection
    from ._message import Msg

_BATCH = 1024  # messages taken from the core per crossing


class Subscription:
    """Interest in a subject. Messages wait in the core (where the pending limits
    apply) and cross into Python a batch at a time, when the subscriber asks."""

    def __init__(self, conn: "Connection", core: Any, callback: Callable[["Msg"], Any] | None):
        self._conn = conn
        self._core = core
        self._local: deque = deque()
        self._core_has_more = True
        self._waiter: asyncio.Future | None = None
        self._callback = callback
        self._task: asyncio.Task | None = None
        if callback is not None:
            self._task = conn._loop.create_task(self._run_callback())

    @property
    def subject(self) -> str:
        return self._core.subject

    @property
    def queue(self) -> str:
        return self._core.queue

    # -- fed by the connection's wakeup -------------------------------------------
    def _ready(self) -> None:
        self._core_has_more = True
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def _refill(self) -> None:
        if not self._core_has_more:
            return
        batch = self._core.poll(_BATCH, self._conn._bridge)
        self._local.extend(batch)
        # Fewer than asked: the core queue is empty and will tell us when it is not.
        self._core_has_more = len(batch) == _BATCH

    # -- consuming -----------------------------------------------------------------
    async def next_msg(self, timeout: float | None = None) -> "Msg":
        """The next message. Raises TimeoutError when none arrives in time, and
        StopAsyncIteration once the subscription has ended (unsubscribed, drained,
        max_msgs reached, or the connection closed)."""
        loop = self._conn._loop
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            if not self._local:
                self._refill()
            if self._local:
                return self._local.popleft()
            if self._core.ended():
                self._conn._subs.pop(self._core.id, None)
                raise StopAsyncIteration
            self._waiter = loop.create_future()
            try:
                if deadline is None:
                    await self._waiter
                else:
                    left = deadline - loop.time()
                    if left <= 0:
                        raise NervureTimeoutError(f"no message on '{self.subject}' within {timeout}s")
                    await asyncio.wait_for(self._waiter, left)
            except asyncio.TimeoutError:
                raise NervureTimeoutError(f"no message on '{self.subject}' within {timeout}s") from None
            finally:
                self._waiter = None

    def __aiter__(self) -> "Subscription":
        return self

    async def __anext__(self) -> "Msg":
        return await self.next_msg()

    async def _run_callback(self) -> None:
        # A pulled batch is handled inline: no coroutine per message on this path.
        loop = self._conn._loop
        callback = self._callback
        try:
            while True:
                if not self._local:
                    self._refill()
                local = self._local
                while local:
                    msg = local.popleft()
                    try:
                        result = callback(msg)
                        if result is not None and inspect.isawaitable(result):
                            await result
                    except Exception as exc:  # a handler's error is reported, not fatal
                        self._conn._report_error(exc)
                if self._core_has_more:
                    continue
                if self._core.ended():
                    self._conn._subs.pop(self._core.id, None)
                    return
                self._waiter = loop.create_future()
                try:
                    await self._waiter
                finally:
                    self._waiter = None
        except asyncio.CancelledError:
            pass

    # -- management ----------------------------------------------------------------
    async def unsubscribe(self) -> None:
        """Stop now; messages not yet consumed are dropped."""
        self._core.unsubscribe()
        self._local.clear()
        self._conn._subs.pop(self._core.id, None)
        self._ready()

    async def drain(self, timeout: float = 30.0) -> None:
        """Stop interest and end once the queued messages have been consumed."""
        self._core_has_more = True
        await self._conn._in_thread(self._core.drain, int(timeout * 1000))

    def auto_unsubscribe(self, max_msgs: int) -> None:
        """End after max_msgs messages in total."""
        self._core.auto_unsubscribe(max_msgs)

    def pending(self) -> int:
        """Messages received and not yet consumed."""
        return self._core.pending() + len(self._local)

    def dropped(self) -> int:
        """Messages lost because the pending limits were reached (slow consumer)."""
        return self._core.dropped()

    def delivered(self) -> int:
        return self._core.delivered()

    async def __aenter__(self) -> "Subscription":
        return self

    async def __aexit__(self, *exc: object) -> None:
        if not self._core.ended():
            try:
                await self.unsubscribe()
            except Exception:
                pass
        if self._task is not None:
            self._task.cancel()

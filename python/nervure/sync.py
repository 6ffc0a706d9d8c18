"""A small blocking facade for scripts:

    from nervure import sync

    with sync.connect("nats://127.0.0.1:4222") as nc:
        reply = nc.request("shop.payments.authorise", b"42.00", timeout=2)
        with nc.subscribe("shop.orders.>") as sub:
            for msg in sub:
                ...

It runs the asyncio API on a private event loop thread, with the same
arguments, options and errors. Waits happen in short slices, so Ctrl-C
interrupts them. Callbacks (cb=...) run on that private thread; blocking calls
made from inside one would wait for the very thread they run on, so they
raise RuntimeError instead (publish and respond are fine).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from typing import Any, Callable, Coroutine, Iterator, Sequence, TypeVar

from . import _connection, _core
from ._connection import Data, HeadersIn
from ._subscription import Subscription as AsyncSubscription

T = TypeVar("T")
_SLICE = 0.1


class _LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="nervure-sync", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        if threading.current_thread() is self.thread:
            coro.close()
            raise RuntimeError("a blocking nervure.sync call inside a callback would wait for itself; "
                               "publish or respond from callbacks, and do the rest outside")
        fut = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            # Wait in slices (back to the interpreter, where a KeyboardInterrupt can
            # land), and tell "not done yet" from an operation that raised
            # TimeoutError: both are TimeoutError to concurrent.futures.
            while not fut.done():
                concurrent.futures.wait([fut], timeout=_SLICE)
        except BaseException:
            fut.cancel()
            raise
        return fut.result()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class Subscription:
    """A subscription of a blocking connection: iterate it, or call next_msg."""

    def __init__(self, runner: _LoopThread, sub: AsyncSubscription) -> None:
        self._runner, self._sub = runner, sub

    @property
    def subject(self) -> str:
        return self._sub.subject

    def next_msg(self, timeout: float | None = None) -> _core.Msg:
        """The next message; TimeoutError, or StopIteration once the subscription ended."""
        try:
            return self._runner.run(self._sub.next_msg(timeout))
        except StopAsyncIteration:
            raise StopIteration from None

    def __iter__(self) -> Iterator[_core.Msg]:
        return self

    def __next__(self) -> _core.Msg:
        return self.next_msg()

    def unsubscribe(self) -> None:
        self._runner.run(self._sub.unsubscribe())

    def drain(self, timeout: float = 30.0) -> None:
        self._runner.run(self._sub.drain(timeout))

    def auto_unsubscribe(self, max_msgs: int) -> None:
        self._sub.auto_unsubscribe(max_msgs)

    def pending(self) -> int:
        return self._sub.pending()

    def dropped(self) -> int:
        return self._sub.dropped()

    def delivered(self) -> int:
        return self._sub.delivered()

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, *exc: object) -> None:
        self._runner.run(self._sub.__aexit__(*exc))


class Connection:
    """A blocking connection: the asyncio API's operations, waited for."""

    def __init__(self, runner: _LoopThread, conn: _connection.Connection) -> None:
        self._runner, self._conn = runner, conn

    def publish(self, subject: str, data: Data = b"", reply: str = "", headers: HeadersIn = None) -> None:
        # The core's publish is thread-safe: called from this thread, its errors raise here.
        self._conn.publish(subject, data, reply, headers)

    def subscribe(self, subject: str, queue: str = "", *, cb: Callable[[_core.Msg], Any] | None = None,
                  max_msgs: int = 0, pending_msgs_limit: int = 0, pending_bytes_limit: int = 0) -> Subscription:
        """As Connection.subscribe; cb runs on the facade's private loop thread."""
        sub = self._runner.run(self._conn.subscribe(subject, queue, cb=cb, max_msgs=max_msgs,
                                                    pending_msgs_limit=pending_msgs_limit,
                                                    pending_bytes_limit=pending_bytes_limit))
        return Subscription(self._runner, sub)

    def request(self, subject: str, data: Data = b"", timeout: float = 2.0, headers: HeadersIn = None) -> _core.Msg:
        return self._runner.run(self._conn.request(subject, data, timeout, headers))

    def flush(self, timeout: float = 10.0) -> None:
        self._runner.run(self._conn.flush(timeout))

    def drain(self, timeout: float = 30.0) -> None:
        try:
            self._runner.run(self._conn.drain(timeout))
        finally:
            self._runner.stop()

    def close(self) -> None:
        try:
            self._runner.run(self._conn.close())
        finally:
            self._runner.stop()

    def stats(self) -> dict[str, int]:
        return self._conn.stats()

    def server_info(self) -> dict[str, Any]:
        return self._conn.server_info()

    def is_connected(self) -> bool:
        return self._conn.is_connected()

    def is_closed(self) -> bool:
        return self._conn.is_closed()

    def new_inbox(self) -> str:
        return self._conn.new_inbox()

    @property
    def connected_url(self) -> str:
        return self._conn.connected_url

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._conn.is_closed():
            self.close()
        else:
            self._runner.stop()


def connect(servers: str | Sequence[str] = "nats://127.0.0.1:4222", **options: Any) -> Connection:
    """Blocking connect; the same servers, options and callbacks as nervure.connect."""
    runner = _LoopThread()
    try:
        return Connection(runner, runner.run(_connection.connect(servers, **options)))
    except BaseException:
        runner.stop()
        raise

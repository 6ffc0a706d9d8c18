"""A small blocking facade for scripts:

    from nervure import sync
    with sync.connect("nats://127.0.0.1:4222") as nc:
        reply = nc.request("shop.payments.authorise", b"42.00", timeout=2)

It runs the asyncio API on a private event loop thread. Waits happen in short
slices, so Ctrl-C interrupts them."""
from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from typing import Any

from . import _connection

_SLICE = 0.1


class _LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="nervure-sync", daemon=True)
        self.thread.start()

    def run(self, coro) -> Any:
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
    """A subscription of a blocking connection; iterate it, or call next_msg."""

    def __init__(self, runner: _LoopThread, sub) -> None:
        self._runner, self._sub = runner, sub

    def next_msg(self, timeout: float | None = None):
        """The next message; TimeoutError, or StopIteration once the subscription ended."""
        try:
            return self._runner.run(self._sub.next_msg(timeout))
        except StopAsyncIteration:
            raise StopIteration from None

    def __iter__(self):
        return self

    def __next__(self):
        return self.next_msg()

    def unsubscribe(self) -> None:
        self._runner.run(self._sub.unsubscribe())

    def drain(self, timeout: float = 30.0) -> None:
        self._runner.run(self._sub.drain(timeout))

    def pending(self) -> int:
        return self._sub.pending()

    def dropped(self) -> int:
        return self._sub.dropped()

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, *exc: object) -> None:
        self._runner.run(self._sub.__aexit__(*exc))


class Connection:
    """A blocking connection: the asyncio API's operations, waited for."""

    def __init__(self, runner: _LoopThread, conn) -> None:
        self._runner, self._conn = runner, conn

    def publish(self, subject: str, data=b"", reply: str = "", headers=None) -> None:
        # The core's publish is thread-safe: called from this thread, its errors raise here.
        self._conn.publish(subject, data, reply, headers)

    def subscribe(self, subject: str, queue: str = "", **options: Any) -> Subscription:
        return Subscription(self._runner, self._runner.run(self._conn.subscribe(subject, queue, **options)))

    def request(self, subject: str, data=b"", timeout: float = 2.0, headers=None):
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

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._conn.is_closed():
            self.close()


def connect(servers="nats://127.0.0.1:4222", **options: Any) -> Connection:
    """Blocking connect; the same servers and options as nervure.connect."""
    runner = _LoopThread()
    try:
        return Connection(runner, runner.run(_connection.connect(servers, **options)))
    except BaseException:
        runner.stop()
        raise

"""Virtual actors: host actor types in this process and call actors anywhere.

The core owns placement (leases), turn order, state persistence, timers and
reminders (docs/actors.md); this module only runs turns on the event loop.
Turns arrive in batches on a source like a subscription's; a turn of a plain
method runs inline, a coroutine method in a task. Arguments, results and state
values are MessagePack, so actors and callers in any language understand each
other.

    class Inventory(nervure.Actor):
        async def on_activate(self):
            if not self.state.contains("stock"):
                self.state.set("stock", 10)

        def reserve(self, quantity):
            stock = self.state.get("stock")
            if quantity > stock:
                return {"reserved": False, "left": stock}
            self.state.set("stock", stock - quantity)
            return {"reserved": True, "left": stock - quantity}

    async with nervure.ActorRuntime(nc) as runtime:   # starts, and stops at the end
        runtime.register("inventory", Inventory)      # before start: see below
    ...
    reply = await nervure.actor_proxy(nc, "inventory", "kettle").invoke("reserve", 1)
"""
from __future__ import annotations

import asyncio
import contextvars
import inspect
from typing import TYPE_CHECKING, Any, Callable

import msgpack  # type: ignore[import-untyped]

from . import _core
from ._errors import ActorError, InvalidArgumentError
from ._ops import ActorHostOps, ConnectionOps
from ._subscription import Subscription
from ._types import to_ms

if TYPE_CHECKING:
    from ._connection import Connection

__all__ = ["Actor", "ActorRuntime", "ActorProxy", "ActorState", "actor_proxy"]

_MISSING = object()
# The turn the running code belongs to: state calls and nested invokes use it.
_current_turn: contextvars.ContextVar[int] = contextvars.ContextVar("nervure_actor_turn", default=0)


def _pack(value: Any) -> bytes:
    data: bytes = msgpack.packb(value, use_bin_type=True)
    return data


def _unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, raw=False) if data else None


class ActorState:
    """An actor's state, during its turns: values are saved together when a
    turn succeeds (or by save()), and discarded when it fails."""

    def __init__(self, host: "_ActorHost"):
        self._host = host

    def _turn(self) -> int:
        turn = _current_turn.get()
        if not turn:
            raise InvalidArgumentError("actor state is available only during the actor's turns")
        return turn

    def get(self, key: str, default: Any = None) -> Any:
        turn = self._turn()
        data = self._host._core.state_get(turn, key)
        if not data and not self._host._core.state_contains(turn, key):
            return default
        return _unpack(data)

    def set(self, key: str, value: Any) -> None:
        self._host._core.state_set(self._turn(), key, _pack(value))

    def remove(self, key: str) -> bool:
        return self._host._core.state_remove(self._turn(), key)

    def contains(self, key: str) -> bool:
        return self._host._core.state_contains(self._turn(), key)

    async def save(self) -> None:
        await self._host.state_save(self._turn())


class Actor:
    """Base class of actors hosted in Python. Public methods are callable by
    name; each takes the call's argument (if the caller sent one) and returns
    the result. Plain methods run inline on the event loop, coroutine methods as
    tasks; either way one turn at a time per actor."""

    actor_type: str
    actor_id: str
    state: ActorState

    async def on_activate(self) -> None:
        """Runs before the first turn of an activation."""

    async def on_deactivate(self) -> None:
        """Runs when the actor is deactivated (idle, or its host stops)."""

    async def receive_reminder(self, name: str, data: Any) -> None:
        """Runs for each due time of a reminder of this actor."""

    def _host_turn(self) -> int:
        return self.state._turn()

    def register_timer(self, name: str, method: str, due: str, period: str = "", args: Any = _MISSING) -> None:
        """Calls method as a turn after due, then every period (durations like
        "1m30s", ISO 8601 like "PT1M30S", periods with repetitions "R5/PT10S"),
        while the actor stays active."""
        data = b"" if args is _MISSING else _pack(args)
        self.state._host._core.register_timer(self._host_turn(), name, method, due, period, data)

    def unregister_timer(self, name: str) -> None:
        self.state._host._core.unregister_timer(self._host_turn(), name)

    async def register_reminder(self, name: str, due: str, period: str = "", data: Any = None) -> None:
        """A durable reminder: receive_reminder(name, data) runs at each due time,
        across deactivation, restarts and failover."""
        await self.state._host.register_reminder(self._host_turn(), name, due, period, _pack(data))

    async def unregister_reminder(self, name: str) -> None:
        await self.state._host.unregister_reminder(self._host_turn(), name)

    def proxy(self, actor_type: str, actor_id: str) -> "ActorProxy":
        """A proxy whose calls belong to this turn's call chain (reentrancy needs that)."""
        return ActorProxy(self.state._host._conn, actor_type, actor_id, _host=self.state._host)


class _ActorHost(ActorHostOps):
    """The generated operations of an actor host, with the connection's plumbing."""

    def __init__(self, conn: "Connection", core: Any):
        self._conn = conn
        self._core = core

    async def _in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self._conn._in_thread(fn, *args)

    async def _async_call(self, start: Callable[[int], None]) -> Any:
        return await self._conn._async_call(start)

    def _wrap(self, kind: str, handle: Any) -> Any:
        return self._conn._wrap(kind, handle)


_OPTIONS = {"idle_timeout", "call_timeout", "reentrancy", "max_reentrancy_depth", "lease_ttl", "partitions",
            "workers", "host_id", "lease_bucket", "state_bucket"}


def _native_host(connection: "Connection", options: dict[str, Any]) -> Any:
    """The native host, made by the generated connection.actor_host (which checks
    and converts the options) without wrapping it again."""

    class _Unwrapped:
        _core = connection._core

        @staticmethod
        def _wrap(kind: str, handle: Any) -> Any:
            return handle

    return ConnectionOps.actor_host(_Unwrapped(), **options)  # type: ignore[arg-type]


class ActorRuntime:
    """Hosts actor types in this process (docs/api/reference.md: actor_host).

    Options (durations in seconds): idle_timeout, call_timeout, reentrancy,
    max_reentrancy_depth, lease_ttl, partitions (every host and caller of a
    type must agree), host_id, lease_bucket, state_bucket."""

    def __init__(self, connection: "Connection", **options: Any):
        unknown = set(options) - _OPTIONS
        if unknown:
            raise InvalidArgumentError(f"unknown actor runtime option(s): {', '.join(sorted(unknown))}; "
                                       f"the options are {', '.join(sorted(_OPTIONS))}")
        self._init(connection, _native_host(connection, options))

    @classmethod
    def _from_core(cls, connection: "Connection", handle: Any) -> "ActorRuntime":
        runtime = cls.__new__(cls)
        runtime._init(connection, handle)
        return runtime

    def _init(self, connection: "Connection", handle: Any) -> None:
        self._conn = connection
        self._host = _ActorHost(connection, handle)
        self._types: dict[str, type[Actor]] = {}
        self._actors: dict[tuple[str, str], Actor] = {}
        self._turns: Subscription | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._started = False

    @property
    def host_id(self) -> str:
        return self._host._core.host_id()

    def stats(self) -> dict[str, int]:
        """calls, failed_calls, activations, deactivations, active_actors, owned_partitions."""
        return self._host._core.stats()

    def method_stats(self) -> list[dict[str, Any]]:
        """Per-call metrics since start, by actor type and method, in name order.

        Each record: actor_type, method, calls, failed, and two latency
        summaries in microseconds (p50_us, p90_us, p99_us, max_us, mean_us):
        ``wait`` from the call's arrival to its turn, ``run`` the turn itself
        with its state save. The method "$activate" counts activations.
        """
        return list(self._host.method_stats().get("methods") or [])

    def register(self, actor_type: str, implementation: type[Actor]) -> None:
        """Hosts actor_type with a subclass of Actor, created once per activation."""
        if self._started:
            raise InvalidArgumentError("register actor types before start()")
        if not (isinstance(implementation, type) and issubclass(implementation, Actor)):
            raise InvalidArgumentError("an actor implementation is a subclass of nervure.Actor")
        self._host._core.register_type(actor_type)
        self._types[actor_type] = implementation

    async def start(self) -> None:
        """Joins placement and starts serving the registered types."""
        if self._started:
            raise InvalidArgumentError("actor runtime started already")
        core_turns = self._host._core.turns()
        self._turns = Subscription(self._conn, core_turns, self._on_turn)
        self._conn._subs[core_turns.id] = self._turns
        self._started = True
        await self._host.start()

    async def stop(self, timeout: float = 10.0) -> None:
        """Stops taking calls, lets queued turns finish, deactivates every actor
        (saving state) and hands the partitions to other hosts."""
        if not self._started:
            return
        await self._host.stop(timeout)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def __aenter__(self) -> "ActorRuntime":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    # -- turns -----------------------------------------------------------------------------
    def _on_turn(self, msg: _core.Msg) -> None:
        turn = int(msg.reply)
        headers = msg.headers
        kind = headers.get("Nervure-Turn", "call")
        key = (headers.get("Nervure-Actor-Type", ""), headers.get("Nervure-Actor-Id", ""))
        if kind == "activate":
            actor = self._types[key[0]]()
            actor.actor_type, actor.actor_id, actor.state = key[0], key[1], ActorState(self._host)
            self._actors[key] = actor
            fn: Callable[..., Any] | None = actor.on_activate
            args: tuple[Any, ...] = ()
        else:
            actor = self._actors.get(key)  # type: ignore[assignment]
            if actor is None:
                self._host._core.complete(turn, b"", "ActivationError", f"actor {key[0]}/{key[1]} is not active here")
                return
            if kind == "deactivate":
                fn, args = actor.on_deactivate, ()
            elif kind == "reminder":
                fn, args = actor.receive_reminder, (msg.subject, _unpack(msg.data))
            else:
                name = msg.subject
                fn = None if name.startswith("_") or name in _RESERVED else getattr(actor, name, None)
                if not callable(fn):
                    self._host._core.complete(turn, b"", "MethodNotFound",
                                              f"actor {key[0]} has no method {name!r}")
                    return
                args = (_unpack(msg.data),) if msg.data else ()
        assert fn is not None
        ctx = contextvars.copy_context()
        ctx.run(_current_turn.set, turn)
        if inspect.iscoroutinefunction(fn):
            task = self._conn._loop.create_task(self._run_async(turn, kind, key, fn, args), context=ctx)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        else:
            ctx.run(self._run_inline, turn, kind, key, fn, args)

    def _finish(self, turn: int, kind: str, key: tuple[str, str], result: Any, error: BaseException | None) -> None:
        if kind == "deactivate":
            self._actors.pop(key, None)
        if error is not None:
            if isinstance(error, ActorError) and error.remote_type:
                self._host._core.complete(turn, b"", error.remote_type, str(error))
            else:
                self._host._core.complete(turn, b"", type(error).__name__, str(error))
            return
        try:
            payload = _pack(result) if kind == "call" else b""
        except Exception as exc:  # a result MessagePack cannot carry
            self._host._core.complete(turn, b"", type(exc).__name__, f"result not serialisable: {exc}")
            return
        self._host._core.complete(turn, payload)

    def _run_inline(self, turn: int, kind: str, key: tuple[str, str], fn: Callable[..., Any],
                    args: tuple[Any, ...]) -> None:
        try:
            result = fn(*args)
        except Exception as exc:
            return self._finish(turn, kind, key, None, exc)
        if inspect.isawaitable(result):  # a plain method that returned an awaitable
            task = self._conn._loop.create_task(self._await_result(turn, kind, key, result))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return
        self._finish(turn, kind, key, result, None)

    async def _await_result(self, turn: int, kind: str, key: tuple[str, str], awaitable: Any) -> None:
        try:
            result = await awaitable
        except Exception as exc:
            return self._finish(turn, kind, key, None, exc)
        self._finish(turn, kind, key, result, None)

    async def _run_async(self, turn: int, kind: str, key: tuple[str, str], fn: Callable[..., Any],
                         args: tuple[Any, ...]) -> None:
        try:
            result = await fn(*args)
        except Exception as exc:
            return self._finish(turn, kind, key, None, exc)
        self._finish(turn, kind, key, result, None)


# Actor methods that are not callable remotely.
_RESERVED = {name for name in dir(Actor) if not name.startswith("__")} | {"actor_type", "actor_id", "state"}


class ActorProxy:
    """Calls one actor: ``await proxy.invoke("reserve", 1)``. The argument and
    result are MessagePack (numbers, strings, bytes, lists, maps)."""

    def __init__(self, connection: "Connection", actor_type: str, actor_id: str, *, partitions: int = 32,
                 _host: _ActorHost | None = None):
        self._conn = connection
        self.actor_type = actor_type
        self.actor_id = actor_id
        self._partitions = partitions
        self._host = _host

    async def invoke(self, method: str, args: Any = _MISSING, timeout: float = 5.0) -> Any:
        """One call, one turn. Raises ActorError (remote_type and message of the
        actor's exception), TimeoutError, NoRespondersError (nobody hosts the type)."""
        data = b"" if args is _MISSING else _pack(args)
        turn = _current_turn.get()
        if self._host is not None and turn:
            reply = await self._host.invoke(turn, self.actor_type, self.actor_id, method, data, timeout)
        else:
            reply = await self._conn.actor_invoke(self.actor_type, self.actor_id, method, data, timeout,
                                                  self._partitions)
        return _unpack(reply.data)

    async def tell(self, method: str, args: Any = _MISSING, dedup_id: str = "", timeout: float = 5.0) -> None:
        """Fire and forget, durably: returns once the call is stored in the hosts'
        tell stream; it runs at least once, its result dropped. The same dedup_id
        within 2 minutes is stored once. Raises NoRespondersError when no host of
        the type ever started, TimeoutError."""
        data = b"" if args is _MISSING else _pack(args)
        await self._conn.actor_tell(self.actor_type, self.actor_id, method, data, dedup_id, timeout)


def actor_proxy(connection: "Connection", actor_type: str, actor_id: str, *, partitions: int = 32) -> ActorProxy:
    """A proxy for calls to the actor (actor_type, actor_id), wherever it is hosted."""
    return ActorProxy(connection, actor_type, actor_id, partitions=partitions)

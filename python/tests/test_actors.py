"""Actors hosted in Python and called from Python: activation, turns that
never overlap, state across deactivation, remote errors, timers, reminders,
calls between actors (reentrancy), and an actor hosted by the C++ example."""
import asyncio
import itertools
import os
import subprocess
from pathlib import Path

import msgpack
import pytest

import nervure
from conftest import REPO, eventually

_suffix = itertools.count(1)


def options(**extra):
    n = next(_suffix)
    base = dict(lease_bucket=f"py-leases-{os.getpid()}-{n}", state_bucket=f"py-state-{os.getpid()}-{n}",
                partitions=8, lease_ttl=2)
    base.update(extra)
    return base


class Counter(nervure.Actor):
    activations = 0
    deactivations = 0
    inside = 0
    overlaps = 0
    ticks = 0
    reminders: list = []

    async def on_activate(self):
        Counter.activations += 1

    async def on_deactivate(self):
        Counter.deactivations += 1

    async def add(self, n=1):
        Counter.inside += 1
        if Counter.inside > 1:
            Counter.overlaps += 1
        await asyncio.sleep(0)  # let other turns try to run meanwhile
        total = self.state.get("n", 0) + n
        self.state.set("n", total)
        Counter.inside -= 1
        return total

    def get(self):  # a plain method: runs inline
        return self.state.get("n", 0)

    def fail(self):
        self.state.set("n", -999)  # discarded: the turn fails
        raise ValueError("out of stock")

    def echo(self, value):
        return value

    def tick(self):
        Counter.ticks += 1

    def start_timer(self, period):
        self.register_timer("t", "tick", "10ms", period)

    async def remind(self, due):
        await self.register_reminder("r", due, data={"sku": self.actor_id})

    async def receive_reminder(self, name, data):
        Counter.reminders.append((self.actor_id, name, data))

    async def call_peer(self, peer):
        return await self.proxy("counter", peer).invoke("call_back", self.actor_id)

    async def call_back(self, caller):
        return await self.proxy("counter", caller).invoke("get")


@pytest.fixture(autouse=True)
def reset_counter():
    Counter.activations = Counter.deactivations = Counter.inside = Counter.overlaps = Counter.ticks = 0
    Counter.reminders = []


def proxy(nc, actor_id):
    return nervure.actor_proxy(nc, "counter", actor_id, partitions=8)


async def host(nc, **extra):
    runtime = nervure.ActorRuntime(nc, **options(**extra))
    runtime.register("counter", Counter)
    await runtime.start()
    return runtime


async def test_calls_activate_once_and_keep_state(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        assert await proxy(nc, "sku-1").invoke("add", 2) == 2
        assert await proxy(nc, "sku-1").invoke("add", 3) == 5
        assert await proxy(nc, "sku-1").invoke("get") == 5
        assert await nc.actor_proxy("counter", "sku-1", partitions=8).invoke("get") == 5
        assert Counter.activations == 1
        stats = runtime.stats()
        assert stats["active_actors"] == 1 and stats["owned_partitions"] == 8
        by_method = {m["method"]: m for m in runtime.method_stats()}
        assert by_method["$activate"]["calls"] == 1
        add = by_method["add"]
        assert add["actor_type"] == "counter" and add["calls"] == 2 and add["failed"] == 0
        assert 0 < add["run"]["p50_us"] <= add["run"]["p99_us"] <= add["run"]["max_us"]
        assert set(add["wait"]) == {"p50_us", "p90_us", "p99_us", "max_us", "mean_us"}
        await runtime.stop()


async def test_values_cross_as_messagepack(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        value = {"list": [1, 2.5, "three", b"\x00\x01"], "nested": {"ok": True, "none": None}}
        assert await proxy(nc, "e").invoke("echo", value) == value
        await runtime.stop()


async def test_concurrent_callers_never_overlap_and_lose_nothing(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        await asyncio.gather(*(proxy(nc, "hot").invoke("add", 1) for _ in range(200)))
        assert Counter.overlaps == 0
        assert await proxy(nc, "hot").invoke("get") == 200
        await runtime.stop()


async def test_errors_reach_the_caller_and_discard_the_turns_state(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        await proxy(nc, "e").invoke("add", 5)
        with pytest.raises(nervure.ActorError) as err:
            await proxy(nc, "e").invoke("fail")
        assert err.value.remote_type == "ValueError"
        assert "out of stock" in str(err.value)
        assert await proxy(nc, "e").invoke("get") == 5
        with pytest.raises(nervure.ActorError) as err:
            await proxy(nc, "e").invoke("no_such_method")
        assert err.value.remote_type == "MethodNotFound"
        with pytest.raises(nervure.ActorError):
            await proxy(nc, "e").invoke("on_activate")  # hooks are not callable remotely
        await runtime.stop()


async def test_idle_actors_deactivate_and_come_back_with_their_state(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc, idle_timeout=0.3)
        assert await proxy(nc, "sleepy").invoke("add", 41) == 41
        await eventually(lambda: Counter.deactivations == 1)
        assert await proxy(nc, "sleepy").invoke("add") == 42
        assert Counter.activations == 2
        await runtime.stop()


async def test_timers_and_reminders_run_as_turns(url):
    async with await nervure.connect(url) as nc:
        opts = options()
        runtime = nervure.ActorRuntime(nc, **opts)
        runtime.register("counter", Counter)
        await runtime.start()
        await proxy(nc, "t").invoke("start_timer", "R3/20ms")
        await eventually(lambda: Counter.ticks == 3)
        await proxy(nc, "r").invoke("remind", "1s")
        await runtime.stop()  # the reminder is durable: a new host fires it
        assert Counter.reminders == []
        runtime = nervure.ActorRuntime(nc, **opts)
        runtime.register("counter", Counter)
        await runtime.start()
        await eventually(lambda: len(Counter.reminders) == 1)
        assert Counter.reminders[0] == ("r", "r", {"sku": "r"})
        await runtime.stop()


async def test_reentrancy_is_refused_by_default_and_allowed_when_on(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        with pytest.raises(nervure.ActorError) as err:
            await proxy(nc, "a").invoke("call_peer", "b")
        assert err.value.remote_type == "ReentrancyError"
        await runtime.stop()
        runtime = await host(nc, reentrancy=True)
        await proxy(nc, "a").invoke("add", 7)
        assert await proxy(nc, "a").invoke("call_peer", "b") == 7
        await runtime.stop()


async def test_bad_input_is_refused_clearly(url):
    async with await nervure.connect(url) as nc:
        with pytest.raises(nervure.InvalidArgumentError):
            nervure.ActorRuntime(nc, no_such_option=1)
        with pytest.raises(nervure.InvalidArgumentError):
            nervure.ActorRuntime(nc, partitions=0)
        runtime = nervure.ActorRuntime(nc, **options())
        with pytest.raises(nervure.InvalidArgumentError):
            runtime.register("counter", object)
        with pytest.raises(nervure.InvalidArgumentError):
            runtime.register("bad.type", Counter)
        with pytest.raises(nervure.InvalidArgumentError):
            await proxy(nc, "").invoke("get")
        with pytest.raises(nervure.NoRespondersError):
            await nervure.actor_proxy(nc, "nobody", "x").invoke("get", timeout=2)


async def test_calls_an_actor_hosted_by_the_cpp_example(url):
    binary = Path(os.environ.get("NERVURE_BUILD_DIR", REPO / "build")) / "examples" / "cpp" / "inventory_service"
    if not binary.exists():
        pytest.skip(f"{binary} not built")
    service = subprocess.Popen([str(binary)], env={**os.environ, "NERVURE_URL": url}, stdout=subprocess.PIPE)
    try:
        assert b"hosting" in service.stdout.readline()
        async with await nervure.connect(url) as nc:
            kettle = nervure.actor_proxy(nc, "inventory", "kettle")
            assert await kettle.invoke("restock", 2) == 2
            assert await kettle.invoke("reserve", 1) == {"reserved": True, "left": 1}
            assert await kettle.invoke("reserve", 5) == {"reserved": False, "left": 1}
            with pytest.raises(nervure.ActorError) as err:
                await kettle.invoke("restock", -1)
            assert err.value.remote_type == "std::invalid_argument"
    finally:
        service.terminate()
        service.wait(timeout=20)


async def test_tell_is_stored_deduplicated_and_runs(url):
    async with await nervure.connect(url) as nc:
        runtime = await host(nc)
        await proxy(nc, "told").tell("add", 5, dedup_id="order-1")
        await proxy(nc, "told").tell("add", 5, dedup_id="order-1")  # stored once
        await proxy(nc, "told").tell("add", 1)
        async def total():
            return await proxy(nc, "told").invoke("get")
        for _ in range(250):
            if await total() == 6:
                break
            await asyncio.sleep(0.02)
        assert await total() == 6
        await runtime.stop()

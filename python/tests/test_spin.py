"""The event loop polls instead of sleeping while a request is in flight
(nervure/_spin.py): whatever else the loop watches still runs when it is due."""
import asyncio
import socket

import nervure
from nervure import _spin


async def test_the_loop_selector_is_wrapped_once_per_loop(url):
    loop = asyncio.get_running_loop()
    async with await nervure.connect(url) as a, await nervure.connect(url) as b:
        assert _spin.spinner_for(loop) is a._spinner is b._spinner
        assert "select" in vars(loop._selector)  # an instance attribute; the class is untouched
        await b.subscribe("spin.echo", cb=lambda m: m.respond(m.data))
        await b.flush()
        for i in range(50):
            assert (await a.request("spin.echo", str(i).encode(), timeout=2)).data == str(i).encode()


async def test_timers_and_other_sockets_run_while_a_reply_is_due(url):
    loop = asyncio.get_running_loop()
    order: list[str] = []
    async with await nervure.connect(url) as nc, await nervure.connect(url) as responder:
        async def slow(m):
            await asyncio.sleep(0.3)
            order.append("reply")
            await m.respond(b"late")

        await responder.subscribe("spin.slow", cb=slow)
        await responder.flush()
        left, right = socket.socketpair()
        left.setblocking(False)
        try:
            loop.add_reader(left, lambda: (left.recv(16), order.append("socket")))
            loop.call_later(0.02, order.append, "timer")
            loop.call_later(0.05, right.send, b"x")
            assert (await nc.request("spin.slow", b"", timeout=5)).data == b"late"
        finally:
            loop.remove_reader(left)
            left.close()
            right.close()
    assert order == ["timer", "socket", "reply"]


async def test_requests_fail_cleanly_when_closed_while_the_loop_spins(url):
    nc = await nervure.connect(url)
    responder = await nervure.connect(url)
    await responder.subscribe("spin.never", cb=lambda m: None)
    await responder.flush()
    pending = asyncio.ensure_future(nc.request("spin.never", b"", timeout=5))
    await asyncio.sleep(0.01)
    await nc.close()
    try:
        await pending
        raise AssertionError("the request should have failed")
    except nervure.ConnectionClosedError:
        pass
    await responder.close()


async def test_back_to_back_requests_leave_timers_and_sockets_running(url):
    """Replies the polling reads are reported ready without a select: other
    descriptors and timers still get their turn while requests run back to back."""
    loop = asyncio.get_running_loop()
    ticks = echoes = requests = 0
    left, right = socket.socketpair()
    left.setblocking(False)
    right.setblocking(False)

    def echo() -> None:
        right.send(right.recv(64))

    def echoed() -> None:
        nonlocal echoes
        echoes += len(left.recv(64))

    def tick() -> None:  # every 5 ms: about 100 in half a second, each sending one byte round
        nonlocal ticks
        ticks += 1
        left.send(b"x")
        handle[0] = loop.call_later(0.005, tick)

    async with await nervure.connect(url) as nc, await nervure.connect(url) as responder:
        await responder.subscribe("spin.b2b", cb=lambda m: m.respond(m.data))
        await responder.flush()
        loop.add_reader(right, echo)
        loop.add_reader(left, echoed)
        handle = [loop.call_later(0.005, tick)]
        try:
            until = loop.time() + 0.5
            while loop.time() < until:
                await nc.request("spin.b2b", b"ping", timeout=5)
                requests += 1
            handle[0].cancel()
            await asyncio.sleep(0.02)  # the last echoes
        finally:
            handle[0].cancel()
            loop.remove_reader(right)
            loop.remove_reader(left)
            left.close()
            right.close()
    assert requests > 50, requests
    assert ticks >= 25, ticks
    assert echoes >= ticks - 5, (echoes, ticks)

"""Faults and lifecycles: server restarts, giving up, callbacks that publish or
close, interpreter exit with work pending, Ctrl-C."""
import asyncio
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import eventually

import nervure

@pytest.mark.asyncio
async def test_reconnect_resubscribes_and_delivers_buffered(fresh_server):
    events = []
    nc = await nervure.connect(fresh_server.url, on_event=lambda e, d: events.append(e), reconnect_wait=0.1,
                               reconnect_jitter=0.01, max_reconnect_attempts=-1)
    sub = await nc.subscribe("shop.events")
    await nc.flush()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fresh_server.stop, 0)
    await eventually(lambda: "disconnected" in events)
    assert nc.is_reconnecting() and not nc.is_connected()
    for i in range(20):
        nc.publish("shop.events", str(i))  # kept in the reconnect buffer while down
    pending_request = asyncio.ensure_future(nc.request("shop.events", b"q", timeout=10))
    await loop.run_in_executor(None, fresh_server.start, 0)
    got = [(await sub.next_msg(timeout=10)).data for _ in range(20)]
    assert got == [str(i).encode() for i in range(20)]
    request = await sub.next_msg(timeout=10)  # the request made while down went out too
    request.respond(b"answer")
    assert (await pending_request).data == b"answer"
    assert "reconnected" in events and nc.stats()["reconnects"] == 1
    await nc.close()


@pytest.mark.asyncio
async def test_without_a_reconnect_buffer_publishing_while_down_fails(fresh_server):
    nc = await nervure.connect(fresh_server.url, reconnect_buffer_size=0, reconnect_wait=0.1,
                               max_reconnect_attempts=-1)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fresh_server.stop, 0)
    await eventually(lambda: nc.is_reconnecting())
    with pytest.raises(nervure.NervureError, match="reconnect buffer"):
        nc.publish("down", b"x")
    await nc.close()


@pytest.mark.asyncio
async def test_giving_up_closes_and_fails_pending_work(fresh_server):
    closed = asyncio.Event()
    nc = await nervure.connect(fresh_server.url, reconnect_wait=0.05, reconnect_jitter=0.01,
                               max_reconnect_attempts=2, closed_cb=closed.set)
    sub = await nc.subscribe("gone")
    await nc.flush()
    waiting = asyncio.ensure_future(sub.next_msg())
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fresh_server.kill, 0)
    await asyncio.wait_for(closed.wait(), 15)
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(waiting, 2)
    assert nc.is_closed()
    with pytest.raises(nervure.ConnectionClosedError):
        nc.publish("gone", b"x")
    await nc.close()


@pytest.mark.asyncio
async def test_callbacks_may_publish_and_close(url):
    nc = await nervure.connect(url)
    echoed = await nc.subscribe("cb.echoed")
    await nc.subscribe("cb.echo", cb=lambda m: nc.publish("cb.echoed", m.data))
    await nc.subscribe("cb.close", cb=lambda m: asyncio.ensure_future(nc.close()))
    await nc.flush()
    nc.publish("cb.echo", b"once")
    assert (await echoed.next_msg(2)).data == b"once"
    nc.publish("cb.close", b"")
    await eventually(nc.is_closed)

    nc2 = await nervure.connect(url)

    async def closer(msg):
        await nc2.close()  # awaiting close inside the subscription's own callback

    await nc2.subscribe("cb.close2", cb=closer)
    await nc2.flush()
    nc2.publish("cb.close2", b"")
    await eventually(nc2.is_closed)


@pytest.mark.asyncio
async def test_close_with_a_pending_flush_and_many_connections(url):
    conns = [await nervure.connect(url) for _ in range(20)]
    flushes = [asyncio.ensure_future(c.flush(5)) for c in conns]
    await asyncio.gather(*(c.close() for c in conns))
    for f in flushes:
        try:
            await f  # done before the close, or failed by it: never left hanging
        except nervure.ConnectionClosedError:
            pass


def run_script(code: str, *args: str, interrupt_after_ready: bool = False) -> subprocess.CompletedProcess:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    if interrupt_after_ready:
        line = proc.stdout.readline()
        assert line.strip() == "ready", line + proc.stderr.read()
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_interpreter_exits_cleanly_with_work_pending(url):
    result = run_script("""
        import asyncio, sys, nervure
        async def main():
            nc = await nervure.connect(sys.argv[1])
            await nc.subscribe("exit.sub", cb=lambda m: None)
            await nc.subscribe("exit.silent")
            for _ in range(1000):
                nc.publish("exit.sub", b"x")
            asyncio.ensure_future(nc.request("exit.silent", b"x", timeout=30))
            await asyncio.sleep(0.05)
            print("leaving without closing")
        asyncio.run(main())
    """, url)
    assert result.returncode == 0, result.stderr
    assert "leaving without closing" in result.stdout
    assert "Fatal" not in result.stderr and "terminate" not in result.stderr


def test_ctrl_c_interrupts_an_async_wait(url):
    result = run_script("""
        import asyncio, sys, nervure
        async def main():
            nc = await nervure.connect(sys.argv[1])
            sub = await nc.subscribe("forever")
            print("ready", flush=True)
            async for _ in sub:
                pass
        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            print("interrupted")
    """, url, interrupt_after_ready=True)
    assert result.returncode == 0, result.stderr
    assert "interrupted" in result.stdout


def test_ctrl_c_interrupts_a_blocking_wait(url):
    result = run_script("""
        import sys
        from nervure import sync
        nc = sync.connect(sys.argv[1])
        sub = nc.subscribe("forever")
        try:
            print("ready", flush=True)
            sub.next_msg()
        except KeyboardInterrupt:
            print("interrupted")
        nc.close()
    """, url, interrupt_after_ready=True)
    assert result.returncode == 0, result.stderr
    assert "interrupted" in result.stdout


@pytest.mark.asyncio
async def test_closed_connections_leave_no_descriptors_behind(url):
    import gc

    def open_fds() -> int:
        return len(os.listdir("/proc/self/fd"))

    async def cycle():
        nc = await nervure.connect(url)
        sub = await nc.subscribe("fd.check")
        nc.publish("fd.check", b"x")
        await sub.next_msg(2)
        await nc.close()

    await cycle()  # the first one starts the thread pool and the like
    gc.collect()
    before = open_fds()
    for _ in range(30):
        await cycle()
    # The last connections finish tearing down on their own threads just after
    # close() returns; a leak would be about three descriptors per connection.
    for _ in range(40):
        gc.collect()
        if open_fds() <= before + 2:
            break
        await asyncio.sleep(0.05)
    assert open_fds() <= before + 6


@pytest.mark.asyncio
async def test_replies_racing_cancellations(url):
    async with await nervure.connect(url) as nc:
        await nc.subscribe("race.svc", cb=lambda m: m.respond(b"ok"))
        await nc.flush()
        for _ in range(5):
            tasks = [asyncio.ensure_future(nc.request("race.svc", b"", timeout=2)) for _ in range(200)]
            await asyncio.sleep(0)
            for t in tasks[::2]:
                t.cancel()
            results = await asyncio.gather(*tasks, return_exceptions=True)
            for t, r in zip(tasks, results):
                assert isinstance(r, asyncio.CancelledError) or r.data == b"ok"
        await nc.flush()
        assert not nc._futures

import asyncio

import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_reconnect_resubscribes_and_delivers_buffered(fresh_server):
    events = []
    nc = await nervure.connect(fresh_server.url, on_event=lambda e, d: events.append(e), reconnect_wait=0.1,
                               reconnect_jitter=0.01, max_reconnect_attempts=-1)
    sub = await nc.subscribe("shop.events")
    await nc.flush()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fresh_server.stop, 0)
    for _ in range(100):
        if "disconnected" in events:
            break
        await asyncio.sleep(0.05)
    for i in range(20):
        nc.publish("shop.events", str(i))  # buffered while down
    await loop.run_in_executor(None, fresh_server.start, 0)
    got = [(await sub.next_msg(timeout=10)).data for _ in range(20)]
    assert got == [str(i).encode() for i in range(20)]
    assert "reconnected" in events and nc.stats()["reconnects"] == 1
    await nc.close()

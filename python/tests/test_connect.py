"""Connecting: every authentication kind of the harness, TLS, options,
events and introspection."""
import asyncio

import pytest
from conftest import Harness, eventually

import nervure

pytestmark = pytest.mark.asyncio


async def test_introspection_and_connected_event(url):
    events, connected = [], []
    async with await nervure.connect(url, name="py-test", on_event=lambda e, d: events.append((e, d))) as nc:
        assert nc.is_connected() and not nc.is_closed() and not nc.is_reconnecting()
        info = nc.server_info()
        assert info["headers"] is True and info["max_payload"] == nc.max_payload
        assert nc.connected_url.endswith(str(info["port"]))
        assert nc.new_inbox().startswith("_INBOX.") and nc.new_inbox() != nc.new_inbox()
        assert 0 < await nc.rtt() < 1
        assert "closed" not in repr(nc)
    assert nc.is_closed() and not nc.is_connected()
    await eventually(lambda: ("connected", nc.connected_url) in events or any(e == "connected" for e, _ in events))
    await nc.close()  # closing twice is harmless


async def test_options_reach_the_core(url):
    async with await nervure.connect([url], inbox_prefix="_SHOP", no_echo=True, connect_timeout=0.5,
                                     ping_interval=30, pending_msgs_limit=3) as nc:
        assert nc.new_inbox().startswith("_SHOP.")
        sub = await nc.subscribe("echo.check")
        await nc.flush()
        for _ in range(5):
            nc.publish("echo.check", b"x")
        await nc.flush()
        await asyncio.sleep(0.05)
        assert sub.pending() == 0  # no_echo: our own messages never come back
        other = await nervure.connect(url)
        for _ in range(5):
            other.publish("echo.check", b"x")
        await other.flush()
        await eventually(lambda: sub.dropped() == 2)  # the connection-wide pending limit of 3
        await other.close()


async def test_bad_options_and_urls(url):
    with pytest.raises(nervure.InvalidArgumentError, match="no_such_option"):
        await nervure.connect(url, no_such_option=1)
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, connect_timeout=-1)
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, reconnect="yes")
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, name=12)
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, max_pings_out=0)
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect("http://localhost:4222")
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect([])
    with pytest.raises(nervure.NervureError):
        await nervure.connect("nats://127.0.0.1:1", connect_timeout=0.2)


@pytest.mark.parametrize("kind", ["token", "userpass", "nkey", "jwt"])
async def test_authentication_kinds(kind):
    with Harness(kind) as h:
        good = {"token": {"token": h.token}, "userpass": {"user": h.user, "password": h.password},
                "nkey": {"nkey_seed": h.nkey_seed}, "jwt": {"creds_file": h.creds_file}}[kind]
        async with await nervure.connect(h.url, **good) as nc:
            sub = await nc.subscribe("auth.check")
            nc.publish("auth.check", b"ok")
            assert (await sub.next_msg(2)).data == b"ok"
        with pytest.raises(nervure.AuthorizationError):
            await nervure.connect(h.url, reconnect=False)  # no credentials


async def test_wrong_secret_is_not_echoed():
    with Harness("token") as h:
        with pytest.raises(nervure.AuthorizationError) as err:
            await nervure.connect(h.url, token="wrong-s3cret")
        assert "s3cret" not in str(err.value)


async def test_tls_with_a_ca():
    with Harness("tls") as h:
        assert h.url.startswith("tls://")
        async with await nervure.connect(h.url, tls_ca_file=h.ca_file) as nc:
            assert nc.server_info()["tls_required"] is True
            await nc.flush()
        with pytest.raises(nervure.NervureError):  # an unknown CA is refused
            await nervure.connect(h.url, reconnect=False, connect_timeout=1)


async def test_named_callbacks_and_events_on_restart(fresh_server):
    seen = []

    async def reconnected():
        seen.append("reconnected_cb")

    nc = await nervure.connect(fresh_server.url, reconnect_wait=0.05, reconnect_jitter=0.01, max_reconnect_attempts=-1,
                               on_event=lambda e, d: seen.append(e), disconnected_cb=lambda: seen.append("disconnected_cb"),
                               reconnected_cb=reconnected, closed_cb=lambda: seen.append("closed_cb"))
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fresh_server.restart, 0)
    await eventually(lambda: "reconnected_cb" in seen, timeout=15)
    assert nc.is_connected() and nc.stats()["reconnects"] == 1
    await nc.close()
    await eventually(lambda: "closed_cb" in seen)
    assert seen.index("disconnected") < seen.index("reconnected")
    assert "disconnected_cb" in seen


async def test_cluster_failover_keeps_subscriptions():
    with Harness("cluster") as h:
        nc = await nervure.connect(h.urls, reconnect_wait=0.05, max_reconnect_attempts=-1, randomize=False)
        sub = await nc.subscribe("cluster.orders")
        await nc.flush()
        first = nc.connected_url
        index = next(i for i, u in enumerate(h.urls) if u.rsplit(":", 1)[1] == first.rsplit(":", 1)[1])
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, h.kill, index)
        await eventually(lambda: nc.is_connected() and nc.connected_url != first, timeout=15)
        publisher = await nervure.connect([u for i, u in enumerate(h.urls) if i != index])
        # Interest takes a moment to spread between routes: publish until delivered.
        got = None
        for _ in range(100):
            publisher.publish("cluster.orders", b"after failover")
            try:
                got = await sub.next_msg(0.1)
                break
            except nervure.TimeoutError:
                pass
        assert got is not None and got.data == b"after failover"
        await publisher.close()
        await nc.close()

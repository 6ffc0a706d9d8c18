"""The blocking facade."""
import threading

import pytest

import nervure
from nervure import sync


def test_blocking_facade(url):
    with sync.connect(url, name="sync-test") as nc:
        assert nc.is_connected()
        sub = nc.subscribe("sync.>")
        nc.subscribe("sync.svc", cb=lambda m: m.respond(b"pong"))
        nc.flush()
        nc.publish("sync.event", b"hello", headers={"K": "v"})
        m = sub.next_msg(timeout=2)
        assert (m.data, m.headers["k"]) == (b"hello", "v")
        assert nc.request("sync.svc", b"ping").data == b"pong"
        with pytest.raises(nervure.NoRespondersError):
            nc.request("nobody.home.sync", b"x")
        with pytest.raises(nervure.TimeoutError):
            nc.subscribe("sync.quiet").next_msg(timeout=0.1)
        assert nc.stats()["out_msgs"] >= 2 and nc.server_info()["max_payload"] > 0
        assert nc.new_inbox().startswith("_INBOX.")
    assert nc.is_closed()


def test_iteration_and_subscription_context(url):
    with sync.connect(url) as nc:
        with nc.subscribe("sync.iter", max_msgs=3) as sub:
            for i in range(3):
                nc.publish("sync.iter", str(i))
            assert [m.data for m in sub] == [b"0", b"1", b"2"]


def test_publishing_from_other_threads(url):
    with sync.connect(url) as nc:
        sub = nc.subscribe("sync.threads", pending_msgs_limit=-1)
        nc.flush()
        threads = [threading.Thread(target=lambda: [nc.publish("sync.threads", b"x") for _ in range(500)])
                   for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        nc.flush()
        assert sum(1 for _ in range(2000) if sub.next_msg(timeout=2)) == 2000


def test_bad_connect_raises_and_leaves_no_thread():
    before = threading.active_count()
    with pytest.raises(nervure.NervureError):
        sync.connect("nats://127.0.0.1:1", connect_timeout=0.2)
    assert threading.active_count() <= before + 1  # the executor may keep one worker


def test_blocking_calls_inside_callbacks_raise_instead_of_hanging(url):
    errors = []
    with sync.connect(url, error_cb=errors.append) as nc:
        done = threading.Event()

        def callback(msg):
            try:
                nc.request("sync.other", b"x")
            finally:
                done.set()

        nc.subscribe("sync.cb", cb=callback)
        nc.flush()
        nc.publish("sync.cb", b"")
        assert done.wait(5)
        nc.flush()
        assert len(errors) == 1 and isinstance(errors[0], RuntimeError)

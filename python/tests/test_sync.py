import pytest

import nervure
from nervure import sync


def test_blocking_facade(url):
    with sync.connect(url, name="sync-test") as nc:
        sub = nc.subscribe("sync.>")
        responder = nc.subscribe("sync.svc", cb=lambda m: m.respond(b"pong"))
        nc.flush()
        nc.publish("sync.event", b"hello")
        assert sub.next_msg(timeout=2).data == b"hello"
        assert nc.request("sync.svc", b"ping").data == b"pong"
        with pytest.raises(nervure.NoRespondersError):
            nc.request("nobody.home.sync", b"x")
        with pytest.raises(nervure.TimeoutError):
            nc.subscribe("sync.quiet").next_msg(timeout=0.1)

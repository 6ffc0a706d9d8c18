import pytest

import nervure

pytestmark = pytest.mark.asyncio


async def test_hierarchy():
    for cls in (nervure.ConnectionClosedError, nervure.TimeoutError, nervure.NoRespondersError,
                nervure.InvalidSubjectError, nervure.MaxPayloadError, nervure.AuthorizationError,
                nervure.SlowConsumerError, nervure.JetStreamApiError, nervure.NotSupportedByServerError,
                nervure.ActorError, nervure.InvalidArgumentError):
        assert issubclass(cls, nervure.NervureError)
    assert nervure.errors.error_for_code(4, "x").__class__ is nervure.NoRespondersError


async def test_invalid_subjects_and_payloads(url):
    async with await nervure.connect(url) as nc:
        for bad in ("", "a b", "a..b", "a.*"):
            with pytest.raises(nervure.InvalidSubjectError):
                nc.publish(bad, b"x")
        with pytest.raises(nervure.InvalidSubjectError):
            await nc.subscribe("a..b")
        with pytest.raises(nervure.MaxPayloadError):
            nc.publish("big", b"x" * (nc.max_payload + 1))
        with pytest.raises(TypeError):
            nc.publish("ok", 12345)
        with pytest.raises(nervure.InvalidArgumentError):
            nc.publish("ok", b"x", headers={"Bad Key": "v"})
        assert nc.is_connected()


async def test_bad_connect_arguments(url):
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect("http://localhost:4222")
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, no_such_option=1)
    with pytest.raises(nervure.InvalidArgumentError):
        await nervure.connect(url, connect_timeout=-1)
    with pytest.raises(nervure.NervureError):
        await nervure.connect("nats://127.0.0.1:1")


async def test_closed_connection(url):
    nc = await nervure.connect(url)
    await nc.close()
    with pytest.raises(nervure.ConnectionClosedError):
        nc.publish("x", b"y")
    with pytest.raises(nervure.ConnectionClosedError):
        await nc.subscribe("x")


async def test_authorization():
    import sys
    from nervure_harness import Harness
    with Harness("token") as h:
        async with await nervure.connect(h.url, token=h.token) as nc:
            await nc.flush()
        with pytest.raises(nervure.AuthorizationError) as err:
            await nervure.connect(h.url, token="wrong-s3cret")
        assert "s3cret" not in str(err.value)

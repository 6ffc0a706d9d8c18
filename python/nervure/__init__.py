"""nervure: NATS messaging and virtual actors on one C++ core, asyncio-native.

    nc = await nervure.connect("nats://127.0.0.1:4222")
    sub = await nc.subscribe("shop.>")
    nc.publish("shop.orders.order.created", b"...")
    async for msg in sub: ...

Errors are the classes in nervure.errors, the same hierarchy in every language.
"""
from . import _errors as errors
from ._errors import *  # noqa: F401,F403  (the hierarchy is part of the top-level API)
from ._connection import Connection, connect
from ._message import Headers, Msg
from ._subscription import Subscription

__all__ = ["connect", "Connection", "Subscription", "Msg", "Headers", "errors", *errors.__all__]
__version__ = "0.1.0"

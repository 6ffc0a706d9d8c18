"""nervure: NATS messaging on one C++ core, asyncio-native.

    import nervure

    async with await nervure.connect("nats://127.0.0.1:4222") as nc:
        sub = await nc.subscribe("shop.>")
        nc.publish("shop.orders.order.created", b'{"id": "o-1"}')
        async for msg in sub:
            print(msg.subject, msg.data)

    reply = await nc.request("shop.payments.authorise", b"42.00", timeout=2)

JetStream and key-value: js = nc.jetstream(); await js.add_stream(...),
await js.publish(...), js.consumer(stream, name).consume(), await
js.create_key_value(bucket=...).

Virtual actors: nervure.ActorRuntime hosts subclasses of nervure.Actor;
nervure.actor_proxy(nc, type, id).invoke(method, args) calls one anywhere.

Errors are the classes of nervure.errors (also importable from here), one
hierarchy in every language: NervureError at the root. nervure.sync is a
small blocking facade for scripts.
"""
from . import _errors as errors
from ._core import Msg
from ._errors import *  # noqa: F401,F403  (the hierarchy is part of the top-level API)
from ._connection import Connection, connect
from ._message import Headers
from ._subscription import Subscription
from ._actors import Actor, ActorProxy, ActorRuntime, ActorState, actor_proxy
from ._jetstream import JetStream, JsMsg, KeyValue, KvEntry, KvWatcher, PubAck, PullConsumer, StoredMsg

__all__ = ["connect", "Connection", "Subscription", "Msg", "Headers", "errors",
           "Actor", "ActorRuntime", "ActorProxy", "ActorState", "actor_proxy",
           "JetStream", "JsMsg", "KeyValue", "KvEntry", "KvWatcher", "PubAck", "PullConsumer", "StoredMsg",
           *errors.__all__]
__version__ = "0.1.0"

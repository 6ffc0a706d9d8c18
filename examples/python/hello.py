"""The smallest nervure program: publish, receive, request, reply."""
import asyncio
import os

import nervure


async def main() -> None:
    url = os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222")
    async with await nervure.connect(url, name="hello") as nc:
        sub = await nc.subscribe("hello.>")
        await nc.subscribe("hello.service", cb=lambda m: m.respond(b"hello, " + m.data))
        await nc.flush()
        nc.publish("hello.world", b"hi")
        msg = await sub.next_msg(timeout=2)
        print(f"received {msg.data!r} on {msg.subject}")
        reply = await nc.request("hello.service", b"nervure", timeout=2)
        print(f"reply {reply.data!r}")


if __name__ == "__main__":
    asyncio.run(main())

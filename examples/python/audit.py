"""Reads everything under shop.> and prints one line per message, until idle."""
import asyncio
import os
import sys

import nervure


async def main(idle: float) -> None:
    async with await nervure.connect(os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222"), name="audit-py") as nc:
        sub = await nc.subscribe("shop.>")
        await nc.flush()
        print("audit: watching shop.>", flush=True)
        try:
            while True:
                m = await sub.next_msg(timeout=idle)
                headers = "".join(f" [{k}={v}]" for k, v in m.headers.pairs())
                print(f"audit: {m.subject} {m.data.decode(errors='replace')}{headers}", flush=True)
        except nervure.TimeoutError:
            print("audit: idle, done", flush=True)


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1]) if len(sys.argv) > 1 else 5))

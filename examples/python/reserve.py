"""Reserves one unit of a product with its inventory actor, wherever (and in
whatever language) the actor is hosted: python reserve.py kettle"""
import asyncio
import os
import sys

import nervure


async def main(product: str) -> None:
    async with await nervure.connect(os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222")) as nc:
        answer = await nc.actor_proxy("inventory", product).invoke("reserve", 1)
        print(f"python caller: reserve {product} -> {answer}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "kettle"))

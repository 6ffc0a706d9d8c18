"""Answers shop.payments.authorise: approves amounts up to 500, declines above."""
import asyncio
import os

import nervure


async def main() -> None:
    async with await nervure.connect(os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222"),
                                     name="payment-service-py") as nc:
        sub = await nc.subscribe("shop.payments.authorise", "payments")
        print("payment-service: listening on shop.payments.authorise", flush=True)
        try:
            while True:
                req = await sub.next_msg(timeout=30)
                verdict = b"approved" if float(req.data or 0) <= 500 else b"declined"
                req.respond(verdict, headers={"Payment-Verdict": verdict.decode()})
                print(f"payment-service: {req.data.decode()} -> {verdict.decode()}", flush=True)
        except (nervure.TimeoutError, StopAsyncIteration):
            pass


if __name__ == "__main__":
    asyncio.run(main())

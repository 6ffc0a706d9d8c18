"""Hosts the inventory actors: one per product, holding its stock, until
interrupted (SIGTERM or Ctrl-C hands the actors over to other hosts).
  reserve(quantity) -> {"reserved": bool, "left": stock}
  restock(quantity) -> stock"""
import asyncio
import os
import signal

import nervure


class Inventory(nervure.Actor):
    def reserve(self, quantity: int) -> dict:
        stock = self.state.get("stock", 0)
        ok = 0 < quantity <= stock
        if ok:
            stock -= quantity
            self.state.set("stock", stock)
        print(f"inventory-service: {self.actor_id} {'reserved' if ok else 'refused'} {quantity}, {stock} left",
              flush=True)
        return {"reserved": ok, "left": stock}

    def restock(self, quantity: int) -> int:
        if quantity < 0:
            raise ValueError("stock cannot be negative")
        self.state.set("stock", quantity)
        return quantity


async def main() -> None:
    async with await nervure.connect(os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222"),
                                     name="inventory-service-py") as nc:
        runtime = nervure.ActorRuntime(nc)
        runtime.register("inventory", Inventory)
        async with runtime:
            print("inventory-service: hosting inventory actors", flush=True)
            stop = asyncio.Event()
            for sig in (signal.SIGTERM, signal.SIGINT):
                asyncio.get_running_loop().add_signal_handler(sig, stop.set)
            await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())

"""Creates orders: reserves stock with the product's inventory actor, asks the
payment service to authorise the order, then publishes it into the ORDERS
JetStream stream as shop.orders.order.created (the order id de-duplicates)."""
import asyncio
import json
import os

import nervure

ORDERS = [("o-2001", "teapot", "35.00"), ("o-2002", "coffee-grinder", "640.00"), ("o-2003", "filter-papers", "4.20"),
          ("o-2004", "coffee-grinder", "640.00")]
STOCK = {"teapot": 5, "coffee-grinder": 1, "filter-papers": 100}


async def restock(nc: nervure.Connection) -> None:
    """The warehouse delivered. Services start together: wait a while for the inventory host."""
    for attempt in range(100):
        try:
            for product, stock in STOCK.items():
                await nervure.actor_proxy(nc, "inventory", product).invoke("restock", stock)
            return
        except nervure.NoRespondersError:
            if attempt == 99:
                raise
            await asyncio.sleep(0.1)


async def count_sale(kv: "nervure.KeyValue", product: str) -> int:
    """One more sale of product in the inventory bucket: read, then write only if
    nobody wrote since (compare-and-set); on a conflict (10071) read again."""
    key = f"{product}.sold"
    while True:
        entry = await kv.get(key)
        try:
            if entry is None:
                await kv.create(key, b"1")
                return 1
            sold = int(entry.value) + 1
            await kv.update(key, str(sold).encode(), entry.revision)
            return sold
        except nervure.JetStreamApiError as err:
            if err.err_code != 10071:
                raise


async def main() -> None:
    async with await nervure.connect(os.environ.get("NERVURE_URL", "nats://127.0.0.1:4222"),
                                     name="order-service-py") as nc:
        js = nc.jetstream()
        try:
            await js.add_stream(name="ORDERS", subjects=["shop.orders.>"])
        except nervure.JetStreamApiError as err:
            if err.err_code != 10058:  # exists already, configured otherwise: use it as it is
                raise
        kv = await js.create_key_value(bucket="inventory", history=5)  # sales per product, kept by CAS
        await restock(nc)
        for order_id, product, amount in ORDERS:
            reservation = await nervure.actor_proxy(nc, "inventory", product).invoke("reserve", 1)
            if not reservation["reserved"]:
                print(f"order-service: {order_id} not placed: {product} out of stock", flush=True)
                continue
            try:
                verdict = (await nc.request("shop.payments.authorise", amount, timeout=2)).data.decode()
            except nervure.NervureError as err:
                print(f"order-service: {order_id} not placed: {type(err).__name__}: {err}", flush=True)
                continue
            event = json.dumps({"id": order_id, "product": product, "amount": float(amount), "payment": verdict})
            ack = await js.publish("shop.orders.order.created", event.encode(), msg_id=order_id,
                                   headers={"Order-Id": order_id, "Payment-Verdict": verdict})
            stored = "already stored" if ack.duplicate else f"stored as ORDERS #{ack.seq}"
            print(f"order-service: {order_id} {product} {amount} payment {verdict}, {stored}", flush=True)
            if verdict == "approved":
                print(f"order-service: inventory {product}.sold = {await count_sale(kv, product)}", flush=True)
        await nc.flush()


if __name__ == "__main__":
    asyncio.run(main())

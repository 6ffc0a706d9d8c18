// @ts-check
// Creates orders: reserves stock with the product's inventory actor, asks the
// payment service to authorise the order, then publishes it into the ORDERS
// JetStream stream as shop.orders.order.created (the order id de-duplicates).
const nervure = require("nervure");

const ORDERS = [["o-3001", "teapot", "35.00"], ["o-3002", "coffee-grinder", "640.00"], ["o-3003", "filter-papers", "4.20"],
  ["o-3004", "coffee-grinder", "640.00"]];
/** @type {Record<string, number>} */
const STOCK = { teapot: 5, "coffee-grinder": 1, "filter-papers": 100 };

/** The warehouse delivered. Services start together: wait a while for the inventory host. */
async function restock(/** @type {nervure.Connection} */ nc) {
  for (let attempt = 1; ; attempt++) {
    try {
      for (const [product, stock] of Object.entries(STOCK)) await nervure.actorProxy(nc, "inventory", product).invoke("restock", stock);
      return;
    } catch (err) {
      if (!(err instanceof nervure.NoRespondersError) || attempt === 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function main() {
  const nc = await nervure.connect({
    servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222",
    name: "order-service-node",
  });
  const js = nc.jetstream();
  try {
    await js.addStream({ name: "ORDERS", subjects: ["shop.orders.>"] });
  } catch (err) {
    // Exists already, configured otherwise: use it as it is.
    if (!(err instanceof nervure.JetStreamApiError) || err.errCode !== 10058) throw err;
  }
  await restock(nc);
  for (const [orderId, product, amount] of ORDERS) {
    /** @type {{reserved: boolean, left: number}} */
    const reservation = await nervure.actorProxy(nc, "inventory", product).invoke("reserve", 1);
    if (!reservation.reserved) {
      console.log(`order-service: ${orderId} not placed: ${product} out of stock`);
      continue;
    }
    let verdict;
    try {
      verdict = (await nc.request("shop.payments.authorise", amount, { timeout: 2000 })).string();
    } catch (err) {
      if (!(err instanceof nervure.NervureError)) throw err;
      console.log(`order-service: ${orderId} not placed: ${err.name}: ${err.message}`);
      continue;
    }
    const event = JSON.stringify({ id: orderId, product, amount: Number(amount), payment: verdict });
    const ack = await js.publish("shop.orders.order.created", event,
      { msgId: orderId, headers: { "Order-Id": orderId, "Payment-Verdict": verdict } });
    const stored = ack.duplicate ? "already stored" : `stored as ORDERS #${ack.seq}`;
    console.log(`order-service: ${orderId} ${product} ${amount} payment ${verdict}, ${stored}`);
  }
  await nc.flush();
  await nc.close();
}

main();

// @ts-check
// Creates orders: reserves stock with the product's inventory actor, asks the
// payment service to authorise the order, then announces it on
// shop.orders.order.created with headers.
const nervure = require("nervure");

const ORDERS = [["o-2001", "teapot", "35.00"], ["o-2002", "coffee-grinder", "640.00"], ["o-2003", "filter-papers", "4.20"],
  ["o-2004", "coffee-grinder", "640.00"]];
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
    nc.publish("shop.orders.order.created", event, { headers: { "Order-Id": orderId, "Payment-Verdict": verdict } });
    console.log(`order-service: ${orderId} ${product} ${amount} payment ${verdict}`);
  }
  await nc.flush();
  await nc.close();
}

main();

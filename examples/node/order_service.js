// @ts-check
// Creates orders: asks the payment service to authorise each, then announces
// it on shop.orders.order.created with headers.
const nervure = require("nervure");

const ORDERS = [["o-2001", "teapot", "35.00"], ["o-2002", "coffee-grinder", "640.00"], ["o-2003", "filter-papers", "4.20"]];

async function main() {
  const nc = await nervure.connect({
    servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222",
    name: "order-service-node",
  });
  for (const [orderId, product, amount] of ORDERS) {
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

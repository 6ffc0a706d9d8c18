// @ts-check
// Reserves one unit of a product with its inventory actor, wherever (and in
// whatever language) the actor is hosted: node reserve.js kettle
const nervure = require("nervure");

async function main() {
  const product = process.argv[2] || "kettle";
  const nc = await nervure.connect({ servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222" });
  const answer = await nc.actorProxy("inventory", product).invoke("reserve", 1);
  console.log(`node caller: reserve ${product} -> ${JSON.stringify(answer)}`);
  await nc.close();
}

main();

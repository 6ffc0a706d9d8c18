// @ts-check
// Hosts the inventory actors: one per product, holding its stock, until
// SIGTERM or Ctrl-C (which hands the actors over to other hosts).
//   reserve(quantity) -> {reserved: boolean, left: stock}
//   restock(quantity) -> stock
const nervure = require("nervure");

class Inventory extends nervure.Actor {
  /** @param {number} quantity */
  reserve(quantity) {
    let stock = /** @type {number} */ (this.state.get("stock", 0));
    const ok = quantity > 0 && quantity <= stock;
    if (ok) this.state.set("stock", (stock -= quantity));
    console.log(`inventory-service: ${this.actorId} ${ok ? "reserved" : "refused"} ${quantity}, ${stock} left`);
    return { reserved: ok, left: stock };
  }

  /** @param {number} quantity */
  restock(quantity) {
    if (quantity < 0) throw new RangeError("stock cannot be negative");
    this.state.set("stock", quantity);
    return quantity;
  }
}

async function main() {
  const nc = await nervure.connect({ servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222", name: "inventory-service-node" });
  const runtime = new nervure.ActorRuntime(nc);
  runtime.register("inventory", Inventory);
  await runtime.start();
  console.log("inventory-service: hosting inventory actors");
  const stop = async () => {
    await runtime.stop();
    await nc.close();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main();

// @ts-check
// Answers shop.payments.authorise in the queue group "payments": approves
// amounts up to 500, declines above.
const nervure = require("nervure");

async function main() {
  const nc = await nervure.connect({
    servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222",
    name: "payment-service-node",
  });
  const sub = nc.subscribe("shop.payments.authorise", { queue: "payments" });
  await nc.flush();
  console.log("payment-service: listening on shop.payments.authorise");
  try {
    for (;;) {
      const req = await sub.nextMsg(30000);
      if (req === null) break;
      const verdict = Number(req.string() || 0) <= 500 ? "approved" : "declined";
      req.respond(verdict, { headers: { "Payment-Verdict": verdict } });
      console.log(`payment-service: ${req.string()} -> ${verdict}`);
    }
  } catch (err) {
    if (!(err instanceof nervure.TimeoutError)) throw err;
  }
  await nc.close();
}

process.on("SIGTERM", () => process.exit(0));
main();

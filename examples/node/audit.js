// @ts-check
// Reads everything under shop.> and prints one line per message, until idle.
const nervure = require("nervure");

/** @param {number} idleMs */
async function main(idleMs) {
  const nc = await nervure.connect({ servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222", name: "audit-node" });
  const sub = nc.subscribe("shop.>");
  await nc.flush();
  console.log("audit: watching shop.>");
  try {
    for (;;) {
      const m = await sub.nextMsg(idleMs);
      if (m === null) break;
      const headers = m.headers ? [...m.headers].map(([k, v]) => ` [${k}=${v}]`).join("") : "";
      console.log(`audit: ${m.subject} ${m.string()}${headers}`);
    }
  } catch (err) {
    if (!(err instanceof nervure.TimeoutError)) throw err;
    console.log("audit: idle, done");
  }
  await nc.close();
}

main(Number(process.argv[2] || 5) * 1000);

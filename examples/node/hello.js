// @ts-check
// The smallest nervure program: publish, receive, request, reply.
const { connect } = require("nervure");

async function main() {
  const nc = await connect({ servers: process.env.NERVURE_URL || "nats://127.0.0.1:4222", name: "hello" });
  const sub = nc.subscribe("hello.>");
  nc.subscribe("hello.service", { callback: (_err, m) => m.respond(`hello, ${m.string()}`) });
  await nc.flush();
  nc.publish("hello.world", "hi");
  const msg = await sub.nextMsg(2000);
  console.log(`received ${msg && msg.string()} on ${msg && msg.subject}`);
  const reply = await nc.request("hello.service", "nervure", { timeout: 2000 });
  console.log(`reply ${reply.string()}`);
  await nc.close();
}

main();

// The smallest nervure program, in TypeScript: publish, receive, request, reply.
import { connect, Msg, NervureError } from "nervure";

async function main(): Promise<void> {
  const nc = await connect({ servers: process.env.NERVURE_URL ?? "nats://127.0.0.1:4222", name: "hello" });
  const sub = nc.subscribe("hello.>");
  nc.subscribe("hello.service", { callback: (_err: NervureError | null, m: Msg) => m.respond(`hello, ${m.string()}`) });
  await nc.flush();
  nc.publish("hello.world", "hi");
  const msg = await sub.nextMsg(2000);
  console.log(`received ${msg?.string()} on ${msg?.subject}`);
  const reply: Msg = await nc.request("hello.service", "nervure", { timeout: 2000 });
  console.log(`reply ${reply.string()}`);
  const stats = nc.stats();
  console.log(`out ${stats.outMsgs} in ${stats.inMsgs}`);
  await nc.close();
}

main();

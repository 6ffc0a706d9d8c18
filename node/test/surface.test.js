"use strict";
// Every operation of the definition is a method of its class, and index.d.ts declares it.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const nervure = require("..");
const { OPERATIONS, CONNECT_OPTIONS, EVENTS } = require("../lib/ops.generated");

test("every operation of the definition is a method", () => {
  const classes = { connection: nervure.Connection, subscription: nervure.Subscription };
  for (const [object, ops] of Object.entries(OPERATIONS)) {
    const cls = classes[object];
    if (!cls) continue; // objects without a hand-written class get a generic one
    for (const op of ops) assert.equal(typeof cls.prototype[op], "function", `${object}.${op}`);
  }
});

test("index.d.ts declares every operation, option and event", () => {
  const dts = fs.readFileSync(path.join(__dirname, "..", "index.d.ts"), "utf8");
  for (const ops of Object.values(OPERATIONS)) for (const op of ops) assert.match(dts, new RegExp(`\\b${op}\\(`), op);
  for (const opt of Object.keys(CONNECT_OPTIONS)) assert.match(dts, new RegExp(`\\b${opt}\\?:`), opt);
  for (const ev of Object.values(EVENTS)) assert.ok(dts.includes(`"${ev}"`), ev);
});

test("connect options are checked by type before connecting", async () => {
  await assert.rejects(nervure.connect({ servers: "nats://127.0.0.1:1", reconnect: "yes" }), nervure.InvalidArgumentError);
  await assert.rejects(nervure.connect({ servers: "nats://127.0.0.1:1", maxPingsOut: 0 }), nervure.InvalidArgumentError);
  await assert.rejects(nervure.connect({ servers: "nats://127.0.0.1:1", connectTimeout: -5 }), nervure.InvalidArgumentError);
});

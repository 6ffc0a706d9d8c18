"use strict";
// Connect options against servers that require them: token, user/password,
// NKey, JWT creds, TLS; refused credentials are AuthorizationError.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const nervure = require("..");
const { Harness } = require("./harness");

async function roundTrip(nc) {
  const sub = nc.subscribe("auth.check");
  nc.publish("auth.check", "ok");
  assert.equal((await sub.nextMsg(2000)).string(), "ok");
  await nc.close();
}

async function withServer(kind, body, extra = []) {
  const h = await Harness.start(kind, extra);
  try {
    await body(h);
  } finally {
    await h.stop();
  }
}

const refused = { reconnect: false, maxReconnectAttempts: 0, connectTimeout: 2000 };

test("token", () => withServer("token", async (h) => {
  await roundTrip(await nervure.connect({ servers: h.url, token: h.info.token }));
  await assert.rejects(nervure.connect({ servers: h.url, token: "wrong", ...refused }), nervure.AuthorizationError);
}));

test("user and password", () => withServer("userpass", async (h) => {
  await roundTrip(await nervure.connect({ servers: h.url, user: h.info.user, password: h.info.password }));
  await assert.rejects(nervure.connect({ servers: h.url, user: h.info.user, password: "nope", ...refused }),
    (e) => e instanceof nervure.AuthorizationError && e.code === "AUTHORIZATION");
}));

test("nkey seed", () => withServer("nkey", async (h) => {
  await roundTrip(await nervure.connect({ servers: h.url, nkeySeed: h.info.nkey_seed }));
}));

test("JWT creds file", () => withServer("jwt", async (h) => {
  await roundTrip(await nervure.connect({ servers: h.url, credsFile: h.info.creds_file }));
  await assert.rejects(nervure.connect({ servers: h.url, credsFile: "/nonexistent.creds", ...refused }),
    nervure.NervureError);
}));

test("TLS with a CA and a client certificate", () => withServer("tls", async (h) => {
  await roundTrip(await nervure.connect({ servers: h.url, tlsCaFile: h.info.ca_file, tlsCertFile: h.info.cert_file,
    tlsKeyFile: h.info.key_file }));
  await assert.rejects(nervure.connect({ servers: h.url, ...refused }), nervure.NervureError); // unknown CA
}, ["--tls-verify"]));

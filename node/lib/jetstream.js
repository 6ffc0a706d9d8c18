"use strict";
// JetStream and key-value over the generated operations: configurations are
// objects named as in the server's JSON (snake_case; durations in milliseconds
// here, nanoseconds on the wire), consumers and watches are async iterables.
const { JetstreamOps, KeyValueOps } = require("./ops.generated");
const errors = require("./errors.generated");

const NS_PER_MS = 1000000;
const STREAM_DURATIONS = ["max_age", "duplicate_window", "subject_delete_marker_ttl"];
const CONSUMER_DURATIONS = ["ack_wait", "idle_heartbeat", "inactive_threshold", "max_expires"];
const KV_DURATIONS = ["ttl", "limit_marker_ttl"];

function configJson(config, durations) {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new errors.InvalidArgumentError("a configuration is an object");
  }
  const out = { ...config };
  for (const key of durations) {
    if (!(key in out)) continue;
    const v = out[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new errors.InvalidArgumentError(`${key} must be a non-negative number of milliseconds`);
    }
    out[key] = Math.round(v * NS_PER_MS);
  }
  if (Array.isArray(out.backoff)) out.backoff = out.backoff.map((ms) => Math.round(ms * NS_PER_MS));
  return JSON.stringify(out);
}

/** A message from a JetStream consumer, with its metadata and acknowledgements. */
class JsMsg {
  constructor(msg, js) {
    this._msg = msg;
    this._js = js;
    this._metadata = undefined;
  }
  get subject() { return this._msg.subject; }
  get data() { return this._msg.data; }
  get headers() { return this._msg.headers; }
  get reply() { return this._msg.reply; }
  string() { return this._msg.string(); }
  json() { return this._msg.json(); }
  /** stream, consumer, stream_seq, consumer_seq, num_delivered, num_pending, timestamp_ns, domain. */
  get metadata() {
    if (this._metadata === undefined) this._metadata = this._js.metadata(this._msg.reply);
    return this._metadata;
  }
  ack() { this._js.ack(this._msg.reply, { kind: "ack" }); }
  /** Acknowledges and waits for the server to confirm it. */
  async ackSync(opts = {}) { await this._js.ackSync(this._msg.reply, opts); }
  /** Redelivery, after opts.delay ms when given. */
  nak(opts = {}) { this._js.ack(this._msg.reply, { kind: "nak", delay: opts.delay }); }
  /** Never redeliver; a reason needs nats-server 2.10 (NotSupportedByServerError before). */
  term(reason = "") { this._js.ack(this._msg.reply, { kind: "term", reason }); }
  inProgress() { this._js.ack(this._msg.reply, { kind: "in_progress" }); }
}

/** A consumer's messages: `for await (const m of sub)`; stop with unsubscribe(). */
function jsSource(sub, js) {
  const next = sub.nextMsg.bind(sub);
  sub.nextMsg = async (timeout) => {
    const m = await next(timeout);
    return m === null ? null : new JsMsg(m, js);
  };
  sub[Symbol.asyncIterator] = async function* iterate() {
    for (;;) {
      const m = await sub.nextMsg();
      if (m === null) return;
      yield m;
    }
  };
  return sub;
}

/** A pull consumer of a stream: fetch, next, consume. */
class PullConsumer {
  constructor(js, stream, name) {
    this._js = js;
    this.stream = stream;
    this.name = name;
  }
  info() { return this._js.consumerInfo(this.stream, this.name); }
  /** Up to opts.batch (1) messages, once the batch is full or opts.expires (5000 ms) passed. */
  async fetch(opts = {}) {
    const source = await JetstreamOps.prototype.fetch.call(this._js, this.stream, this.name, opts);
    const out = [];
    for (;;) {
      if (source._queue.length === 0 && source._pull() === 0) return out;
      out.push(new JsMsg(source._queue.shift(), this._js));
    }
  }
  /** One message, or TimeoutError after opts.timeout (5000) ms. */
  async next(opts = {}) {
    const timeout = opts.timeout ?? 5000;
    const [m] = await this.fetch({ batch: 1, expires: timeout });
    if (!m) throw new errors.TimeoutError(`no message from ${this.stream}/${this.name} within ${timeout} ms`);
    return m;
  }
  /** Continuous pulls: `for await (const m of await consumer.consume())`. */
  async consume(opts = {}) {
    return JetstreamOps.prototype.consume.call(this._js, this.stream, this.name, opts);
  }
}

/** A JetStream context: nc.jetstream({domain, apiPrefix, timeout}). */
class JetStream extends JetstreamOps {
  constructor(conn, h) {
    super();
    this._conn = conn;
    this._h = h;
  }
  _blocking(start) { return this._conn._blocking(start); }
  _async(start, convert) { return this._conn._async(start, convert); }
  _record(kind, packed) { return this._conn._record(kind, packed); }
  _wrap(kind, h) {
    if (kind === "subscription") return jsSource(this._conn._wrap(kind, h), this);
    if (kind === "key_value") return new KeyValue(this, h);
    return this._conn._wrap(kind, h);
  }

  /** Creates a stream: addStream({name, subjects, max_age (ms), storage, ...}); returns its info. */
  addStream(config) { return super.addStream(configJson(config, STREAM_DURATIONS)); }
  updateStream(config) { return super.updateStream(configJson(config, STREAM_DURATIONS)); }
  async streamNames(opts) { return (await super.streamNames(opts)).names || []; }
  async streams(opts) { return (await super.streams(opts)).streams || []; }
  /** A stored message: getMsg(stream, {seq}) or getMsg(stream, {lastBySubject}); data is a Buffer. */
  async getMsg(stream, opts) {
    const r = await super.getMsg(stream, opts);
    return { ...r, data: Buffer.from(r.data, "base64") };
  }
  /** Publishes and waits for the stream's acknowledgement: {stream, seq, duplicate}. */
  async publish(subject, data, opts) {
    const m = await super.publish(subject, data, opts);
    return JSON.parse(m.string());
  }
  /** Creates a consumer: addConsumer(stream, {durable_name, ack_wait (ms), ...}). */
  addConsumer(stream, config) { return super.addConsumer(stream, configJson(config, CONSUMER_DURATIONS)); }
  updateConsumer(stream, config) { return super.updateConsumer(stream, configJson(config, CONSUMER_DURATIONS)); }
  async consumerNames(stream) { return (await super.consumerNames(stream)).names || []; }
  /** A handle on an existing pull consumer. */
  consumer(stream, name) { return new PullConsumer(this, stream, name); }
  /** Creates a bucket: createKeyValue({bucket, history, ttl (ms), storage, ...}). */
  createKeyValue(config) { return super.createKeyValue(configJson(config, KV_DURATIONS)); }
  async keyValueNames() { return (await super.keyValueNames()).names || []; }
}

function entry(r) {
  return { ...r, value: Buffer.from(r.value || "", "base64") };
}

/** Entries as they change: `for await (const e of watcher)`; initialDone once the starting values are in. */
class KvWatcher {
  constructor(source, bucket) {
    this._source = source;
    this._bucket = bucket;
    this.initialDone = false;
  }
  /** The next entry; null once stopped; TimeoutError after timeout ms. */
  async next(timeout) {
    for (;;) {
      const m = await this._source.nextMsg(timeout);
      if (m === null) return null;
      const h = m.headers;
      if (m.subject === "" && h && h.get("KV-Initial-Done")) {
        this.initialDone = true;
        continue;
      }
      return {
        bucket: this._bucket, key: m.subject, value: m.data, revision: Number(h.get("KV-Revision")),
        delta: Number(h.get("KV-Delta")), operation: h.get("KV-Operation"), created: h.get("KV-Created"),
      };
    }
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const e = await this.next();
      if (e === null) return;
      yield e;
    }
  }
  stop() { this._source.unsubscribe(); }
}

/** A key-value bucket. */
class KeyValue extends KeyValueOps {
  constructor(js, h) {
    super();
    this._js = js;
    this._h = h;
    this.bucketName = this.bucket();
  }
  _blocking(start) { return this._js._blocking(start); }
  _async(start, convert) { return this._js._async(start, convert); }
  _record(kind, packed) { return this._js._record(kind, packed); }
  _wrap(kind, h) { return this._js._conn._wrap(kind, h); }

  /** The current value (or opts.revision); null when absent, deleted or purged. */
  async get(key, opts) {
    const r = await super.get(key, opts);
    return r && r.key !== undefined ? entry(r) : null;
  }
  async keys(opts) { return (await super.keys(opts)).names || []; }
  async history(key) { return ((await super.history(key)).entries || []).map(entry); }
  /** Entries as they change (opts: keys, includeHistory, ignoreDeletes, metaOnly, updatesOnly). */
  async watch(opts) { return new KvWatcher(await super.watch(opts), this.bucketName); }
}

module.exports = { JetStream, KeyValue, PullConsumer, JsMsg, KvWatcher };

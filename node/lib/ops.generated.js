// generated from the definition in bindings/api/ by bindings/generator; do not edit
//
// The default Promise idiom of every operation: call returns at once,
// blocking runs on libuv's thread pool, async completes through the
// connection's dispatch. Each class in lib/index.js extends its mixin here and
// overrides what needs more (iterators, callbacks). Durations are milliseconds.
"use strict";

const native = require("./native");

function toHeaderList(h) {
  if (h === undefined || h === null) return undefined;
  if (typeof h.toList === "function") return h.toList();
  const out = [];
  const entries = h instanceof Map ? h.entries() : Array.isArray(h) ? h : Object.entries(h);
  for (const [k, v] of entries) {
    if (Array.isArray(v)) for (const x of v) out.push(String(k), String(x));
    else out.push(String(k), String(v));
  }
  return out;
}

function parseJson(text) {
  return JSON.parse(text || "{}");
}

// A loop_async operation's result: the text of its completion's message data.
function completionText(packed) {
  const o = packed[1], i = 2 * packed[0];
  return Buffer.from(o.buffer, o.byteLength + o[i], o[i + 1] - o[i]).toString("utf8");
}

/** A received message. Messages cross the boundary in batches; each language builds its own objects and reads only the fields it needs. Responding is publishing to reply. */
class MessageRecord {
  constructor(batch, index) {
    this._b = batch;
    this._i = index;
  }

  /** Subject it was published to. */
  get subject() {
    const b = this._b, c = b[2];
    return typeof c === "string" ? c : c[b[1][this._i]];
  }

  /** Reply subject, empty when none. */
  get reply() {
    const b = this._b, c = b[3];
    return typeof c === "string" ? c : c[b[1][1 * b[0] + this._i]];
  }

  /** Payload. */
  get data() {
    if (this._data === undefined) {
      const b = this._b, o = b[1], i = 2 * b[0] + 2 * this._i;
      this._data = Buffer.from(o.buffer, o.byteLength + o[i], o[i + 1] - o[i]);
    }
    return this._data;
  }

  /** Headers in order, multi-valued, keys as sent. */
  get headers() {
    const c = this._b[5];
    return this._wrapHeaders(c === undefined ? undefined : c[this._i]);
  }

  /** Status of a server-generated message (503 no responders, 408, 100...), 0 otherwise. */
  get status() {
    const b = this._b;
    return b[1][4 * b[0] + this._i];
  }

  /** Raw headers [key, value, ...]; subclasses wrap them. */
  _wrapHeaders(list) {
    return list;
  }
}

/** Every record of a packed message batch, as instances of Cls (a MessageRecord subclass). */
function unpackMessage(batch, Cls, ...extra) {
  const n = batch[0];
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = new Cls(batch, i, ...extra);
  return out;
}

/** Events by code (the connection emits them by name). */
const EVENTS = {1: "connected", 2: "disconnected", 3: "reconnected", 4: "closed", 5: "lameDuck", 6: "serversDiscovered", 7: "asyncError", 8: "slowConsumer"};

/** Connect options: camelCase name -> [definition name, type, default]. Durations are milliseconds. */
const CONNECT_OPTIONS = {
  name: ["name", "string", ""],
  user: ["user", "string", ""],
  password: ["password", "string", ""],
  token: ["token", "string", ""],
  nkeySeed: ["nkey_seed", "string", ""],
  credsFile: ["creds_file", "string", ""],
  tls: ["tls", "bool", false],
  tlsCaFile: ["tls_ca_file", "string", ""],
  tlsCertFile: ["tls_cert_file", "string", ""],
  tlsKeyFile: ["tls_key_file", "string", ""],
  tlsVerify: ["tls_verify", "bool", true],
  tlsVerifyHostname: ["tls_verify_hostname", "bool", true],
  tlsHandshakeFirst: ["tls_handshake_first", "bool", false],
  randomize: ["randomize", "bool", true],
  connectTimeout: ["connect_timeout", "duration", 2000],
  reconnect: ["reconnect", "bool", true],
  maxReconnectAttempts: ["max_reconnect_attempts", "int", 60],
  reconnectWait: ["reconnect_wait", "duration", 2000],
  reconnectWaitMax: ["reconnect_wait_max", "duration", 8000],
  reconnectJitter: ["reconnect_jitter", "duration", 100],
  reconnectJitterTls: ["reconnect_jitter_tls", "duration", 1000],
  reconnectBufferSize: ["reconnect_buffer_size", "int", 8388608],
  pingInterval: ["ping_interval", "duration", 120000],
  maxPingsOut: ["max_pings_out", "int", 2],
  noEcho: ["no_echo", "bool", false],
  inboxPrefix: ["inbox_prefix", "string", "_INBOX"],
  ignoreDiscoveredServers: ["ignore_discovered_servers", "bool", false],
  pendingMsgsLimit: ["pending_msgs_limit", "int", 524288],
  pendingBytesLimit: ["pending_bytes_limit", "int", 67108864],
};

/** Every operation of the definition, by object. */
const OPERATIONS = {
  connection: ["actorHost", "actorInvoke", "actorTell", "publish", "subscribe", "request", "flush", "drain", "close", "isConnected", "isReconnecting", "isClosed", "stats", "serverInfo", "connectedUrl", "newInbox", "maxPayload", "jetstream"],
  actor_host: ["registerType", "start", "stop", "turns", "complete", "stateGet", "stateContains", "stateSet", "stateRemove", "stateSave", "registerTimer", "unregisterTimer", "registerReminder", "unregisterReminder", "invoke", "hostId", "stats", "methodStats"],
  subscription: ["unsubscribe", "drain", "autoUnsubscribe", "setPendingLimits", "pending", "pendingBytes", "dropped", "delivered"],
  jetstream: ["accountInfo", "addStream", "updateStream", "streamInfo", "deleteStream", "purgeStream", "streamNames", "streams", "getMsg", "deleteMsg", "publish", "publishAsyncComplete", "addConsumer", "updateConsumer", "consumerInfo", "deleteConsumer", "consumerNames", "fetch", "consume", "orderedConsumer", "ack", "ackSync", "metadata", "createKeyValue", "keyValue", "deleteKeyValue", "keyValueNames"],
  key_value: ["bucket", "put", "get", "create", "update", "delete", "purge", "keys", "history", "watch", "status"],
};

/** A connection to a NATS system; reconnects by itself. Made by connect(servers, options). */
class ConnectionOps {
  /** A host for actor types in this process. Register types, then start; turns arrive on turns(). Durations are milliseconds. Throws NervureError. */
  actorHost(opts) {
    if (opts === undefined) return this._wrap("actor_host", native.connection_actor_host(this._h));
    return this._wrap("actor_host", native.connection_actor_host(this._h, opts.idleTimeout, opts.callTimeout, opts.reentrancy, opts.maxReentrancyDepth, opts.leaseTtl, opts.partitions, opts.workers, opts.hostId, opts.leaseBucket, opts.stateBucket));
  }

  /** Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Durations are milliseconds. Rejects with ActorError, TimeoutError, NoRespondersError, ConnectionClosedError. */
  actorInvoke(actorType, actorId, method, args, opts = {}) {
    return this._async((token) => native.connection_actor_invoke(this._h, token, actorType, actorId, method, args, opts.timeout, opts.partitions), (r) => this._record("message", r));
  }

  /** Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Durations are milliseconds. Rejects with NoRespondersError, TimeoutError, JetStreamApiError, ConnectionClosedError. */
  actorTell(actorType, actorId, method, args, opts = {}) {
    return this._async((token) => native.connection_actor_tell(this._h, token, actorType, actorId, method, args, opts.dedupId, opts.timeout));
  }

  /** Publish a message; fire and forget. Throws InvalidSubjectError, MaxPayloadError, ConnectionClosedError, InvalidArgumentError. */
  publish(subject, data, opts) {
    if (opts === undefined) return native.connection_publish(this._h, subject, data);
    return native.connection_publish(this._h, subject, data, opts.reply, toHeaderList(opts.headers));
  }

  /** Subscribe to a subject (wildcards * and > allowed), optionally in a queue group. Throws InvalidSubjectError, ConnectionClosedError, InvalidArgumentError. */
  subscribe(subject, opts) {
    if (opts === undefined) return this._wrap("subscription", native.connection_subscribe(this._h, subject));
    return this._wrap("subscription", native.connection_subscribe(this._h, subject, opts.queue, opts.maxMsgs, opts.pendingMsgsLimit, opts.pendingBytesLimit));
  }

  /** Send a request and wait for one reply. Durations are milliseconds. Rejects with NoRespondersError, TimeoutError, ConnectionClosedError, InvalidSubjectError, MaxPayloadError. */
  request(subject, data, opts = {}) {
    return this._async((token) => native.connection_request(this._h, token, subject, data, opts.timeout, toHeaderList(opts.headers)), (r) => this._record("message", r));
  }

  /** Round trip to the server: everything published before has been processed. Durations are milliseconds. Rejects with TimeoutError, ConnectionClosedError. */
  flush(opts = {}) {
    return this._async((token) => native.connection_flush(this._h, token, opts.timeout));
  }

  /** Drain every subscription, flush what was published, then close. Durations are milliseconds. Rejects with TimeoutError, ConnectionClosedError. */
  drain(opts = {}) {
    return this._blocking(() => native.connection_drain(this._h, opts.timeout));
  }

  /** Close now; pending requests fail with ConnectionClosedError. */
  close() {
    return this._blocking(() => native.connection_close(this._h));
  }

  /** Whether the connection is up. */
  isConnected() {
    return native.connection_is_connected(this._h);
  }

  /** Whether the connection is down and trying to come back. */
  isReconnecting() {
    return native.connection_is_reconnecting(this._h);
  }

  /** Whether the connection was closed. */
  isClosed() {
    return native.connection_is_closed(this._h);
  }

  /** Messages and bytes in and out, reconnects. */
  stats() {
    return native.connection_stats(this._h);
  }

  /** The server's INFO. */
  serverInfo() {
    return parseJson(native.connection_server_info(this._h));
  }

  /** The server in use, or empty while disconnected. */
  connectedUrl() {
    return native.connection_connected_url(this._h);
  }

  /** A fresh unique reply subject. */
  newInbox() {
    return native.connection_new_inbox(this._h);
  }

  /** Largest message the server accepts. */
  maxPayload() {
    return native.connection_max_payload(this._h);
  }

  /** A JetStream context (domain or API prefix for other domains and accounts). Durations are milliseconds. Throws InvalidArgumentError. */
  jetstream(opts) {
    if (opts === undefined) return this._wrap("jetstream", native.connection_jetstream(this._h));
    return this._wrap("jetstream", native.connection_jetstream(this._h, opts.domain, opts.apiPrefix, opts.timeout));
  }
}

/** Hosts actor types whose turns run in this language: turns() delivers them in batches; each ends with complete(). */
class ActorHostOps {
  /** Hosts an actor type (before start). Throws NervureError. */
  registerType(actorType) {
    return native.actor_host_register_type(this._h, actorType);
  }

  /** Creates the buckets if needed, takes partitions and starts serving. Rejects with JetStreamApiError, NotSupportedByServerError, TimeoutError. */
  start() {
    return this._blocking(() => native.actor_host_start(this._h));
  }

  /** Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile. Durations are milliseconds. */
  stop(opts = {}) {
    return this._blocking(() => native.actor_host_stop(this._h, opts.timeout));
  }

  /** The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate). */
  turns() {
    return this._wrap("subscription", native.actor_host_turns(this._h));
  }

  /** Ends a turn with its result, or with an error the caller receives as ActorError. Throws NervureError. */
  complete(turn, result, opts) {
    if (opts === undefined) return native.actor_host_complete(this._h, turn, result);
    return native.actor_host_complete(this._h, turn, result, opts.errorType, opts.errorMessage);
  }

  /** A state value during a turn; empty when absent (see state_contains). Throws NervureError. */
  stateGet(turn, key) {
    return native.actor_host_state_get(this._h, turn, key);
  }

  /** Whether the actor's state has the key. Throws NervureError. */
  stateContains(turn, key) {
    return native.actor_host_state_contains(this._h, turn, key);
  }

  /** Sets a state value; saved when the turn succeeds. Throws NervureError. */
  stateSet(turn, key, value) {
    return native.actor_host_state_set(this._h, turn, key, value);
  }

  /** Removes a state value; true when it was there. Throws NervureError. */
  stateRemove(turn, key) {
    return native.actor_host_state_remove(this._h, turn, key);
  }

  /** Saves the state now rather than at the end of the turn. Rejects with JetStreamApiError, TimeoutError. */
  stateSave(turn) {
    return this._blocking(() => native.actor_host_state_save(this._h, turn));
  }

  /** Calls method as a turn after due, then every period, while the actor is active. Throws NervureError. */
  registerTimer(turn, name, method, due, opts) {
    if (opts === undefined) return native.actor_host_register_timer(this._h, turn, name, method, due);
    return native.actor_host_register_timer(this._h, turn, name, method, due, opts.period, opts.args);
  }

  /** Cancels a timer. Throws NervureError. */
  unregisterTimer(turn, name) {
    return native.actor_host_unregister_timer(this._h, turn, name);
  }

  /** A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn. Rejects with NervureError, JetStreamApiError. */
  registerReminder(turn, name, due, opts = {}) {
    return this._blocking(() => native.actor_host_register_reminder(this._h, turn, name, due, opts.period, opts.data));
  }

  /** Removes a reminder. Rejects with NervureError, JetStreamApiError. */
  unregisterReminder(turn, name) {
    return this._blocking(() => native.actor_host_unregister_reminder(this._h, turn, name));
  }

  /** Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Durations are milliseconds. Rejects with ActorError, TimeoutError, NoRespondersError. */
  invoke(turn, actorType, actorId, method, args, opts = {}) {
    return this._async((token) => native.actor_host_invoke(this._h, token, turn, actorType, actorId, method, args, opts.timeout), (r) => this._record("message", r));
  }

  /** This host's id. */
  hostId() {
    return native.actor_host_host_id(this._h);
  }

  /** Counters of this host. */
  stats() {
    return native.actor_host_stats(this._h);
  }

  /** Per-call metrics of this host by actor type and method. */
  methodStats() {
    return parseJson(native.actor_host_method_stats(this._h));
  }
}

/** Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches. */
class SubscriptionOps {
  /** Stop now; queued messages are dropped. */
  unsubscribe() {
    return native.subscription_unsubscribe(this._h);
  }

  /** Stop interest, let queued messages be consumed, then end. Durations are milliseconds. Rejects with TimeoutError. */
  drain(opts = {}) {
    return this._blocking(() => native.subscription_drain(this._h, opts.timeout));
  }

  /** End after this many messages in total (counting those already delivered). Throws InvalidArgumentError. */
  autoUnsubscribe(maxMsgs) {
    return native.subscription_auto_unsubscribe(this._h, maxMsgs);
  }

  /** Change the queue limits; -1 unlimited. */
  setPendingLimits(msgsLimit, bytesLimit) {
    return native.subscription_set_pending_limits(this._h, msgsLimit, bytesLimit);
  }

  /** Messages queued, not yet consumed. */
  pending() {
    return native.subscription_pending(this._h);
  }

  /** Payload bytes queued, not yet consumed. */
  pendingBytes() {
    return native.subscription_pending_bytes(this._h);
  }

  /** Messages lost to the pending limits (slow consumer). */
  dropped() {
    return native.subscription_dropped(this._h);
  }

  /** Messages received so far. */
  delivered() {
    return native.subscription_delivered(this._h);
  }
}

/** A JetStream context. */
class JetstreamOps {
  /** The account's JetStream usage and limits. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  accountInfo() {
    return this._blocking(() => native.jetstream_account_info(this._h)).then((r) => parseJson(r));
  }

  /** Creates a stream from its configuration (the server's JSON). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  addStream(config) {
    return this._blocking(() => native.jetstream_add_stream(this._h, config)).then((r) => parseJson(r));
  }

  /** Changes a stream's configuration. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  updateStream(config) {
    return this._blocking(() => native.jetstream_update_stream(this._h, config)).then((r) => parseJson(r));
  }

  /** A stream's configuration and state. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streamInfo(name) {
    return this._blocking(() => native.jetstream_stream_info(this._h, name)).then((r) => parseJson(r));
  }

  /** Deletes a stream and its messages. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteStream(name) {
    return this._blocking(() => native.jetstream_delete_stream(this._h, name));
  }

  /** Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  purgeStream(name, opts = {}) {
    return this._blocking(() => native.jetstream_purge_stream(this._h, name, opts.subject, opts.keep, opts.upToSeq)).then((r) => r);
  }

  /** Every stream's name, optionally only those bound to subject. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streamNames(opts = {}) {
    return this._blocking(() => native.jetstream_stream_names(this._h, opts.subject)).then((r) => parseJson(r));
  }

  /** Every stream's info, optionally only those bound to subject. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streams(opts = {}) {
    return this._blocking(() => native.jetstream_streams(this._h, opts.subject)).then((r) => parseJson(r));
  }

  /** A stored message by sequence, or the last one on a subject. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  getMsg(stream, opts = {}) {
    return this._blocking(() => native.jetstream_get_msg(this._h, stream, opts.seq, opts.lastBySubject)).then((r) => parseJson(r));
  }

  /** Removes one stored message (erase overwrites it on disk). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteMsg(stream, seq, opts = {}) {
    return this._blocking(() => native.jetstream_delete_msg(this._h, stream, seq, opts.erase));
  }

  /** Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Durations are milliseconds. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
  publish(subject, data, opts = {}) {
    return this._async((token) => native.jetstream_publish(this._h, token, subject, data, toHeaderList(opts.headers), opts.msgId, opts.expectedStream, opts.expectedLastSeq, opts.expectedLastSubjectSeq, opts.expectedLastMsgId, opts.ttl, opts.timeout), (r) => this._record("message", r));
  }

  /** Waits until every publish has its acknowledgement. Durations are milliseconds. Rejects with TimeoutError. */
  publishAsyncComplete(opts = {}) {
    return this._blocking(() => native.jetstream_publish_async_complete(this._h, opts.timeout));
  }

  /** Creates a consumer from its configuration (the server's JSON). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  addConsumer(stream, config) {
    return this._blocking(() => native.jetstream_add_consumer(this._h, stream, config)).then((r) => parseJson(r));
  }

  /** Changes an existing consumer. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  updateConsumer(stream, config) {
    return this._blocking(() => native.jetstream_update_consumer(this._h, stream, config)).then((r) => parseJson(r));
  }

  /** A consumer's configuration and state. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consumerInfo(stream, consumer) {
    return this._blocking(() => native.jetstream_consumer_info(this._h, stream, consumer)).then((r) => parseJson(r));
  }

  /** Deletes a consumer. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteConsumer(stream, consumer) {
    return this._blocking(() => native.jetstream_delete_consumer(this._h, stream, consumer));
  }

  /** The names of a stream's consumers. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consumerNames(stream) {
    return this._blocking(() => native.jetstream_consumer_names(this._h, stream)).then((r) => parseJson(r));
  }

  /** Up to batch messages from a pull consumer, as a source that ends once they are taken. Durations are milliseconds. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  fetch(stream, consumer, opts = {}) {
    return this._blocking(() => native.jetstream_fetch(this._h, stream, consumer, opts.batch, opts.expires, opts.noWait)).then((r) => this._wrap("subscription", r));
  }

  /** Continuous pull consumption as a source (stop it with unsubscribe). Durations are milliseconds. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consume(stream, consumer, opts = {}) {
    return this._blocking(() => native.jetstream_consume(this._h, stream, consumer, opts.maxMessages, opts.expires, opts.idleHeartbeat)).then((r) => this._wrap("subscription", r));
  }

  /** An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  orderedConsumer(stream, opts = {}) {
    return this._blocking(() => native.jetstream_ordered_consumer(this._h, stream, opts.filterSubject, opts.deliverPolicy, opts.optStartSeq)).then((r) => this._wrap("subscription", r));
  }

  /** Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress. Durations are milliseconds. Throws InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
  ack(reply, opts) {
    if (opts === undefined) return native.jetstream_ack(this._h, reply);
    return native.jetstream_ack(this._h, reply, opts.kind, opts.delay, opts.reason);
  }

  /** Acknowledges and waits for the server to confirm it. Durations are milliseconds. Rejects with TimeoutError, InvalidArgumentError. */
  ackSync(reply, opts = {}) {
    return this._async((token) => native.jetstream_ack_sync(this._h, token, reply, opts.timeout), (r) => this._record("message", r));
  }

  /** Delivery metadata of a JetStream message, from its reply subject. Throws InvalidArgumentError. */
  metadata(reply) {
    return parseJson(native.jetstream_metadata(this._h, reply));
  }

  /** Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  createKeyValue(config) {
    return this._blocking(() => native.jetstream_create_key_value(this._h, config)).then((r) => this._wrap("key_value", r));
  }

  /** An existing bucket. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keyValue(bucket) {
    return this._blocking(() => native.jetstream_key_value(this._h, bucket)).then((r) => this._wrap("key_value", r));
  }

  /** Deletes a bucket and its values. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteKeyValue(bucket) {
    return this._blocking(() => native.jetstream_delete_key_value(this._h, bucket));
  }

  /** Every bucket's name. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keyValueNames() {
    return this._blocking(() => native.jetstream_key_value_names(this._h)).then((r) => parseJson(r));
  }
}

/** A key-value bucket. */
class KeyValueOps {
  /** The bucket's name. */
  bucket() {
    return native.key_value_bucket(this._h);
  }

  /** Stores a value; returns its revision. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  put(key, value) {
    return this._async((token) => native.key_value_put_async(this._h, token, key, value), (r) => Number(completionText(r)));
  }

  /** The current value (or a given revision); an empty record when absent or deleted. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  get(key, opts = {}) {
    return this._async((token) => native.key_value_get_async(this._h, token, key, opts.revision), (r) => parseJson(completionText(r)));
  }

  /** Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl. Durations are milliseconds. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  create(key, value, opts = {}) {
    return this._blocking(() => native.key_value_create(this._h, key, value, opts.ttl)).then((r) => r);
  }

  /** Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  update(key, value, lastRevision) {
    return this._blocking(() => native.key_value_update(this._h, key, value, lastRevision)).then((r) => r);
  }

  /** Deletes the key, keeping its history; with last_revision, only if unchanged. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  delete(key, opts = {}) {
    return this._blocking(() => native.key_value_delete(this._h, key, opts.lastRevision));
  }

  /** Deletes the key and its history, leaving a purge marker. Durations are milliseconds. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  purge(key, opts = {}) {
    return this._blocking(() => native.key_value_purge(this._h, key, opts.ttl));
  }

  /** Keys with a current value, optionally matching a filter (wildcards allowed). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keys(opts = {}) {
    return this._blocking(() => native.key_value_keys(this._h, opts.filter)).then((r) => parseJson(r));
  }

  /** Every stored value of the key, oldest first. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  history(key) {
    return this._blocking(() => native.key_value_history(this._h, key)).then((r) => parseJson(r));
  }

  /** Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered). Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  watch(opts = {}) {
    return this._blocking(() => native.key_value_watch(this._h, opts.keys, opts.includeHistory, opts.ignoreDeletes, opts.metaOnly, opts.updatesOnly)).then((r) => this._wrap("subscription", r));
  }

  /** The bucket's state. Rejects with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  status() {
    return this._blocking(() => native.key_value_status(this._h)).then((r) => parseJson(r));
  }
}

/** The mixin of each object, by definition name. */
const OBJECT_OPS = {connection: ConnectionOps, actor_host: ActorHostOps, subscription: SubscriptionOps, jetstream: JetstreamOps, key_value: KeyValueOps};

/** The record class of each batch-encoded type, by definition name. */
const RECORDS = {message: MessageRecord};

module.exports = {ConnectionOps, ActorHostOps, SubscriptionOps, JetstreamOps, KeyValueOps, unpackMessage, MessageRecord, toHeaderList, EVENTS, CONNECT_OPTIONS, OPERATIONS, OBJECT_OPS, RECORDS};

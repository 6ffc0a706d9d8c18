"use strict";
// The idiomatic layer: connect() with an options object, the connection's
// dispatch (one call per wakeup: completions, ready subscriptions, events),
// subscriptions as async iterables or callbacks, messages, headers. Every
// operation's default idiom comes from the generated ops.generated.js.
const { EventEmitter } = require("node:events");
const native = require("./native");
const errors = require("./errors.generated");
const actors = require("./actors");
const jetstream = require("./jetstream");
const { ConnectionOps, SubscriptionOps, MessageRecord, toHeaderList, EVENTS, CONNECT_OPTIONS, OBJECT_OPS, RECORDS } =
  require("./ops.generated");

native.setErrorFactory((code, message, fields) => errors.errorForCode(code, message, fields));

const BATCH = 1024;

// ---- headers -------------------------------------------------------------------

class MsgHdrs {
  constructor(init) {
    this._list = []; // flat [key, value, ...]
    if (init !== undefined && init !== null) {
      const flat = toHeaderList(init);
      for (let i = 0; i < flat.length; i += 2) this._list.push(flat[i], flat[i + 1]);
    }
  }
  static _fromList(list) {
    const h = new MsgHdrs();
    h._list = list;
    return h;
  }
  get(key) {
    const k = String(key).toLowerCase();
    for (let i = 0; i < this._list.length; i += 2) if (this._list[i].toLowerCase() === k) return this._list[i + 1];
    return undefined;
  }
  values(key) {
    const k = String(key).toLowerCase();
    const out = [];
    for (let i = 0; i < this._list.length; i += 2) if (this._list[i].toLowerCase() === k) out.push(this._list[i + 1]);
    return out;
  }
  has(key) {
    return this.get(key) !== undefined;
  }
  append(key, value) {
    this._list.push(String(key), String(value));
  }
  set(key, value) {
    this.delete(key);
    this.append(key, value);
  }
  delete(key) {
    const k = String(key).toLowerCase();
    const out = [];
    for (let i = 0; i < this._list.length; i += 2) {
      if (this._list[i].toLowerCase() !== k) out.push(this._list[i], this._list[i + 1]);
    }
    this._list = out;
  }
  keys() {
    const seen = new Set();
    const out = [];
    for (let i = 0; i < this._list.length; i += 2) {
      const k = this._list[i].toLowerCase();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(this._list[i]);
      }
    }
    return out;
  }
  get size() {
    return this._list.length / 2;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this._list.length; i += 2) yield [this._list[i], this._list[i + 1]];
  }
  toList() {
    return this._list.slice();
  }
}

// ---- messages ------------------------------------------------------------------

class Msg extends MessageRecord {
  constructor(batch, index, conn) {
    super(batch, index);
    this._conn = conn;
  }
  _wrapHeaders(list) {
    if (list === undefined) return undefined;
    if (this._h === undefined) this._h = MsgHdrs._fromList(list);
    return this._h;
  }
  string() {
    return this.data.toString("utf8");
  }
  json() {
    return JSON.parse(this.string());
  }
  respond(data, opts) {
    if (!this.reply) return false;
    native.connection_publish(this._conn._h, this.reply, data, undefined, opts && toHeaderList(opts.headers));
    return true;
  }
  toJSON() {
    return { subject: this.subject, reply: this.reply, data: this.string(), headers: this.headers && [...this.headers] };
  }
}

// ---- subscriptions ---------------------------------------------------------------

class Subscription extends SubscriptionOps {
  constructor(conn, h, callback) {
    super();
    this._conn = conn;
    this._h = h;
    this.id = native.subscription_id(h);
    this.subject = native.subscription_subject(h);
    this._callback = callback;
    this._queue = [];
    this._waiters = []; // {resolve, reject, timer}
    this._done = false;
    this.closed = new Promise((resolve) => (this._resolveClosed = resolve));
  }

  _pull() {
    const batch = native.subscription_poll(this._h, BATCH);
    const n = batch[0];
    for (let i = 0; i < n; i++) this._queue.push(new Msg(batch, i, this._conn));
    if (batch.ended === true) this._ended = true;
    return n;
  }

  _checkEnded() {
    if (!this._done && this._queue.length === 0 && this._ended) this._end();
  }

  _end() {
    this._done = true;
    for (const w of this._waiters.splice(0)) {
      if (w.timer) clearTimeout(w.timer);
      w.resolve(null);
    }
    this._conn._subs.delete(this.id);
    this._resolveClosed();
  }

  // The connection says our queue turned non-empty (or ended).
  _ready() {
    if (this._done) return;
    if (this._callback) return this._runCallbacks();
    if (this._waiters.length === 0) {
      if (this._queue.length === 0 && !this._ended) this._ended = native.subscription_ended(this._h);
      return this._checkEnded(); // messages are pulled on demand
    }
    while (this._waiters.length > 0) {
      if (this._queue.length === 0 && this._pull() === 0) break;
      const w = this._waiters.shift();
      if (w.timer) clearTimeout(w.timer);
      w.resolve(this._queue.shift());
    }
    this._checkEnded();
  }

  _runCallbacks() {
    const conn = this._conn;
    let n;
    do {
      const batch = native.subscription_poll(this._h, BATCH);
      n = batch[0];
      if (batch.ended === true) this._ended = true;
      for (let i = 0; i < n && !this._done; i++) {
        try {
          this._callback(null, new Msg(batch, i, conn));
        } catch (err) {
          conn._handlerError(err);
        }
      }
    } while (n === BATCH && !this._done);
    this._checkEnded();
  }

  /** Next message; TimeoutError after timeout ms; null once ended. */
  nextMsg(timeout) {
    if (this._queue.length > 0 || this._pull() > 0) return Promise.resolve(this._queue.shift());
    if (this._done || this._ended || native.subscription_ended(this._h)) {
      if (!this._done) this._end();
      return Promise.resolve(null);
    }
    return new Promise((resolve, reject) => {
      const w = { resolve, reject, timer: null };
      if (timeout !== undefined && timeout !== null) {
        w.timer = setTimeout(() => {
          const i = this._waiters.indexOf(w);
          if (i >= 0) this._waiters.splice(i, 1);
          reject(new errors.TimeoutError(`no message on ${this.subject} within ${timeout} ms`));
        }, timeout);
      }
      this._waiters.push(w);
    });
  }

  async *[Symbol.asyncIterator]() {
    if (this._callback) throw new errors.NervureError("a subscription with a callback cannot be iterated");
    for (;;) {
      let m;
      if (this._queue.length > 0 || this._pull() > 0) m = this._queue.shift();
      else m = await this.nextMsg();
      if (m === null) return;
      yield m;
    }
  }

  unsubscribe() {
    if (this._done) return; // already ended (unsubscribed, drained, connection closed)
    super.unsubscribe();
    this._queue = [];
    this._end();
  }

  async drain(opts) {
    await super.drain(opts);
    if (this._callback) this._runCallbacks();
  }

  getSubject() {
    return this.subject;
  }

  _blocking(start) {
    return this._conn._blocking(start);
  }

  _async(start, convert) {
    return this._conn._async(start, convert);
  }
}

// ---- connections -------------------------------------------------------------------

// An EventEmitter with every generated connection operation.
class ConnectionBase extends EventEmitter {}
for (const name of Object.getOwnPropertyNames(ConnectionOps.prototype)) {
  if (name !== "constructor") {
    Object.defineProperty(ConnectionBase.prototype, name, Object.getOwnPropertyDescriptor(ConnectionOps.prototype, name));
  }
}

class Connection extends ConnectionBase {
  constructor() {
    super();
    this._h = null;
    this._subs = new Map();
    this._pending = new Map(); // token -> [resolve, reject, convert]
    this._nextToken = 1;
    this._closedPromise = new Promise((resolve) => (this._resolveClosed = resolve));
  }

  // One wakeup of the core: completions, ready subscription ids, events.
  // Each part is undefined when empty.
  _dispatch(completions, ready, events) {
    if (completions !== undefined) this._complete(completions);
    if (ready !== undefined) this._readySubs(ready);
    if (events !== undefined) this._emitEvents(events);
  }

  _complete(completions) {
    for (let i = 0; i < completions.length; i += 3) {
      const p = this._pending.get(completions[i]);
      if (!p) continue;
      this._pending.delete(completions[i]);
      if (completions[i + 1] !== null) p[1](completions[i + 1]);
      else p[0](p[2] ? p[2](completions[i + 2]) : undefined);
    }
  }

  _readySubs(ready) {
    for (const id of ready) {
      const sub = this._subs.get(id);
      if (sub) {
        try {
          sub._ready();
        } catch (err) {
          this._handlerError(err);
        }
      }
    }
  }

  _emitEvents(events) {
    for (let i = 0; i < events.length; i += 2) {
      const name = EVENTS[events[i]] || `event${events[i]}`;
      const detail = events[i + 1];
      try {
        this.emit(name, detail);
      } catch (err) {
        this._handlerError(err);
      }
      if (name === "closed") this._onClosed();
    }
  }

  _onClosed() {
    for (const sub of [...this._subs.values()]) {
      try {
        sub._ready();
        if (!sub._done && sub._queue.length === 0) sub._end();
      } catch (err) {
        this._handlerError(err);
      }
    }
    for (const [, p] of this._pending) p[1](new errors.ConnectionClosedError("connection closed"));
    this._pending.clear();
    this._resolveClosed();
  }

  // A handler threw: the error goes to the "error" event, never up into the process.
  _handlerError(err) {
    if (this.listenerCount("error") > 0) {
      try {
        this.emit("error", err);
        return;
      } catch (e) {
        err = e;
      }
    }
    process.emitWarning(`nervure: a handler failed: ${err && err.stack ? err.stack : err}`);
  }

  _async(start, convert) {
    return new Promise((resolve, reject) => {
      const token = this._nextToken++;
      this._lastToken = token;
      this._pending.set(token, [resolve, reject, convert]);
      try {
        start(token);
      } catch (err) {
        this._pending.delete(token);
        reject(err);
      }
    });
  }

  _blocking(start) {
    try {
      return start();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  // An async operation's record result: the first (only) item of a packed batch.
  _record(kind, packed) {
    return new (kind === "message" ? Msg : RECORDS[kind])(packed, 0, this);
  }

  // A handle an operation returned, as its object.
  _wrap(kind, h) {
    if (kind === "subscription") {
      const sub = new Subscription(this, h);
      this._subs.set(sub.id, sub);
      return sub;
    }
    if (kind === "jetstream") return new jetstream.JetStream(this, h);
    return new (genericClass(kind))(this, h);
  }

  // A core source (an actor host's turns) handed to callback like a subscription's messages.
  _source(h, callback) {
    const sub = new Subscription(this, h, callback);
    this._subs.set(sub.id, sub);
    setImmediate(() => sub._ready());
    return sub;
  }

  /** Subscribe; iterate with for await, or pass opts.callback. */
  subscribe(subject, opts = {}) {
    const h = native.connection_subscribe(this._h, subject, opts.queue, opts.maxMsgs, opts.pendingMsgsLimit,
      opts.pendingBytesLimit);
    const sub = new Subscription(this, h, opts.callback);
    this._subs.set(sub.id, sub);
    if (opts.callback) setImmediate(() => sub._ready()); // messages that beat the registration
    return sub;
  }

  // Not async: the reply settles the promise _async made, one promise per request.
  // (A reply with status 503 and no data is NoRespondersError in the core already.)
  request(subject, data, opts = {}) {
    const signal = opts.signal;
    if (signal && signal.aborted) return Promise.reject(signal.reason);
    const reply = super.request(subject, data, opts);
    if (signal) {
      // Aborting gives up on the request in the core too: its reply, if any, is dropped.
      const token = this._lastToken;
      const abort = () => {
        const p = this._pending.get(token);
        if (!p) return;
        this._pending.delete(token);
        try {
          native.connection_cancel(this._h, token);
        } catch {
          // closed meanwhile: nothing left to cancel
        }
        p[1](signal.reason);
      };
      signal.addEventListener("abort", abort, { once: true });
      reply.finally(() => signal.removeEventListener("abort", abort)).catch(() => {});
    }
    return reply;
  }

  /** A proxy for calls to the actor (actorType, actorId), wherever it is hosted. */
  actorProxy(actorType, actorId, opts = {}) {
    return new actors.ActorProxy(this, actorType, actorId, opts);
  }

  async close() {
    if (this._h === null) return;
    if (!native.connection_is_closed(this._h)) await super.close();
    native.connection_deliver(this._h);
    await this._closedPromise;
  }

  async drain(opts) {
    await super.drain(opts);
    native.connection_deliver(this._h);
    await this._closedPromise;
  }

  closed() {
    return this._closedPromise;
  }

  ref() {
    native.connection_ref(this._h, true);
    return this;
  }

  unref() {
    native.connection_ref(this._h, false);
    return this;
  }

  get info() {
    return this.serverInfo();
  }

  getServer() {
    return this.connectedUrl();
  }
}

// Objects without a hand-written class get their generated operations over the connection's plumbing.
const generic = new Map();
function genericClass(kind) {
  if (!generic.has(kind)) {
    const Ops = OBJECT_OPS[kind];
    if (!Ops) throw new errors.NervureError(`unknown object kind ${kind}`);
    generic.set(kind, class extends Ops {
      constructor(conn, h) {
        super();
        this._conn = conn;
        this._h = h;
      }
      _blocking(start) {
        return this._conn._blocking(start);
      }
      _async(start, convert) {
        return this._conn._async(start, convert);
      }
      _wrap(k, h) {
        return this._conn._wrap(k, h);
      }
      _record(k, packed) {
        return this._conn._record(k, packed);
      }
    });
  }
  return generic.get(kind);
}

function connectOptions(opts) {
  const flat = [];
  for (const [key, value] of Object.entries(opts)) {
    if (key === "servers" || value === undefined) continue;
    const spec = CONNECT_OPTIONS[key];
    if (!spec) throw new errors.InvalidArgumentError(`unknown connect option ${key}`);
    const [name, type] = spec;
    const ok = type === "string" ? typeof value === "string" : type === "bool" ? typeof value === "boolean"
      : typeof value === "number" && Number.isFinite(value);
    if (!ok) throw new errors.InvalidArgumentError(`${key} must be ${type === "bool" ? "a boolean" : type === "string" ? "a string" : "a number"}`);
    flat.push(name, type === "int" || type === "duration" ? Math.trunc(value) : value);
  }
  return flat;
}

/** connect({servers, ...options}) or connect(servers, options). */
async function connect(servers, opts) {
  if (servers !== undefined && typeof servers === "object" && !Array.isArray(servers)) {
    opts = servers;
    servers = opts.servers;
  }
  opts = opts || {};
  if (servers === undefined) servers = opts.servers;
  const list = servers === undefined ? [] : Array.isArray(servers) ? servers.map(String) : String(servers).split(",");
  const flat = connectOptions(opts);
  const nc = new Connection();
  const dispatch = (c, r, e) => nc._dispatch(c, r, e);
  nc._h = await native.connect(list, flat, dispatch);
  return nc;
}

module.exports = { connect, Connection, Subscription, Msg, MsgHdrs, ...actors, ...jetstream, ...errors };

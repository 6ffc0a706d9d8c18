"use strict";
// Virtual actors: host actor types in this process and call actors anywhere.
//
// The core owns placement, turn order, state persistence, timers and reminders
// (docs/actors.md); this module only runs turns on the JS thread. Turns arrive
// in batches on a source like a subscription's. Arguments, results and state
// values are MessagePack, so actors and callers in any language understand
// each other.
const { AsyncLocalStorage } = require("node:async_hooks");
const { encode, decode } = require("@msgpack/msgpack");
const errors = require("./errors.generated");
const native = require("./native");

// The turn the running code belongs to: state calls and nested invokes use it.
const currentTurn = new AsyncLocalStorage();
const NO_ARGS = Symbol("no arguments");

const pack = (value) => encode(value);
const unpack = (data) => (data && data.length ? decode(data) : null);
const camelCase = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The core's snake_case JSON records, spelled the Node way. */
const camelCaseKeys = (value) =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [camelCase(k), camelCaseKeys(v)]))
    : value;

/** An actor's state during its turns: saved together when a turn succeeds (or by save()), discarded when it fails. */
class ActorState {
  constructor(host) {
    this._host = host;
  }
  _turn() {
    const turn = currentTurn.getStore();
    if (!turn) throw new errors.InvalidArgumentError("actor state is available only during the actor's turns");
    return turn;
  }
  get(key, fallback) {
    const turn = this._turn();
    const data = this._host.stateGet(turn, key);
    if (data.length === 0 && !this._host.stateContains(turn, key)) return fallback;
    return unpack(data);
  }
  set(key, value) {
    this._host.stateSet(this._turn(), key, pack(value));
  }
  remove(key) {
    return this._host.stateRemove(this._turn(), key);
  }
  contains(key) {
    return this._host.stateContains(this._turn(), key);
  }
  async save() {
    await this._host.stateSave(this._turn());
  }
}

/**
 * Base class of actors hosted in Node. Public methods are callable by name;
 * each takes the call's argument (if the caller sent one) and returns the
 * result (or a Promise of it). One turn at a time per actor.
 */
class Actor {
  async onActivate() {}
  async onDeactivate() {}
  async receiveReminder(name, data) {}

  /** Calls method as a turn after due, then every period ("1m30s", "PT1M30S", "R5/PT10S"), while the actor is active. */
  registerTimer(name, method, due, opts = {}) {
    const args = opts.args === undefined ? undefined : pack(opts.args);
    this.state._host.registerTimer(this.state._turn(), name, method, due, { period: opts.period, args });
  }
  unregisterTimer(name) {
    this.state._host.unregisterTimer(this.state._turn(), name);
  }
  /** A durable reminder: receiveReminder(name, data) runs at each due time, across restarts and failover. */
  async registerReminder(name, due, opts = {}) {
    await this.state._host.registerReminder(this.state._turn(), name, due, { period: opts.period, data: pack(opts.data ?? null) });
  }
  async unregisterReminder(name) {
    await this.state._host.unregisterReminder(this.state._turn(), name);
  }
  /** A proxy whose calls belong to this turn's call chain (reentrancy needs that). */
  proxy(actorType, actorId) {
    return new ActorProxy(this.state._runtime._conn, actorType, actorId, { host: this.state._host });
  }
}

// Methods of Actor that callers cannot invoke.
const RESERVED = new Set([...Object.getOwnPropertyNames(Actor.prototype), "state", "actorType", "actorId"]);

/** Hosts actor types in this process (docs/api/reference.md: actor_host). */
class ActorRuntime {
  /**
   * @param nc a connection
   * @param opts idleTimeout, callTimeout, leaseTtl (ms), reentrancy, maxReentrancyDepth, partitions
   *   (every host and caller of a type must agree), hostId, leaseBucket, stateBucket
   */
  constructor(nc, opts = {}) {
    const known = ["idleTimeout", "callTimeout", "reentrancy", "maxReentrancyDepth", "leaseTtl", "partitions",
      "workers", "hostId", "leaseBucket", "stateBucket"];
    for (const key of Object.keys(opts)) {
      if (!known.includes(key)) throw new errors.InvalidArgumentError(`unknown actor runtime option ${key}; the options are ${known.join(", ")}`);
    }
    this._conn = nc;
    this._host = nc.actorHost(opts);
    this._types = new Map();
    this._actors = new Map();
    this._started = false;
  }

  get hostId() {
    return this._host.hostId();
  }

  /** calls, failedCalls, activations, deactivations, activeActors, ownedPartitions. */
  stats() {
    return this._host.stats();
  }

  /**
   * Per-call metrics since start, by actor type and method, in name order:
   * actorType, method, calls, failed, and latency summaries in microseconds
   * (p50Us, p90Us, p99Us, maxUs, meanUs): `wait` from the call's arrival to
   * its turn, `run` the turn itself with its state save. The method
   * "$activate" counts activations.
   */
  methodStats() {
    return (this._host.methodStats().methods || []).map(camelCaseKeys);
  }

  /** Hosts actorType with a subclass of Actor, created once per activation. */
  register(actorType, implementation) {
    if (this._started) throw new errors.InvalidArgumentError("register actor types before start()");
    if (typeof implementation !== "function" || !(implementation.prototype instanceof Actor)) {
      throw new errors.InvalidArgumentError("an actor implementation is a subclass of Actor");
    }
    this._host.registerType(actorType);
    this._types.set(actorType, implementation);
  }

  /** Joins placement and starts serving the registered types. */
  async start() {
    if (this._started) throw new errors.InvalidArgumentError("actor runtime started already");
    this._started = true;
    this._turns = this._conn._source(native.actor_host_turns(this._host._h), (err, msg) => this._onTurn(msg));
    await this._host.start();
  }

  /** Stops taking calls, lets queued turns finish, deactivates every actor and hands the partitions over. */
  async stop(opts = {}) {
    if (!this._started) return;
    await this._host.stop(opts);
  }

  _onTurn(msg) {
    const turn = Number(msg.reply);
    const kind = msg.headers.get("Nervure-Turn");
    const type = msg.headers.get("Nervure-Actor-Type");
    const id = msg.headers.get("Nervure-Actor-Id");
    const key = `${type}\u0000${id}`;
    let actor;
    let fn;
    let args = [];
    if (kind === "activate") {
      const Impl = this._types.get(type);
      actor = new Impl();
      actor.actorType = type;
      actor.actorId = id;
      actor.state = new ActorState(this._host);
      actor.state._runtime = this;
      this._actors.set(key, actor);
      fn = actor.onActivate;
    } else {
      actor = this._actors.get(key);
      if (!actor) return this._host.complete(turn, undefined, { errorType: "ActivationError", errorMessage: `actor ${type}/${id} is not active here` });
      if (kind === "deactivate") fn = actor.onDeactivate;
      else if (kind === "reminder") {
        fn = actor.receiveReminder;
        args = [msg.subject, unpack(msg.data)];
      } else {
        const name = msg.subject;
        fn = name.startsWith("_") || RESERVED.has(name) ? undefined : actor[name];
        if (typeof fn !== "function") {
          return this._host.complete(turn, undefined, { errorType: "MethodNotFound", errorMessage: `actor ${type} has no method ${JSON.stringify(name)}` });
        }
        if (msg.data.length) args = [unpack(msg.data)];
      }
    }
    currentTurn.run(turn, () => {
      let result;
      try {
        result = fn.apply(actor, args);
      } catch (err) {
        return this._finish(turn, kind, key, undefined, err);
      }
      if (result && typeof result.then === "function") {
        result.then((value) => this._finish(turn, kind, key, value, undefined), (err) => this._finish(turn, kind, key, undefined, err));
      } else {
        this._finish(turn, kind, key, result, undefined);
      }
    });
  }

  _finish(turn, kind, key, result, error) {
    if (kind === "deactivate") this._actors.delete(key);
    try {
      if (error !== undefined) {
        const type = error instanceof errors.ActorError && error.remoteType ? error.remoteType
          : (error && error.constructor && error.constructor.name) || typeof error;
        const message = error instanceof Error ? error.message : String(error);
        return this._host.complete(turn, undefined, { errorType: type || "Error", errorMessage: message });
      }
      let payload;
      try {
        payload = kind === "call" ? pack(result === undefined ? null : result) : undefined;
      } catch (err) {
        return this._host.complete(turn, undefined, { errorType: "TypeError", errorMessage: `result not serialisable: ${err.message}` });
      }
      this._host.complete(turn, payload);
    } catch (err) {
      this._conn._handlerError(err); // the runtime stopped meanwhile
    }
  }
}

/** Calls one actor: `await proxy.invoke("reserve", 1)`. Argument and result are MessagePack. */
class ActorProxy {
  constructor(nc, actorType, actorId, opts = {}) {
    this._conn = nc;
    this.actorType = actorType;
    this.actorId = actorId;
    this._partitions = opts.partitions;
    this._host = opts.host;
  }

  /**
   * One call, one turn. Rejects with ActorError (remoteType and message of the actor's error),
   * TimeoutError, NoRespondersError (nobody hosts the type). opts.timeout in ms.
   */
  async invoke(method, args = NO_ARGS, opts = {}) {
    const data = args === NO_ARGS ? undefined : pack(args);
    const turn = currentTurn.getStore();
    const reply = this._host && turn
      ? await this._host.invoke(turn, this.actorType, this.actorId, method, data, { timeout: opts.timeout })
      : await this._conn.actorInvoke(this.actorType, this.actorId, method, data, { timeout: opts.timeout, partitions: this._partitions });
    return unpack(reply.data);
  }

  /**
   * Fire and forget, durably: resolves once the call is stored in the hosts' tell stream; it runs at least
   * once, its result dropped. The same opts.dedupId within 2 minutes is stored once. opts.timeout in ms.
   */
  async tell(method, args = NO_ARGS, opts = {}) {
    const data = args === NO_ARGS ? undefined : pack(args);
    await this._conn.actorTell(this.actorType, this.actorId, method, data, { dedupId: opts.dedupId, timeout: opts.timeout });
  }
}

/** A proxy for calls to the actor (actorType, actorId), wherever it is hosted. */
function actorProxy(nc, actorType, actorId, opts = {}) {
  return new ActorProxy(nc, actorType, actorId, opts);
}

module.exports = { Actor, ActorRuntime, ActorProxy, ActorState, actorProxy };

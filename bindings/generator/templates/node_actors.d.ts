/** An actor's state during its turns; values are MessagePack-encoded, saved when a turn succeeds. */
export interface ActorState {
  get<T = unknown>(key: string, fallback?: T): T;
  set(key: string, value: unknown): void;
  remove(key: string): boolean;
  contains(key: string): boolean;
  save(): Promise<void>;
}

/** Base class of actors hosted in Node: public methods are callable by name, one turn at a time per actor. */
export class Actor {
  actorType: string;
  actorId: string;
  state: ActorState;
  onActivate(): Promise<void>;
  onDeactivate(): Promise<void>;
  receiveReminder(name: string, data: unknown): Promise<void>;
  /** Calls method as a turn after due, then every period ("1m30s", "PT1M30S", "R5/PT10S"). */
  registerTimer(name: string, method: string, due: string, opts?: { period?: string; args?: unknown }): void;
  unregisterTimer(name: string): void;
  /** A durable reminder: receiveReminder(name, data) at each due time, across restarts and failover. */
  registerReminder(name: string, due: string, opts?: { period?: string; data?: unknown }): Promise<void>;
  unregisterReminder(name: string): Promise<void>;
  /** A proxy whose calls belong to this turn's call chain. */
  proxy(actorType: string, actorId: string): ActorProxy;
}

/** Options of ActorRuntime; durations are milliseconds. */
export interface ActorRuntimeOptions {
  idleTimeout?: number;
  callTimeout?: number;
  reentrancy?: boolean;
  maxReentrancyDepth?: number;
  leaseTtl?: number;
  /** Every host and caller of a type must agree. Default 32. */
  partitions?: number;
  workers?: number;
  hostId?: string;
  leaseBucket?: string;
  stateBucket?: string;
}

/** Hosts actor types in this process. */
export class ActorRuntime {
  constructor(nc: Connection, opts?: ActorRuntimeOptions);
  readonly hostId: string;
  stats(): ActorStats;
  /** Per-call metrics since start, by actor type and method ("$activate": activations). */
  methodStats(): ActorMethodRecord[];
  register(actorType: string, implementation: new () => Actor): void;
  start(): Promise<void>;
  /** Finishes queued turns, deactivates every actor and hands the partitions over. */
  stop(opts?: { timeout?: number }): Promise<void>;
}

/** Calls one actor; argument and result are MessagePack. */
export class ActorProxy {
  readonly actorType: string;
  readonly actorId: string;
  /** Errors: ActorError (remoteType: the actor's error type), TimeoutError, NoRespondersError. */
  invoke<T = unknown>(method: string, args?: unknown, opts?: { timeout?: number }): Promise<T>;
  /** Fire and forget, durably: resolves once stored; runs at least once. */
  tell(method: string, args?: unknown, opts?: { dedupId?: string; timeout?: number }): Promise<void>;
}

/** A proxy for calls to the actor (actorType, actorId), wherever it is hosted. */
export function actorProxy(nc: Connection, actorType: string, actorId: string, opts?: { partitions?: number }): ActorProxy;

export interface Connection {
  /** A proxy for calls to the actor (actorType, actorId), wherever it is hosted. */
  actorProxy(actorType: string, actorId: string, opts?: { partitions?: number }): ActorProxy;
}

/** Latencies in microseconds, within 12.5%; zero when nothing ran. */
export interface LatencySummary {
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}

/** One method of one actor type on a host. */
export interface ActorMethodRecord {
  actorType: string;
  method: string;
  /** Call turns that ended (tells included). */
  calls: number;
  /** Of which ended with an error. */
  failed: number;
  /** From the call's arrival at the host to its turn's start. */
  wait: LatencySummary;
  /** The turn itself, state save included. */
  run: LatencySummary;
}

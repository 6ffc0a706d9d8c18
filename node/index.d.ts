// generated from the definition in bindings/api/ by bindings/generator; do not edit

import { EventEmitter } from "node:events";

/** A payload: bytes, or a string sent as UTF-8. */
export type Payload = Uint8Array | ArrayBuffer | DataView | string;

/** Headers to send: an object (values may be arrays), a Map, [key, value] pairs, or MsgHdrs. */
export type HeadersInit =
  | MsgHdrs
  | Record<string, string | string[]>
  | Map<string, string | string[]>
  | Array<[string, string]>;

/** Headers of a message: ordered, multi-valued, keys as sent; lookups ignore case. */
export class MsgHdrs implements Iterable<[string, string]> {
  constructor(init?: HeadersInit);
  /** First value of key, or undefined. */
  get(key: string): string | undefined;
  /** Every value of key, in order. */
  values(key: string): string[];
  has(key: string): boolean;
  /** Adds a value (keys may repeat). */
  append(key: string, value: string): void;
  /** Replaces every value of key with one value. */
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Distinct keys, as first sent. */
  keys(): string[];
  get size(): number;
  [Symbol.iterator](): Iterator<[string, string]>;
  /** Flat [key, value, key, value, ...]. */
  toList(): string[];
}

/** A received message. */
export interface Msg {
  /** Subject it was published to. */
  readonly subject: string;
  /** Reply subject, empty when none. */
  readonly reply: string;
  /** Payload. */
  readonly data: Buffer;
  /** Headers, undefined when the message had none. */
  readonly headers: MsgHdrs | undefined;
  /** Status of a server-generated message (503 no responders...), 0 otherwise. */
  readonly status: number;
  /** The payload decoded as UTF-8. */
  string(): string;
  /** The payload parsed as JSON. */
  json<T = unknown>(): T;
  /** Publishes a reply to msg.reply; false when the message has no reply subject. */
  respond(data?: Payload, opts?: { headers?: HeadersInit }): boolean;
}

/** Root of every nervure error. */
export class NervureError extends Error {
  readonly code: string;
  readonly errorCode: number;
}

/** The connection is closed (or draining) and cannot do this. */
export class ConnectionClosedError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** No answer in time: a request, a flush, a next message. */
export class TimeoutError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** A request found nobody listening on its subject. */
export class NoRespondersError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** A subject or queue group name is not valid. */
export class InvalidSubjectError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** The message is larger than the server accepts. */
export class MaxPayloadError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** The server refused the credentials. */
export class AuthorizationError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** A subscription fell behind and messages were dropped. */
export class SlowConsumerError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** The JetStream API answered with an error. */
export class JetStreamApiError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
  /** The server's HTTP-like status (400, 404, 503...). */
  readonly apiCode: number;
  /** The server's JetStream error code (10058 stream name in use...). */
  readonly errCode: number;
}

/** The connected server cannot honour this feature. */
export class NotSupportedByServerError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** An actor method failed remotely. */
export class ActorError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
  /** The type of the error the actor raised, as its language names it. */
  readonly remoteType: string;
}

/** An option or argument is not valid (bad URL, bad creds file, bad number). */
export class InvalidArgumentError extends NervureError {
  readonly code: string;
  readonly errorCode: number;
}

/** Counters of an actor host. */
export interface ActorStats {
  /** Call turns completed. */
  calls: number;
  /** Of which ended with an error. */
  failedCalls: number;
  /** Actors activated. */
  activations: number;
  /** Actors deactivated. */
  deactivations: number;
  /** Actors active now. */
  activeActors: number;
  /** Partitions this host serves now. */
  ownedPartitions: number;
}

/** Per-call metrics of a host by actor type and method, since it started; the method "$activate" counts activations. */
export interface ActorMethodStatsList {
  /** Records of actor_type, method, calls, failed, wait and run (p50_us, p90_us, p99_us, max_us, mean_us: microseconds waited for the turn, and the turn itself with its state save), in name order. */
  methods: string;
  [key: string]: unknown;
}

/** Traffic counters of a connection since it was made. */
export interface Stats {
  /** Messages received. */
  inMsgs: number;
  /** Payload bytes received. */
  inBytes: number;
  /** Messages published. */
  outMsgs: number;
  /** Payload bytes published. */
  outBytes: number;
  /** Times the connection was re-established. */
  reconnects: number;
}

/** The INFO of the server in use, as it sent it (JSON). The fields every language can rely on: */
export interface ServerInfo {
  /** Unique id of the server. */
  server_id: string;
  /** Its configured name. */
  server_name: string;
  /** nats-server version. */
  version: string;
  /** Largest message it accepts. */
  max_payload: number;
  /** Whether it supports headers. */
  headers: boolean;
  /** Whether JetStream is enabled. */
  jetstream: boolean;
  /** Cluster name, when clustered. */
  cluster: string;
  /** Other servers of the cluster a client may use. */
  connect_urls: string[];
  [key: string]: unknown;
}

/** The account's JetStream usage and limits (the server's JSON). */
export interface AccountInfo {
  /** Memory used, bytes. */
  memory: number;
  /** Storage used, bytes. */
  storage: number;
  /** Streams. */
  streams: number;
  /** Consumers. */
  consumers: number;
  [key: string]: unknown;
}

/** A stream: its config, state and cluster (the server's JSON). */
export interface StreamInfo {
  /** The configuration (an object). */
  config: string;
  /** messages, bytes, first_seq, last_seq, consumer_count (an object). */
  state: string;
  [key: string]: unknown;
}

/** A consumer: its config and delivery state (the server's JSON). */
export interface ConsumerInfo {
  /** Its stream. */
  stream_name: string;
  /** Its name. */
  name: string;
  /** Messages not yet delivered. */
  num_pending: number;
  /** Delivered, not yet acknowledged. */
  num_ack_pending: number;
  [key: string]: unknown;
}

/** A message as the stream stored it; data is base64. */
export interface StoredMessage {
  /** Subject. */
  subject: string;
  /** Stream sequence. */
  seq: number;
  /** Payload, base64. */
  data: string;
  /** When stored, RFC 3339. */
  time: string;
  [key: string]: unknown;
}

/** Names (of streams, consumers, buckets, keys). */
export interface NameList {
  /** The names. */
  names: string[];
  [key: string]: unknown;
}

/** Streams, each as stream_info. */
export interface StreamList {
  /** The stream_info records (a list). */
  streams: string;
  [key: string]: unknown;
}

/** Delivery metadata of a JetStream message, from its reply subject. */
export interface MsgMetadata {
  /** Stream. */
  stream: string;
  /** Consumer. */
  consumer: string;
  /** Stream sequence. */
  stream_seq: number;
  /** Consumer sequence. */
  consumer_seq: number;
  /** Deliveries so far, this one included. */
  num_delivered: number;
  /** Messages left for the consumer. */
  num_pending: number;
  /** When stored, nanoseconds since the epoch. */
  timestamp_ns: number;
  [key: string]: unknown;
}

/** A stored value as it crosses (empty object when there is none); value is base64. */
export interface KvRecord {
  /** Key. */
  key: string;
  /** Value, base64. */
  value: string;
  /** Revision. */
  revision: number;
  /** PUT, DEL or PURGE. */
  operation: string;
  /** RFC 3339. */
  created: string;
  [key: string]: unknown;
}

/** Entries, oldest first, as kv_record. */
export interface KvEntryList {
  /** The kv_record objects (a list). */
  entries: string;
  [key: string]: unknown;
}

/** A bucket's state. */
export interface KvStatus {
  /** Bucket. */
  bucket: string;
  /** Stored values, history included. */
  values: number;
  /** Values kept per key. */
  history: number;
  /** Value lifetime, nanoseconds; 0: forever. */
  ttl: number;
  [key: string]: unknown;
}

/** Options of connect(); durations are milliseconds. */
export interface ConnectOptions {
  /** One URL or a list (nats://, tls://); default nats://127.0.0.1:4222. */
  servers?: string | string[];
  /** Connection name shown by the server. Default "". */
  name?: string;
  /** User for user/password authentication. Default "". */
  user?: string;
  /** Password for user/password authentication. Default "". */
  password?: string;
  /** Authentication token. Default "". */
  token?: string;
  /** User NKey seed (SU...); the public key is derived from it. Default "". */
  nkeySeed?: string;
  /** Path of a .creds file (JWT and NKey seed, as written by nsc). Default "". */
  credsFile?: string;
  /** Require TLS (also implied by a tls:// URL or a server that requires it). Default false. */
  tls?: boolean;
  /** CA certificates to trust; the system store when empty. Default "". */
  tlsCaFile?: string;
  /** Client certificate (mutual TLS). Default "". */
  tlsCertFile?: string;
  /** Client private key (mutual TLS). Default "". */
  tlsKeyFile?: string;
  /** Verify the server's certificate chain. Default true. */
  tlsVerify?: boolean;
  /** Check that the certificate names the host dialled. Default true. */
  tlsVerifyHostname?: boolean;
  /** Start TLS before the server's INFO (server option handshake_first). Default false. */
  tlsHandshakeFirst?: boolean;
  /** Shuffle the server list, the first connect too. Default true. */
  randomize?: boolean;
  /** Time allowed for each connection attempt. Default 2000. */
  connectTimeout?: number;
  /** Reconnect when the connection is lost. Default true. */
  reconnect?: boolean;
  /** Attempts per server before giving up; -1 retries forever. Default 60. */
  maxReconnectAttempts?: number;
  /** Base backoff between attempts at the same server. Default 2000. */
  reconnectWait?: number;
  /** Cap of the exponential backoff. Default 8000. */
  reconnectWaitMax?: number;
  /** Random extra wait per attempt, plain TCP. Default 100. */
  reconnectJitter?: number;
  /** Random extra wait per attempt, TLS. Default 1000. */
  reconnectJitterTls?: number;
  /** Bytes of publishes kept while disconnected; 0 makes publishing fail while down. Default 8388608. */
  reconnectBufferSize?: number;
  /** Keepalive PING interval. Default 120000. */
  pingInterval?: number;
  /** Unanswered PINGs before the connection is declared stale. Default 2. */
  maxPingsOut?: number;
  /** Do not receive this connection's own messages. Default false. */
  noEcho?: boolean;
  /** Prefix of reply subjects. Default "_INBOX". */
  inboxPrefix?: string;
  /** Use only the servers given, not those the cluster announces. Default false. */
  ignoreDiscoveredServers?: boolean;
  /** Default per-subscription queue limit in messages; -1 unlimited. Default 524288. */
  pendingMsgsLimit?: number;
  /** Default per-subscription queue limit in bytes; -1 unlimited. Default 67108864. */
  pendingBytesLimit?: number;
}

/** Event names a Connection emits (besides "error"). */
export type ConnectionEvent = "connected" | "disconnected" | "reconnected" | "closed" | "lameDuck" | "serversDiscovered" | "asyncError" | "slowConsumer";

export interface ConnectionActorHostOptions {
  /** Deactivate an actor unused this long. */
  idleTimeout?: number;
  /** Longest turn before its caller gets TimeoutError. */
  callTimeout?: number;
  /** Calls in the same call chain may re-enter a busy actor. */
  reentrancy?: boolean;
  /** Deepest call chain allowed. */
  maxReentrancyDepth?: number;
  /** A crashed host's partitions move after this. */
  leaseTtl?: number;
  /** Partitions per actor type; every host and caller must agree. */
  partitions?: number;
  /** Core threads that dispatch turns. */
  workers?: number;
  /** This host's name in the lease bucket; generated when empty. */
  hostId?: string;
  /** Key-value bucket of the partition leases. */
  leaseBucket?: string;
  /** Key-value bucket of actor state and reminders. */
  stateBucket?: string;
}

export interface ConnectionActorInvokeOptions {
  /** How long to wait for the result. */
  timeout?: number;
  /** Partitions of the type (as its hosts use). */
  partitions?: number;
}

export interface ConnectionActorTellOptions {
  /** De-duplication id; empty: a fresh one. */
  dedupId?: string;
  /** How long to wait for the stream to store it. */
  timeout?: number;
}

export interface ConnectionPublishOptions {
  /** Reply subject for whoever receives it; empty for none. */
  reply?: string;
  /** Headers to send (keys keep their case; values may repeat). */
  headers?: HeadersInit;
}

export interface ConnectionSubscribeOptions {
  /** Queue group: each message goes to one member; empty for none. */
  queue?: string;
  /** End after this many messages; 0 never. */
  maxMsgs?: number;
  /** Queue limit in messages; 0 the connection's default, -1 unlimited. */
  pendingMsgsLimit?: number;
  /** Queue limit in bytes; 0 the connection's default, -1 unlimited. */
  pendingBytesLimit?: number;
  /** Called with each message instead of iterating. */
    callback?: (err: NervureError | null, msg: Msg) => void;
}

export interface ConnectionRequestOptions {
  /** How long to wait for the reply. */
  timeout?: number;
  /** Headers to send. */
  headers?: HeadersInit;
  /** Aborting rejects with the signal's reason and cancels the request. */
    signal?: AbortSignal;
}

export interface ConnectionFlushOptions {
  /** How long to wait for the server's answer. */
  timeout?: number;
}

export interface ConnectionDrainOptions {
  /** How long to wait for everything to be consumed and flushed. */
  timeout?: number;
}

export interface ConnectionJetstreamOptions {
  /** JetStream domain. */
  domain?: string;
  /** API prefix (overrides domain). */
  apiPrefix?: string;
  /** Each API request, and the default publish acknowledgement wait. */
  timeout?: number;
}

export interface ActorHostStopOptions {
  /** Longest wait for queued turns. */
  timeout?: number;
}

export interface ActorHostCompleteOptions {
  /** The error's type name; empty for success. */
  errorType?: string;
  /** The error's message. */
  errorMessage?: string;
}

export interface ActorHostRegisterTimerOptions {
  /** Period (ISO 8601 may repeat: R5/PT10S); empty for once. */
  period?: string;
  /** Arguments for the method. */
  args?: Payload;
}

export interface ActorHostRegisterReminderOptions {
  /** Period (ISO 8601 may repeat: R5/PT10S); empty for once. */
  period?: string;
  /** Passed to the reminder turn. */
  data?: Payload;
}

export interface ActorHostInvokeOptions {
  /** How long to wait for the result. */
  timeout?: number;
}

export interface SubscriptionDrainOptions {
  /** How long to wait for the queued messages to be consumed. */
  timeout?: number;
}

export interface JetstreamPurgeStreamOptions {
  /** Only this subject. */
  subject?: string;
  /** Keep the newest this many. */
  keep?: number;
  /** Remove those below this sequence. */
  upToSeq?: number;
}

export interface JetstreamStreamNamesOptions {
  /** Subject filter. */
  subject?: string;
}

export interface JetstreamStreamsOptions {
  /** Subject filter. */
  subject?: string;
}

export interface JetstreamGetMsgOptions {
  /** Sequence. */
  seq?: number;
  /** Subject whose last message to get. */
  lastBySubject?: string;
}

export interface JetstreamDeleteMsgOptions {
  /** Overwrite its bytes. */
  erase?: boolean;
}

export interface JetstreamPublishOptions {
  /** Headers. */
  headers?: HeadersInit;
  /** De-duplication id (Nats-Msg-Id). */
  msgId?: string;
  /** Fail unless this stream takes it. */
  expectedStream?: string;
  /** Fail unless the stream's last sequence is this (-1: no check). */
  expectedLastSeq?: number;
  /** Fail unless the subject's last sequence is this (-1: no check). */
  expectedLastSubjectSeq?: number;
  /** Fail unless the last message id is this. */
  expectedLastMsgId?: string;
  /** Per-message TTL (API level 1 streams that allow it). */
  ttl?: number;
  /** Acknowledgement wait; 0: the context's. */
  timeout?: number;
}

export interface JetstreamPublishAsyncCompleteOptions {
  /** Longest wait. */
  timeout?: number;
}

export interface JetstreamFetchOptions {
  /** Most messages. */
  batch?: number;
  /** How long the server may wait for them. */
  expires?: number;
  /** Answer at once with what is there. */
  noWait?: boolean;
}

export interface JetstreamConsumeOptions {
  /** Buffered ahead; 0: 500. */
  maxMessages?: number;
  /** Each pull request. */
  expires?: number;
  /** 0: half of expires. */
  idleHeartbeat?: number;
}

export interface JetstreamOrderedConsumerOptions {
  /** Only this subject. */
  filterSubject?: string;
  /** all, last, new, last_per_subject or by_start_sequence. */
  deliverPolicy?: string;
  /** Start sequence (by_start_sequence). */
  optStartSeq?: number;
}

export interface JetstreamAckOptions {
  /** ack, nak, term or in_progress. */
  kind?: string;
  /** nak: redeliver after this. */
  delay?: number;
  /** term: why. */
  reason?: string;
}

export interface JetstreamAckSyncOptions {
  /** Longest wait. */
  timeout?: number;
}

export interface KeyValueGetOptions {
  /** A past revision; 0: the latest. */
  revision?: number;
}

export interface KeyValueCreateOptions {
  /** This value's lifetime. */
  ttl?: number;
}

export interface KeyValueDeleteOptions {
  /** 0: unconditional. */
  lastRevision?: number;
}

export interface KeyValuePurgeOptions {
  /** The marker's lifetime. */
  ttl?: number;
}

export interface KeyValueKeysOptions {
  /** Key filter. */
  filter?: string;
}

export interface KeyValueWatchOptions {
  /** Key filter; empty or > for all. */
  keys?: string;
  /** Every stored value, not only the latest. */
  includeHistory?: boolean;
  /** No delete or purge entries. */
  ignoreDeletes?: boolean;
  /** Entries without values. */
  metaOnly?: boolean;
  /** Only changes from now on. */
  updatesOnly?: boolean;
}

/** A connection to a NATS system; reconnects by itself. Made by connect(servers, options). */
export interface Connection extends EventEmitter {
  /** A host for actor types in this process. Register types, then start; turns arrive on turns(). Durations are milliseconds. Errors: NervureError. */
  actorHost(opts?: ConnectionActorHostOptions): ActorHost;
  /** Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Durations are milliseconds. Errors: ActorError, TimeoutError, NoRespondersError, ConnectionClosedError. */
  actorInvoke(actorType: string, actorId: string, method: string, args?: Payload, opts?: ConnectionActorInvokeOptions): Promise<Msg>;
  /** Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Durations are milliseconds. Errors: NoRespondersError, TimeoutError, JetStreamApiError, ConnectionClosedError. */
  actorTell(actorType: string, actorId: string, method: string, args?: Payload, opts?: ConnectionActorTellOptions): Promise<void>;
  /** Publish a message; fire and forget. Errors: InvalidSubjectError, MaxPayloadError, ConnectionClosedError, InvalidArgumentError. */
  publish(subject: string, data?: Payload, opts?: ConnectionPublishOptions): void;
  /** Subscribe to a subject (wildcards * and > allowed), optionally in a queue group. Errors: InvalidSubjectError, ConnectionClosedError, InvalidArgumentError. */
  subscribe(subject: string, opts?: ConnectionSubscribeOptions): Subscription;
  /** Send a request and wait for one reply. Durations are milliseconds. Errors: NoRespondersError, TimeoutError, ConnectionClosedError, InvalidSubjectError, MaxPayloadError. */
  request(subject: string, data?: Payload, opts?: ConnectionRequestOptions): Promise<Msg>;
  /** Round trip to the server: everything published before has been processed. Durations are milliseconds. Errors: TimeoutError, ConnectionClosedError. */
  flush(opts?: ConnectionFlushOptions): Promise<void>;
  /** Drain every subscription, flush what was published, then close. Durations are milliseconds. Errors: TimeoutError, ConnectionClosedError. */
  drain(opts?: ConnectionDrainOptions): Promise<void>;
  /** Close now; pending requests fail with ConnectionClosedError. */
  close(): Promise<void>;
  /** Whether the connection is up. */
  isConnected(): boolean;
  /** Whether the connection is down and trying to come back. */
  isReconnecting(): boolean;
  /** Whether the connection was closed. */
  isClosed(): boolean;
  /** Messages and bytes in and out, reconnects. */
  stats(): Stats;
  /** The server's INFO. */
  serverInfo(): ServerInfo;
  /** The server in use, or empty while disconnected. */
  connectedUrl(): string;
  /** A fresh unique reply subject. */
  newInbox(): string;
  /** Largest message the server accepts. */
  maxPayload(): number;
  /** A JetStream context (domain or API prefix for other domains and accounts). Durations are milliseconds. Errors: InvalidArgumentError. */
  jetstream(opts?: ConnectionJetstreamOptions): Jetstream;
  /** Resolves when the connection is closed for good (with the error that closed it, if any). */
  closed(): Promise<void | Error>;
  /** Whether an open connection keeps the process alive (default true, like a socket). */
  ref(): this;
  unref(): this;
  on(event: ConnectionEvent, listener: (detail: string) => void): this;
  on(event: "error", listener: (err: Error) => void): this;
  once(event: ConnectionEvent, listener: (detail: string) => void): this;
  once(event: "error", listener: (err: Error) => void): this;
}

/** Hosts actor types whose turns run in this language: turns() delivers them in batches; each ends with complete(). */
export interface ActorHost {
  /** Hosts an actor type (before start). Errors: NervureError. */
  registerType(actorType: string): void;
  /** Creates the buckets if needed, takes partitions and starts serving. Errors: JetStreamApiError, NotSupportedByServerError, TimeoutError. */
  start(): Promise<void>;
  /** Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile. Durations are milliseconds. */
  stop(opts?: ActorHostStopOptions): Promise<void>;
  /** The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate). */
  turns(): Subscription;
  /** Ends a turn with its result, or with an error the caller receives as ActorError. Errors: NervureError. */
  complete(turn: number, result?: Payload, opts?: ActorHostCompleteOptions): void;
  /** A state value during a turn; empty when absent (see state_contains). Errors: NervureError. */
  stateGet(turn: number, key: string): Buffer;
  /** Whether the actor's state has the key. Errors: NervureError. */
  stateContains(turn: number, key: string): boolean;
  /** Sets a state value; saved when the turn succeeds. Errors: NervureError. */
  stateSet(turn: number, key: string, value: Payload): void;
  /** Removes a state value; true when it was there. Errors: NervureError. */
  stateRemove(turn: number, key: string): boolean;
  /** Saves the state now rather than at the end of the turn. Errors: JetStreamApiError, TimeoutError. */
  stateSave(turn: number): Promise<void>;
  /** Calls method as a turn after due, then every period, while the actor is active. Errors: NervureError. */
  registerTimer(turn: number, name: string, method: string, due: string, opts?: ActorHostRegisterTimerOptions): void;
  /** Cancels a timer. Errors: NervureError. */
  unregisterTimer(turn: number, name: string): void;
  /** A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn. Errors: NervureError, JetStreamApiError. */
  registerReminder(turn: number, name: string, due: string, opts?: ActorHostRegisterReminderOptions): Promise<void>;
  /** Removes a reminder. Errors: NervureError, JetStreamApiError. */
  unregisterReminder(turn: number, name: string): Promise<void>;
  /** Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Durations are milliseconds. Errors: ActorError, TimeoutError, NoRespondersError. */
  invoke(turn: number, actorType: string, actorId: string, method: string, args?: Payload, opts?: ActorHostInvokeOptions): Promise<Msg>;
  /** This host's id. */
  hostId(): string;
  /** Counters of this host. */
  stats(): ActorStats;
  /** Per-call metrics of this host by actor type and method. */
  methodStats(): ActorMethodStatsList;
}

/** Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches. */
export interface Subscription extends AsyncIterable<Msg> {
  /** Stop now; queued messages are dropped. */
  unsubscribe(): void;
  /** Stop interest, let queued messages be consumed, then end. Durations are milliseconds. Errors: TimeoutError. */
  drain(opts?: SubscriptionDrainOptions): Promise<void>;
  /** End after this many messages in total (counting those already delivered). Errors: InvalidArgumentError. */
  autoUnsubscribe(maxMsgs: number): void;
  /** Change the queue limits; -1 unlimited. */
  setPendingLimits(msgsLimit: number, bytesLimit: number): void;
  /** Messages queued, not yet consumed. */
  pending(): number;
  /** Payload bytes queued, not yet consumed. */
  pendingBytes(): number;
  /** Messages lost to the pending limits (slow consumer). */
  dropped(): number;
  /** Messages received so far. */
  delivered(): number;
  /** Subject subscribed to. */
  readonly subject: string;
  /** Next message; rejects with TimeoutError after timeout ms, resolves null once the subscription ended. */
  nextMsg(timeout?: number): Promise<Msg | null>;
  /** Resolves when the subscription has ended (unsubscribed, drained, max messages, connection closed). */
  closed: Promise<void>;
}

/** A JetStream context. */
export interface Jetstream {
  /** The account's JetStream usage and limits. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  accountInfo(): Promise<AccountInfo>;
  /** Creates a stream from its configuration (the server's JSON). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  addStream(config: Record<string, unknown>): Promise<StreamInfo>;
  /** Changes a stream's configuration. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  updateStream(config: Record<string, unknown>): Promise<StreamInfo>;
  /** A stream's configuration and state. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streamInfo(name: string): Promise<StreamInfo>;
  /** Deletes a stream and its messages. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteStream(name: string): Promise<void>;
  /** Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  purgeStream(name: string, opts?: JetstreamPurgeStreamOptions): Promise<number>;
  /** Every stream's name, optionally only those bound to subject. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streamNames(opts?: JetstreamStreamNamesOptions): Promise<string[]>;
  /** Every stream's info, optionally only those bound to subject. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  streams(opts?: JetstreamStreamsOptions): Promise<StreamInfo[]>;
  /** A stored message by sequence, or the last one on a subject. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  getMsg(stream: string, opts?: JetstreamGetMsgOptions): Promise<StoredMsg>;
  /** Removes one stored message (erase overwrites it on disk). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteMsg(stream: string, seq: number, opts?: JetstreamDeleteMsgOptions): Promise<void>;
  /** Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Durations are milliseconds. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
  publish(subject: string, data?: Payload, opts?: JetstreamPublishOptions): Promise<PubAck>;
  /** Waits until every publish has its acknowledgement. Durations are milliseconds. Errors: TimeoutError. */
  publishAsyncComplete(opts?: JetstreamPublishAsyncCompleteOptions): Promise<void>;
  /** Creates a consumer from its configuration (the server's JSON). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  addConsumer(stream: string, config: Record<string, unknown>): Promise<ConsumerInfo>;
  /** Changes an existing consumer. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  updateConsumer(stream: string, config: Record<string, unknown>): Promise<ConsumerInfo>;
  /** A consumer's configuration and state. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consumerInfo(stream: string, consumer: string): Promise<ConsumerInfo>;
  /** Deletes a consumer. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteConsumer(stream: string, consumer: string): Promise<void>;
  /** The names of a stream's consumers. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consumerNames(stream: string): Promise<string[]>;
  /** Up to batch messages from a pull consumer, as a source that ends once they are taken. Durations are milliseconds. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  fetch(stream: string, consumer: string, opts?: JetstreamFetchOptions): Promise<JsSubscription>;
  /** Continuous pull consumption as a source (stop it with unsubscribe). Durations are milliseconds. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  consume(stream: string, consumer: string, opts?: JetstreamConsumeOptions): Promise<JsSubscription>;
  /** An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  orderedConsumer(stream: string, opts?: JetstreamOrderedConsumerOptions): Promise<JsSubscription>;
  /** Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress. Durations are milliseconds. Errors: InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
  ack(reply: string, opts?: JetstreamAckOptions): void;
  /** Acknowledges and waits for the server to confirm it. Durations are milliseconds. Errors: TimeoutError, InvalidArgumentError. */
  ackSync(reply: string, opts?: JetstreamAckSyncOptions): Promise<Msg>;
  /** Delivery metadata of a JetStream message, from its reply subject. Errors: InvalidArgumentError. */
  metadata(reply: string): MsgMetadata;
  /** Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  createKeyValue(config: Record<string, unknown>): Promise<KeyValue>;
  /** An existing bucket. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keyValue(bucket: string): Promise<KeyValue>;
  /** Deletes a bucket and its values. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  deleteKeyValue(bucket: string): Promise<void>;
  /** Every bucket's name. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keyValueNames(): Promise<string[]>;
  /** A handle on an existing pull consumer. */
  consumer(stream: string, name: string): PullConsumer;
}

/** A key-value bucket. */
export interface KeyValue {
  /** The bucket's name. */
  bucket(): string;
  /** Stores a value; returns its revision. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  put(key: string, value: Payload): Promise<number>;
  /** The current value (or a given revision); an empty record when absent or deleted. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  get(key: string, opts?: KeyValueGetOptions): Promise<KvEntry | null>;
  /** Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl. Durations are milliseconds. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  create(key: string, value: Payload, opts?: KeyValueCreateOptions): Promise<number>;
  /** Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  update(key: string, value: Payload, lastRevision: number): Promise<number>;
  /** Deletes the key, keeping its history; with last_revision, only if unchanged. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  delete(key: string, opts?: KeyValueDeleteOptions): Promise<void>;
  /** Deletes the key and its history, leaving a purge marker. Durations are milliseconds. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
  purge(key: string, opts?: KeyValuePurgeOptions): Promise<void>;
  /** Keys with a current value, optionally matching a filter (wildcards allowed). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  keys(opts?: KeyValueKeysOptions): Promise<string[]>;
  /** Every stored value of the key, oldest first. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  history(key: string): Promise<KvEntry[]>;
  /** Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered). Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  watch(opts?: KeyValueWatchOptions): Promise<KvWatcher>;
  /** The bucket's state. Errors: JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
  status(): Promise<KvStatus>;
}

/** Connects; servers may also be given as the first argument. */
export function connect(opts?: ConnectOptions): Promise<Connection>;
export function connect(servers: string | string[], opts?: ConnectOptions): Promise<Connection>;

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

/** A stream's acknowledgement of a publish. */
export interface PubAck {
  stream: string;
  seq: number;
  duplicate: boolean;
  domain?: string;
}

/** A message as the stream stored it. */
export interface StoredMsg {
  stream: string;
  subject: string;
  seq: number;
  data: Buffer;
  headers: [string, string][];
  time: string;
}

/** A value of a key-value bucket. */
export interface KvEntry {
  bucket: string;
  key: string;
  value: Buffer;
  revision: number;
  delta: number;
  operation: "PUT" | "DEL" | "PURGE";
  created: string;
}

/** A message from a JetStream consumer, with its metadata and acknowledgements. */
export class JsMsg {
  readonly subject: string;
  readonly data: Buffer;
  readonly headers: MsgHdrs | null;
  readonly reply: string;
  string(): string;
  json<T = unknown>(): T;
  readonly metadata: MsgMetadata;
  ack(): void;
  ackSync(opts?: { timeout?: number }): Promise<void>;
  nak(opts?: { delay?: number }): void;
  term(reason?: string): void;
  inProgress(): void;
}

/** A consumer's messages: `for await (const m of sub)`; stop with unsubscribe(). */
export interface JsSubscription extends AsyncIterable<JsMsg> {
  nextMsg(timeout?: number): Promise<JsMsg | null>;
  unsubscribe(): void;
}

/** A pull consumer of a stream. */
export class PullConsumer {
  readonly stream: string;
  readonly name: string;
  info(): Promise<ConsumerInfo>;
  fetch(opts?: { batch?: number; expires?: number; noWait?: boolean }): Promise<JsMsg[]>;
  next(opts?: { timeout?: number }): Promise<JsMsg>;
  consume(opts?: { maxMessages?: number; expires?: number; idleHeartbeat?: number }): Promise<JsSubscription>;
}

/** Entries as they change: `for await (const e of watcher)`. */
export class KvWatcher implements AsyncIterable<KvEntry> {
  initialDone: boolean;
  next(timeout?: number): Promise<KvEntry | null>;
  stop(): void;
  [Symbol.asyncIterator](): AsyncIterator<KvEntry>;
}

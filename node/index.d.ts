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

export interface SubscriptionDrainOptions {
  /** How long to wait for the queued messages to be consumed. */
  timeout?: number;
}

/** A connection to a NATS system; reconnects by itself. Made by connect(servers, options). */
export interface Connection extends EventEmitter {
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

/** Connects; servers may also be given as the first argument. */
export function connect(opts?: ConnectOptions): Promise<Connection>;
export function connect(servers: string | string[], opts?: ConnectOptions): Promise<Connection>;

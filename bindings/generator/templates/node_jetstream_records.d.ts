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

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

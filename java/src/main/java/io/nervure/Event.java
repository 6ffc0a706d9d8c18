// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** What happened to a connection (see {@link EventListener}). */
public enum Event {
  /** The first connection is up (detail: the server URL). */
  CONNECTED(1, "connected"),
  /** The connection was lost (detail: server and reason); reconnecting starts. */
  DISCONNECTED(2, "disconnected"),
  /** Connected again (detail: the server URL); subscriptions were restored. */
  RECONNECTED(3, "reconnected"),
  /** The connection is closed for good. */
  CLOSED(4, "closed"),
  /** The server is shutting down and asks clients to move (detail: its URL). */
  LAME_DUCK(5, "lame_duck"),
  /** The cluster announced servers not known before. */
  SERVERS_DISCOVERED(6, "servers_discovered"),
  /** An error with no caller to raise it to: a server -ERR, a stale connection, a handler that failed (detail: the text). */
  ASYNC_ERROR(7, "async_error"),
  /** A subscription reached its pending limits and drops messages (detail: which). */
  SLOW_CONSUMER(8, "slow_consumer");

  private final int code;
  private final String wireName;

  Event(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  /** @return the code every language shares */
  public int code() {
    return code;
  }

  /** @return the shared name, e.g. "reconnected" */
  public String wireName() {
    return wireName;
  }

  /** @param code a shared code @return its event, or null */
  public static Event of(int code) {
    for (Event e : values()) if (e.code == code) return e;
    return null;
  }
}

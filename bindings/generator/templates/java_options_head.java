package io.nervure;

import io.nervure.internal.NativeOps;

/**
 * How to connect: servers, name, authentication, TLS, reconnection, keepalive.
 * Immutable; made with {@link #builder()}:
 *
 * <pre>{@code
 * Options o = Options.builder().server("nats://127.0.0.1:4222").name("orders")
 *     .maxReconnectAttempts(-1).build();
 * }</pre>
 */
public final class Options {
  private final java.util.List<String> servers;
  private final EventListener eventListener;

  /** @return a builder with every option at its default */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the server URLs given (empty: nats://127.0.0.1:4222) */
  public java.util.List<String> servers() {
    return servers;
  }

  /** @return the event listener, or null */
  public EventListener eventListener() {
    return eventListener;
  }

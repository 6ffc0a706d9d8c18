package io.nervure;

import io.nervure.internal.NativeOps;

/** Entry point: {@code try (Connection c = Nervure.connect("nats://127.0.0.1:4222")) { ... }}. */
public final class Nervure {
  private Nervure() {}

  /**
   * Connects (blocking until the first server answers or every attempt failed).
   *
   * @param options how to connect
   * @return the connection
   * @throws AuthorizationException when the server refuses the credentials
   * @throws NervureException when no server could be reached
   */
  public static Connection connect(Options options) {
    return Connection.open(options);
  }

  /**
   * Connects to one server (or several, comma-separated) with default options.
   *
   * @param url e.g. nats://127.0.0.1:4222
   * @return the connection
   */
  public static Connection connect(String url) {
    return connect(Options.builder().servers(url.split(",")).build());
  }

  /** @return the native library's version */
  public static String version() {
    return NativeOps.version();
  }
}

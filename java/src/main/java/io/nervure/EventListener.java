package io.nervure;

/**
 * Told about connection events. Runs on the connection's dispatcher thread (a
 * failing message handler is reported on its subscription's thread), so it
 * must not block long; blocking calls completed by the dispatcher (flush,
 * actor calls) are refused there with IllegalStateException, a blocking
 * request works.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * @param connection the connection (null for events during connect)
   * @param event what happened
   * @param detail more about it, e.g. the server URL; may be empty
   */
  void onEvent(Connection connection, Event event, String detail);
}

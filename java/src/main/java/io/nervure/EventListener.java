package io.nervure;

/** Told about connection events; runs on the connection's dispatcher thread, so it must not block long. */
@FunctionalInterface
public interface EventListener {
  /**
   * @param connection the connection (null for events during connect)
   * @param event what happened
   * @param detail more about it, e.g. the server URL; may be empty
   */
  void onEvent(Connection connection, Event event, String detail);
}

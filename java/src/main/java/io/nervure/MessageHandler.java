package io.nervure;

/** Handles the messages of a subscription, one at a time, on the subscription's own thread. */
@FunctionalInterface
public interface MessageHandler {
  /**
   * @param message the message received
   * @throws Exception reported as an {@link Event#ASYNC_ERROR}; the subscription goes on
   */
  void onMessage(Message message) throws Exception;
}

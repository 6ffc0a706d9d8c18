package io.nervure;

import io.nervure.internal.NativeOps;
import java.time.Duration;
import java.util.Map;

/** A message from a JetStream consumer: the message, its delivery metadata and its acknowledgements. */
public final class JsMessage {
  private final Message message;
  private final JetStream js;
  private Map<String, Object> metadata;

  JsMessage(Message message, JetStream js) {
    this.message = message;
    this.js = js;
  }

  /** @return the message as received */
  public Message message() {
    return message;
  }

  /** @return its subject */
  public String subject() {
    return message.subject();
  }

  /** @return its payload */
  public byte[] data() {
    return message.data();
  }

  /** @return its headers */
  public Headers headers() {
    return message.headers();
  }

  /** @return stream, consumer, stream_seq, consumer_seq, num_delivered, num_pending, timestamp_ns, domain */
  public synchronized Map<String, Object> metadata() {
    if (metadata == null) metadata = Json.object(NativeOps.jetstreamMetadata(js.handle, message.reply()));
    return metadata;
  }

  /** Acknowledges. */
  public void ack() {
    NativeOps.jetstreamAck(js.handle, message.reply(), "ack", 0, "");
  }

  /**
   * Acknowledges and waits for the server to confirm: it will not be redelivered.
   *
   * @param timeout how long to wait
   */
  public void ackSync(Duration timeout) {
    js.connection.await(js.connection.<Message>startAsync(
        token -> NativeOps.jetstreamAckSync(js.handle, message.reply(), timeout.toMillis(), token)));
  }

  /**
   * Asks for redelivery after delay (zero: at once).
   *
   * @param delay the delay
   */
  public void nak(Duration delay) {
    NativeOps.jetstreamAck(js.handle, message.reply(), "nak", delay.toMillis(), "");
  }

  /**
   * Never redeliver. A reason needs nats-server 2.10 ({@link NotSupportedByServerException} before).
   *
   * @param reason why, or empty
   */
  public void term(String reason) {
    NativeOps.jetstreamAck(js.handle, message.reply(), "term", 0, reason == null ? "" : reason);
  }

  /** Resets the redelivery timer. */
  public void inProgress() {
    NativeOps.jetstreamAck(js.handle, message.reply(), "in_progress", 0, "");
  }

  @Override
  public String toString() {
    return "JsMessage{" + message + "}";
  }
}

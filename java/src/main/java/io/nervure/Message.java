package io.nervure;

import java.nio.charset.StandardCharsets;

/** A received message. {@link #respond} publishes to its reply subject. */
public final class Message {
  private static final Headers EMPTY = new Headers();
  private final Connection connection;
  private final String subject;
  private final String reply;
  private final byte[] data;
  private final Headers headers;
  private final long status;

  Message(Connection connection, String subject, String reply, byte[] data, String[] headers, long status) {
    this.connection = connection;
    this.subject = subject;
    this.reply = reply;
    this.data = data;
    this.headers = Headers.fromNative(headers);
    this.status = status;
  }

  /** @return the subject it was published to */
  public String subject() {
    return subject;
  }

  /** @return the reply subject, empty when none */
  public String reply() {
    return reply;
  }

  /** @return the payload (not copied) */
  public byte[] data() {
    return data;
  }

  /** @return the payload as UTF-8 text */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** @return the headers (empty when none) */
  public Headers headers() {
    return headers == null ? EMPTY : headers;
  }

  /** @return true when it carries headers */
  public boolean hasHeaders() {
    return headers != null && !headers.isEmpty();
  }

  /** @return the status of a server-generated message (503, 408, 100...), 0 otherwise */
  public long status() {
    return status;
  }

  /**
   * Publishes data to the reply subject.
   *
   * @param data the payload
   * @throws NervureException when there is no reply subject or publishing fails
   */
  public void respond(byte[] data) {
    respond(data, null);
  }

  /**
   * Publishes data with headers to the reply subject.
   *
   * @param data the payload
   * @param headers headers, or null
   * @throws NervureException when there is no reply subject or publishing fails
   */
  public void respond(byte[] data, Headers headers) {
    if (reply.isEmpty()) throw new InvalidArgumentException("the message has no reply subject");
    if (connection == null) throw new ConnectionClosedException("the message has no connection");
    connection.publish(reply, null, headers, data);
  }

  @Override
  public String toString() {
    return "Message{subject=" + subject + ", reply=" + reply + ", bytes=" + data.length
        + (headers != null ? ", headers=" + headers : "") + "}";
  }
}

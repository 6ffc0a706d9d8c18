package io.nervure;

import io.nervure.internal.NativeOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A JetStream context ({@link Connection#jetStream()}): streams, consumers,
 * acknowledged publishing, key-value buckets. Configurations and results are the
 * server's JSON as maps ({@link Json}); Duration values in a configuration are
 * written as the nanoseconds the server counts.
 *
 * <pre>{@code
 * JetStream js = nc.jetStream();
 * js.addStream(Map.of("name", "ORDERS", "subjects", List.of("shop.orders.>")));
 * PubAck ack = js.publish("shop.orders.order.created", data);
 * js.addConsumer("ORDERS", Map.of("durable_name", "audit", "ack_policy", "explicit"));
 * for (JsMessage m : js.fetch("ORDERS", "audit", 10, Duration.ofSeconds(1))) m.ack();
 * }</pre>
 */
public final class JetStream {
  final Connection connection;
  final long handle;

  JetStream(Connection connection, long handle) {
    this.connection = connection;
    this.handle = handle;
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(String json) {
    Object n = Json.object(json).get("names");
    return n == null ? new ArrayList<>() : new ArrayList<>((List<String>) (List<?>) n);
  }

  /** @return the account's JetStream usage and limits */
  public Map<String, Object> accountInfo() {
    return Json.object(NativeOps.jetstreamAccountInfo(handle));
  }

  // ---- streams --------------------------------------------------------------------

  /**
   * Creates a stream.
   *
   * @param config the server's stream configuration (name, subjects, max_age, storage...)
   * @return its info (config, state)
   * @throws JetStreamApiException when the server refuses
   */
  public Map<String, Object> addStream(Map<String, ?> config) {
    return Json.object(NativeOps.jetstreamAddStream(handle, Json.write(config)));
  }

  /**
   * Changes a stream's configuration.
   *
   * @param config the whole new configuration
   * @return its info
   */
  public Map<String, Object> updateStream(Map<String, ?> config) {
    return Json.object(NativeOps.jetstreamUpdateStream(handle, Json.write(config)));
  }

  /**
   * @param name a stream
   * @return its info (config, state)
   */
  public Map<String, Object> streamInfo(String name) {
    return Json.object(NativeOps.jetstreamStreamInfo(handle, name));
  }

  /** @param name a stream to delete */
  public void deleteStream(String name) {
    NativeOps.jetstreamDeleteStream(handle, name);
  }

  /**
   * @param name a stream to empty
   * @return how many messages were purged
   */
  public long purgeStream(String name) {
    return NativeOps.jetstreamPurgeStream(handle, name, "", 0, 0);
  }

  /**
   * Purges part of a stream.
   *
   * @param name the stream
   * @param subject only this subject, or empty
   * @param keep keep this many newest messages (0: none; nats-server 2.10+ when not 0)
   * @param upToSeq purge below this sequence (0: no limit)
   * @return how many messages were purged
   */
  public long purgeStream(String name, String subject, long keep, long upToSeq) {
    return NativeOps.jetstreamPurgeStream(handle, name, subject == null ? "" : subject, keep, upToSeq);
  }

  /** @return every stream's info */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> streams() {
    Object l = Json.object(NativeOps.jetstreamStreams(handle, "")).get("streams");
    return l == null ? new ArrayList<>() : (List<Map<String, Object>>) l;
  }

  /** @return every stream's name */
  public List<String> streamNames() {
    return names(NativeOps.jetstreamStreamNames(handle, ""));
  }

  /**
   * A stored message by sequence.
   *
   * @param stream the stream
   * @param seq the sequence
   * @return stream, subject, seq, data (base64), headers, time
   */
  public Map<String, Object> getMsg(String stream, long seq) {
    return Json.object(NativeOps.jetstreamGetMsg(handle, stream, seq, ""));
  }

  /**
   * The last stored message on a subject.
   *
   * @param stream the stream
   * @param subject the subject
   * @return stream, subject, seq, data (base64), headers, time
   */
  public Map<String, Object> getLastMsg(String stream, String subject) {
    return Json.object(NativeOps.jetstreamGetMsg(handle, stream, 0, subject));
  }

  /**
   * @param stream the stream
   * @param seq the message to delete
   */
  public void deleteMsg(String stream, long seq) {
    NativeOps.jetstreamDeleteMsg(handle, stream, seq, false);
  }

  // ---- publishing -----------------------------------------------------------------

  /**
   * Publishes and waits for the stream's acknowledgement.
   *
   * @param subject where to
   * @param data the payload
   * @return the acknowledgement
   */
  public PubAck publish(String subject, byte[] data) {
    return publish(subject, null, data, "");
  }

  /**
   * Publishes with headers and a message id (de-duplication) and waits for the acknowledgement.
   *
   * @param subject where to
   * @param headers headers, or null
   * @param data the payload
   * @param msgId the message id, or empty
   * @return the acknowledgement
   */
  public PubAck publish(String subject, Headers headers, byte[] data, String msgId) {
    // Waits in native code: the acknowledgement wakes this thread directly, without the dispatcher.
    Message ack = connection.reply(NativeOps.jetstreamPublishSync(handle, subject, data,
        headers == null ? null : headers.toNative(), msgId == null ? "" : msgId, "", -1, -1, "", 0, 0));
    return PubAck.fromJson(ack.dataAsString());
  }

  /**
   * Publishes; the future completes with the acknowledgement.
   *
   * @param subject where to
   * @param headers headers, or null
   * @param data the payload
   * @param msgId the message id, or empty
   * @param expectedLastSeq the stream's last sequence this publish expects, or -1
   * @return the acknowledgement, later
   */
  public CompletableFuture<PubAck> publishAsync(String subject, Headers headers, byte[] data, String msgId,
      long expectedLastSeq) {
    String[] h = headers == null ? null : headers.toNative();
    CompletableFuture<Message> f = connection.startAsync(token -> NativeOps.jetstreamPublish(handle, subject, data, h,
        msgId == null ? "" : msgId, "", expectedLastSeq, -1, "", 0, 0, token));
    return f.thenApply(m -> PubAck.fromJson(m.dataAsString()));
  }

  /**
   * Waits until every asynchronous publish so far has its acknowledgement.
   *
   * @param timeout how long to wait
   */
  public void publishAsyncComplete(Duration timeout) {
    NativeOps.jetstreamPublishAsyncComplete(handle, timeout.toMillis());
  }

  // ---- consumers ------------------------------------------------------------------

  /**
   * Changes an existing consumer.
   *
   * @param stream the stream
   * @param config its whole new configuration
   * @return its info
   */
  public Map<String, Object> updateConsumer(String stream, Map<String, ?> config) {
    return Json.object(NativeOps.jetstreamUpdateConsumer(handle, stream, Json.write(config)));
  }

  /**
   * Creates a consumer.
   *
   * @param stream the stream
   * @param config the server's consumer configuration (durable_name, ack_policy, ack_wait...)
   * @return its info
   */
  public Map<String, Object> addConsumer(String stream, Map<String, ?> config) {
    return Json.object(NativeOps.jetstreamAddConsumer(handle, stream, Json.write(config)));
  }

  /**
   * @param stream the stream
   * @param consumer the consumer
   * @return its info
   */
  public Map<String, Object> consumerInfo(String stream, String consumer) {
    return Json.object(NativeOps.jetstreamConsumerInfo(handle, stream, consumer));
  }

  /**
   * @param stream the stream
   * @param consumer the consumer to delete
   */
  public void deleteConsumer(String stream, String consumer) {
    NativeOps.jetstreamDeleteConsumer(handle, stream, consumer);
  }

  /**
   * @param stream the stream
   * @return its consumers' names
   */
  public List<String> consumerNames(String stream) {
    return names(NativeOps.jetstreamConsumerNames(handle, stream));
  }

  /**
   * Up to batch messages from a pull consumer, once the batch is full or the request expired.
   *
   * @param stream the stream
   * @param consumer the pull consumer
   * @param batch how many at most
   * @param expires how long the server may wait to fill the batch
   * @return the messages (maybe none)
   */
  public List<JsMessage> fetch(String stream, String consumer, long batch, Duration expires) {
    long sub = NativeOps.jetstreamFetch(handle, stream, consumer, batch, expires.toMillis(), false);
    Subscription s = connection.adopt(sub, stream + "/" + consumer, null);
    List<JsMessage> out = new ArrayList<>();
    for (Message m : s) out.add(new JsMessage(m, this));
    connection.forget(s);
    return out;
  }

  /**
   * Continuous pulls from a pull consumer, each message handed to the handler on the source's own thread.
   *
   * @param stream the stream
   * @param consumer the pull consumer
   * @param handler gets each message (acknowledge it there)
   * @return the source; unsubscribe to stop
   */
  public Subscription consume(String stream, String consumer, Consumer<JsMessage> handler) {
    long sub = NativeOps.jetstreamConsume(handle, stream, consumer, 0, 30_000, 0);
    return connection.adopt(sub, stream + "/" + consumer, m -> handler.accept(new JsMessage(m, this)));
  }

  /**
   * Each message of the stream once, in order, healing itself after gaps and reconnects.
   *
   * @param stream the stream
   * @param filterSubject only this subject, or empty
   * @return the source: read with {@link #next(Subscription, Duration)} or iterate its messages
   */
  public Subscription orderedConsumer(String stream, String filterSubject) {
    long sub = NativeOps.jetstreamOrderedConsumer(handle, stream, filterSubject == null ? "" : filterSubject, "all", 0);
    return connection.adopt(sub, stream + " (ordered)", null);
  }

  /**
   * The next message of a consumer source as a JetStream message.
   *
   * @param source from {@link #orderedConsumer}
   * @param timeout how long to wait
   * @return the message
   */
  public JsMessage next(Subscription source, Duration timeout) {
    return new JsMessage(source.nextMessage(timeout), this);
  }

  // ---- key-value ------------------------------------------------------------------

  /**
   * Creates a bucket.
   *
   * @param config bucket, history, ttl (Duration), storage, max_bytes...
   * @return the bucket
   */
  public KeyValue createKeyValue(Map<String, ?> config) {
    return new KeyValue(this, NativeOps.jetstreamCreateKeyValue(handle, Json.write(config)));
  }

  /**
   * @param bucket an existing bucket
   * @return it
   */
  public KeyValue keyValue(String bucket) {
    return new KeyValue(this, NativeOps.jetstreamKeyValue(handle, bucket));
  }

  /** @param bucket a bucket to delete */
  public void deleteKeyValue(String bucket) {
    NativeOps.jetstreamDeleteKeyValue(handle, bucket);
  }

  /** @return every bucket's name */
  public List<String> keyValueNames() {
    return names(NativeOps.jetstreamKeyValueNames(handle));
  }
}

package io.nervure;

import io.nervure.internal.NativeOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A key-value bucket: put, get, create, update (compare-and-set), delete, purge, keys, history, watch, status. */
public final class KeyValue {
  private final JetStream js;
  private final long handle;
  private final String bucket;

  KeyValue(JetStream js, long handle) {
    this.js = js;
    this.handle = handle;
    this.bucket = NativeOps.keyValueBucket(handle);
  }

  /** @return the bucket's name */
  public String bucket() {
    return bucket;
  }

  /**
   * @param key the key
   * @param value the value
   * @return the new revision
   */
  public long put(String key, byte[] value) {
    return NativeOps.keyValuePut(handle, key, value);
  }

  /**
   * @param key the key
   * @return the current entry, or null when absent, deleted or purged
   */
  public KvEntry get(String key) {
    return get(key, 0);
  }

  /**
   * @param key the key
   * @param revision a past revision (0: the current)
   * @return the entry, or null
   */
  public KvEntry get(String key, long revision) {
    Map<String, Object> r = Json.object(NativeOps.keyValueGet(handle, key, revision));
    return r.isEmpty() ? null : KvEntry.fromMap(r);
  }

  /**
   * Puts only when the key has no value.
   *
   * @param key the key
   * @param value the value
   * @return the new revision
   * @throws JetStreamApiException when it has one
   */
  public long create(String key, byte[] value) {
    return NativeOps.keyValueCreate(handle, key, value, 0);
  }

  /**
   * Puts only when the key's revision is still lastRevision (compare-and-set).
   *
   * @param key the key
   * @param value the value
   * @param lastRevision the revision this update expects
   * @return the new revision
   * @throws JetStreamApiException (err_code 10071) when another write came first
   */
  public long update(String key, byte[] value, long lastRevision) {
    return NativeOps.keyValueUpdate(handle, key, value, lastRevision);
  }

  /** @param key the key to delete (history kept) */
  public void delete(String key) {
    NativeOps.keyValueDelete(handle, key, 0);
  }

  /** @param key the key to purge (history removed) */
  public void purge(String key) {
    NativeOps.keyValuePurge(handle, key, 0);
  }

  /** @return keys with a current value */
  @SuppressWarnings("unchecked")
  public List<String> keys() {
    Object n = Json.object(NativeOps.keyValueKeys(handle, "")).get("names");
    return n == null ? new ArrayList<>() : new ArrayList<>((List<String>) (List<?>) n);
  }

  /**
   * @param key the key
   * @return every stored value of it, oldest first
   */
  @SuppressWarnings("unchecked")
  public List<KvEntry> history(String key) {
    Object e = Json.object(NativeOps.keyValueHistory(handle, key)).get("entries");
    List<KvEntry> out = new ArrayList<>();
    if (e != null) for (Object r : (List<Object>) e) out.add(KvEntry.fromMap((Map<String, Object>) r));
    return out;
  }

  /** @return the bucket's status (values, history, ttl, bytes...) */
  public Map<String, Object> status() {
    return Json.object(NativeOps.keyValueStatus(handle));
  }

  /**
   * Entries as they change.
   *
   * @param keys a key filter (wildcards), or empty for all
   * @return the watcher
   */
  public Watcher watch(String keys) {
    long sub = NativeOps.keyValueWatch(handle, keys == null ? "" : keys, false, false, false, false);
    return new Watcher(js.connection.adopt(sub, bucket + " watch", null));
  }

  /** Entries of a bucket as they change; the values that existed at the start first. */
  public final class Watcher implements AutoCloseable {
    private final Subscription source;
    private volatile boolean initialDone;

    Watcher(Subscription source) {
      this.source = source;
    }

    /** @return true once every value that existed at the start has been delivered */
    public boolean initialDone() {
      return initialDone;
    }

    /**
     * @param timeout how long to wait
     * @return the next entry
     * @throws TimeoutException when none came in time
     */
    public KvEntry next(Duration timeout) {
      while (true) {
        Message m = source.nextMessage(timeout);
        Headers h = m.headers();
        if (m.subject().isEmpty() && h.getFirst("KV-Initial-Done") != null) {
          initialDone = true;
          continue;
        }
        return new KvEntry(bucket, m.subject(), m.data(), num(h.getFirst("KV-Revision")), num(h.getFirst("KV-Delta")),
            h.getFirst("KV-Operation") == null ? "PUT" : h.getFirst("KV-Operation"),
            h.getFirst("KV-Created") == null ? "" : h.getFirst("KV-Created"));
      }
    }

    private long num(String s) {
      return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    }

    /** Stops watching. */
    @Override
    public void close() {
      source.unsubscribe();
    }
  }
}

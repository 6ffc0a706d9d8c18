package io.nervure;

/**
 * A value of a key-value bucket.
 *
 * @param bucket the bucket
 * @param key the key
 * @param value the value (empty for deletes and purges)
 * @param revision its revision (the stream sequence)
 * @param delta how many revisions are newer (watch)
 * @param operation PUT, DEL or PURGE
 * @param created when it was stored (RFC 3339)
 */
public record KvEntry(String bucket, String key, byte[] value, long revision, long delta, String operation,
    String created) {
  static KvEntry fromMap(java.util.Map<String, Object> r) {
    Object v = r.get("value");
    return new KvEntry(str(r.get("bucket")), str(r.get("key")),
        v == null ? new byte[0] : java.util.Base64.getDecoder().decode(v.toString()), num(r.get("revision")),
        num(r.get("delta")), r.get("operation") == null ? "PUT" : r.get("operation").toString(), str(r.get("created")));
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  /** @return the value as UTF-8 text */
  public String valueAsString() {
    return new String(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}

package io.nervure;

/**
 * A stream's acknowledgement of a publish.
 *
 * @param stream the stream that stored it
 * @param seq its sequence in the stream
 * @param duplicate true when the message id was seen before (nothing stored)
 * @param domain the JetStream domain, or empty
 */
public record PubAck(String stream, long seq, boolean duplicate, String domain) {
  static PubAck fromJson(String json) {
    java.util.Map<String, Object> m = Json.object(json);
    return new PubAck(String.valueOf(m.getOrDefault("stream", "")), ((Number) m.getOrDefault("seq", 0L)).longValue(),
        Boolean.TRUE.equals(m.get("duplicate")), String.valueOf(m.getOrDefault("domain", "")));
  }
}

package io.nervure;

import java.util.Map;

/**
 * Per-call metrics of one method of one actor type on a host, since the host started. The method
 * {@code "$activate"} counts activations (state load, claim and {@code onActivate}).
 *
 * @param actorType the actor type
 * @param method the method name
 * @param calls call turns that ended (tells included)
 * @param failed of which ended with an error
 * @param waitLatency from the call's arrival at the host to its turn's start
 * @param runLatency the turn itself, state save included
 */
public record ActorMethodStats(
    String actorType, String method, long calls, long failed, Latency waitLatency, Latency runLatency) {

  /**
   * Latencies in microseconds, within 12.5%; zero when nothing ran.
   *
   * @param p50Us median
   * @param p90Us 90th percentile
   * @param p99Us 99th percentile
   * @param maxUs largest
   * @param meanUs mean
   */
  public record Latency(double p50Us, double p90Us, double p99Us, double maxUs, double meanUs) {
    @SuppressWarnings("unchecked")
    static Latency fromMap(Object value) {
      Map<String, Object> m = value instanceof Map ? (Map<String, Object>) value : Map.of();
      return new Latency(num(m, "p50_us"), num(m, "p90_us"), num(m, "p99_us"), num(m, "max_us"), num(m, "mean_us"));
    }
  }

  static ActorMethodStats fromMap(Map<String, Object> m) {
    return new ActorMethodStats(
        String.valueOf(m.get("actor_type")),
        String.valueOf(m.get("method")),
        (long) num(m, "calls"),
        (long) num(m, "failed"),
        Latency.fromMap(m.get("wait")),
        Latency.fromMap(m.get("run")));
  }

  private static double num(Map<String, Object> m, String key) {
    return m.get(key) instanceof Number n ? n.doubleValue() : 0;
  }
}

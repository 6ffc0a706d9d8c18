// Actor call latency in Java: a host and a caller in one process on separate
// connections, calls one at a time. Prints one JSON line per workload, the
// shape of tests/bench/actors/actor_bench.py.
// Usage: java ActorBench URL MSGS SECONDS
import io.nervure.Actor;
import io.nervure.ActorProxy;
import io.nervure.ActorRuntime;
import io.nervure.Connection;
import io.nervure.JetStream;
import io.nervure.Nervure;
import io.nervure.NervureException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

public final class ActorBench {
  private static final String LEASES = "nervure-bench-leases-java";
  private static final String STATE = "nervure-bench-state-java";
  private static final String PAYLOAD = "x".repeat(16);
  private static final int WARM_UP = 200;

  /** read: a turn that only reads its state; update: one that saves it. */
  public static final class BenchActor extends Actor {
    public Object read() {
      return state().get("n", null);
    }

    public Object update(Object value) {
      state().set("n", value);
      return null;
    }
  }

  private static void dropBuckets(String url) {
    try (Connection nc = Nervure.connect(url)) {
      JetStream js = nc.jetStream();
      for (String bucket : new String[] {LEASES, STATE}) {
        try {
          js.deleteKeyValue(bucket);
        } catch (NervureException absent) {
          // nothing left from an earlier run
        }
      }
    }
  }

  private static String workload(String mode, String url, int msgs, double seconds) {
    double[] latencies = new double[msgs];
    int n = 0;
    long start;
    long elapsed;
    try (Connection hostNc = Nervure.connect(url);
        Connection caller = Nervure.connect(url);
        ActorRuntime runtime = ActorRuntime.builder(hostNc).buckets(LEASES, STATE).build()) {
      runtime.register("bench", BenchActor::new);
      runtime.start();
      ActorProxy hot = caller.actorProxy("bench", "hot");
      hot.invoke("update", PAYLOAD); // activated before the clock starts
      for (int i = 0; i < WARM_UP; i++) { // the JIT compiles the call path first
        if (mode.equals("actor-activate")) caller.actorProxy("bench", "w-" + i).invoke("read");
        else hot.invoke("read");
      }
      start = System.nanoTime();
      long stopAt = start + (long) (seconds * 1e9);
      for (; n < msgs; n++) {
        long t0 = System.nanoTime();
        if (t0 >= stopAt) break;
        if (mode.equals("actor-activate")) caller.actorProxy("bench", "a-" + n).invoke("read");
        else if (mode.equals("actor-call")) hot.invoke("read");
        else hot.invoke("update", PAYLOAD);
        latencies[n] = (System.nanoTime() - t0) / 1e3;
      }
      elapsed = System.nanoTime() - start;
    }
    double[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return String.format(Locale.ROOT,
        "{\"client\":\"nervure-java\",\"mode\":\"%s\",\"msgs\":%d,\"msgs_per_sec\":%.1f,"
            + "\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f}",
        mode, n, n / (elapsed / 1e9), rank(sorted, 0.5), rank(sorted, 0.99), rank(sorted, 0.999));
  }

  /** Nearest rank, as nervure bench. */
  private static double rank(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int r = (int) Math.ceil(p * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, r)) - 1];
  }

  public static void main(String[] args) {
    String url = args[0];
    int msgs = Integer.parseInt(args[1]);
    double seconds = Double.parseDouble(args[2]);
    String[] modes = args.length > 3 ? args[3].split(",") : new String[] {"actor-call", "actor-activate"};
    for (String mode : modes) {
      dropBuckets(url);
      System.out.println(workload(mode, url, msgs, seconds));
      System.out.flush();
    }
    dropBuckets(url);
  }
}

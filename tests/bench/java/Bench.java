import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nervure.Connection;
import io.nervure.Nervure;
import io.nervure.Subscription;
import java.io.FileWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * nervure (Java) beside the official jnats: pub-only and pub+sub (16 B) in
 * msgs/s, request-reply in round trips/s with p50/p99 µs; alternating runs
 * after a warm-up, medians. Every run is bounded in count and in time.
 * Usage: Bench URL RUNS [OUT_JSON]
 */
public final class Bench {
  static final int PUB_MSGS = 2_000_000;
  static final int PUBSUB_MSGS = 1_000_000;
  static final int REQS = 20_000;
  static final long LIMIT_NS = TimeUnit.SECONDS.toNanos(15);
  static final byte[] PAYLOAD = "xxxxxxxxxxxxxxxx".getBytes();
  static final Duration T = Duration.ofSeconds(30);

  interface Client {
    double pub(String url, int n) throws Exception;

    double pubsub(String url, int n) throws Exception;

    double[] reqrep(String url, int n) throws Exception;
  }

  static final class NervureClient implements Client {
    public double pub(String url, int n) {
      try (Connection c = Nervure.connect(url)) {
        long t = System.nanoTime();
        int i = 0;
        for (; i < n; i++) {
          c.publish("bench.java.pub", PAYLOAD);
          if ((i & 0xffff) == 0 && System.nanoTime() - t > LIMIT_NS) break;
        }
        c.flush(T);
        return i / ((System.nanoTime() - t) / 1e9);
      }
    }

    public double pubsub(String url, int n) throws Exception {
      try (Connection sc = Nervure.connect(url); Connection pc = Nervure.connect(url)) {
        AtomicLong got = new AtomicLong();
        long[] last = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        sc.subscribe("bench.java.pubsub", null, 0, -1, -1, m -> {
          last[0] = System.nanoTime();
          if (got.incrementAndGet() == n) done.countDown();
        });
        sc.flush(T);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          pc.publish("bench.java.pubsub", PAYLOAD);
          if ((i & 0xffff) == 0 && System.nanoTime() - t > LIMIT_NS) break;
        }
        pc.flush(T);
        done.await(20, TimeUnit.SECONDS);
        return rate(got.get(), n, t, last, "nervure");
      }
    }

    public double[] reqrep(String url, int n) {
      try (Connection server = Nervure.connect(url); Connection c = Nervure.connect(url)) {
        server.subscribe("bench.java.req", m -> m.respond(m.data()));
        server.flush(T);
        return timeRequests(n, () -> c.request("bench.java.req", PAYLOAD, Duration.ofSeconds(5)));
      }
    }
  }

  static final class JnatsClient implements Client {
    public double pub(String url, int n) throws Exception {
      try (io.nats.client.Connection c = Nats.connect(url)) {
        long t = System.nanoTime();
        int i = 0;
        for (; i < n; i++) {
          c.publish("bench.java.pub", PAYLOAD);
          if ((i & 0xffff) == 0 && System.nanoTime() - t > LIMIT_NS) break;
        }
        c.flush(T);
        return i / ((System.nanoTime() - t) / 1e9);
      }
    }

    public double pubsub(String url, int n) throws Exception {
      try (io.nats.client.Connection sc = Nats.connect(url); io.nats.client.Connection pc = Nats.connect(url)) {
        AtomicLong got = new AtomicLong();
        long[] last = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        Dispatcher d = sc.createDispatcher(m -> {
          last[0] = System.nanoTime();
          if (got.incrementAndGet() == n) done.countDown();
        });
        d.setPendingLimits(100_000_000, 4_000_000_000L);
        d.subscribe("bench.java.pubsub");
        sc.flush(T);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          pc.publish("bench.java.pubsub", PAYLOAD);
          if ((i & 0xffff) == 0 && System.nanoTime() - t > LIMIT_NS) break;
        }
        pc.flush(T);
        done.await(20, TimeUnit.SECONDS);
        return rate(got.get(), n, t, last, "jnats");
      }
    }

    public double[] reqrep(String url, int n) throws Exception {
      try (io.nats.client.Connection server = Nats.connect(url); io.nats.client.Connection c = Nats.connect(url)) {
        Dispatcher d = server.createDispatcher(m -> server.publish(m.getReplyTo(), m.getData()));
        d.subscribe("bench.java.req");
        server.flush(T);
        return timeRequests(n, () -> {
          if (c.request("bench.java.req", PAYLOAD, Duration.ofSeconds(5)) == null) throw new IllegalStateException("timeout");
        });
      }
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static double rate(long got, int n, long start, long[] last, String who) {
    if (got < n) System.err.println("java bench: " + who + " pubsub received " + got + " of " + n);
    return got > 0 && last[0] > start ? got / ((last[0] - start) / 1e9) : 0;
  }

  static double[] timeRequests(int n, Call call) {
    long[] lat = new long[n];
    long t = System.nanoTime();
    int i = 0;
    try {
      for (; i < n; i++) {
        long t0 = System.nanoTime();
        call.run();
        lat[i] = System.nanoTime() - t0;
        if (System.nanoTime() - t > LIMIT_NS) {
          i++;
          break;
        }
      }
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
    double r = i / ((System.nanoTime() - t) / 1e9);
    long[] l = Arrays.copyOf(lat, i);
    Arrays.sort(l);
    return new double[] {r, l[i / 2] / 1e3, l[(int) (i * 0.99)] / 1e3};
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int k = s.size();
    return k == 0 ? Double.NaN : k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("nervure", new NervureClient());
    clients.put("jnats", new JnatsClient());
    System.err.println("java bench: warm-up");
    for (Client c : clients.values()) {
      c.pub(url, 200_000);
      c.pubsub(url, 100_000);
      c.reqrep(url, 2_000);
    }
    String[] names = {"pub-16B", "pubsub-16B", "reqrep-16B", "reqrep-16B p50 us", "reqrep-16B p99 us"};
    Map<String, Map<String, List<Double>>> res = new LinkedHashMap<>();
    for (String n : names) {
      res.put(n, new LinkedHashMap<>());
      for (String c : clients.keySet()) res.get(n).put(c, new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      List<String> order = new ArrayList<>(clients.keySet());
      if (run % 2 == 1) java.util.Collections.reverse(order);
      System.err.println("java bench: run " + (run + 1) + "/" + runs);
      for (String who : order) {
        Client c = clients.get(who);
        try {
          res.get("pub-16B").get(who).add(c.pub(url, PUB_MSGS));
          res.get("pubsub-16B").get(who).add(c.pubsub(url, PUBSUB_MSGS));
          double[] rr = c.reqrep(url, REQS);
          res.get("reqrep-16B").get(who).add(rr[0]);
          res.get("reqrep-16B p50 us").get(who).add(rr[1]);
          res.get("reqrep-16B p99 us").get(who).add(rr[2]);
        } catch (Exception e) {
          System.err.println("java bench: " + who + " run failed: " + e);
        }
      }
    }
    StringBuilder json = new StringBuilder("[");
    System.out.println("| workload | nervure (Java) | jnats | ratio |\n|---|---:|---:|---:|");
    for (String n : names) {
      double ours = median(res.get(n).get("nervure"));
      double theirs = median(res.get(n).get("jnats"));
      boolean latency = n.endsWith("us");
      double ratio = latency ? theirs / ours : ours / theirs;
      System.out.printf("| %s%s | %,.0f | %,.0f | %.2fx%s |%n", n, latency ? "" : (n.startsWith("reqrep") ? " rt/s" : " msgs/s"),
          ours, theirs, ratio, latency ? " faster" : "");
      if (json.length() > 1) json.append(", ");
      json.append(String.format("{\"workload\": \"%s\", \"nervure\": %.1f, \"jnats\": %.1f, \"ratio\": %.3f}", n, ours,
          theirs, ratio));
    }
    json.append("]");
    if (args.length > 2) {
      try (FileWriter w = new FileWriter(args[2])) {
        w.write(json + "\n");
      }
    } else {
      System.err.println(json);
    }
    System.exit(0);
  }
}

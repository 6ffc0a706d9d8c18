import io.nats.client.Dispatcher;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.KeyValueManagement;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nervure.Connection;
import io.nervure.JetStream;
import io.nervure.JsMessage;
import io.nervure.KeyValue;
import io.nervure.KvEntry;
import io.nervure.Nervure;
import java.io.FileWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * nervure (Java) beside the official jnats on the workloads of tests/bench/README.md:
 * alternating runs after a warm-up, medians; every run bounded in count and time.
 * Usage: Bench URL RUNS [OUT_JSON]
 */
public final class Bench {
  // Bounds: the whole runner (10 workloads x 2 clients x 3 runs) measures in about 2 minutes.
  static final long LIMIT_NS = TimeUnit.MILLISECONDS.toNanos(1000);
  static final long SETTLE_MS = 5000;
  static final int PUB_MSGS = 2_000_000, PUBSUB_MSGS = 1_000_000, REQS = 20_000;
  static final int JS_PUBS = 20_000, JS_ASYNC_MSGS = 200_000, FETCH_FILL = 100_000, KV_OPS = 20_000;
  static final int ASYNC_WINDOW = 256, FETCH_BATCH = 256, KV_KEYS = 1000;
  static final Duration T = Duration.ofSeconds(30);
  static final AtomicLong UNIQUE = new AtomicLong();

  // ---------------------------------------------------------------- the two clients
  // The workloads are written once over these; each client implements them with its own API.

  interface Conn extends AutoCloseable {
    void publish(String subject, byte[] data) throws Exception;

    void flush() throws Exception;

    /** Every message to subject runs onMessage; no pending limits. */
    void subscribeAll(String subject, Runnable onMessage) throws Exception;

    /** Answers every request on subject with its own data. */
    void echo(String subject) throws Exception;

    void request(String subject, byte[] data) throws Exception;

    Js jetStream() throws Exception;
  }

  interface Js {
    void addStream(String stream, String subject) throws Exception;

    void deleteStream(String stream) throws Exception;

    long storedMessages(String stream) throws Exception;

    /** Publishes and waits for the acknowledgement. */
    void publish(String subject, byte[] data) throws Exception;

    /**
     * Publishes until max messages or stopNs, with at most ASYNC_WINDOW acknowledgements outstanding, the client's
     * own asynchronous way; returns {acknowledged, failed} once every acknowledgement is in.
     */
    long[] publishWindow(String subject, byte[] data, int max, long stopNs) throws Exception;

    void addPullConsumer(String stream, String durable) throws Exception;

    /** One fetch of up to batch messages, each acknowledged; how many came. */
    int fetchAndAck(String stream, String durable, int batch) throws Exception;

    long ackPending(String stream, String durable) throws Exception;

    Bucket createBucket(String bucket) throws Exception;

    void deleteBucket(String bucket) throws Exception;
  }

  interface Bucket {
    void put(String key, byte[] value) throws Exception;

    byte[] get(String key) throws Exception;
  }

  interface Client {
    Conn connect(String url) throws Exception;
  }

  static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static final class NervureConn implements Conn {
    final Connection c;

    NervureConn(String url) {
      c = Nervure.connect(url);
    }

    public void publish(String subject, byte[] data) {
      c.publish(subject, data);
    }

    public void flush() {
      c.flush(T);
    }

    public void subscribeAll(String subject, Runnable onMessage) {
      c.subscribe(subject, null, 0, -1, -1, m -> onMessage.run());
    }

    public void echo(String subject) {
      c.subscribe(subject, m -> m.respond(m.data()));
    }

    public void request(String subject, byte[] data) {
      c.request(subject, data, Duration.ofSeconds(5));
    }

    public void close() {
      c.close();
    }

    public Js jetStream() {
      JetStream js = c.jetStream();
      return new Js() {
        public void addStream(String stream, String subject) {
          js.addStream(Map.of("name", stream, "subjects", List.of(subject), "storage", "memory"));
        }

        public void deleteStream(String stream) {
          js.deleteStream(stream);
        }

        public long storedMessages(String stream) {
          return number(map(js.streamInfo(stream).get("state")).get("messages"));
        }

        public void publish(String subject, byte[] data) {
          js.publish(subject, data);
        }

        // publishAsync waits by itself while the context's window (256, as ASYNC_WINDOW) is full.
        public long[] publishWindow(String subject, byte[] data, int max, long stopNs) throws Exception {
          AtomicLong acked = new AtomicLong(), failed = new AtomicLong();
          int sent = 0;
          for (; sent < max; sent++) {
            if (sent % ASYNC_WINDOW == 0 && System.nanoTime() > stopNs) break;
            js.publishAsync(subject, null, data, "", -1).whenComplete((a, e) -> (e == null ? acked : failed).incrementAndGet());
          }
          js.publishAsyncComplete(Duration.ofMillis(SETTLE_MS));
          // The futures complete on the connection's dispatcher thread, just after the acknowledgements.
          for (long waited = 0; acked.get() + failed.get() < sent && waited < SETTLE_MS; waited++) Thread.sleep(1);
          return new long[] {acked.get(), sent - acked.get()};
        }

        public void addPullConsumer(String stream, String durable) {
          js.addConsumer(stream, Map.of("durable_name", durable, "ack_policy", "explicit", "max_ack_pending", -1));
        }

        public int fetchAndAck(String stream, String durable, int batch) {
          List<JsMessage> msgs = js.fetch(stream, durable, batch, Duration.ofSeconds(5));
          for (JsMessage m : msgs) m.ack();
          return msgs.size();
        }

        public long ackPending(String stream, String durable) {
          return number(js.consumerInfo(stream, durable).get("num_ack_pending"));
        }

        public Bucket createBucket(String bucket) {
          KeyValue kv = js.createKeyValue(Map.of("bucket", bucket, "storage", "memory"));
          return new Bucket() {
            public void put(String key, byte[] value) {
              kv.put(key, value);
            }

            public byte[] get(String key) {
              KvEntry e = kv.get(key);
              return e == null ? null : e.value();
            }
          };
        }

        public void deleteBucket(String bucket) {
          js.deleteKeyValue(bucket);
        }
      };
    }
  }

  static final class JnatsConn implements Conn {
    final io.nats.client.Connection c;

    JnatsConn(String url) throws Exception {
      c = Nats.connect(url);
    }

    public void publish(String subject, byte[] data) {
      c.publish(subject, data);
    }

    public void flush() throws Exception {
      c.flush(T);
    }

    public void subscribeAll(String subject, Runnable onMessage) {
      Dispatcher d = c.createDispatcher(m -> onMessage.run());
      d.setPendingLimits(-1, -1);
      d.subscribe(subject);
    }

    public void echo(String subject) {
      c.createDispatcher(m -> c.publish(m.getReplyTo(), m.getData())).subscribe(subject);
    }

    public void request(String subject, byte[] data) throws Exception {
      if (c.request(subject, data, Duration.ofSeconds(5)) == null) throw new IllegalStateException("request timed out");
    }

    public void close() throws Exception {
      c.close();
    }

    public Js jetStream() throws Exception {
      io.nats.client.JetStream js = c.jetStream();
      JetStreamManagement jsm = c.jetStreamManagement();
      KeyValueManagement kvm = c.keyValueManagement();
      return new Js() {
        public void addStream(String stream, String subject) throws Exception {
          jsm.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
        }

        public void deleteStream(String stream) throws Exception {
          jsm.deleteStream(stream);
        }

        public long storedMessages(String stream) throws Exception {
          return jsm.getStreamInfo(stream).getStreamState().getMsgCount();
        }

        public void publish(String subject, byte[] data) throws Exception {
          js.publish(subject, data);
        }

        // jnats' publishAsync has no window of its own: a semaphore of ASYNC_WINDOW permits is one.
        public long[] publishWindow(String subject, byte[] data, int max, long stopNs) throws Exception {
          AtomicLong acked = new AtomicLong(), failed = new AtomicLong();
          Semaphore window = new Semaphore(ASYNC_WINDOW);
          for (int sent = 0; sent < max; sent++) {
            if (sent % ASYNC_WINDOW == 0 && System.nanoTime() > stopNs) break;
            window.acquire();
            js.publishAsync(subject, data).whenComplete((a, e) -> {
              (e == null ? acked : failed).incrementAndGet();
              window.release();
            });
          }
          if (!window.tryAcquire(ASYNC_WINDOW, SETTLE_MS, TimeUnit.MILLISECONDS)) {
            System.err.println("java bench: jnats acknowledgements still outstanding after " + SETTLE_MS + " ms");
          }
          return new long[] {acked.get(), failed.get()};
        }

        public void addPullConsumer(String stream, String durable) throws Exception {
          jsm.addOrUpdateConsumer(stream,
              ConsumerConfiguration.builder().durable(durable).ackPolicy(AckPolicy.Explicit).maxAckPending(-1).build());
        }

        // A pull subscription bound to the consumer once, then fetch(batch, maxWait): with jnats 2.20 on this
        // machine as fast as the simplified ConsumerContext.fetch, or faster.
        final Map<String, JetStreamSubscription> pulls = new LinkedHashMap<>();

        public int fetchAndAck(String stream, String durable, int batch) throws Exception {
          JetStreamSubscription sub = pulls.get(stream + "/" + durable);
          if (sub == null) {
            sub = js.subscribe(null, PullSubscribeOptions.bind(stream, durable));
            pulls.put(stream + "/" + durable, sub);
          }
          List<io.nats.client.Message> msgs = sub.fetch(batch, Duration.ofSeconds(5));
          for (io.nats.client.Message m : msgs) m.ack();
          return msgs.size();
        }

        public long ackPending(String stream, String durable) throws Exception {
          return jsm.getConsumerInfo(stream, durable).getNumAckPending();
        }

        public Bucket createBucket(String bucket) throws Exception {
          kvm.create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.Memory).build());
          io.nats.client.KeyValue kv = c.keyValue(bucket);
          return new Bucket() {
            public void put(String key, byte[] value) throws Exception {
              kv.put(key, value);
            }

            public byte[] get(String key) throws Exception {
              KeyValueEntry e = kv.get(key);
              return e == null ? null : e.getValue();
            }
          };
        }

        public void deleteBucket(String bucket) throws Exception {
          kvm.delete(bucket);
        }
      };
    }
  }

  // ---------------------------------------------------------------- the workloads

  /** One run's figure, its latency percentiles (µs, NaN when not timed per operation) and what looked wrong. */
  record Result(double rate, double p50, double p99, double p999, String note) {
    static Result of(double rate, String note) {
      return new Result(rate, Double.NaN, Double.NaN, Double.NaN, note);
    }

    static Result timed(double rate, long[] latNs, int n, String note) {
      if (n == 0) return of(rate, note);
      long[] s = Arrays.copyOf(latNs, n);
      Arrays.sort(s);
      return new Result(rate, at(s, 0.5), at(s, 0.99), at(s, 0.999), note);
    }

    static double at(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e3;
    }
  }

  interface Workload {
    Result run(Client client, String url, double scale) throws Exception;
  }

  static byte[] payload(int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 'x');
    return b;
  }

  static String unique(String prefix) {
    return prefix + "_java_" + ProcessHandle.current().pid() + "_" + UNIQUE.incrementAndGet();
  }

  static double perSecond(long n, long startNs) {
    return n / ((System.nanoTime() - startNs) / 1e9);
  }

  static Result pub(Client client, String url, int size, double scale) throws Exception {
    try (Conn c = client.connect(url)) {
      byte[] data = payload(size);
      long t = System.nanoTime(), stop = t + (long) (LIMIT_NS * scale);
      int i = 0;
      for (; i < PUB_MSGS; i++) {
        c.publish("bench.java.pub", data);
        if ((i & 0xfff) == 0xfff && System.nanoTime() > stop) {
          i++;
          break;
        }
      }
      c.flush();
      return Result.of(perSecond(i, t), null);
    }
  }

  static Result pubsub(Client client, String url, double scale) throws Exception {
    try (Conn sc = client.connect(url); Conn pc = client.connect(url)) {
      AtomicLong got = new AtomicLong(), last = new AtomicLong();
      sc.subscribeAll("bench.java.pubsub", () -> {
        last.set(System.nanoTime());
        got.incrementAndGet();
      });
      sc.flush();
      byte[] data = payload(16);
      long t = System.nanoTime(), stop = t + (long) (LIMIT_NS * scale);
      int sent = 0;
      for (; sent < PUBSUB_MSGS; sent++) {
        pc.publish("bench.java.pubsub", data);
        if ((sent & 0xfff) == 0xfff && System.nanoTime() > stop) {
          sent++;
          break;
        }
      }
      pc.flush();
      for (long waited = 0; got.get() < sent && waited < SETTLE_MS; waited += 5) Thread.sleep(5);
      long n = got.get();
      double rate = n > 0 ? n / ((last.get() - t) / 1e9) : 0;
      return Result.of(rate, n < sent ? "dropped " + (sent - n) + " of " + sent : null);
    }
  }

  static Result reqrep(Client client, String url, double scale) throws Exception {
    try (Conn server = client.connect(url); Conn c = client.connect(url)) {
      server.echo("bench.java.req");
      server.flush();
      byte[] data = payload(16);
      long[] lat = new long[REQS];
      long t = System.nanoTime(), stop = t + (long) (2 * LIMIT_NS * scale);
      int i = 0;
      while (i < REQS) {
        long t0 = System.nanoTime();
        c.request("bench.java.req", data);
        long t1 = System.nanoTime();
        lat[i++] = t1 - t0;
        if (t1 > stop) break;
      }
      return Result.timed(perSecond(i, t), lat, i, null);
    }
  }

  interface StreamRun {
    Result run(Conn c, Js js, String stream, String subject) throws Exception;
  }

  /** A fresh memory stream for one run, deleted afterwards whatever happens. */
  static Result withStream(Client client, String url, StreamRun body) throws Exception {
    try (Conn c = client.connect(url)) {
      Js js = c.jetStream();
      String stream = unique("BENCH");
      String subject = "bench.java.js." + stream;
      js.addStream(stream, subject);
      try {
        return body.run(c, js, stream, subject);
      } finally {
        try {
          js.deleteStream(stream);
        } catch (Exception e) {
          System.err.println("java bench: deleting " + stream + ": " + e);
        }
      }
    }
  }

  static Result jsPub(Client client, String url, double scale) throws Exception {
    return withStream(client, url, (c, js, stream, subject) -> {
      byte[] data = payload(16);
      long[] lat = new long[JS_PUBS];
      long t = System.nanoTime(), stop = t + (long) (LIMIT_NS * scale);
      int i = 0;
      while (i < JS_PUBS) {
        long t0 = System.nanoTime();
        js.publish(subject, data);
        long t1 = System.nanoTime();
        lat[i++] = t1 - t0;
        if (t1 > stop) break;
      }
      double rate = perSecond(i, t);
      long stored = js.storedMessages(stream);
      return Result.timed(rate, lat, i, stored != i ? "stream holds " + stored + " of " + i + " acknowledged" : null);
    });
  }

  /** ASYNC_WINDOW acknowledged publishes in flight; the clock stops at the last acknowledgement. */
  static Result jsAsync(Client client, String url, double scale) throws Exception {
    return withStream(client, url, (c, js, stream, subject) -> {
      long t = System.nanoTime();
      long[] r = js.publishWindow(subject, payload(16), JS_ASYNC_MSGS, t + (long) (LIMIT_NS * scale));
      double rate = perSecond(r[0], t);
      long stored = js.storedMessages(stream);
      return Result.of(rate, r[1] > 0 || stored != r[0] ? r[1] + " failed; stream holds " + stored + " of " + r[0]
          + " acknowledged" : null);
    });
  }

  /** Fills the stream untimed (plain publishes, a flush every 5000), then reads it in fetches, acknowledging each. */
  static Result jsFetch(Client client, String url, double scale) throws Exception {
    return withStream(client, url, (c, js, stream, subject) -> {
      byte[] data = payload(16);
      int fill = (int) (FETCH_FILL * Math.max(scale, 0.1));
      for (int i = 0; i < fill; i++) {
        c.publish(subject, data);
        if (i % 5000 == 4999) c.flush();
      }
      c.flush();
      long stored = 0;
      for (long waited = 0; waited < SETTLE_MS; waited += 50) {
        long n = js.storedMessages(stream);
        if (n == stored && n > 0) break; // the stream stopped growing
        stored = n;
        Thread.sleep(50);
      }
      js.addPullConsumer(stream, "bench");
      long t = System.nanoTime(), stop = t + (long) (LIMIT_NS * scale);
      long read = 0;
      while (read < stored && System.nanoTime() < stop) {
        read += js.fetchAndAck(stream, "bench", (int) Math.min(FETCH_BATCH, stored - read));
      }
      c.flush(); // the acknowledgements reached the server
      double rate = perSecond(read, t);
      long pending = js.ackPending(stream, "bench");
      List<String> notes = new ArrayList<>();
      if (stored < fill) notes.add("stream took " + stored + " of " + fill + " fill messages");
      if (pending > 0) notes.add(pending + " acknowledgements missing");
      return Result.of(rate, notes.isEmpty() ? null : String.join("; ", notes));
    });
  }

  static Result kv(Client client, String url, double scale, boolean get) throws Exception {
    try (Conn c = client.connect(url)) {
      Js js = c.jetStream();
      String bucket = unique("bench");
      byte[] data = payload(16);
      String[] keys = new String[KV_KEYS];
      for (int i = 0; i < KV_KEYS; i++) keys[i] = "key" + i;
      Bucket b = js.createBucket(bucket);
      try {
        if (get) for (String k : keys) b.put(k, data);
        long[] lat = new long[KV_OPS];
        int bad = 0;
        long t = System.nanoTime(), stop = t + (long) (LIMIT_NS * scale);
        int i = 0;
        while (i < KV_OPS) {
          String key = keys[i % KV_KEYS];
          long t0 = System.nanoTime();
          if (get) {
            byte[] v = b.get(key);
            if (v == null || v.length != 16) bad++;
          } else {
            b.put(key, data);
          }
          long t1 = System.nanoTime();
          lat[i++] = t1 - t0;
          if (t1 > stop) break;
        }
        return Result.timed(perSecond(i, t), lat, i, bad > 0 ? bad + " gets without the value" : null);
      } finally {
        try {
          js.deleteBucket(bucket);
        } catch (Exception e) {
          System.err.println("java bench: deleting bucket " + bucket + ": " + e);
        }
      }
    }
  }

  // ---------------------------------------------------------------- running and reporting

  /** how: shown under the combined table where the two clients differ in how they do it. */
  record Spec(String name, String unit, Workload run, String how) {
    Spec(String name, String unit, Workload run) {
      this(name, unit, run, null);
    }
  }

  static final List<Spec> WORKLOADS = List.of(
      new Spec("pub-16B", "msgs/s", (c, u, s) -> pub(c, u, 16, s)),
      new Spec("pub-128B", "msgs/s", (c, u, s) -> pub(c, u, 128, s)),
      new Spec("pub-1KB", "msgs/s", (c, u, s) -> pub(c, u, 1024, s)),
      new Spec("pubsub-16B", "msgs/s", Bench::pubsub),
      new Spec("reqrep-16B", "round trips/s", Bench::reqrep),
      new Spec("js-pub-16B", "msgs/s", Bench::jsPub),
      new Spec("js-async-16B", "msgs/s", Bench::jsAsync, "nervure: publishAsync in its JetStream context's window of "
          + "256, then publishAsyncComplete; jnats: publishAsync behind a semaphore of 256 permits"),
      new Spec("js-fetch-16B", "msgs/s", Bench::jsFetch),
      new Spec("kv-put-16B", "ops/s", (c, u, s) -> kv(c, u, s, false)),
      new Spec("kv-get-16B", "ops/s", (c, u, s) -> kv(c, u, s, true)));

  /** BENCH_WORKLOADS=js-fetch-16B,kv-get-16B measures only those, to look closer at one. */
  static List<Spec> selected() {
    String only = System.getenv().getOrDefault("BENCH_WORKLOADS", "");
    if (only.isEmpty()) return WORKLOADS;
    List<String> names = Arrays.asList(only.split(","));
    return WORKLOADS.stream().filter(w -> names.contains(w.name())).toList();
  }

  static Result sample(String label, Spec w, Client c, String url, double scale) {
    try {
      return w.run().run(c, url, scale);
    } catch (Exception | Error e) {
      System.err.println("java bench: " + label + " failed: " + e);
      return null;
    }
  }

  static Double median(List<Double> values) {
    List<Double> s = new ArrayList<>();
    for (Double v : values) if (v != null && !v.isNaN()) s.add(v);
    if (s.isEmpty()) return null;
    s.sort(null);
    int k = s.size();
    return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
  }

  interface Field {
    double of(Result r);
  }

  static Double medianOf(List<Result> rs, Field f) {
    List<Double> v = new ArrayList<>();
    for (Result r : rs) v.add(f.of(r));
    return median(v);
  }

  static String json(Double v) {
    return v == null ? "null" : String.format(Locale.ROOT, "%.1f", v);
  }

  static String side(List<Result> rs) {
    StringBuilder runs = new StringBuilder();
    for (Result r : rs) runs.append(runs.length() > 0 ? ", " : "").append(json(r.rate()));
    return String.format(Locale.ROOT, "{\"median\": %s, \"runs\": [%s], \"p50_us\": %s, \"p99_us\": %s, \"p999_us\": %s}",
        json(medianOf(rs, Result::rate)), runs, json(medianOf(rs, Result::p50)), json(medianOf(rs, Result::p99)),
        json(medianOf(rs, Result::p999)));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String lats(List<Result> rs) {
    Double p50 = medianOf(rs, Result::p50);
    return p50 == null ? "" : fmt(p50) + " / " + fmt(medianOf(rs, Result::p99)) + " / " + fmt(medianOf(rs, Result::p999));
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long began = System.nanoTime();
    List<Spec> workloads = selected();
    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("nervure", NervureConn::new);
    clients.put("peer", JnatsConn::new);
    System.err.println("java bench: warm-up");
    for (Spec w : workloads) for (String who : clients.keySet()) sample("warm-up " + w.name() + " " + who, w, clients.get(who), url, 0.3);
    Map<String, Map<String, List<Result>>> res = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    for (Spec w : workloads) {
      res.put(w.name(), new LinkedHashMap<>());
      for (String who : clients.keySet()) res.get(w.name()).put(who, new ArrayList<>());
      notes.put(w.name(), new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      System.err.printf("java bench: run %d/%d (%.0f s)%n", run + 1, runs, (System.nanoTime() - began) / 1e9);
      for (int i = 0; i < workloads.size(); i++) {
        Spec w = workloads.get(i);
        // Who goes first alternates, so neither always meets a warmer server.
        List<String> order = (run + i) % 2 == 1 ? List.of("peer", "nervure") : List.of("nervure", "peer");
        for (String who : order) {
          Result r = sample(w.name() + " " + who, w, clients.get(who), url, 1);
          if (r == null) continue;
          res.get(w.name()).get(who).add(r);
          if (r.note() != null) {
            notes.get(w.name()).add(who + " run " + (run + 1) + ": " + r.note());
            System.err.println("java bench: " + w.name() + " " + who + ": " + r.note());
          }
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.println("| workload | unit | nervure (Java) | jnats | nervure/peer | nervure p50 / p99 / p99.9 µs | peer p50 / p99 / p99.9 µs |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    StringBuilder results = new StringBuilder();
    for (Spec w : workloads) {
      List<Result> mine = res.get(w.name()).get("nervure"), theirs = res.get(w.name()).get("peer");
      Double m = medianOf(mine, Result::rate), p = medianOf(theirs, Result::rate);
      String ratio = m != null && p != null && p > 0 ? String.format(Locale.ROOT, "%.2f", m / p) : "n/a";
      System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", w.name(), w.unit(), fmt(m), fmt(p), ratio, lats(mine), lats(theirs));
      if (results.length() > 0) results.append(",\n  ");
      results.append(String.format("{\"workload\": %s, \"unit\": %s,%n   \"nervure\": %s,%n   \"peer\": %s", quote(w.name()),
          quote(w.unit()), side(mine), side(theirs)));
      List<String> note = new ArrayList<>(notes.get(w.name()));
      if (w.how() != null) note.add(0, w.how());
      if (!note.isEmpty()) results.append(", \"note\": ").append(quote(String.join("; ", note)));
      results.append("}");
    }
    System.out.printf("%nmedian of %d alternating runs; measured in %.0f s%n", runs, seconds);
    System.err.printf("java bench: measured in %.1f s%n", seconds);
    String jnats = io.nats.client.Nats.CLIENT_VERSION;
    String ours = Nervure.class.getPackage().getImplementationVersion();
    String json = String.format("{\"language\": \"java\", \"client\": %s, \"peer\": %s, \"runs\": %d,%n \"results\": [%n  %s]}%n",
        quote("nervure " + (ours == null ? System.getProperty("nervure.version", "?") : ours) + " (java "
            + System.getProperty("java.version") + ")"),
        quote("io.nats:jnats " + jnats), runs, results);
    if (args.length > 2) {
      try (FileWriter w = new FileWriter(args[2])) {
        w.write(json);
      } catch (IOException e) {
        System.err.println("java bench: writing " + args[2] + ": " + e);
        System.exit(1);
      }
    } else {
      System.err.println(json);
    }
    System.exit(0);
  }
}

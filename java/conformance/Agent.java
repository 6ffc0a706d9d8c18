import io.nervure.Actor;
import io.nervure.ActorException;
import io.nervure.ActorRuntime;
import io.nervure.Connection;
import io.nervure.Headers;
import io.nervure.JetStream;
import io.nervure.JetStreamApiException;
import io.nervure.JsMessage;
import io.nervure.Json;
import io.nervure.KeyValue;
import io.nervure.KvEntry;
import io.nervure.Message;
import io.nervure.Nervure;
import io.nervure.NervureException;
import io.nervure.Options;
import io.nervure.PubAck;
import io.nervure.Subscription;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conformance agent for Java (tests/conformance/PROTOCOL.md): JSON lines in, one JSON line out per command. */
public final class Agent {
  public static final class Conformance extends Actor {
    public Object echo(Object value) {
      return value;
    }

    public long add(long n) {
      long total = (Long) state().get("n", 0L) + n;
      state().set("n", total);
      return total;
    }

    public String whoami() {
      return "java";
    }

    public Object fail(String text) {
      throw new IllegalArgumentException(text);
    }
  }

  private Connection nc;
  private final Map<Long, Subscription> subs = new HashMap<>();
  private final Map<Long, KeyValue.Watcher> watches = new HashMap<>();
  private final List<ActorRuntime> runtimes = new ArrayList<>();

  static Map<String, Object> ok() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", true);
    return m;
  }

  static Map<String, Object> error(NervureException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", false);
    m.put("error", e.errorName());
    m.put("code", e.errorCode());
    m.put("message", String.valueOf(e.getMessage()));
    if (e instanceof ActorException a) m.put("remote_type", a.remoteType());
    if (e instanceof JetStreamApiException j) m.put("err_code", j.errCode());
    return m;
  }

  static Headers headers(Object raw) {
    if (!(raw instanceof List<?> l) || l.isEmpty()) return null;
    Headers h = new Headers();
    for (Object pair : l) {
      List<?> kv = (List<?>) pair;
      h.add(kv.get(0).toString(), kv.get(1).toString());
    }
    return h;
  }

  static List<List<String>> pairs(Message m) {
    List<List<String>> out = new ArrayList<>();
    for (Map.Entry<String, String> e : m.headers().entries()) out.add(List.of(e.getKey(), e.getValue()));
    return out;
  }

  static byte[] utf8(Object o) {
    return o == null ? new byte[0] : o.toString().getBytes(StandardCharsets.UTF_8);
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  Map<String, Object> handle(Map<String, Object> c) throws Exception {
    String op = (String) c.get("op");
    Map<String, Object> a = ok();
    switch (op) {
      case "hello" -> a.put("language", "java");
      case "connect" -> nc = Nervure.connect(Options.builder().server((String) c.get("url")).name("conformance-java")
          .build());
      case "publish" -> {
        nc.publish((String) c.get("subject"), headers(c.get("headers")), utf8(c.get("data")));
        nc.flush(Duration.ofSeconds(5));
      }
      case "subscribe" -> {
        String q = (String) c.getOrDefault("queue", "");
        subs.put(num(c.get("sid")), nc.subscribe((String) c.get("subject"), q == null || q.isEmpty() ? null : q));
        nc.flush(Duration.ofSeconds(5));
      }
      case "next" -> {
        Message m = subs.get(num(c.get("sid"))).nextMessage(Duration.ofMillis(num(c.get("timeout_ms"))));
        a.put("subject", m.subject());
        a.put("data", m.dataAsString());
        a.put("headers", pairs(m));
      }
      case "unsubscribe" -> subs.remove(num(c.get("sid"))).unsubscribe();
      case "request" -> {
        Message r = nc.request((String) c.get("subject"), headers(c.get("headers")), utf8(c.get("data")),
            Duration.ofMillis(num(c.get("timeout_ms"))));
        a.put("data", r.dataAsString());
        a.put("headers", pairs(r));
      }
      case "serve" -> {
        byte[] prefix = utf8(c.get("prefix"));
        nc.subscribe((String) c.get("subject"), m -> {
          byte[] out = new byte[prefix.length + m.data().length];
          System.arraycopy(prefix, 0, out, 0, prefix.length);
          System.arraycopy(m.data(), 0, out, prefix.length, m.data().length);
          m.respond(out, m.hasHeaders() ? m.headers() : null);
        });
        nc.flush(Duration.ofSeconds(5));
      }
      case "host_actor" -> {
        ActorRuntime r = ActorRuntime.builder(nc).buckets((String) c.get("lease_bucket"), (String) c.get("state_bucket"))
            .build();
        r.register((String) c.get("type"), Conformance::new);
        r.start();
        runtimes.add(r);
      }
      case "invoke" -> {
        var proxy = nc.actorProxy((String) c.get("type"), (String) c.get("id"));
        Object result = c.containsKey("args") ? proxy.invoke((String) c.get("method"), c.get("args"),
            Duration.ofSeconds(5)) : proxy.invoke((String) c.get("method"));
        a.put("result", result);
      }
      case "probe" -> {
        String kase = (String) c.get("case");
        switch (kase) {
          case "invalid_subject" -> nc.publish("bad subject", utf8("x"));
          case "no_responders" -> nc.request("probe.nobody.java", utf8("x"), Duration.ofSeconds(2));
          case "timeout" -> {
            nc.subscribe("probe.silent.java");
            nc.flush(Duration.ofSeconds(5));
            nc.request("probe.silent.java", utf8("x"), Duration.ofMillis(200));
          }
          case "actor_error" -> nc.actorProxy((String) c.get("type"), "probe").invoke("fail", "out of stock",
              Duration.ofSeconds(5));
          case "no_actor_host" -> nc.actorProxy("nobody-hosts-this", "x").invoke("echo");
          default -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("ok", false);
            u.put("error", "UnknownProbe");
            u.put("code", -1);
            u.put("message", kase);
            return u;
          }
        }
      }
      case "js_add_stream" -> nc.jetStream().addStream(Map.of("name", c.get("name"), "subjects", c.get("subjects"),
          "storage", "memory"));
      case "js_publish" -> {
        PubAck ack = nc.jetStream().publish((String) c.get("subject"), null, utf8(c.get("data")),
            (String) c.getOrDefault("msg_id", ""));
        a.put("stream", ack.stream());
        a.put("seq", ack.seq());
        a.put("duplicate", ack.duplicate());
      }
      case "js_read" -> {
        JetStream js = nc.jetStream();
        String stream = (String) c.get("stream");
        String consumer = (String) c.get("consumer");
        if (!js.consumerNames(stream).contains(consumer)) {
          js.addConsumer(stream, Map.of("durable_name", consumer, "ack_policy", "explicit"));
        }
        List<String> data = new ArrayList<>();
        for (JsMessage m : js.fetch(stream, consumer, num(c.get("count")), Duration.ofSeconds(2))) {
          m.ackSync(Duration.ofSeconds(5));
          data.add(new String(m.data(), StandardCharsets.UTF_8));
        }
        a.put("data", data);
      }
      case "kv_create" -> nc.jetStream().createKeyValue(Map.of("bucket", c.get("bucket"), "storage", "memory"));
      case "kv_put" -> a.put("revision", kv(c).put((String) c.get("key"), utf8(c.get("value"))));
      case "kv_get" -> {
        KvEntry e = kv(c).get((String) c.get("key"));
        a.put("value", e == null ? null : e.valueAsString());
        if (e != null) a.put("revision", e.revision());
      }
      case "kv_update" -> a.put("revision", kv(c).update((String) c.get("key"), utf8(c.get("value")),
          num(c.get("last_revision"))));
      case "kv_watch" -> watches.put(num(c.get("wid")), kv(c).watch((String) c.get("key")));
      case "kv_watch_next" -> {
        KvEntry e = watches.get(num(c.get("wid"))).next(Duration.ofMillis(num(c.get("timeout_ms"))));
        a.put("key", e.key());
        a.put("value", e.valueAsString());
        a.put("revision", e.revision());
        a.put("operation", e.operation());
      }
      case "kv_unwatch" -> watches.remove(num(c.get("wid"))).close();
      case "quit" -> {
        for (ActorRuntime r : runtimes) r.stop(Duration.ofSeconds(10));
        if (nc != null) nc.close();
      }
      default -> {
        a.put("ok", false);
        a.put("error", "UnknownOp");
        a.put("code", -1);
        a.put("message", op);
      }
    }
    return a;
  }

  private KeyValue kv(Map<String, Object> c) {
    return nc.jetStream().keyValue((String) c.get("bucket"));
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));  // only answers on stdout
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Agent agent = new Agent();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      Map<String, Object> cmd = Json.object(line);
      Map<String, Object> answer;
      try {
        answer = agent.handle(cmd);
      } catch (NervureException e) {
        answer = error(e);
      }
      out.println(Json.write(answer));
      if ("quit".equals(cmd.get("op"))) break;
    }
    System.exit(0);
  }
}

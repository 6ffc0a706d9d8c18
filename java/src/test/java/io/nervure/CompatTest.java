package io.nervure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The basics against the older nats-server of the distribution (harness --compat: Debian's 2.9). */
class CompatTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void basicsOnTheCompatServer() {
    String compat = System.getenv().getOrDefault("NERVURE_NATS_SERVER_COMPAT", "/usr/sbin/nats-server");
    assumeTrue(new File(compat).canExecute(), compat + " is not installed");
    try (NatsServer server = new NatsServer("single", "--compat"); Connection c = Nervure.connect(server.url())) {
      assertTrue(c.serverInfo().version().startsWith("2."));
      Subscription s = c.subscribe("compat.>");
      c.subscribe("compat.svc", m -> m.respond(m.data(), new Headers().add("H", "1").add("H", "2")));
      c.flush(T);
      c.publish("compat.a", new Headers().add("K", "v"), "x".getBytes(UTF_8));
      Message m = s.nextMessage(T);
      assertEquals("v", m.headers().getFirst("K"));
      Message r = c.request("compat.svc", "ping".getBytes(UTF_8), T);
      assertEquals("ping", r.dataAsString());
      assertEquals(java.util.List.of("1", "2"), r.headers().get("H"));
      assertThrows(NoRespondersException.class, () -> c.request("elsewhere.nobody", new byte[0], T));
    }
  }

  @Test
  void whatTheCompatServerCannotHonourIsRefused() {
    String compat = System.getenv().getOrDefault("NERVURE_NATS_SERVER_COMPAT", "/usr/sbin/nats-server");
    assumeTrue(new File(compat).canExecute(), compat + " is not installed");
    try (NatsServer server = new NatsServer("single", "--compat"); Connection c = Nervure.connect(server.url())) {
      JetStream js = c.jetStream();
      js.addStream(java.util.Map.of("name", "OLD", "subjects", java.util.List.of("old.>"), "storage", "memory"));
      js.publish("old.a", "x".getBytes(UTF_8));
      js.addConsumer("OLD", java.util.Map.of("durable_name", "c", "ack_policy", "explicit"));
      JsMessage m = js.fetch("OLD", "c", 1, Duration.ofSeconds(2)).get(0);
      assertThrows(NotSupportedByServerException.class, () -> m.term("reason"));
      m.term("");
      assertThrows(NotSupportedByServerException.class,
          () -> js.createKeyValue(java.util.Map.of("bucket", "b", "limit_marker_ttl", Duration.ofSeconds(5))));
    }
  }
}

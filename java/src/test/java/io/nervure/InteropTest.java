package io.nervure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** nervure and the official io.nats:jnats client on one server, both directions. */
@ExtendWith(ServerExtension.class)
class InteropTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void nervureToJnatsWithHeaders(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      io.nats.client.Subscription js = j.subscribe("io.n2j");
      j.flush(T);
      c.publish("io.n2j", "reply.n2j", new Headers().add("Multi", "1").add("Multi", "2").add("CaseKey", "v"),
          "from nervure".getBytes(UTF_8));
      io.nats.client.Message m = js.nextMessage(T);
      assertNotNull(m);
      assertEquals("from nervure", new String(m.getData(), UTF_8));
      assertEquals("reply.n2j", m.getReplyTo());
      assertEquals(List.of("1", "2"), m.getHeaders().get("Multi"));
      assertEquals(List.of("v"), m.getHeaders().get("CaseKey"));
    }
  }

  @Test
  void jnatsToNervureWithHeaders(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      Subscription s = c.subscribe("io.j2n");
      c.flush(T);
      io.nats.client.impl.Headers h = new io.nats.client.impl.Headers().add("Multi", "a", "b").add("X-Other", "z");
      j.publish(NatsMessage.builder().subject("io.j2n").headers(h).data("from jnats".getBytes(UTF_8)).build());
      j.flush(T);
      Message m = s.nextMessage(T);
      assertEquals("from jnats", m.dataAsString());
      assertEquals(List.of("a", "b"), m.headers().get("Multi"));
      assertEquals("z", m.headers().getFirst("X-Other"));
    }
  }

  @Test
  void nervureRequestsJnatsReplies(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      Dispatcher d = j.createDispatcher(m -> {
        io.nats.client.impl.Headers h = new io.nats.client.impl.Headers().add("Served-By", "jnats");
        j.publish(NatsMessage.builder().subject(m.getReplyTo()).headers(h)
            .data(("jnats: " + new String(m.getData(), UTF_8) + " " + m.getHeaders().getFirst("Ask")).getBytes(UTF_8))
            .build());
      });
      d.subscribe("io.svc.jnats");
      j.flush(T);
      Message r = c.request("io.svc.jnats", new Headers().add("Ask", "q"), "ping".getBytes(UTF_8), T);
      assertEquals("jnats: ping q", r.dataAsString());
      assertEquals("jnats", r.headers().getFirst("Served-By"));
    }
  }

  @Test
  void jnatsRequestsNervureReplies(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      c.subscribe("io.svc.nervure", m -> m.respond(("nervure: " + m.dataAsString()).getBytes(UTF_8),
          new Headers().add("Served-By", "nervure").add("Echo", m.headers().getFirst("Ask"))));
      c.flush(T);
      io.nats.client.impl.Headers h = new io.nats.client.impl.Headers().add("Ask", "why");
      io.nats.client.Message r = j.request(NatsMessage.builder().subject("io.svc.nervure").headers(h)
          .data("ping".getBytes(UTF_8)).build(), T);
      assertNotNull(r);
      assertEquals("nervure: ping", new String(r.getData(), UTF_8));
      assertEquals("nervure", r.getHeaders().getFirst("Served-By"));
      assertEquals("why", r.getHeaders().getFirst("Echo"));
    }
  }

  @Test
  void queueGroupSharedWithJnats(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      Subscription ns = c.subscribe("io.q", "shared");
      io.nats.client.Subscription js = j.subscribe("io.q", "shared");
      c.flush(T);
      j.flush(T);
      int n = 100;
      for (int i = 0; i < n; i++) c.publish("io.q", new byte[] {(byte) i});
      c.flush(T);
      Thread.sleep(200);
      int total = 0;
      while (true) {
        try {
          ns.nextMessage(Duration.ZERO);
          total++;
        } catch (TimeoutException e) {
          break;
        }
      }
      while (js.nextMessage(Duration.ofMillis(50)) != null) total++;
      assertEquals(n, total);
    }
  }

  @Test
  void jetStreamWithJnats(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url()); io.nats.client.Connection j = Nats.connect(server.url())) {
      JetStream js = c.jetStream();
      js.addStream(java.util.Map.of("name", "INTEROP", "subjects", List.of("io.js.>")));
      io.nats.client.api.PublishAck ja = j.jetStream().publish("io.js.a", "from jnats".getBytes(UTF_8));
      assertEquals(1, ja.getSeqno());
      PubAck na = js.publish("io.js.b", "from nervure".getBytes(UTF_8));
      assertEquals(2, na.seq());
      js.addConsumer("INTEROP", java.util.Map.of("durable_name", "both", "ack_policy", "explicit"));
      List<JsMessage> got = js.fetch("INTEROP", "both", 10, Duration.ofMillis(500));
      assertEquals(List.of("from jnats", "from nervure"), got.stream().map(m -> new String(m.data(), UTF_8)).toList());
      io.nats.client.api.MessageInfo mi = j.jetStreamManagement().getMessage("INTEROP", 2);
      assertEquals("from nervure", new String(mi.getData(), UTF_8));
      js.deleteStream("INTEROP");
    }
  }
}

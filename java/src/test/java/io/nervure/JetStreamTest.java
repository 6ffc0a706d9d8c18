package io.nervure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class JetStreamTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void streamsPublishFetchAck(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      JetStream js = c.jetStream();
      Map<String, Object> info = js.addStream(Map.of("name", "ORDERS", "subjects", List.of("js.orders.>"),
          "max_age", Duration.ofHours(1)));
      assertEquals("ORDERS", ((Map<?, ?>) info.get("config")).get("name"));
      assertEquals(3_600_000_000_000L, ((Map<?, ?>) info.get("config")).get("max_age"));
      assertTrue(js.streamNames().contains("ORDERS"));
      PubAck a1 = js.publish("js.orders.created", new Headers().add("Order-Id", "o-1"), "one".getBytes(UTF_8), "o-1");
      assertEquals(new PubAck("ORDERS", 1, false, ""), a1);
      assertTrue(js.publish("js.orders.created", null, "one".getBytes(UTF_8), "o-1").duplicate());
      assertEquals(2, js.publish("js.orders.paid", "two".getBytes(UTF_8)).seq());
      assertEquals("js.orders.paid", js.getMsg("ORDERS", 2).get("subject"));
      assertEquals(2L, ((Map<?, ?>) js.streamInfo("ORDERS").get("state")).get("messages"));

      js.addConsumer("ORDERS", Map.of("durable_name", "audit", "ack_policy", "explicit"));
      assertEquals(List.of("audit"), js.consumerNames("ORDERS"));
      List<JsMessage> got = js.fetch("ORDERS", "audit", 10, Duration.ofMillis(500));
      assertEquals(2, got.size());
      assertEquals("one", new String(got.get(0).data(), UTF_8));
      assertEquals("o-1", got.get(0).headers().getFirst("Order-Id"));
      assertEquals(1L, got.get(0).metadata().get("stream_seq"));
      got.get(0).ackSync(T);
      got.get(1).nak(Duration.ZERO);
      List<JsMessage> again = js.fetch("ORDERS", "audit", 10, Duration.ofMillis(500));
      assertEquals(1, again.size());
      assertEquals(2L, again.get(0).metadata().get("num_delivered"));
      again.get(0).term("");
      assertTrue(js.fetch("ORDERS", "audit", 10, Duration.ofMillis(300)).isEmpty());

      JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> js.streamInfo("NOPE"));
      assertEquals(404, e.code());
      assertEquals(10059, e.errCode());
      assertEquals(1000L, ((Map<?, ?>) js.updateConsumer("ORDERS", Map.of("durable_name", "audit",
          "ack_policy", "explicit", "max_ack_pending", 1000)).get("config")).get("max_ack_pending"));
      js.deleteConsumer("ORDERS", "audit");
      java.util.List<java.util.concurrent.CompletableFuture<PubAck>> acks = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) acks.add(js.publishAsync("js.orders.bulk", null, new byte[] {(byte) i}, "", -1));
      js.publishAsyncComplete(T);
      for (var f : acks) assertEquals("ORDERS", f.get(5, java.util.concurrent.TimeUnit.SECONDS).stream());
      assertEquals(22L, acks.get(19).join().seq());
      assertEquals(1, js.streams().size());
      assertEquals(20, js.purgeStream("ORDERS", "js.orders.bulk", 0, 0));
      assertEquals(2, js.purgeStream("ORDERS"));
      js.deleteStream("ORDERS");
      assertFalse(js.streamNames().contains("ORDERS"));
    }
  }

  @Test
  void consumeAndOrderedConsumer(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      JetStream js = c.jetStream();
      js.addStream(Map.of("name", "EVENTS", "subjects", List.of("js.events.>")));
      for (int i = 0; i < 5; i++) js.publish("js.events.e", new byte[] {(byte) i});
      js.addConsumer("EVENTS", Map.of("durable_name", "worker", "ack_policy", "explicit"));
      CountDownLatch five = new CountDownLatch(5);
      Subscription s = js.consume("EVENTS", "worker", m -> {
        m.ack();
        five.countDown();
      });
      assertTrue(five.await(10, TimeUnit.SECONDS));
      s.unsubscribe();
      Subscription ordered = js.orderedConsumer("EVENTS", "");
      for (int i = 0; i < 5; i++) assertEquals(i, js.next(ordered, T).data()[0]);
      ordered.unsubscribe();
      js.deleteStream("EVENTS");
    }
  }

  @Test
  void keyValue(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      JetStream js = c.jetStream();
      KeyValue kv = js.createKeyValue(Map.of("bucket", "inventory", "history", 5));
      assertEquals("inventory", kv.bucket());
      long r1 = kv.put("kettle", "5".getBytes(UTF_8));
      assertEquals("5", kv.get("kettle").valueAsString());
      long r2 = kv.update("kettle", "4".getBytes(UTF_8), r1);
      assertTrue(r2 > r1);
      JetStreamApiException stale = assertThrows(JetStreamApiException.class,
          () -> kv.update("kettle", "3".getBytes(UTF_8), r1));
      assertEquals(10071, stale.errCode());
      assertThrows(JetStreamApiException.class, () -> kv.create("kettle", new byte[0]));
      kv.create("teapot", "1".getBytes(UTF_8));
      assertEquals(List.of("kettle", "teapot"), kv.keys().stream().sorted().toList());
      assertEquals(2, kv.history("kettle").size());
      kv.delete("teapot");
      assertNull(kv.get("teapot"));
      assertEquals(List.of("kettle"), kv.keys());
      try (KeyValue.Watcher w = kv.watch("")) {
        KvEntry first = w.next(T);
        assertEquals("kettle", first.key());
        assertEquals("4", first.valueAsString());
        KvEntry deleted = w.next(T);
        assertEquals("teapot", deleted.key());
        assertEquals("DEL", deleted.operation());
        kv.put("kettle", "9".getBytes(UTF_8));
        KvEntry change = w.next(T);
        assertEquals("9", change.valueAsString());
        assertTrue(w.initialDone());
      }
      assertTrue(js.keyValueNames().contains("inventory"));
      assertEquals(js.keyValue("inventory").get("kettle").valueAsString(), "9");
      js.deleteKeyValue("inventory");
    }
  }

  @Test
  void jsonRoundTrip() {
    Map<String, Object> m = Json.object("{\"a\": [1, 2.5, \"x\\n\\u00e9\", true, null, {\"b\": -3}], \"c\": {}}");
    assertEquals(List.of(1L, 2.5, "x\né", true, java.util.Collections.singletonMap("b", -3L)),
        ((List<?>) m.get("a")).stream().filter(java.util.Objects::nonNull).toList());
    assertEquals(m, Json.object(Json.write(m)));
    assertEquals("{\"d\":1000000000}", Json.write(Map.of("d", Duration.ofSeconds(1))));
    assertThrows(InvalidArgumentException.class, () -> Json.parse("{\"a\": }"));
  }
}

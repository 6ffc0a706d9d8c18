package io.nervure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class PubSubTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void publishAndNextMessage(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.one");
      c.flush(T);
      c.publish("ps.one", "hello".getBytes(UTF_8));
      Message m = s.nextMessage(T);
      assertEquals("ps.one", m.subject());
      assertEquals("hello", m.dataAsString());
      assertEquals("", m.reply());
      assertFalse(m.hasHeaders());
    }
  }

  @Test
  void nextMessageTimesOut(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.none");
      assertThrows(TimeoutException.class, () -> s.nextMessage(Duration.ofMillis(100)));
      assertThrows(NervureException.class, () -> s.nextMessage(Duration.ZERO));
    }
  }

  @Test
  void headersAreMultiValuedAndKeepCase(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.headers");
      c.flush(T);
      Headers h = new Headers().add("X-Trace", "a").add("X-Trace", "b").add("lower-key", "v");
      c.publish("ps.headers", "reply.here", h, new byte[] {1, 2, 3});
      Message m = s.nextMessage(T);
      assertTrue(m.hasHeaders());
      assertEquals(List.of("a", "b"), m.headers().get("X-Trace"));
      assertEquals("v", m.headers().getFirst("lower-key"));
      assertEquals("reply.here", m.reply());
      assertArrayEquals(new byte[] {1, 2, 3}, m.data());
      assertEquals(h, m.headers());
    }
  }

  @Test
  void wildcardsAndHandler(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      List<String> got = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(3);
      c.subscribe("ps.wild.*.x", m -> {
        got.add(m.subject());
        done.countDown();
      });
      c.subscribe("ps.wild.>", m -> done.countDown());
      c.flush(T);
      c.publish("ps.wild.a.x", null);
      c.publish("ps.wild.b.y", new byte[0]);
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("ps.wild.a.x"), got);
    }
  }

  @Test
  void queueGroupDeliversEachMessageOnce(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      int n = 200;
      CountDownLatch all = new CountDownLatch(n);
      int[] counts = new int[2];
      c.subscribe("ps.queue", "workers", m -> {
        synchronized (counts) {
          counts[0]++;
        }
        all.countDown();
      });
      c.subscribe("ps.queue", "workers", m -> {
        synchronized (counts) {
          counts[1]++;
        }
        all.countDown();
      });
      c.flush(T);
      for (int i = 0; i < n; i++) c.publish("ps.queue", ("" + i).getBytes(UTF_8));
      assertTrue(all.await(5, TimeUnit.SECONDS));
      Thread.sleep(100);
      synchronized (counts) {
        assertEquals(n, counts[0] + counts[1]);
      }
    }
  }

  @Test
  void unsubscribeEndsTheSubscription(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.unsub");
      assertTrue(s.isActive());
      s.unsubscribe();
      c.publish("ps.unsub", new byte[1]);
      c.flush(T);
      assertFalse(s.isActive());
      assertThrows(IllegalStateException.class, () -> s.nextMessage(Duration.ofMillis(50)));
    }
  }

  @Test
  void autoUnsubscribeAfterMax(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.auto");
      s.autoUnsubscribe(2);
      c.flush(T);
      for (int i = 0; i < 5; i++) c.publish("ps.auto", new byte[] {(byte) i});
      c.flush(T);
      assertEquals(0, s.nextMessage(T).data()[0]);
      assertEquals(1, s.nextMessage(T).data()[0]);
      assertThrows(IllegalStateException.class, () -> s.nextMessage(Duration.ofMillis(200)));
      assertEquals(2, s.delivered());
    }
  }

  @Test
  void drainDeliversWhatWasQueued(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      List<Integer> got = new CopyOnWriteArrayList<>();
      Subscription s = c.subscribe("ps.drain", m -> {
        Thread.sleep(1);
        got.add((int) m.data()[0]);
      });
      c.flush(T);
      for (int i = 0; i < 50; i++) c.publish("ps.drain", new byte[] {(byte) i});
      c.flush(T);
      s.drain(T);
      assertEquals(50, got.size());
      assertFalse(s.isActive());
    }
  }

  @Test
  void pendingAndStats(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.pending");
      c.flush(T);
      for (int i = 0; i < 10; i++) c.publish("ps.pending", new byte[4]);
      c.flush(T);
      assertEquals(10, s.pending());
      assertEquals(0, s.dropped());
      s.nextMessage(T);
      assertEquals(9, s.pending());
      Stats st = c.stats();
      assertEquals(10, st.outMsgs());
      assertEquals(40, st.outBytes());
      assertEquals(10, st.inMsgs());
    }
  }

  @Test
  void invalidSubjectsAreRefused(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      assertThrows(InvalidSubjectException.class, () -> c.publish("bad subject", new byte[0]));
      assertThrows(InvalidSubjectException.class, () -> c.publish("", new byte[0]));
      assertThrows(InvalidSubjectException.class, () -> c.subscribe("a..b"));
      assertThrows(InvalidSubjectException.class, () -> c.subscribe("ok", "bad queue"));
      assertThrows(NervureException.class, () -> c.publish(null, new byte[0]));
    }
  }

  @Test
  void maxPayloadIsEnforced(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      long max = c.maxPayload();
      assertTrue(max > 0);
      assertThrows(MaxPayloadException.class, () -> c.publish("ps.big", new byte[(int) max + 1]));
      Subscription s = c.subscribe("ps.big");
      c.flush(T);
      byte[] big = new byte[(int) Math.min(max, 512 * 1024)];
      big[big.length - 1] = 42;
      c.publish("ps.big", big);
      assertArrayEquals(big, s.nextMessage(T).data());
    }
  }

  @Test
  void handlerFailuresAreReported(NatsServer server) throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    Options o = Options.builder().server(server.url()).eventListener((conn, e, d) -> {
      if (e == Event.ASYNC_ERROR && d.contains("boom")) reported.countDown();
    }).build();
    try (Connection c = Nervure.connect(o)) {
      CountDownLatch second = new CountDownLatch(1);
      c.subscribe("ps.fail", m -> {
        if (m.data().length == 0) throw new IllegalStateException("boom");
        second.countDown();
      });
      c.flush(T);
      c.publish("ps.fail", new byte[0]);
      c.publish("ps.fail", new byte[1]);
      assertTrue(reported.await(5, TimeUnit.SECONDS));
      assertTrue(second.await(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void iterationEndsWithTheSubscription(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.iter");
      s.autoUnsubscribe(3);
      c.flush(T);
      for (int i = 0; i < 5; i++) c.publish("ps.iter", new byte[] {(byte) i});
      int n = 0;
      for (Message m : s) assertEquals(n++, m.data()[0]);
      assertEquals(3, n);
    }
  }

  @Test
  void introspectionDoesNotWaitForAReader(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("ps.reader");
      Thread reader = new Thread(() -> {
        try {
          s.nextMessage(Duration.ofSeconds(3));
        } catch (NervureException | IllegalStateException ignored) {
          // ended or timed out
        }
      });
      reader.start();
      Thread.sleep(100);
      assertEquals(0, s.pending());
      assertTrue(s.isActive());
      assertTrue(reader.isAlive());  // still waiting: introspection did not need its lock
      s.unsubscribe();
      reader.join(5000);
      assertFalse(reader.isAlive());
    }
  }

  @Test
  void textBeyondAsciiCrossesAsUtf8(NatsServer server) throws Exception {
    // Java strings cross JNI as standard UTF-8 (not JNI's modified UTF-8): subjects, header values, errors.
    String text = "café ☕ 🚀 \uD55C";
    try (Connection c = Nervure.connect(server.url()); Connection other = Nervure.connect(server.url())) {
      Subscription s = other.subscribe("ps.utf8.🚀");
      other.flush(T);
      c.publish("ps.utf8.🚀", new Headers().add("Text", text).add("K🚀", "v"), text.getBytes(UTF_8));
      Message m = s.nextMessage(T);
      assertEquals("ps.utf8.🚀", m.subject());
      assertEquals(text, m.headers().getFirst("Text"));
      assertEquals("v", m.headers().getFirst("K🚀"));
      assertEquals(text, m.dataAsString());
      InvalidSubjectException e = assertThrows(InvalidSubjectException.class, () -> c.publish("bad 🚀", new byte[0]));
      assertNotNull(e.getMessage());
    }
  }
}

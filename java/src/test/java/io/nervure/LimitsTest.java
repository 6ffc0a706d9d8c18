package io.nervure;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class LimitsTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void pendingLimitsDropAndReportSlowConsumer(NatsServer server) throws Exception {
    CountDownLatch slow = new CountDownLatch(1);
    Options o = Options.builder().server(server.url())
        .eventListener((c, e, d) -> { if (e == Event.SLOW_CONSUMER) slow.countDown(); }).build();
    try (Connection c = Nervure.connect(o)) {
      Subscription s = c.subscribe("lim.slow", null, 0, 10, -1, null);
      c.flush(T);
      for (int i = 0; i < 100; i++) c.publish("lim.slow", new byte[] {(byte) i});
      c.flush(T);
      assertTrue(slow.await(5, TimeUnit.SECONDS));
      assertEquals(10, s.pending());
      assertEquals(90, s.dropped());
      s.setPendingLimits(-1, -1);
      assertEquals(0, s.nextMessage(T).data()[0]);
    }
  }

  @Test
  void respondNeedsAReplySubject(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("lim.noreply");
      c.flush(T);
      c.publish("lim.noreply", new byte[0]);
      Message m = s.nextMessage(T);
      assertThrows(InvalidArgumentException.class, () -> m.respond(new byte[0]));
    }
  }

  @Test
  void connectionsOpenAndCloseWithoutLeakingThreads(NatsServer server) throws Exception {
    int before = Thread.activeCount();
    for (int i = 0; i < 30; i++) {
      try (Connection c = Nervure.connect(server.url())) {
        c.subscribe("lim.churn", m -> {});
        c.subscribe("lim.churn");
        c.flush(T);
      }
    }
    for (int i = 0; i < 50 && Thread.activeCount() > before + 2; i++) Thread.sleep(100);
    assertTrue(Thread.activeCount() <= before + 2, "threads: " + before + " -> " + Thread.activeCount());
    System.gc();
  }

  @Test
  void noEchoSkipsOwnMessages(NatsServer server) {
    try (Connection c = Nervure.connect(Options.builder().server(server.url()).noEcho(true).build());
        Connection other = Nervure.connect(server.url())) {
      Subscription s = c.subscribe("lim.echo");
      c.flush(T);
      c.publish("lim.echo", new byte[] {1});
      other.publish("lim.echo", new byte[] {2});
      other.flush(T);
      assertEquals(2, s.nextMessage(T).data()[0]);
      assertThrows(TimeoutException.class, () -> s.nextMessage(Duration.ofMillis(200)));
    }
  }

  @Test
  void customInboxPrefix(NatsServer server) {
    try (Connection c = Nervure.connect(Options.builder().server(server.url()).inboxPrefix("_MY").build())) {
      assertTrue(c.newInbox().startsWith("_MY."));
      c.subscribe("lim.svc", m -> m.respond(m.reply().getBytes()));
      c.flush(T);
      assertTrue(c.request("lim.svc", new byte[0], T).dataAsString().startsWith("_MY."));
    }
  }
}

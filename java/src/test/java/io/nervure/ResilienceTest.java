package io.nervure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilienceTest {
  static final Duration T = Duration.ofSeconds(10);

  @Test
  void reconnectsAfterServerRestart() throws Exception {
    try (NatsServer server = NatsServer.single()) {
      CountDownLatch disconnected = new CountDownLatch(1);
      CountDownLatch reconnected = new CountDownLatch(1);
      Options o = Options.builder().server(server.url()).reconnectWait(Duration.ofMillis(100))
          .reconnectJitter(Duration.ofMillis(10)).maxReconnectAttempts(-1).eventListener((c, e, d) -> {
            if (e == Event.DISCONNECTED) disconnected.countDown();
            if (e == Event.RECONNECTED) reconnected.countDown();
          }).build();
      try (Connection c = Nervure.connect(o)) {
        Subscription s = c.subscribe("rs.after");
        AtomicInteger handled = new AtomicInteger();
        c.subscribe("rs.svc", m -> {
          handled.incrementAndGet();
          m.respond(m.data());
        });
        c.flush(T);
        server.command("restart 0");
        assertTrue(disconnected.await(10, TimeUnit.SECONDS));
        assertTrue(reconnected.await(20, TimeUnit.SECONDS));
        c.flush(T);
        assertTrue(c.isConnected());
        c.publish("rs.after", new byte[] {9});
        assertEquals(9, s.nextMessage(T).data()[0]);
        assertArrayEquals(new byte[] {5}, c.request("rs.svc", new byte[] {5}, T).data());
        assertTrue(c.stats().reconnects() >= 1);
      }
    }
  }

  @Test
  void manyThreadsPublishAtOnce() throws Exception {
    try (NatsServer server = NatsServer.single(); Connection c = Nervure.connect(server.url())) {
      int threads = 8;
      int each = 5000;
      Subscription s = c.subscribe("rs.many", null, 0, -1, -1, null);
      c.flush(T);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int id = t;
        Thread th = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < each; i++) {
            c.publish("rs.many", ByteBuffer.allocate(8).putInt(id).putInt(i).array());
          }
        });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) th.join();
      c.flush(T);
      int[] next = new int[threads];
      Set<Long> seen = new HashSet<>();
      for (int n = 0; n < threads * each; n++) {
        ByteBuffer b = ByteBuffer.wrap(s.nextMessage(T).data());
        int id = b.getInt();
        int i = b.getInt();
        assertEquals(next[id], i, "per-publisher order");
        next[id]++;
        seen.add(((long) id << 32) | i);
      }
      assertEquals(threads * each, seen.size());
      assertEquals(0, s.dropped());
      assertEquals((long) threads * each, c.stats().outMsgs());
    }
  }

  @Test
  void requestsFromManyThreads() throws Exception {
    try (NatsServer server = NatsServer.single(); Connection c = Nervure.connect(server.url())) {
      c.subscribe("rs.echo", m -> m.respond(m.data()));
      c.flush(T);
      List<Thread> ts = new ArrayList<>();
      AtomicInteger ok = new AtomicInteger();
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          for (int i = 0; i < 200; i++) {
            byte[] d = ("" + i).getBytes();
            if (java.util.Arrays.equals(d, c.request("rs.echo", d, T).data())) ok.incrementAndGet();
          }
        });
        th.start();
        ts.add(th);
      }
      for (Thread th : ts) th.join();
      assertEquals(800, ok.get());
    }
  }

  @Test
  void clusterFailover() throws Exception {
    try (NatsServer cluster = new NatsServer("cluster")) {
      List<String> urls = cluster.urls();
      assertEquals(3, urls.size());
      CountDownLatch reconnected = new CountDownLatch(1);
      Options o = Options.builder().server(urls.get(0)).randomize(false).reconnectWait(Duration.ofMillis(100))
          .eventListener((c, e, d) -> { if (e == Event.RECONNECTED) reconnected.countDown(); }).build();
      try (Connection c = Nervure.connect(o); Connection other = Nervure.connect(urls.get(2))) {
        Subscription s = c.subscribe("rs.cluster");
        c.flush(T);
        cluster.command("kill 0");
        assertTrue(reconnected.await(20, TimeUnit.SECONDS));
        c.flush(T);
        Thread.sleep(200);
        other.publish("rs.cluster", new byte[] {3});
        assertEquals(3, s.nextMessage(T).data()[0]);
        assertNotEquals(urls.get(0), c.connectedUrl());
      }
    }
  }

  @Test
  void publishesWhileDisconnectedAreBufferedAndSent() throws Exception {
    try (NatsServer server = NatsServer.single()) {
      CountDownLatch disconnected = new CountDownLatch(1);
      CountDownLatch reconnected = new CountDownLatch(1);
      Options o = Options.builder().server(server.url()).reconnectWait(Duration.ofMillis(100))
          .reconnectJitter(Duration.ofMillis(10)).maxReconnectAttempts(-1).eventListener((c, e, d) -> {
            if (e == Event.DISCONNECTED) disconnected.countDown();
            if (e == Event.RECONNECTED) reconnected.countDown();
          }).build();
      try (Connection c = Nervure.connect(o)) {
        Subscription s = c.subscribe("rs.buffered");
        c.flush(T);
        server.command("stop 0");
        assertTrue(disconnected.await(10, TimeUnit.SECONDS));
        assertFalse(c.isConnected());
        for (int i = 0; i < 10; i++) c.publish("rs.buffered", new byte[] {(byte) i});
        server.command("start 0");
        assertTrue(reconnected.await(20, TimeUnit.SECONDS));
        c.flush(T);
        for (int i = 0; i < 10; i++) assertEquals(i, s.nextMessage(T).data()[0]);
      }
    }
  }
}

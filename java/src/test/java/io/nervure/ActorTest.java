package io.nervure;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class ActorTest {
  static final CountDownLatch TOLD = new CountDownLatch(1);
  static final CountDownLatch TICKS = new CountDownLatch(2);
  static final CountDownLatch REMINDED = new CountDownLatch(1);
  static final CountDownLatch DEACTIVATED = new CountDownLatch(1);

  public static class Clock extends Actor {
    public void startTicking() {
      registerTimer("tick", "tick", "50ms", "50ms", null);
      registerReminder("wake", "100ms", "", "coffee");
    }

    public void tick() {
      long n = (Long) state().get("ticks", 0L) + 1;
      state().set("ticks", n);
      TICKS.countDown();
      if (n >= 2) unregisterTimer("tick");
    }

    @Override
    protected void receiveReminder(String name, Object data) {
      if (name.equals("wake") && "coffee".equals(data)) REMINDED.countDown();
      unregisterReminder("wake");
    }

    public Object ticks() {
      state().save();
      return state().get("ticks", 0L);
    }

    @Override
    protected void onDeactivate() {
      DEACTIVATED.countDown();
    }
  }

  public static class Inventory extends Actor {
    @Override
    protected void onActivate() {
      if (!state().contains("stock")) state().set("stock", 10);
    }

    public Map<String, Object> reserve(long quantity) {
      long stock = (Long) state().get("stock");
      Map<String, Object> r = new LinkedHashMap<>();
      if (quantity > stock) {
        r.put("reserved", false);
        r.put("left", stock);
        return r;
      }
      state().set("stock", stock - quantity);
      r.put("reserved", true);
      r.put("left", stock - quantity);
      return r;
    }

    public long restock(long quantity) {
      long stock = (Long) state().get("stock", 0L) + quantity;
      state().set("stock", stock);
      return stock;
    }

    public Object stock() {
      return state().get("stock");
    }

    public String whoami() {
      return actorType() + "/" + actorId();
    }

    public Object fail() {
      throw new IllegalStateException("out of teapots");
    }

    public Object echo(Object v) {
      return v;
    }

    public void noted(Object v) {
      TOLD.countDown();
    }

    public Object askOther(String id) {
      return proxy("inventory", id).invoke("stock");
    }
  }

  /** Counts in memory and notes any turn that starts while another of the same actor runs. */
  public static class Counter extends Actor {
    static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
    static final AtomicBoolean OVERLAPPED = new AtomicBoolean();
    private long n;

    public long increment() throws InterruptedException {
      AtomicInteger running = RUNNING.computeIfAbsent(actorId(), k -> new AtomicInteger());
      if (running.incrementAndGet() != 1) OVERLAPPED.set(true);
      long seen = n;
      Thread.sleep(0, 200_000);  // a window for an overlapping turn to lose this increment
      n = seen + 1;
      running.decrementAndGet();
      return n;
    }
  }

  /** Holds its turn until the test lets it go: a turn blocked outside the runtime's reach. */
  public static class Blocker extends Actor {
    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    public String hold() throws InterruptedException {
      HOLDING.countDown();
      return RELEASE.await(20, TimeUnit.SECONDS) ? "released" : "never released";
    }

    public String ping() {
      return "pong";
    }
  }

  @Test
  void msgpackRoundTrip() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", 1L);
    m.put("neg", -200L);
    m.put("big", 1L << 40);
    m.put("d", 2.5);
    m.put("s", "héllo");
    m.put("list", List.of(1L, "two", true));
    m.put("nil", null);
    Map<?, ?> back = (Map<?, ?>) MsgPack.unpack(MsgPack.pack(m));
    assertEquals(m.keySet(), back.keySet());
    for (String k : m.keySet()) assertEquals(m.get(k), back.get(k), k);
    assertArrayEquals(new byte[] {1, 2}, (byte[]) MsgPack.unpack(MsgPack.pack(new byte[] {1, 2})));
    assertEquals("x".repeat(300), MsgPack.unpack(MsgPack.pack("x".repeat(300))));
    assertEquals(Arrays.asList(new Object[20]), MsgPack.unpack(MsgPack.pack(new Object[20])));
    assertThrows(InvalidArgumentException.class, () -> MsgPack.pack(new Object()));
    assertThrows(InvalidArgumentException.class, () -> MsgPack.unpack(new byte[] {(byte) 0xc1}));
  }

  @Test
  void hostsAndCallsActors(NatsServer server) throws Exception {
    try (Connection host = Nervure.connect(server.url()); Connection caller = Nervure.connect(server.url())) {
      try (ActorRuntime runtime = ActorRuntime.builder(host).build()) {
        runtime.register("inventory", Inventory::new);
        runtime.start();
        assertFalse(runtime.hostId().isEmpty());
        ActorProxy teapot = caller.actorProxy("inventory", "teapot");
        assertEquals(Map.of("reserved", true, "left", 7L), teapot.invoke("reserve", 3));
        assertEquals(Map.of("reserved", false, "left", 7L), teapot.invoke("reserve", 8));
        assertEquals(12L, teapot.invoke("restock", 5));
        assertEquals(12L, teapot.invoke("stock"));
        assertEquals("inventory/teapot", teapot.invoke("whoami"));
        assertEquals(List.of("a", 1L), teapot.invoke("echo", List.of("a", 1)));
        assertEquals(10L, caller.actorProxy("inventory", "kettle").invoke("stock"));
        assertEquals(12L, caller.actorProxy("inventory", "kettle").invoke("askOther", "teapot"));
        ActorException e = assertThrows(ActorException.class, () -> teapot.invoke("fail"));
        assertEquals("IllegalStateException", e.remoteType());
        assertTrue(e.getMessage().contains("out of teapots"));
        ActorException missing = assertThrows(ActorException.class, () -> teapot.invoke("nope"));
        assertEquals("MethodNotFound", missing.remoteType());
        assertEquals(12L, teapot.invokeAsync("stock", null, Duration.ofSeconds(5)).get());
        assertEquals(12L, caller.actorInvoke("inventory", "teapot", "stock", null, Duration.ofSeconds(5)).get());
        teapot.tell("noted", "x");
        assertTrue(TOLD.await(10, TimeUnit.SECONDS));
        assertTrue(runtime.stats().calls() >= 8);
        assertTrue(runtime.stats().activations() >= 2);
        Map<String, ActorMethodStats> byMethod = new java.util.HashMap<>();
        for (ActorMethodStats m : runtime.methodStats()) byMethod.put(m.method(), m);
        assertEquals(2, byMethod.get("$activate").calls());
        ActorMethodStats reserve = byMethod.get("reserve");
        assertEquals("inventory", reserve.actorType());
        assertEquals(2, reserve.calls());
        assertEquals(0, reserve.failed());
        assertTrue(reserve.runLatency().p50Us() > 0);
        assertTrue(reserve.runLatency().p99Us() <= reserve.runLatency().maxUs());
        assertEquals(1, byMethod.get("fail").failed());
      }
    }
  }

  @Test
  void turnsOfOneActorNeverOverlapAndNoIncrementIsLost(NatsServer server) throws Exception {
    final int callers = 6;
    final int calls = 100;
    try (Connection host = Nervure.connect(server.url()); Connection caller = Nervure.connect(server.url());
        ActorRuntime runtime = ActorRuntime.builder(host).buckets("java-count-leases", "java-count-state").build()) {
      runtime.register("counter", Counter::new);
      runtime.start();
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<?>> done = new java.util.ArrayList<>();
        for (int c = 0; c < callers; c++) {
          ActorProxy counter = caller.actorProxy("counter", c % 2 == 0 ? "even" : "odd");
          boolean async = c >= callers - 2;  // some through the dispatcher, the rest waiting in native code
          done.add(pool.submit(() -> {
            for (int i = 0; i < calls; i++) {
              if (async) counter.invokeAsync("increment", null, Duration.ofSeconds(10)).get();
              else counter.invoke("increment", null, Duration.ofSeconds(10));
            }
            return null;
          }));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      assertFalse(Counter.OVERLAPPED.get(), "a turn started while another of the same actor ran");
      long expected = (long) calls * callers / 2;
      assertEquals(expected + 1, caller.actorProxy("counter", "even").invoke("increment", null));
      assertEquals(expected + 1, caller.actorProxy("counter", "odd").invoke("increment", null));
    }
  }

  @Test
  void aBlockedTurnDoesNotStallAnotherActor(NatsServer server) throws Exception {
    try (Connection host = Nervure.connect(server.url()); Connection caller = Nervure.connect(server.url());
        ActorRuntime runtime = ActorRuntime.builder(host).buckets("java-block-leases", "java-block-state").build()) {
      runtime.register("blocker", Blocker::new);
      runtime.start();
      assertEquals("pong", caller.actorProxy("blocker", "b").invoke("ping"));  // both active before the hold
      var held = caller.actorProxy("blocker", "a").invokeAsync("hold", null, Duration.ofSeconds(30));
      assertTrue(Blocker.HOLDING.await(10, TimeUnit.SECONDS));
      try {
        assertEquals("pong", caller.actorProxy("blocker", "b").invoke("ping", null, Duration.ofSeconds(5)));
      } finally {
        Blocker.RELEASE.countDown();
      }
      assertEquals("released", held.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void nobodyHostsTheType(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      assertThrows(NoRespondersException.class,
          () -> c.actorProxy("nobody-hosts-this", "x").invoke("m", null, Duration.ofSeconds(2)));
    }
  }

  @Test
  void timersRemindersAndDeactivation(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      ActorRuntime runtime = ActorRuntime.builder(c).idleTimeout(Duration.ofSeconds(30))
          .buckets("java-clock-leases", "java-clock-state").build();
      runtime.register("clock", Clock::new);
      runtime.start();
      ActorProxy clock = c.actorProxy("clock", "kitchen");
      clock.invoke("startTicking");
      assertTrue(TICKS.await(10, TimeUnit.SECONDS));
      assertTrue(REMINDED.await(10, TimeUnit.SECONDS));
      assertTrue((Long) clock.invoke("ticks") >= 2);
      runtime.stop(Duration.ofSeconds(10));
      assertTrue(DEACTIVATED.await(10, TimeUnit.SECONDS));
    }
  }
}

package io.nervure;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class ConnectionTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void connectAndIntrospect(NatsServer server) {
    CountDownLatch connected = new CountDownLatch(1);
    Options o = Options.builder().server(server.url()).name("java-test")
        .eventListener((c, e, d) -> { if (e == Event.CONNECTED) connected.countDown(); }).build();
    try (Connection c = Nervure.connect(o)) {
      assertTrue(c.isConnected());
      assertFalse(c.isClosed());
      assertFalse(c.isReconnecting());
      ServerInfo info = c.serverInfo();
      assertNotNull(info.serverId());
      assertTrue(info.headers());
      assertTrue(info.maxPayload() > 0);
      assertEquals(info.maxPayload(), c.maxPayload());
      assertTrue(info.json().startsWith("{"));
      assertTrue(c.newInbox().startsWith("_INBOX."));
      assertNotEquals(c.newInbox(), c.newInbox());
      assertFalse(c.connectedUrl().isEmpty());
      assertEquals("java-test", c.options().name());
      c.flush(T);
    }
    assertFalse(Nervure.version().isEmpty());
  }

  @Test
  void operationsAfterCloseFail(NatsServer server) throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    Options o = Options.builder().server(server.url())
        .eventListener((c, e, d) -> { if (e == Event.CLOSED) closed.countDown(); }).build();
    Connection c = Nervure.connect(o);
    Subscription s = c.subscribe("cx.after");
    c.close();
    c.close();
    assertTrue(c.isClosed());
    assertFalse(c.isConnected());
    assertThrows(ConnectionClosedException.class, () -> c.publish("cx.after", new byte[0]));
    assertThrows(ConnectionClosedException.class, () -> c.subscribe("cx.after"));
    assertThrows(ConnectionClosedException.class, () -> c.request("cx.after", new byte[0], T));
    assertThrows(ConnectionClosedException.class, () -> c.flush(T));
    assertFalse(s.isActive());
    assertTrue(closed.await(5, TimeUnit.SECONDS) || c.isClosed());
  }

  @Test
  void drainClosesGracefully(NatsServer server) throws Exception {
    Connection c = Nervure.connect(server.url());
    int[] got = new int[1];
    c.subscribe("cx.drain", m -> got[0]++);
    c.flush(T);
    for (int i = 0; i < 20; i++) c.publish("cx.drain", new byte[1]);
    c.drain(T);
    assertTrue(c.isClosed());
    assertEquals(20, got[0]);
  }

  @Test
  void unreachableServerFails() {
    Options o = Options.builder().server("nats://127.0.0.1:1").connectTimeout(Duration.ofMillis(500))
        .reconnect(false).build();
    assertThrows(NervureException.class, () -> Nervure.connect(o));
  }

  @Test
  void badUrlAndOptionsAreRefused() {
    assertThrows(NervureException.class, () -> Nervure.connect("notascheme://x:y:z"));
    assertThrows(InvalidArgumentException.class, () -> Options.builder().maxReconnectAttempts(-2));
  }

  @Test
  void tokenAuthentication() {
    try (NatsServer s = new NatsServer("token")) {
      try (Connection c = Nervure.connect(Options.builder().server(s.url()).token(s.field("token")).build())) {
        assertTrue(c.isConnected());
      }
      Options bad = Options.builder().server(s.url()).token("wrong").reconnect(false).build();
      assertThrows(AuthorizationException.class, () -> Nervure.connect(bad));
    }
  }

  @Test
  void userPasswordAuthentication() {
    try (NatsServer s = new NatsServer("userpass")) {
      Options ok = Options.builder().server(s.url()).user(s.field("user")).password(s.field("password")).build();
      try (Connection c = Nervure.connect(ok)) {
        c.flush(T);
      }
      Options bad = Options.builder().server(s.url()).user(s.field("user")).password("nope").reconnect(false).build();
      assertThrows(AuthorizationException.class, () -> Nervure.connect(bad));
    }
  }

  @Test
  void tlsWithCa() {
    try (NatsServer s = new NatsServer("tls")) {
      Options o = Options.builder().server(s.url()).tlsCaFile(s.field("ca_file")).build();
      try (Connection c = Nervure.connect(o)) {
        Subscription sub = c.subscribe("tls.x");
        c.flush(T);
        c.publish("tls.x", new byte[] {7});
        assertEquals(7, sub.nextMessage(T).data()[0]);
      }
    }
  }

  @Test
  void nkeyAuthentication() {
    try (NatsServer s = new NatsServer("nkey")) {
      try (Connection c = Nervure.connect(Options.builder().server(s.url()).nkeySeed(s.field("nkey_seed")).build())) {
        c.flush(T);
      }
      Options none = Options.builder().server(s.url()).reconnect(false).build();
      assertThrows(AuthorizationException.class, () -> Nervure.connect(none));
    }
  }

  @Test
  void credsFileAuthentication() {
    try (NatsServer s = new NatsServer("jwt")) {
      try (Connection c = Nervure.connect(Options.builder().server(s.url()).credsFile(s.field("creds_file")).build())) {
        Subscription sub = c.subscribe("jwt.x");
        c.flush(T);
        c.publish("jwt.x", new byte[] {1});
        assertEquals(1, sub.nextMessage(T).data()[0]);
      }
    }
  }

  @Test
  void mutualTls() {
    try (NatsServer s = new NatsServer("tls", "--tls-verify")) {
      Options o = Options.builder().server(s.url()).tlsCaFile(s.field("ca_file")).tlsCertFile(s.field("cert_file"))
          .tlsKeyFile(s.field("key_file")).build();
      try (Connection c = Nervure.connect(o)) {
        c.flush(T);
      }
    }
  }

  @Test
  void blockingCallsInTheListenerAreRefusedNotDeadlocked(NatsServer server) throws Exception {
    java.util.concurrent.atomic.AtomicReference<Throwable> seen = new java.util.concurrent.atomic.AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Connection[] self = new Connection[1];
    Options o = Options.builder().server(server.url()).eventListener((c, e, d) -> {
      if (e != Event.CONNECTED) return;
      try {
        c.flush(T);
      } catch (Throwable t) {
        seen.set(t);
      }
      // the native-waiting request works here
      seen.compareAndSet(null, new AssertionError("flush did not refuse"));
      try {
        c.request("cx.listener.svc", new byte[0], T);
      } catch (NoRespondersException expected) {
        done.countDown();
      }
    }).build();
    try (Connection c = Nervure.connect(o)) {
      self[0] = c;
      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertInstanceOf(IllegalStateException.class, seen.get());
    }
  }
}

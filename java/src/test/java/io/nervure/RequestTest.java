package io.nervure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class RequestTest {
  static final Duration T = Duration.ofSeconds(5);

  @Test
  void requestReplyWithHeaders(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      c.subscribe("rq.echo", m -> m.respond(("echo " + m.dataAsString()).getBytes(UTF_8),
          new Headers().add("Echoed", m.headers().getFirst("In") == null ? "-" : m.headers().getFirst("In"))));
      c.flush(T);
      Message r = c.request("rq.echo", new Headers().add("In", "x"), "hi".getBytes(UTF_8), T);
      assertEquals("echo hi", r.dataAsString());
      assertEquals("x", r.headers().getFirst("Echoed"));
      assertEquals("echo yo", c.request("rq.echo", "yo".getBytes(UTF_8), T).dataAsString());
    }
  }

  @Test
  void asyncRequestsComplete(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      c.subscribe("rq.many", m -> m.respond(m.data()));
      c.flush(T);
      List<CompletableFuture<Message>> fs = new ArrayList<>();
      for (int i = 0; i < 100; i++) fs.add(c.request("rq.many", ("" + i).getBytes(UTF_8)));
      for (int i = 0; i < 100; i++) assertEquals("" + i, fs.get(i).get().dataAsString());
      // Continuations run on the dispatcher (or the caller when already complete), never on a core thread.
      String where = c.request("rq.many", new byte[0]).thenApply(m -> Thread.currentThread().getName()).get();
      assertTrue(where.startsWith("nervure-dispatch-") || where.equals(Thread.currentThread().getName()), where);
    }
  }

  @Test
  void noResponders(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      assertThrows(NoRespondersException.class, () -> c.request("rq.nobody", new byte[0], T));
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> c.request("rq.nobody", new byte[0]).get());
      assertInstanceOf(NoRespondersException.class, e.getCause());
    }
  }

  @Test
  void requestTimesOut(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      c.subscribe("rq.silent");
      c.flush(T);
      assertThrows(TimeoutException.class, () -> c.request("rq.silent", new byte[0], Duration.ofMillis(200)));
    }
  }

  @Test
  void cancelledRequestNeverCompletes(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      c.subscribe("rq.slow");
      c.flush(T);
      CompletableFuture<Message> f = c.requestAsync("rq.slow", null, new byte[0], Duration.ofSeconds(10));
      assertTrue(f.cancel(true));
      assertTrue(f.isCancelled());
      c.flush(T);
    }
  }

  @Test
  void closeFailsPendingRequests(NatsServer server) {
    Connection c = Nervure.connect(server.url());
    c.subscribe("rq.pending");
    c.flush(T);
    CompletableFuture<Message> f = c.requestAsync("rq.pending", null, new byte[0], Duration.ofSeconds(30));
    c.close();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertInstanceOf(ConnectionClosedException.class, e.getCause());
  }

  @Test
  void invalidRequestSubject(NatsServer server) {
    try (Connection c = Nervure.connect(server.url())) {
      assertThrows(InvalidSubjectException.class, () -> c.request("bad subject", new byte[0], T));
    }
  }

  @Test
  void manyFailuresInFlightAtOnce(NatsServer server) throws Exception {
    try (Connection c = Nervure.connect(server.url())) {
      List<CompletableFuture<Message>> fs = new ArrayList<>();
      for (int i = 0; i < 2000; i++) fs.add(c.request("rq.nobody.many", new byte[0]));
      for (CompletableFuture<Message> f : fs) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(NoRespondersException.class, e.getCause());
      }
    }
  }
}

package io.nervure;

import io.nervure.internal.NativeOps;
import io.nervure.internal.Records;
import io.nervure.internal.Wakeup;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A connection to a NATS server (or cluster). Thread-safe. Asynchronous
 * results complete on the connection's dispatcher thread, never on a core I/O
 * thread; subscription handlers run on each subscription's own thread.
 */
public final class Connection implements AutoCloseable {
  static final Cleaner CLEANER = Cleaner.create();
  private static final AtomicLong IDS = new AtomicLong();
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final long handle;
  private final Options options;
  private final Thread dispatcher;
  private final AtomicLong tokens = new AtomicLong();
  private final Map<Long, CompletableFuture<?>> pending = new ConcurrentHashMap<>();
  private final Map<Subscription, Boolean> subscriptions = new ConcurrentHashMap<>();
  private final Map<Long, Runnable> readyWatchers = new ConcurrentHashMap<>();
  private volatile boolean closing;

  private Connection(long handle, Options options) {
    this.handle = handle;
    this.options = options;
    CLEANER.register(this, () -> NativeOps.connectionDestroy(handle));
    this.dispatcher = new Thread(this::dispatch, "nervure-dispatch-" + IDS.incrementAndGet());
    this.dispatcher.setDaemon(true);
    this.dispatcher.start();
  }

  static Connection open(Options options) {
    Objects.requireNonNull(options, "options");
    long opts = NativeOps.optionsCreate();
    try {
      options.applyTo(opts);
      return new Connection(NativeOps.connect(opts), options);
    } finally {
      NativeOps.optionsDestroy(opts);
    }
  }

  long handle() {
    return handle;
  }

  /** @return the options it was made with */
  public Options options() {
    return options;
  }

  // ---- publish ------------------------------------------------------------------

  /**
   * Publishes a message; fire and forget.
   *
   * @param subject where to
   * @param data the payload (may be null: empty)
   * @throws InvalidSubjectException for a bad subject
   * @throws MaxPayloadException when too large for the server
   * @throws ConnectionClosedException when closed
   */
  public void publish(String subject, byte[] data) {
    NativeOps.connectionPublish(handle, subject, data, "", null);
  }

  /**
   * Publishes a message with headers.
   *
   * @param subject where to
   * @param headers headers, or null
   * @param data the payload
   */
  public void publish(String subject, Headers headers, byte[] data) {
    NativeOps.connectionPublish(handle, subject, data, "", headers == null ? null : headers.toNative());
  }

  /**
   * Publishes a message with a reply subject.
   *
   * @param subject where to
   * @param reply the reply subject, or null
   * @param data the payload
   */
  public void publish(String subject, String reply, byte[] data) {
    NativeOps.connectionPublish(handle, subject, data, reply == null ? "" : reply, null);
  }

  /**
   * Publishes a message with a reply subject and headers.
   *
   * @param subject where to
   * @param reply the reply subject, or null
   * @param headers headers, or null
   * @param data the payload
   */
  public void publish(String subject, String reply, Headers headers, byte[] data) {
    NativeOps.connectionPublish(handle, subject, data, reply == null ? "" : reply,
        headers == null ? null : headers.toNative());
  }

  // ---- subscribe ----------------------------------------------------------------

  /**
   * Subscribes; read with {@link Subscription#nextMessage(Duration)}.
   *
   * @param subject the subject, wildcards * and &gt; allowed
   * @return the subscription
   */
  public Subscription subscribe(String subject) {
    return subscribe(subject, null, 0, 0, 0, null);
  }

  /**
   * Subscribes in a queue group: each message goes to one member.
   *
   * @param subject the subject
   * @param queue the queue group
   * @return the subscription
   */
  public Subscription subscribe(String subject, String queue) {
    return subscribe(subject, queue, 0, 0, 0, null);
  }

  /**
   * Subscribes with a handler, run on the subscription's own thread.
   *
   * @param subject the subject
   * @param handler the handler
   * @return the subscription
   */
  public Subscription subscribe(String subject, MessageHandler handler) {
    return subscribe(subject, null, 0, 0, 0, Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Subscribes in a queue group with a handler.
   *
   * @param subject the subject
   * @param queue the queue group, or null
   * @param handler the handler
   * @return the subscription
   */
  public Subscription subscribe(String subject, String queue, MessageHandler handler) {
    return subscribe(subject, queue, 0, 0, 0, Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Subscribes with every setting.
   *
   * @param subject the subject
   * @param queue the queue group, or null
   * @param maxMsgs end after this many messages (0: never)
   * @param pendingMsgsLimit queue limit in messages (0: the connection's default, -1 unlimited)
   * @param pendingBytesLimit queue limit in bytes (0: the connection's default, -1 unlimited)
   * @param handler the handler, or null to read with nextMessage
   * @return the subscription
   * @throws InvalidSubjectException for a bad subject or queue name
   */
  public Subscription subscribe(String subject, String queue, long maxMsgs, long pendingMsgsLimit,
      long pendingBytesLimit, MessageHandler handler) {
    long sub = NativeOps.connectionSubscribe(handle, subject, queue == null ? "" : queue, maxMsgs, pendingMsgsLimit,
        pendingBytesLimit);
    Subscription s = new Subscription(this, sub, subject, queue, handler);
    subscriptions.put(s, Boolean.TRUE);
    s.start();
    return s;
  }

  /**
   * Wraps a source handle the core made (an actor host's turns) as a subscription: with a handler,
   * delivered on its own thread; without one, read with {@link Subscription#poll}.
   */
  Subscription adopt(long sub, String name, MessageHandler handler) {
    Subscription s = new Subscription(this, sub, name, null, handler);
    subscriptions.put(s, Boolean.TRUE);
    s.start();
    return s;
  }

  void forget(Subscription s) {
    subscriptions.remove(s);
  }

  /**
   * Runs onReady on the dispatcher each time the source with this id reports that messages came
   * while nobody waited in the core for them (the actor runtime's standby runners hear it so).
   */
  void watchReady(long sourceId, Runnable onReady) {
    readyWatchers.put(sourceId, onReady);
  }

  void unwatchReady(long sourceId) {
    readyWatchers.remove(sourceId);
  }

  // ---- request ------------------------------------------------------------------

  /**
   * Sends a request; the future completes with the first reply, or fails with
   * {@link NoRespondersException} or {@link TimeoutException} (after 2 s).
   * Cancelling the future gives up on the reply.
   *
   * @param subject where to
   * @param data the payload
   * @return the reply, later
   */
  public CompletableFuture<Message> request(String subject, byte[] data) {
    return requestAsync(subject, null, data, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Sends a request with headers and a timeout; the future completes with the reply.
   *
   * @param subject where to
   * @param headers headers, or null
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the reply, later
   */
  public CompletableFuture<Message> requestAsync(String subject, Headers headers, byte[] data, Duration timeout) {
    String[] h = headers == null ? null : headers.toNative();
    long ms = timeout.toMillis();
    return startAsync(token -> NativeOps.connectionRequest(handle, subject, data, ms, h, token));
  }

  /** Starts an asynchronous operation under a fresh token; the dispatcher completes the future. */
  <T> CompletableFuture<T> startAsync(java.util.function.LongConsumer start) {
    long token = tokens.incrementAndGet();
    CompletableFuture<T> f = new CompletableFuture<>();
    pending.put(token, f);
    try {
      start.accept(token);
    } catch (RuntimeException e) {
      pending.remove(token);
      f.completeExceptionally(e);
      return f;
    }
    f.whenComplete((m, e) -> {
      if (f.isCancelled() && pending.remove(token) != null) NativeOps.connectionCancel(handle, token);
    });
    return f;
  }

  /** @return the JetStream context (default domain and API prefix) */
  public JetStream jetStream() {
    return jetStream("", "", Duration.ofSeconds(5));
  }

  /**
   * @param domain the JetStream domain, or empty
   * @param apiPrefix the API prefix, or empty
   * @param timeout the timeout of its API calls
   * @return the JetStream context
   */
  public JetStream jetStream(String domain, String apiPrefix, Duration timeout) {
    return new JetStream(this, NativeOps.connectionJetstream(handle, domain, apiPrefix, timeout.toMillis()));
  }

  /**
   * The actor host of this connection, to configure and build ({@link ActorRuntime#builder}).
   *
   * @return a builder of an {@link ActorRuntime} on this connection
   */
  public ActorRuntime.Builder actorHost() {
    return ActorRuntime.builder(this);
  }

  /**
   * Calls a method of an actor (one turn), wherever it is hosted; same as
   * {@code actorProxy(actorType, actorId).invokeAsync(method, args, timeout)}.
   *
   * @param actorType the actor type
   * @param actorId the actor id
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @param timeout how long to wait
   * @return the result, later
   */
  public CompletableFuture<Object> actorInvoke(String actorType, String actorId, String method, Object args,
      Duration timeout) {
    return actorProxy(actorType, actorId).invokeAsync(method, args, timeout);
  }

  /**
   * Fire and forget, durably; same as {@code actorProxy(actorType, actorId).tellAsync(...)}.
   *
   * @param actorType the actor type
   * @param actorId the actor id
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @param dedupId a de-duplication id, or empty
   * @return completes once the call is stored
   */
  public CompletableFuture<Void> actorTell(String actorType, String actorId, String method, Object args,
      String dedupId) {
    return actorProxy(actorType, actorId).tellAsync(method, args, dedupId, Duration.ofSeconds(5));
  }

  /**
   * A proxy for calls to the actor (actorType, actorId), wherever it is hosted.
   *
   * @param actorType the actor type
   * @param actorId the actor id
   * @return the proxy
   */
  public ActorProxy actorProxy(String actorType, String actorId) {
    return new ActorProxy(this, actorType, actorId, 32, 0);
  }

  /**
   * Sends a request and waits for the reply.
   *
   * @param subject where to
   * @param data the payload
   * @param timeout how long to wait
   * @return the reply
   * @throws NoRespondersException when nobody listens
   * @throws TimeoutException when no reply came in time
   */
  public Message request(String subject, byte[] data, Duration timeout) {
    return request(subject, null, data, timeout);
  }

  /**
   * Sends a request with headers and waits for the reply.
   *
   * @param subject where to
   * @param headers headers, or null
   * @param data the payload
   * @param timeout how long to wait
   * @return the reply
   */
  public Message request(String subject, Headers headers, byte[] data, Duration timeout) {
    // Waits in native code: the reply wakes this thread directly, without the dispatcher.
    return reply(NativeOps.connectionRequestSync(handle, subject, data, timeout.toMillis(),
        headers == null ? null : headers.toNative()));
  }

  /** The message a blocking native call returned encoded (null: none). */
  Message reply(byte[] encoded) {
    if (encoded == null) return null;
    List<Message> one = new ArrayList<>(1);
    Records.decodeMessage(encoded, factory, one);
    return one.isEmpty() ? null : one.get(0);
  }

  // ---- flush, drain, close --------------------------------------------------------

  /**
   * A round trip to the server, completing when everything published before was processed.
   *
   * @param timeout how long to wait
   * @return completes (with null) after the round trip
   */
  public CompletableFuture<Void> flushAsync(Duration timeout) {
    long ms = timeout.toMillis();
    return startAsync(token -> NativeOps.connectionFlush(handle, ms, token));
  }

  /**
   * Waits for a round trip to the server.
   *
   * @param timeout how long to wait
   * @throws TimeoutException when the server did not answer in time
   */
  public void flush(Duration timeout) {
    await(flushAsync(timeout));
  }

  /**
   * Drains every subscription (their handlers see what was queued), flushes, then closes.
   *
   * @param timeout how long it may take
   */
  public void drain(Duration timeout) {
    NativeOps.connectionDrain(handle, timeout.toMillis());
    finish();
  }

  /** Drains with a 30 s limit. */
  public void drain() {
    drain(Duration.ofSeconds(30));
  }

  /** Closes now; pending requests fail with {@link ConnectionClosedException}. Idempotent. */
  @Override
  public void close() {
    NativeOps.connectionClose(handle);
    finish();
  }

  private void finish() {
    closing = true;
    if (Thread.currentThread() != dispatcher) {
      try {
        dispatcher.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Subscription s : new ArrayList<>(subscriptions.keySet())) s.joinHandler(Duration.ofSeconds(5));
  }

  // ---- introspection --------------------------------------------------------------

  /** @return whether the connection is up */
  public boolean isConnected() {
    return NativeOps.connectionIsConnected(handle);
  }

  /** @return whether it is down and trying to come back */
  public boolean isReconnecting() {
    return NativeOps.connectionIsReconnecting(handle);
  }

  /** @return whether it was closed */
  public boolean isClosed() {
    return NativeOps.connectionIsClosed(handle);
  }

  /** @return messages and bytes in and out, reconnects */
  public Stats stats() {
    return Stats.fromNative(NativeOps.connectionStats(handle));
  }

  /** @return the INFO of the server in use */
  public ServerInfo serverInfo() {
    return new ServerInfo(NativeOps.connectionServerInfo(handle));
  }

  /** @return the server in use, or empty while disconnected */
  public String connectedUrl() {
    return NativeOps.connectionConnectedUrl(handle);
  }

  /** @return a fresh unique reply subject */
  public String newInbox() {
    return NativeOps.connectionNewInbox(handle);
  }

  /** @return the largest message the server accepts */
  public long maxPayload() {
    return NativeOps.connectionMaxPayload(handle);
  }

  // ---- the dispatcher -------------------------------------------------------------

  final Records.MessageFactory<Message> factory = (s, r, d, h, st) -> new Message(this, s, r, d, h, st);

  @SuppressWarnings("unchecked")
  private void dispatch() {
    List<Message> one = new ArrayList<>(1);
    while (true) {
      Wakeup w;
      try {
        w = NativeOps.take(handle, closing ? 0 : 250);
      } catch (Throwable t) {
        w = null;
        if (!closing) LockSupport.parkNanos(10_000_000L);  // never spin on a failing take
      }
      if (w == null) {
        if (closing) break;
        continue;
      }
      for (int i = 0; i < w.tokens.length; i++) {
        CompletableFuture<Object> f = (CompletableFuture<Object>) pending.remove(w.tokens[i]);
        if (f == null) continue;
        Object r = w.results[i];
        if (r instanceof Throwable t) {
          f.completeExceptionally(t);
        } else if (r instanceof byte[] encoded) {
          one.clear();
          Records.decodeMessage(encoded, factory, one);
          f.complete(one.isEmpty() ? null : one.get(0));
        } else {
          f.complete(null);
        }
      }
      for (long id : w.readyIds) {
        Runnable watcher = readyWatchers.get(id);
        if (watcher != null) watcher.run();
      }
      EventListener l = options.eventListener();
      for (int i = 0; i < w.eventCodes.length; i++) {
        Event e = Event.of(w.eventCodes[i]);
        if (e == Event.CLOSED) closing = true;  // nothing else comes: take what is left without waiting
        if (l != null && e != null) {
          try {
            l.onEvent(this, e, w.eventDetails[i]);
          } catch (Throwable ignored) {
            // a listener's failure must not stop the dispatcher
          }
        }
      }
    }
    ConnectionClosedException closed = new ConnectionClosedException("connection closed");
    for (Long t : new ArrayList<>(pending.keySet())) {
      CompletableFuture<?> f = pending.remove(t);
      if (f != null) f.completeExceptionally(closed);
    }
  }

  void reportHandlerFailure(Subscription s, Throwable t) {
    EventListener l = options.eventListener();
    if (l == null) return;
    try {
      l.onEvent(this, Event.ASYNC_ERROR, "handler of " + s.subject() + " failed: " + t);
    } catch (Throwable ignored) {
      // nothing more to do
    }
  }

  /** Waits for a future the dispatcher completes; refuses to wait on the dispatcher itself (it would never end). */
  <T> T await(CompletableFuture<T> f) {
    if (Thread.currentThread() == dispatcher && !f.isDone()) {
      throw new IllegalStateException("a blocking call in an event listener would wait for its own thread; "
          + "use the asynchronous variant");
    }
    try {
      return f.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new NervureException(String.valueOf(c), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NervureException("interrupted", e);
    }
  }
}

package io.nervure;

import io.nervure.internal.NativeOps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Calls one actor, wherever it is hosted: {@code proxy.invoke("reserve", 1)}.
 * Arguments and results are MessagePack ({@link MsgPack}: numbers, strings,
 * bytes, lists, maps), so actors hosted in any language answer.
 */
public final class ActorProxy {
  private static final byte[] NONE = new byte[0];
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private final Connection connection;
  private final String actorType;
  private final String actorId;
  private final long partitions;
  private final long host;

  ActorProxy(Connection connection, String actorType, String actorId, long partitions, long host) {
    this.connection = connection;
    this.actorType = actorType;
    this.actorId = actorId;
    this.partitions = partitions;
    this.host = host;
  }

  /** @return the actor type */
  public String actorType() {
    return actorType;
  }

  /** @return the actor id */
  public String actorId() {
    return actorId;
  }

  /**
   * One call without an argument, one turn; waits up to 5 s.
   *
   * @param method the method
   * @return its result (decoded MessagePack)
   * @throws ActorException with the remote error's type and message when the method failed
   * @throws NoRespondersException when nobody hosts the type
   * @throws TimeoutException when no result came in time
   */
  public Object invoke(String method) {
    return result(invokeBlocking(method, NONE, DEFAULT_TIMEOUT));
  }

  /**
   * One call with an argument, one turn; waits up to 5 s.
   *
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @return its result
   */
  public Object invoke(String method, Object args) {
    return invoke(method, args, DEFAULT_TIMEOUT);
  }

  /**
   * One call with an argument and a timeout.
   *
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @param timeout how long to wait
   * @return its result
   */
  public Object invoke(String method, Object args, Duration timeout) {
    return result(invokeBlocking(method, MsgPack.pack(args), timeout));
  }

  /**
   * One call, completing later with the result.
   *
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @param timeout how long to wait
   * @return the result, later
   */
  public CompletableFuture<Object> invokeAsync(String method, Object args, Duration timeout) {
    return invokeRaw(method, MsgPack.pack(args), timeout).thenApply(ActorProxy::result);
  }

  private static Object result(Message m) {
    return m == null ? null : MsgPack.unpack(m.data());
  }

  /** Waits in native code: the reply wakes this thread directly, without the dispatcher. */
  private Message invokeBlocking(String method, byte[] data, Duration timeout) {
    long ms = timeout.toMillis();
    long turn = ActorRuntime.currentTurn();
    if (host != 0 && turn != 0) {
      TurnRunners.beforeBlocking();
      return connection.reply(NativeOps.actorHostInvokeSync(host, turn, actorType, actorId, method, data, ms));
    }
    return connection.reply(NativeOps.connectionActorInvokeSync(connection.handle(), actorType, actorId, method,
        data, ms, partitions));
  }

  private CompletableFuture<Message> invokeRaw(String method, byte[] data, Duration timeout) {
    long ms = timeout.toMillis();
    long turn = ActorRuntime.currentTurn();
    if (host != 0 && turn != 0) {
      return connection.startAsync(
          token -> NativeOps.actorHostInvoke(host, turn, actorType, actorId, method, data, ms, token));
    }
    return connection.startAsync(
        token -> NativeOps.connectionActorInvoke(connection.handle(), actorType, actorId, method, data, ms,
            partitions, token));
  }

  /**
   * Fire and forget, durably: returns once the call is stored in the hosts' tell
   * stream; it runs at least once, its result dropped.
   *
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @throws NoRespondersException when no host of the type ever started
   */
  public void tell(String method, Object args) {
    // Waits in native code, as invoke does.
    NativeOps.connectionActorTellSync(connection.handle(), actorType, actorId, method, MsgPack.pack(args), "",
        DEFAULT_TIMEOUT.toMillis());
  }

  /**
   * Fire and forget, durably, with a de-duplication id (the same id within 2 minutes is stored once).
   *
   * @param method the method
   * @param args the argument (MessagePack-able)
   * @param dedupId the de-duplication id, or empty
   * @param timeout how long storing may take
   * @return completes once stored
   */
  public CompletableFuture<Void> tellAsync(String method, Object args, String dedupId, Duration timeout) {
    byte[] data = MsgPack.pack(args);
    long ms = timeout.toMillis();
    return connection.startAsync(token -> NativeOps.connectionActorTell(connection.handle(), actorType, actorId,
        method, data, dedupId == null ? "" : dedupId, ms, token));
  }
}

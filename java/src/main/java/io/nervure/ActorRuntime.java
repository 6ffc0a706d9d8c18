package io.nervure;

import io.nervure.internal.NativeOps;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hosts actor types in this process (virtual actors: placement, turn order,
 * state persistence, timers and reminders are the core's; this class runs the
 * turns on its runner threads, one turn at a time per actor).
 *
 * <pre>{@code
 * try (ActorRuntime runtime = ActorRuntime.builder(nc).build()) {
 *   runtime.register("inventory", Inventory::new);
 *   runtime.start();
 *   ...
 * }
 * }</pre>
 */
public final class ActorRuntime implements AutoCloseable {
  private static final ThreadLocal<Long> TURN = ThreadLocal.withInitial(() -> 0L);
  // An actor class's callable methods by name, found once per class: getMethods() copies every
  // Method it returns, which a lookup per turn paid each time.
  private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
    @Override
    protected Map<String, Method> computeValue(Class<?> type) {
      Map<String, Method> byName = new HashMap<>();
      for (Method m : type.getMethods()) {
        if (m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Actor.class
            || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 1) {
          continue;
        }
        byName.putIfAbsent(m.getName(), m);
      }
      return byName;
    }
  };
  private final Connection connection;
  private final Host host;
  private final long partitions;
  private final int workers;
  private TurnRunners runners;
  private final Map<String, Supplier<? extends Actor>> types = new ConcurrentHashMap<>();
  private final Map<String, Actor> actors = new ConcurrentHashMap<>();
  private Subscription turns;
  private volatile boolean started;

  /** The native host's operations, bound to its handle. */
  static final class Host {
    final long handle;

    Host(long handle) {
      this.handle = handle;
    }

    byte[] stateGet(long turn, String key) {
      return NativeOps.actorHostStateGet(handle, turn, key);
    }

    boolean stateContains(long turn, String key) {
      return NativeOps.actorHostStateContains(handle, turn, key);
    }

    void stateSet(long turn, String key, byte[] value) {
      NativeOps.actorHostStateSet(handle, turn, key, value);
    }

    boolean stateRemove(long turn, String key) {
      return NativeOps.actorHostStateRemove(handle, turn, key);
    }

    void stateSave(long turn) {
      NativeOps.actorHostStateSave(handle, turn);
    }

    void registerTimer(long turn, String name, String method, String due, String period, byte[] args) {
      NativeOps.actorHostRegisterTimer(handle, turn, name, method, due, period, args);
    }

    void unregisterTimer(long turn, String name) {
      NativeOps.actorHostUnregisterTimer(handle, turn, name);
    }

    void registerReminder(long turn, String name, String due, String period, byte[] data) {
      NativeOps.actorHostRegisterReminder(handle, turn, name, due, period, data);
    }

    void unregisterReminder(long turn, String name) {
      NativeOps.actorHostUnregisterReminder(handle, turn, name);
    }

    void complete(long turn, byte[] result, String errorType, String errorMessage) {
      NativeOps.actorHostComplete(handle, turn, result, errorType, errorMessage);
    }
  }

  /** Settings of a runtime; the defaults are the definition's. */
  public static final class Builder {
    private final Connection connection;
    private Duration idleTimeout = Duration.ofHours(1);
    private Duration callTimeout = Duration.ofMinutes(1);
    private boolean reentrancy;
    private long maxReentrancyDepth = 32;
    private Duration leaseTtl = Duration.ofSeconds(10);
    private long partitions = 32;
    private int workers = 4;
    private String hostId = "";
    private String leaseBucket = "nervure-actor-leases";
    private String stateBucket = "nervure-actor-state";

    Builder(Connection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** @param d idle time before an actor is deactivated @return this builder */
    public Builder idleTimeout(Duration d) {
      idleTimeout = d;
      return this;
    }

    /** @param d longest turn @return this builder */
    public Builder callTimeout(Duration d) {
      callTimeout = d;
      return this;
    }

    /** @param on allow calls back into an actor within one call chain @param maxDepth deepest chain @return this builder */
    public Builder reentrancy(boolean on, long maxDepth) {
      reentrancy = on;
      maxReentrancyDepth = maxDepth;
      return this;
    }

    /** @param d lease time of a partition @return this builder */
    public Builder leaseTtl(Duration d) {
      leaseTtl = d;
      return this;
    }

    /** @param n partitions (every host and caller of a type must agree) @return this builder */
    public Builder partitions(long n) {
      partitions = n;
      return this;
    }

    /** @param n threads that run turns (at most this many at once) @return this builder */
    public Builder workers(int n) {
      workers = n;
      return this;
    }

    /** @param id this host's id (empty: generated) @return this builder */
    public Builder hostId(String id) {
      hostId = id;
      return this;
    }

    /** @param lease lease bucket @param state state bucket @return this builder */
    public Builder buckets(String lease, String state) {
      leaseBucket = lease;
      stateBucket = state;
      return this;
    }

    /** @return the runtime (not started) */
    public ActorRuntime build() {
      long h = NativeOps.connectionActorHost(connection.handle(), idleTimeout.toMillis(), callTimeout.toMillis(),
          reentrancy, maxReentrancyDepth, leaseTtl.toMillis(), partitions, workers, hostId, leaseBucket, stateBucket);
      return new ActorRuntime(connection, new Host(h), partitions, workers);
    }
  }

  /**
   * @param connection the connection the runtime serves on
   * @return a builder with the default settings
   */
  public static Builder builder(Connection connection) {
    return new Builder(connection);
  }

  private ActorRuntime(Connection connection, Host host, long partitions, int workers) {
    this.connection = connection;
    this.host = host;
    this.partitions = partitions;
    this.workers = workers;
  }

  Connection connection() {
    return connection;
  }

  Host host() {
    return host;
  }

  long partitions() {
    return partitions;
  }

  static long currentTurn() {
    return TURN.get();
  }

  static long requireTurn() {
    long t = TURN.get();
    if (t == 0) throw new InvalidArgumentException("actor state is available only during the actor's turns");
    return t;
  }

  /** @return this host's id */
  public String hostId() {
    return NativeOps.actorHostHostId(host.handle);
  }

  /** @return counters of this host */
  public ActorStats stats() {
    return ActorStats.fromNative(NativeOps.actorHostStats(host.handle));
  }

  /** @return per-call metrics since start, by actor type and method, in name order */
  @SuppressWarnings("unchecked")
  public List<ActorMethodStats> methodStats() {
    Object methods = Json.object(NativeOps.actorHostMethodStats(host.handle)).get("methods");
    List<ActorMethodStats> out = new ArrayList<>();
    if (methods != null) for (Object m : (List<Object>) methods) out.add(ActorMethodStats.fromMap((Map<String, Object>) m));
    return out;
  }

  /**
   * Hosts an actor type; factory makes one instance per activation. Before {@link #start()}.
   *
   * @param actorType the type
   * @param factory makes an actor
   */
  public void register(String actorType, Supplier<? extends Actor> factory) {
    if (started) throw new InvalidArgumentException("register actor types before start()");
    NativeOps.actorHostRegisterType(host.handle, actorType);
    types.put(actorType, Objects.requireNonNull(factory, "factory"));
  }

  /**
   * Same as {@link #register}.
   *
   * @param actorType the type
   * @param factory makes an actor
   */
  public void registerType(String actorType, Supplier<? extends Actor> factory) {
    register(actorType, factory);
  }

  /** Joins placement and starts serving the registered types (blocking). */
  public void start() {
    if (started) throw new InvalidArgumentException("actor runtime started already");
    turns = connection.adopt(NativeOps.actorHostTurns(host.handle), "actor turns", null);
    runners = new TurnRunners(turns, workers, "nervure-actor", this::runTurn);
    connection.watchReady(turns.sourceId(), runners::wanted);
    runners.start();
    started = true;
    NativeOps.actorHostStart(host.handle);
  }

  /**
   * Stops taking calls, lets queued turns finish, deactivates every actor (saving state) and hands
   * the partitions over.
   *
   * @param timeout how long it may take
   */
  public void stop(Duration timeout) {
    if (!started) return;
    started = false;
    NativeOps.actorHostStop(host.handle, timeout.toMillis());
    if (runners != null) runners.join(timeout);
    if (turns != null) {
      connection.unwatchReady(turns.sourceId());
      connection.forget(turns);
    }
  }

  /** Stops with a 10 s limit. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  // ---- turns ------------------------------------------------------------------------

  private void runTurn(Message msg) {
    long turn = Long.parseLong(msg.reply());
    Headers h = msg.headers();
    String kind = Objects.requireNonNullElse(h.getFirst("Nervure-Turn"), "call");
    String type = Objects.requireNonNullElse(h.getFirst("Nervure-Actor-Type"), "");
    String id = Objects.requireNonNullElse(h.getFirst("Nervure-Actor-Id"), "");
    String key = type + "\u0000" + id;
    TURN.set(turn);
    try {
      Actor actor;
      Object result = null;
      if (kind.equals("activate")) {
        Supplier<? extends Actor> f = types.get(type);
        if (f == null) {
          host.complete(turn, null, "ActivationError", "actor type " + type + " is not hosted here");
          return;
        }
        actor = f.get();
        actor.actorType = type;
        actor.actorId = id;
        actor.runtime = this;
        actors.put(key, actor);
        actor.onActivate();
      } else {
        actor = actors.get(key);
        if (actor == null) {
          host.complete(turn, null, "ActivationError", "actor " + type + "/" + id + " is not active here");
          return;
        }
        if (kind.equals("deactivate")) {
          actors.remove(key);
          actor.onDeactivate();
        } else if (kind.equals("reminder")) {
          actor.receiveReminder(msg.subject(), MsgPack.unpack(msg.data()));
        } else {
          Method m = method(actor, msg.subject());
          if (m == null) {
            host.complete(turn, null, "MethodNotFound", "actor " + type + " has no method '" + msg.subject() + "'");
            return;
          }
          result = call(actor, m, msg.data());
        }
      }
      byte[] payload = kind.equals("call") ? MsgPack.pack(result) : null;
      host.complete(turn, payload, "", "");
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
      String errorType = cause instanceof ActorException a && !a.remoteType().isEmpty() ? a.remoteType()
          : cause.getClass().getSimpleName();
      try {
        host.complete(turn, null, errorType, String.valueOf(cause.getMessage()));
      } catch (RuntimeException ignored) {
        // the host is stopping
      }
    } finally {
      TURN.set(0L);
    }
  }

  private static Method method(Actor actor, String name) {
    if (name.isEmpty() || name.startsWith("_")) return null;
    return METHODS.get(actor.getClass()).get(name);
  }

  private static Object call(Actor actor, Method m, byte[] data) throws Exception {
    if (m.getParameterCount() == 0) return m.invoke(actor);
    Object arg = data == null || data.length == 0 ? null : MsgPack.unpack(data);
    return m.invoke(actor, convert(arg, m.getParameterTypes()[0]));
  }

  private static Object convert(Object v, Class<?> to) {
    if (v instanceof Number n) {
      if (to == int.class || to == Integer.class) return n.intValue();
      if (to == long.class || to == Long.class) return n.longValue();
      if (to == double.class || to == Double.class) return n.doubleValue();
      if (to == float.class || to == Float.class) return n.floatValue();
    }
    if (v == null && to.isPrimitive()) {
      if (to == boolean.class) return false;
      return convert(0L, to);
    }
    if (v instanceof List<?> l && to.isArray() && to.getComponentType() == Object.class) return l.toArray();
    return v;
  }
}

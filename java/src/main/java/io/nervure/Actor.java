package io.nervure;

/**
 * Base class of actors hosted in Java ({@link ActorRuntime#register}). Public
 * methods of the subclass are callable by name; each takes the call's argument
 * (none, or one parameter: Object, long, int, double, boolean, String, byte[],
 * List, Map) and returns the result (MessagePack-able). The runtime runs one
 * turn at a time per actor, on the runtime's runner threads.
 */
public abstract class Actor {
  String actorType;
  String actorId;
  ActorRuntime runtime;
  private ActorState state;

  /** @return this actor's type */
  public final String actorType() {
    return actorType;
  }

  /** @return this actor's id */
  public final String actorId() {
    return actorId;
  }

  /** @return the actor's state, during its turns */
  protected final ActorState state() {
    if (state == null) state = new ActorState(runtime);
    return state;
  }

  /** Runs before the first turn of an activation. @throws Exception to fail the activation */
  protected void onActivate() throws Exception {}

  /** Runs when the actor is deactivated (idle, or its host stops). @throws Exception reported */
  protected void onDeactivate() throws Exception {}

  /**
   * Runs for each due time of a reminder of this actor.
   *
   * @param name the reminder
   * @param data its data
   * @throws Exception reported
   */
  protected void receiveReminder(String name, Object data) throws Exception {}

  /**
   * Calls method as a turn after due, then every period ("1m30s", "PT1M30S", "R5/PT10S"), while active.
   *
   * @param name the timer's name
   * @param method the method to call
   * @param due first due time
   * @param period period, or empty for once
   * @param args the argument, or null for none
   */
  protected final void registerTimer(String name, String method, String due, String period, Object args) {
    runtime.host().registerTimer(ActorRuntime.requireTurn(), name, method, due, period == null ? "" : period,
        args == null ? new byte[0] : MsgPack.pack(args));
  }

  /** @param name a timer to cancel */
  protected final void unregisterTimer(String name) {
    runtime.host().unregisterTimer(ActorRuntime.requireTurn(), name);
  }

  /**
   * A durable reminder: receiveReminder(name, data) runs at each due time, across deactivation and failover.
   *
   * @param name the reminder's name
   * @param due first due time
   * @param period period, or empty for once
   * @param data data handed to receiveReminder
   */
  protected final void registerReminder(String name, String due, String period, Object data) {
    runtime.host().registerReminder(ActorRuntime.requireTurn(), name, due, period == null ? "" : period,
        MsgPack.pack(data));
  }

  /** @param name a reminder to remove */
  protected final void unregisterReminder(String name) {
    runtime.host().unregisterReminder(ActorRuntime.requireTurn(), name);
  }

  /**
   * A proxy whose calls belong to this turn's call chain (reentrancy needs that).
   *
   * @param actorType the actor type
   * @param actorId the actor id
   * @return the proxy
   */
  protected final ActorProxy proxy(String actorType, String actorId) {
    return new ActorProxy(runtime.connection(), actorType, actorId, runtime.partitions(), runtime.host().handle);
  }
}

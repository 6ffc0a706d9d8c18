package io.nervure;

/**
 * An actor's state, during its turns: values (MessagePack-able) are saved
 * together when a turn succeeds (or by {@link #save()}), discarded when it fails.
 */
public final class ActorState {
  private final ActorRuntime runtime;

  ActorState(ActorRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * @param key a key
   * @return its value, or null when absent
   */
  public Object get(String key) {
    return get(key, null);
  }

  /**
   * @param key a key
   * @param otherwise returned when absent
   * @return its value
   */
  public Object get(String key, Object otherwise) {
    long turn = ActorRuntime.requireTurn();
    byte[] data = runtime.host().stateGet(turn, key);
    if ((data == null || data.length == 0) && !runtime.host().stateContains(turn, key)) return otherwise;
    return MsgPack.unpack(data);
  }

  /**
   * @param key a key
   * @param value its new value
   */
  public void set(String key, Object value) {
    runtime.host().stateSet(ActorRuntime.requireTurn(), key, MsgPack.pack(value));
  }

  /**
   * @param key a key
   * @return true when it was there
   */
  public boolean remove(String key) {
    return runtime.host().stateRemove(ActorRuntime.requireTurn(), key);
  }

  /**
   * @param key a key
   * @return whether the state has it
   */
  public boolean contains(String key) {
    return runtime.host().stateContains(ActorRuntime.requireTurn(), key);
  }

  /** Saves now rather than at the end of the turn. */
  public void save() {
    runtime.host().stateSave(ActorRuntime.requireTurn());
  }
}

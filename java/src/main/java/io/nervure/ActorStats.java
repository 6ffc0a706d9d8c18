// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/**
 * Counters of an actor host.
 *
 * @param calls Call turns completed.
 * @param failedCalls Of which ended with an error.
 * @param activations Actors activated.
 * @param deactivations Actors deactivated.
 * @param activeActors Actors active now.
 * @param ownedPartitions Partitions this host serves now.
 */
public record ActorStats(long calls, long failedCalls, long activations, long deactivations, long activeActors, long ownedPartitions) {
  /** From the fields as the native layer hands them over, in order. */
  static ActorStats fromNative(long[] v) {
    return new ActorStats(v[0], v[1], v[2], v[3], v[4], v[5]);
  }
}

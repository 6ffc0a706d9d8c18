// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/**
 * Traffic counters of a connection since it was made.
 *
 * @param inMsgs Messages received.
 * @param inBytes Payload bytes received.
 * @param outMsgs Messages published.
 * @param outBytes Payload bytes published.
 * @param reconnects Times the connection was re-established.
 */
public record Stats(long inMsgs, long inBytes, long outMsgs, long outBytes, long reconnects) {
  /** From the fields as the native layer hands them over, in order. */
  static Stats fromNative(long[] v) {
    return new Stats(v[0], v[1], v[2], v[3], v[4]);
  }
}

package io.nervure.internal;

/** What one take() handed over (built by the native layer). */
public final class Wakeup {
  /** Tokens of finished asynchronous operations. */
  public final long[] tokens;
  /** Per token: null (done), byte[] (an encoded message batch: the reply), or the exception. */
  public final Object[] results;
  /** Subscriptions whose queue turned non-empty or that ended. */
  public final long[] readyIds;
  /** Event codes (see io.nervure.Event) and their details. */
  public final int[] eventCodes;
  /** The detail of each event. */
  public final String[] eventDetails;

  Wakeup(long[] tokens, Object[] results, long[] readyIds, int[] eventCodes, String[] eventDetails) {
    this.tokens = tokens;
    this.results = results;
    this.readyIds = readyIds;
    this.eventCodes = eventCodes;
    this.eventDetails = eventDetails;
  }
}

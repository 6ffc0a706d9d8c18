  /** Subject subscribed to. */
  readonly subject: string;
  /** Next message; rejects with TimeoutError after timeout ms, resolves null once the subscription ended. */
  nextMsg(timeout?: number): Promise<Msg | null>;
  /** Resolves when the subscription has ended (unsubscribed, drained, max messages, connection closed). */
  closed: Promise<void>;

  /** A handle on an existing pull consumer. */
  consumer(stream: string, name: string): PullConsumer;

  /** Resolves when the connection is closed for good (with the error that closed it, if any). */
  closed(): Promise<void | Error>;
  /** Whether an open connection keeps the process alive (default true, like a socket). */
  ref(): this;
  unref(): this;
  on(event: ConnectionEvent, listener: (detail: string) => void): this;
  on(event: "error", listener: (err: Error) => void): this;
  once(event: ConnectionEvent, listener: (detail: string) => void): this;
  once(event: "error", listener: (err: Error) => void): this;

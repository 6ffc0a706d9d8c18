/** Connects; servers may also be given as the first argument. */
export function connect(opts?: ConnectOptions): Promise<Connection>;
export function connect(servers: string | string[], opts?: ConnectOptions): Promise<Connection>;

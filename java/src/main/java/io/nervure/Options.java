// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

import io.nervure.internal.NativeOps;

/**
 * How to connect: servers, name, authentication, TLS, reconnection, keepalive.
 * Immutable; made with {@link #builder()}:
 *
 * <pre>{@code
 * Options o = Options.builder().server("nats://127.0.0.1:4222").name("orders")
 *     .maxReconnectAttempts(-1).build();
 * }</pre>
 */
public final class Options {
  private final java.util.List<String> servers;
  private final EventListener eventListener;

  /** @return a builder with every option at its default */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the server URLs given (empty: nats://127.0.0.1:4222) */
  public java.util.List<String> servers() {
    return servers;
  }

  /** @return the event listener, or null */
  public EventListener eventListener() {
    return eventListener;
  }

  // ---- generated from options.connect ----
  private final String name;
  private final String user;
  private final String password;
  private final String token;
  private final String nkeySeed;
  private final String credsFile;
  private final boolean tls;
  private final String tlsCaFile;
  private final String tlsCertFile;
  private final String tlsKeyFile;
  private final boolean tlsVerify;
  private final boolean tlsVerifyHostname;
  private final boolean tlsHandshakeFirst;
  private final boolean randomize;
  private final java.time.Duration connectTimeout;
  private final boolean reconnect;
  private final long maxReconnectAttempts;
  private final java.time.Duration reconnectWait;
  private final java.time.Duration reconnectWaitMax;
  private final java.time.Duration reconnectJitter;
  private final java.time.Duration reconnectJitterTls;
  private final long reconnectBufferSize;
  private final java.time.Duration pingInterval;
  private final long maxPingsOut;
  private final boolean noEcho;
  private final String inboxPrefix;
  private final boolean ignoreDiscoveredServers;
  private final long pendingMsgsLimit;
  private final long pendingBytesLimit;

  /** @return Connection name shown by the server. */
  public String name() {
    return name;
  }

  /** @return User for user/password authentication. */
  public String user() {
    return user;
  }

  /** @return Password for user/password authentication. */
  public String password() {
    return password;
  }

  /** @return Authentication token. */
  public String token() {
    return token;
  }

  /** @return User NKey seed (SU...); the public key is derived from it. */
  public String nkeySeed() {
    return nkeySeed;
  }

  /** @return Path of a .creds file (JWT and NKey seed, as written by nsc). */
  public String credsFile() {
    return credsFile;
  }

  /** @return Require TLS (also implied by a tls:// URL or a server that requires it). */
  public boolean tls() {
    return tls;
  }

  /** @return CA certificates to trust; the system store when empty. */
  public String tlsCaFile() {
    return tlsCaFile;
  }

  /** @return Client certificate (mutual TLS). */
  public String tlsCertFile() {
    return tlsCertFile;
  }

  /** @return Client private key (mutual TLS). */
  public String tlsKeyFile() {
    return tlsKeyFile;
  }

  /** @return Verify the server's certificate chain. */
  public boolean tlsVerify() {
    return tlsVerify;
  }

  /** @return Check that the certificate names the host dialled. */
  public boolean tlsVerifyHostname() {
    return tlsVerifyHostname;
  }

  /** @return Start TLS before the server's INFO (server option handshake_first). */
  public boolean tlsHandshakeFirst() {
    return tlsHandshakeFirst;
  }

  /** @return Shuffle the server list, the first connect too. */
  public boolean randomize() {
    return randomize;
  }

  /** @return Time allowed for each connection attempt. */
  public java.time.Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return Reconnect when the connection is lost. */
  public boolean reconnect() {
    return reconnect;
  }

  /** @return Attempts per server before giving up; -1 retries forever. */
  public long maxReconnectAttempts() {
    return maxReconnectAttempts;
  }

  /** @return Base backoff between attempts at the same server. */
  public java.time.Duration reconnectWait() {
    return reconnectWait;
  }

  /** @return Cap of the exponential backoff. */
  public java.time.Duration reconnectWaitMax() {
    return reconnectWaitMax;
  }

  /** @return Random extra wait per attempt, plain TCP. */
  public java.time.Duration reconnectJitter() {
    return reconnectJitter;
  }

  /** @return Random extra wait per attempt, TLS. */
  public java.time.Duration reconnectJitterTls() {
    return reconnectJitterTls;
  }

  /** @return Bytes of publishes kept while disconnected; 0 makes publishing fail while down. */
  public long reconnectBufferSize() {
    return reconnectBufferSize;
  }

  /** @return Keepalive PING interval. */
  public java.time.Duration pingInterval() {
    return pingInterval;
  }

  /** @return Unanswered PINGs before the connection is declared stale. */
  public long maxPingsOut() {
    return maxPingsOut;
  }

  /** @return Do not receive this connection's own messages. */
  public boolean noEcho() {
    return noEcho;
  }

  /** @return Prefix of reply subjects. */
  public String inboxPrefix() {
    return inboxPrefix;
  }

  /** @return Use only the servers given, not those the cluster announces. */
  public boolean ignoreDiscoveredServers() {
    return ignoreDiscoveredServers;
  }

  /** @return Default per-subscription queue limit in messages; -1 unlimited. */
  public long pendingMsgsLimit() {
    return pendingMsgsLimit;
  }

  /** @return Default per-subscription queue limit in bytes; -1 unlimited. */
  public long pendingBytesLimit() {
    return pendingBytesLimit;
  }

  private Options(Builder b) {
    this.servers = java.util.List.copyOf(b.servers);
    this.eventListener = b.eventListener;
    this.name = b.name;
    this.user = b.user;
    this.password = b.password;
    this.token = b.token;
    this.nkeySeed = b.nkeySeed;
    this.credsFile = b.credsFile;
    this.tls = b.tls;
    this.tlsCaFile = b.tlsCaFile;
    this.tlsCertFile = b.tlsCertFile;
    this.tlsKeyFile = b.tlsKeyFile;
    this.tlsVerify = b.tlsVerify;
    this.tlsVerifyHostname = b.tlsVerifyHostname;
    this.tlsHandshakeFirst = b.tlsHandshakeFirst;
    this.randomize = b.randomize;
    this.connectTimeout = b.connectTimeout;
    this.reconnect = b.reconnect;
    this.maxReconnectAttempts = b.maxReconnectAttempts;
    this.reconnectWait = b.reconnectWait;
    this.reconnectWaitMax = b.reconnectWaitMax;
    this.reconnectJitter = b.reconnectJitter;
    this.reconnectJitterTls = b.reconnectJitterTls;
    this.reconnectBufferSize = b.reconnectBufferSize;
    this.pingInterval = b.pingInterval;
    this.maxPingsOut = b.maxPingsOut;
    this.noEcho = b.noEcho;
    this.inboxPrefix = b.inboxPrefix;
    this.ignoreDiscoveredServers = b.ignoreDiscoveredServers;
    this.pendingMsgsLimit = b.pendingMsgsLimit;
    this.pendingBytesLimit = b.pendingBytesLimit;
  }

  /** Sets every option on a native options handle. */
  void applyTo(long handle) {
    for (String s : servers) NativeOps.optionsAddServer(handle, s);
    NativeOps.optionsSetName(handle, name);
    NativeOps.optionsSetUser(handle, user);
    NativeOps.optionsSetPassword(handle, password);
    NativeOps.optionsSetToken(handle, token);
    NativeOps.optionsSetNkeySeed(handle, nkeySeed);
    NativeOps.optionsSetCredsFile(handle, credsFile);
    NativeOps.optionsSetTls(handle, tls);
    NativeOps.optionsSetTlsCaFile(handle, tlsCaFile);
    NativeOps.optionsSetTlsCertFile(handle, tlsCertFile);
    NativeOps.optionsSetTlsKeyFile(handle, tlsKeyFile);
    NativeOps.optionsSetTlsVerify(handle, tlsVerify);
    NativeOps.optionsSetTlsVerifyHostname(handle, tlsVerifyHostname);
    NativeOps.optionsSetTlsHandshakeFirst(handle, tlsHandshakeFirst);
    NativeOps.optionsSetRandomize(handle, randomize);
    NativeOps.optionsSetConnectTimeout(handle, connectTimeout.toMillis());
    NativeOps.optionsSetReconnect(handle, reconnect);
    NativeOps.optionsSetMaxReconnectAttempts(handle, maxReconnectAttempts);
    NativeOps.optionsSetReconnectWait(handle, reconnectWait.toMillis());
    NativeOps.optionsSetReconnectWaitMax(handle, reconnectWaitMax.toMillis());
    NativeOps.optionsSetReconnectJitter(handle, reconnectJitter.toMillis());
    NativeOps.optionsSetReconnectJitterTls(handle, reconnectJitterTls.toMillis());
    NativeOps.optionsSetReconnectBufferSize(handle, reconnectBufferSize);
    NativeOps.optionsSetPingInterval(handle, pingInterval.toMillis());
    NativeOps.optionsSetMaxPingsOut(handle, maxPingsOut);
    NativeOps.optionsSetNoEcho(handle, noEcho);
    NativeOps.optionsSetInboxPrefix(handle, inboxPrefix);
    NativeOps.optionsSetIgnoreDiscoveredServers(handle, ignoreDiscoveredServers);
    NativeOps.optionsSetPendingMsgsLimit(handle, pendingMsgsLimit);
    NativeOps.optionsSetPendingBytesLimit(handle, pendingBytesLimit);
  }

  /** Builds {@link Options}; every setter returns the builder. */
  public static final class Builder {
    private final java.util.List<String> servers = new java.util.ArrayList<>();
    private EventListener eventListener;
    private String name = "";
    private String user = "";
    private String password = "";
    private String token = "";
    private String nkeySeed = "";
    private String credsFile = "";
    private boolean tls = false;
    private String tlsCaFile = "";
    private String tlsCertFile = "";
    private String tlsKeyFile = "";
    private boolean tlsVerify = true;
    private boolean tlsVerifyHostname = true;
    private boolean tlsHandshakeFirst = false;
    private boolean randomize = true;
    private java.time.Duration connectTimeout = java.time.Duration.ofMillis(2000);
    private boolean reconnect = true;
    private long maxReconnectAttempts = 60L;
    private java.time.Duration reconnectWait = java.time.Duration.ofMillis(2000);
    private java.time.Duration reconnectWaitMax = java.time.Duration.ofMillis(8000);
    private java.time.Duration reconnectJitter = java.time.Duration.ofMillis(100);
    private java.time.Duration reconnectJitterTls = java.time.Duration.ofMillis(1000);
    private long reconnectBufferSize = 8388608L;
    private java.time.Duration pingInterval = java.time.Duration.ofMillis(120000);
    private long maxPingsOut = 2L;
    private boolean noEcho = false;
    private String inboxPrefix = "_INBOX";
    private boolean ignoreDiscoveredServers = false;
    private long pendingMsgsLimit = 524288L;
    private long pendingBytesLimit = 67108864L;

    Builder() {}

    /** Adds one server URL (nats://, tls://); several for a cluster.
     * @param url the URL @return this builder */
    public Builder server(String url) {
      servers.add(java.util.Objects.requireNonNull(url, "url"));
      return this;
    }

    /** Adds server URLs. @param urls the URLs @return this builder */
    public Builder servers(String... urls) {
      for (String u : urls) server(u);
      return this;
    }

    /** Called on the connection's dispatcher thread for each event.
     * @param listener the listener @return this builder */
    public Builder eventListener(EventListener listener) {
      this.eventListener = listener;
      return this;
    }

    /** Connection name shown by the server. Default: .
     * @param value the value @return this builder */
    public Builder name(String value) {
      if (value == null) throw new NullPointerException("name");
      this.name = value;
      return this;
    }

    /** User for user/password authentication. Default: .
     * @param value the value @return this builder */
    public Builder user(String value) {
      if (value == null) throw new NullPointerException("user");
      this.user = value;
      return this;
    }

    /** Password for user/password authentication. Default: .
     * @param value the value @return this builder */
    public Builder password(String value) {
      if (value == null) throw new NullPointerException("password");
      this.password = value;
      return this;
    }

    /** Authentication token. Default: .
     * @param value the value @return this builder */
    public Builder token(String value) {
      if (value == null) throw new NullPointerException("token");
      this.token = value;
      return this;
    }

    /** User NKey seed (SU...); the public key is derived from it. Default: .
     * @param value the value @return this builder */
    public Builder nkeySeed(String value) {
      if (value == null) throw new NullPointerException("nkeySeed");
      this.nkeySeed = value;
      return this;
    }

    /** Path of a .creds file (JWT and NKey seed, as written by nsc). Default: .
     * @param value the value @return this builder */
    public Builder credsFile(String value) {
      if (value == null) throw new NullPointerException("credsFile");
      this.credsFile = value;
      return this;
    }

    /** Require TLS (also implied by a tls:// URL or a server that requires it). Default: False.
     * @param value the value @return this builder */
    public Builder tls(boolean value) {
      this.tls = value;
      return this;
    }

    /** CA certificates to trust; the system store when empty. Default: .
     * @param value the value @return this builder */
    public Builder tlsCaFile(String value) {
      if (value == null) throw new NullPointerException("tlsCaFile");
      this.tlsCaFile = value;
      return this;
    }

    /** Client certificate (mutual TLS). Default: .
     * @param value the value @return this builder */
    public Builder tlsCertFile(String value) {
      if (value == null) throw new NullPointerException("tlsCertFile");
      this.tlsCertFile = value;
      return this;
    }

    /** Client private key (mutual TLS). Default: .
     * @param value the value @return this builder */
    public Builder tlsKeyFile(String value) {
      if (value == null) throw new NullPointerException("tlsKeyFile");
      this.tlsKeyFile = value;
      return this;
    }

    /** Verify the server's certificate chain. Default: True.
     * @param value the value @return this builder */
    public Builder tlsVerify(boolean value) {
      this.tlsVerify = value;
      return this;
    }

    /** Check that the certificate names the host dialled. Default: True.
     * @param value the value @return this builder */
    public Builder tlsVerifyHostname(boolean value) {
      this.tlsVerifyHostname = value;
      return this;
    }

    /** Start TLS before the server's INFO (server option handshake_first). Default: False.
     * @param value the value @return this builder */
    public Builder tlsHandshakeFirst(boolean value) {
      this.tlsHandshakeFirst = value;
      return this;
    }

    /** Shuffle the server list, the first connect too. Default: True.
     * @param value the value @return this builder */
    public Builder randomize(boolean value) {
      this.randomize = value;
      return this;
    }

    /** Time allowed for each connection attempt. Default: 2000 ms.
     * @param value the value @return this builder */
    public Builder connectTimeout(java.time.Duration value) {
      if (value == null) throw new NullPointerException("connectTimeout");
      this.connectTimeout = value;
      return this;
    }

    /** Reconnect when the connection is lost. Default: True.
     * @param value the value @return this builder */
    public Builder reconnect(boolean value) {
      this.reconnect = value;
      return this;
    }

    /** Attempts per server before giving up; -1 retries forever. Default: 60.
     * @param value the value @return this builder */
    public Builder maxReconnectAttempts(long value) {
      if (value < -1) throw new InvalidArgumentException("maxReconnectAttempts must be at least -1");
      this.maxReconnectAttempts = value;
      return this;
    }

    /** Base backoff between attempts at the same server. Default: 2000 ms.
     * @param value the value @return this builder */
    public Builder reconnectWait(java.time.Duration value) {
      if (value == null) throw new NullPointerException("reconnectWait");
      this.reconnectWait = value;
      return this;
    }

    /** Cap of the exponential backoff. Default: 8000 ms.
     * @param value the value @return this builder */
    public Builder reconnectWaitMax(java.time.Duration value) {
      if (value == null) throw new NullPointerException("reconnectWaitMax");
      this.reconnectWaitMax = value;
      return this;
    }

    /** Random extra wait per attempt, plain TCP. Default: 100 ms.
     * @param value the value @return this builder */
    public Builder reconnectJitter(java.time.Duration value) {
      if (value == null) throw new NullPointerException("reconnectJitter");
      this.reconnectJitter = value;
      return this;
    }

    /** Random extra wait per attempt, TLS. Default: 1000 ms.
     * @param value the value @return this builder */
    public Builder reconnectJitterTls(java.time.Duration value) {
      if (value == null) throw new NullPointerException("reconnectJitterTls");
      this.reconnectJitterTls = value;
      return this;
    }

    /** Bytes of publishes kept while disconnected; 0 makes publishing fail while down. Default: 8388608.
     * @param value the value @return this builder */
    public Builder reconnectBufferSize(long value) {
      if (value < 0) throw new InvalidArgumentException("reconnectBufferSize must be at least 0");
      this.reconnectBufferSize = value;
      return this;
    }

    /** Keepalive PING interval. Default: 120000 ms.
     * @param value the value @return this builder */
    public Builder pingInterval(java.time.Duration value) {
      if (value == null) throw new NullPointerException("pingInterval");
      this.pingInterval = value;
      return this;
    }

    /** Unanswered PINGs before the connection is declared stale. Default: 2.
     * @param value the value @return this builder */
    public Builder maxPingsOut(long value) {
      if (value < 1) throw new InvalidArgumentException("maxPingsOut must be at least 1");
      this.maxPingsOut = value;
      return this;
    }

    /** Do not receive this connection's own messages. Default: False.
     * @param value the value @return this builder */
    public Builder noEcho(boolean value) {
      this.noEcho = value;
      return this;
    }

    /** Prefix of reply subjects. Default: _INBOX.
     * @param value the value @return this builder */
    public Builder inboxPrefix(String value) {
      if (value == null) throw new NullPointerException("inboxPrefix");
      this.inboxPrefix = value;
      return this;
    }

    /** Use only the servers given, not those the cluster announces. Default: False.
     * @param value the value @return this builder */
    public Builder ignoreDiscoveredServers(boolean value) {
      this.ignoreDiscoveredServers = value;
      return this;
    }

    /** Default per-subscription queue limit in messages; -1 unlimited. Default: 524288.
     * @param value the value @return this builder */
    public Builder pendingMsgsLimit(long value) {
      if (value < -1) throw new InvalidArgumentException("pendingMsgsLimit must be at least -1");
      this.pendingMsgsLimit = value;
      return this;
    }

    /** Default per-subscription queue limit in bytes; -1 unlimited. Default: 67108864.
     * @param value the value @return this builder */
    public Builder pendingBytesLimit(long value) {
      if (value < -1) throw new InvalidArgumentException("pendingBytesLimit must be at least -1");
      this.pendingBytesLimit = value;
      return this;
    }

    /** @return the options */
    public Options build() {
      return new Options(this);
    }
  }
}

// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure.internal;

/** The JNI surface: one static native per operation and option of the definition.
 *  Handles are native pointers (long); durations are milliseconds; headers are
 *  alternating keys and values; asynchronous operations complete through take(). */
public final class NativeOps {
  private NativeOps() {}

  static { NativeLoader.load(); }

  // ---- runtime (hand-written in jni_runtime.cpp) ----
  public static native String version();
  public static native long optionsCreate();
  public static native void optionsDestroy(long options);
  public static native void optionsAddServer(long options, String url);
  /** Connects (blocking); returns the connection handle. */
  public static native long connect(long options);
  public static native void connectionDestroy(long connection);
  /** Waits up to waitMs and hands over completions, events and ready subscriptions as a Wakeup, or null. */
  public static native Wakeup take(long connection, long waitMs);
  public static native void connectionCancel(long connection, long token);
  public static native void subscriptionDestroy(long subscription);
  public static native long subscriptionId(long subscription);
  public static native boolean subscriptionEnded(long subscription);
  /** Up to max messages, waiting up to waitMs for the first; an encoded batch, or null when none came. */
  public static native byte[] subscriptionPoll(long subscription, int max, long waitMs);

  // ---- connect options ----
  /** Connection name shown by the server. */
  public static native void optionsSetName(long options, String value);
  /** User for user/password authentication. */
  public static native void optionsSetUser(long options, String value);
  /** Password for user/password authentication. */
  public static native void optionsSetPassword(long options, String value);
  /** Authentication token. */
  public static native void optionsSetToken(long options, String value);
  /** User NKey seed (SU...); the public key is derived from it. */
  public static native void optionsSetNkeySeed(long options, String value);
  /** Path of a .creds file (JWT and NKey seed, as written by nsc). */
  public static native void optionsSetCredsFile(long options, String value);
  /** Require TLS (also implied by a tls:// URL or a server that requires it). */
  public static native void optionsSetTls(long options, boolean value);
  /** CA certificates to trust; the system store when empty. */
  public static native void optionsSetTlsCaFile(long options, String value);
  /** Client certificate (mutual TLS). */
  public static native void optionsSetTlsCertFile(long options, String value);
  /** Client private key (mutual TLS). */
  public static native void optionsSetTlsKeyFile(long options, String value);
  /** Verify the server's certificate chain. */
  public static native void optionsSetTlsVerify(long options, boolean value);
  /** Check that the certificate names the host dialled. */
  public static native void optionsSetTlsVerifyHostname(long options, boolean value);
  /** Start TLS before the server's INFO (server option handshake_first). */
  public static native void optionsSetTlsHandshakeFirst(long options, boolean value);
  /** Shuffle the server list, the first connect too. */
  public static native void optionsSetRandomize(long options, boolean value);
  /** Time allowed for each connection attempt. */
  public static native void optionsSetConnectTimeout(long options, long value);
  /** Reconnect when the connection is lost. */
  public static native void optionsSetReconnect(long options, boolean value);
  /** Attempts per server before giving up; -1 retries forever. */
  public static native void optionsSetMaxReconnectAttempts(long options, long value);
  /** Base backoff between attempts at the same server. */
  public static native void optionsSetReconnectWait(long options, long value);
  /** Cap of the exponential backoff. */
  public static native void optionsSetReconnectWaitMax(long options, long value);
  /** Random extra wait per attempt, plain TCP. */
  public static native void optionsSetReconnectJitter(long options, long value);
  /** Random extra wait per attempt, TLS. */
  public static native void optionsSetReconnectJitterTls(long options, long value);
  /** Bytes of publishes kept while disconnected; 0 makes publishing fail while down. */
  public static native void optionsSetReconnectBufferSize(long options, long value);
  /** Keepalive PING interval. */
  public static native void optionsSetPingInterval(long options, long value);
  /** Unanswered PINGs before the connection is declared stale. */
  public static native void optionsSetMaxPingsOut(long options, long value);
  /** Do not receive this connection's own messages. */
  public static native void optionsSetNoEcho(long options, boolean value);
  /** Prefix of reply subjects. */
  public static native void optionsSetInboxPrefix(long options, String value);
  /** Use only the servers given, not those the cluster announces. */
  public static native void optionsSetIgnoreDiscoveredServers(long options, boolean value);
  /** Default per-subscription queue limit in messages; -1 unlimited. */
  public static native void optionsSetPendingMsgsLimit(long options, long value);
  /** Default per-subscription queue limit in bytes; -1 unlimited. */
  public static native void optionsSetPendingBytesLimit(long options, long value);

  // ---- operations ----
  /** A host for actor types in this process. Register types, then start; turns arrive on turns(). */
  public static native long connectionActorHost(long self, long idleTimeout, long callTimeout, boolean reentrancy, long maxReentrancyDepth, long leaseTtl, long partitions, long workers, String hostId, String leaseBucket, String stateBucket);
  /** Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Completes through take() with the token. */
  public static native void connectionActorInvoke(long self, String actorType, String actorId, String method, byte[] args, long timeout, long partitions, long token);
  /** Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Completes through take() with the token. */
  public static native void connectionActorTell(long self, String actorType, String actorId, String method, byte[] args, String dedupId, long timeout, long token);
  /** Publish a message; fire and forget. */
  public static native void connectionPublish(long self, String subject, byte[] data, String reply, String[] headers);
  /** Subscribe to a subject (wildcards * and > allowed), optionally in a queue group. */
  public static native long connectionSubscribe(long self, String subject, String queue, long maxMsgs, long pendingMsgsLimit, long pendingBytesLimit);
  /** Send a request and wait for one reply. Completes through take() with the token. */
  public static native void connectionRequest(long self, String subject, byte[] data, long timeout, String[] headers, long token);
  /** Send a request and wait for one reply. Waits in native code and returns the encoded reply batch (or null). */
  public static native byte[] connectionRequestSync(long self, String subject, byte[] data, long timeout, String[] headers);
  /** Round trip to the server: everything published before has been processed. Completes through take() with the token. */
  public static native void connectionFlush(long self, long timeout, long token);
  /** Drain every subscription, flush what was published, then close. */
  public static native void connectionDrain(long self, long timeout);
  /** Close now; pending requests fail with ConnectionClosedError. */
  public static native void connectionClose(long self);
  /** Whether the connection is up. */
  public static native boolean connectionIsConnected(long self);
  /** Whether the connection is down and trying to come back. */
  public static native boolean connectionIsReconnecting(long self);
  /** Whether the connection was closed. */
  public static native boolean connectionIsClosed(long self);
  /** Messages and bytes in and out, reconnects. */
  public static native long[] connectionStats(long self);
  /** The server's INFO. */
  public static native String connectionServerInfo(long self);
  /** The server in use, or empty while disconnected. */
  public static native String connectionConnectedUrl(long self);
  /** A fresh unique reply subject. */
  public static native String connectionNewInbox(long self);
  /** Largest message the server accepts. */
  public static native long connectionMaxPayload(long self);
  /** Hosts an actor type (before start). */
  public static native void actorHostRegisterType(long self, String actorType);
  /** Creates the buckets if needed, takes partitions and starts serving. */
  public static native void actorHostStart(long self);
  /** Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile. */
  public static native void actorHostStop(long self, long timeout);
  /** The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate). */
  public static native long actorHostTurns(long self);
  /** Ends a turn with its result, or with an error the caller receives as ActorError. */
  public static native void actorHostComplete(long self, long turn, byte[] result, String errorType, String errorMessage);
  /** A state value during a turn; empty when absent (see state_contains). */
  public static native byte[] actorHostStateGet(long self, long turn, String key);
  /** Whether the actor's state has the key. */
  public static native boolean actorHostStateContains(long self, long turn, String key);
  /** Sets a state value; saved when the turn succeeds. */
  public static native void actorHostStateSet(long self, long turn, String key, byte[] value);
  /** Removes a state value; true when it was there. */
  public static native boolean actorHostStateRemove(long self, long turn, String key);
  /** Saves the state now rather than at the end of the turn. */
  public static native void actorHostStateSave(long self, long turn);
  /** Calls method as a turn after due, then every period, while the actor is active. */
  public static native void actorHostRegisterTimer(long self, long turn, String name, String method, String due, String period, byte[] args);
  /** Cancels a timer. */
  public static native void actorHostUnregisterTimer(long self, long turn, String name);
  /** A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn. */
  public static native void actorHostRegisterReminder(long self, long turn, String name, String due, String period, byte[] data);
  /** Removes a reminder. */
  public static native void actorHostUnregisterReminder(long self, long turn, String name);
  /** Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Completes through take() with the token. */
  public static native void actorHostInvoke(long self, long turn, String actorType, String actorId, String method, byte[] args, long timeout, long token);
  /** This host's id. */
  public static native String actorHostHostId(long self);
  /** Counters of this host. */
  public static native long[] actorHostStats(long self);
  /** Stop now; queued messages are dropped. */
  public static native void subscriptionUnsubscribe(long self);
  /** Stop interest, let queued messages be consumed, then end. */
  public static native void subscriptionDrain(long self, long timeout);
  /** End after this many messages in total (counting those already delivered). */
  public static native void subscriptionAutoUnsubscribe(long self, long maxMsgs);
  /** Change the queue limits; -1 unlimited. */
  public static native void subscriptionSetPendingLimits(long self, long msgsLimit, long bytesLimit);
  /** Messages queued, not yet consumed. */
  public static native long subscriptionPending(long self);
  /** Payload bytes queued, not yet consumed. */
  public static native long subscriptionPendingBytes(long self);
  /** Messages lost to the pending limits (slow consumer). */
  public static native long subscriptionDropped(long self);
  /** Messages received so far. */
  public static native long subscriptionDelivered(long self);
}

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
  /** Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Waits in native code and returns the encoded reply batch (or null). */
  public static native byte[] connectionActorInvokeSync(long self, String actorType, String actorId, String method, byte[] args, long timeout, long partitions);
  /** Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Completes through take() with the token. */
  public static native void connectionActorTell(long self, String actorType, String actorId, String method, byte[] args, String dedupId, long timeout, long token);
  /** Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Waits in native code and returns the encoded reply batch (or null). */
  public static native byte[] connectionActorTellSync(long self, String actorType, String actorId, String method, byte[] args, String dedupId, long timeout);
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
  /** A JetStream context (domain or API prefix for other domains and accounts). */
  public static native long connectionJetstream(long self, String domain, String apiPrefix, long timeout);
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
  /** Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Waits in native code and returns the encoded reply batch (or null). */
  public static native byte[] actorHostInvokeSync(long self, long turn, String actorType, String actorId, String method, byte[] args, long timeout);
  /** This host's id. */
  public static native String actorHostHostId(long self);
  /** Counters of this host. */
  public static native long[] actorHostStats(long self);
  /** Per-call metrics of this host by actor type and method. */
  public static native String actorHostMethodStats(long self);
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
  /** The account's JetStream usage and limits. */
  public static native String jetstreamAccountInfo(long self);
  /** Creates a stream from its configuration (the server's JSON). */
  public static native String jetstreamAddStream(long self, String config);
  /** Changes a stream's configuration. */
  public static native String jetstreamUpdateStream(long self, String config);
  /** A stream's configuration and state. */
  public static native String jetstreamStreamInfo(long self, String name);
  /** Deletes a stream and its messages. */
  public static native void jetstreamDeleteStream(long self, String name);
  /** Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many. */
  public static native long jetstreamPurgeStream(long self, String name, String subject, long keep, long upToSeq);
  /** Every stream's name, optionally only those bound to subject. */
  public static native String jetstreamStreamNames(long self, String subject);
  /** Every stream's info, optionally only those bound to subject. */
  public static native String jetstreamStreams(long self, String subject);
  /** A stored message by sequence, or the last one on a subject. */
  public static native String jetstreamGetMsg(long self, String stream, long seq, String lastBySubject);
  /** Removes one stored message (erase overwrites it on disk). */
  public static native void jetstreamDeleteMsg(long self, String stream, long seq, boolean erase);
  /** Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Completes through take() with the token. */
  public static native void jetstreamPublish(long self, String subject, byte[] data, String[] headers, String msgId, String expectedStream, long expectedLastSeq, long expectedLastSubjectSeq, String expectedLastMsgId, long ttl, long timeout, long token);
  /** Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Waits in native code and returns the encoded reply batch (or null). */
  public static native byte[] jetstreamPublishSync(long self, String subject, byte[] data, String[] headers, String msgId, String expectedStream, long expectedLastSeq, long expectedLastSubjectSeq, String expectedLastMsgId, long ttl, long timeout);
  /** Waits until every publish has its acknowledgement. */
  public static native void jetstreamPublishAsyncComplete(long self, long timeout);
  /** Creates a consumer from its configuration (the server's JSON). */
  public static native String jetstreamAddConsumer(long self, String stream, String config);
  /** Changes an existing consumer. */
  public static native String jetstreamUpdateConsumer(long self, String stream, String config);
  /** A consumer's configuration and state. */
  public static native String jetstreamConsumerInfo(long self, String stream, String consumer);
  /** Deletes a consumer. */
  public static native void jetstreamDeleteConsumer(long self, String stream, String consumer);
  /** The names of a stream's consumers. */
  public static native String jetstreamConsumerNames(long self, String stream);
  /** Up to batch messages from a pull consumer, as a source that ends once they are taken. */
  public static native long jetstreamFetch(long self, String stream, String consumer, long batch, long expires, boolean noWait);
  /** Continuous pull consumption as a source (stop it with unsubscribe). */
  public static native long jetstreamConsume(long self, String stream, String consumer, long maxMessages, long expires, long idleHeartbeat);
  /** An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements. */
  public static native long jetstreamOrderedConsumer(long self, String stream, String filterSubject, String deliverPolicy, long optStartSeq);
  /** Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress. */
  public static native void jetstreamAck(long self, String reply, String kind, long delay, String reason);
  /** Acknowledges and waits for the server to confirm it. Completes through take() with the token. */
  public static native void jetstreamAckSync(long self, String reply, long timeout, long token);
  /** Delivery metadata of a JetStream message, from its reply subject. */
  public static native String jetstreamMetadata(long self, String reply);
  /** Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). */
  public static native long jetstreamCreateKeyValue(long self, String config);
  /** An existing bucket. */
  public static native long jetstreamKeyValue(long self, String bucket);
  /** Deletes a bucket and its values. */
  public static native void jetstreamDeleteKeyValue(long self, String bucket);
  /** Every bucket's name. */
  public static native String jetstreamKeyValueNames(long self);
  /** The bucket's name. */
  public static native String keyValueBucket(long self);
  /** Stores a value; returns its revision. */
  public static native long keyValuePut(long self, String key, byte[] value);
  /** The current value (or a given revision); an empty record when absent or deleted. */
  public static native String keyValueGet(long self, String key, long revision);
  /** Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl. */
  public static native long keyValueCreate(long self, String key, byte[] value, long ttl);
  /** Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise). */
  public static native long keyValueUpdate(long self, String key, byte[] value, long lastRevision);
  /** Deletes the key, keeping its history; with last_revision, only if unchanged. */
  public static native void keyValueDelete(long self, String key, long lastRevision);
  /** Deletes the key and its history, leaving a purge marker. */
  public static native void keyValuePurge(long self, String key, long ttl);
  /** Keys with a current value, optionally matching a filter (wildcards allowed). */
  public static native String keyValueKeys(long self, String filter);
  /** Every stored value of the key, oldest first. */
  public static native String keyValueHistory(long self, String key);
  /** Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered). */
  public static native long keyValueWatch(long self, String keys, boolean includeHistory, boolean ignoreDeletes, boolean metaOnly, boolean updatesOnly);
  /** The bucket's state. */
  public static native String keyValueStatus(long self);
}

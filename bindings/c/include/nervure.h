/* generated from the definition in bindings/api/ by bindings/generator; do not edit */
#ifndef NERVURE_H
#define NERVURE_H

/* The nervure C ABI.
   - Every fallible call returns a nervure_status and, when error is not NULL,
     sets *error to a message the caller frees with nervure_free_string.
   - Handles are opaque; each has a destroy call that takes a pointer to the
     handle and sets it to NULL. Destroying NULL is a no-op.
   - Memory the library hands out is freed by the library (nervure_free_string,
     nervure_*_destroy).
   - Asynchronous operations complete through a callback with user data, run on
     a library thread (it must return quickly and must not call blocking
     functions), or, without a callback, through nervure_connection_take.
   - Messages are delivered in batches: nervure_subscription_poll. */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NERVURE_API __attribute__((visibility("default")))
#else
#define NERVURE_API
#endif

typedef enum nervure_status {
  NERVURE_OK = 0,
  NERVURE_ERROR = 1, /* NervureError: Root of every nervure error. */
  NERVURE_CONNECTION_CLOSED = 2, /* ConnectionClosedError: The connection is closed (or draining) and cannot do this. */
  NERVURE_TIMEOUT = 3, /* TimeoutError: No answer in time: a request, a flush, a next message. */
  NERVURE_NO_RESPONDERS = 4, /* NoRespondersError: A request found nobody listening on its subject. */
  NERVURE_INVALID_SUBJECT = 5, /* InvalidSubjectError: A subject or queue group name is not valid. */
  NERVURE_MAX_PAYLOAD = 6, /* MaxPayloadError: The message is larger than the server accepts. */
  NERVURE_AUTHORIZATION = 7, /* AuthorizationError: The server refused the credentials. */
  NERVURE_SLOW_CONSUMER = 8, /* SlowConsumerError: A subscription fell behind and messages were dropped. */
  NERVURE_JETSTREAM_API = 9, /* JetStreamApiError: The JetStream API answered with an error. */
  NERVURE_NOT_SUPPORTED_BY_SERVER = 10, /* NotSupportedByServerError: The connected server cannot honour this feature. */
  NERVURE_ACTOR = 11, /* ActorError: An actor method failed remotely. */
  NERVURE_INVALID_ARGUMENT = 12, /* InvalidArgumentError: An option or argument is not valid (bad URL, bad creds file, bad number). */
} nervure_status;

typedef enum nervure_event {
  NERVURE_EVENT_CONNECTED = 1, /* The first connection is up (detail: the server URL). */
  NERVURE_EVENT_DISCONNECTED = 2, /* The connection was lost (detail: server and reason); reconnecting starts. */
  NERVURE_EVENT_RECONNECTED = 3, /* Connected again (detail: the server URL); subscriptions were restored. */
  NERVURE_EVENT_CLOSED = 4, /* The connection is closed for good. */
  NERVURE_EVENT_LAME_DUCK = 5, /* The server is shutting down and asks clients to move (detail: its URL). */
  NERVURE_EVENT_SERVERS_DISCOVERED = 6, /* The cluster announced servers not known before. */
  NERVURE_EVENT_ASYNC_ERROR = 7, /* An error with no caller to raise it to: a server -ERR, a stale connection, a handler that failed (detail: the text). */
  NERVURE_EVENT_SLOW_CONSUMER = 8, /* A subscription reached its pending limits and drops messages (detail: which). */
} nervure_event;

/* Stable names: "NoRespondersError", "reconnected". Never freed. */
NERVURE_API const char* nervure_status_name(nervure_status status);
NERVURE_API const char* nervure_event_name(nervure_event event);

typedef struct nervure_options nervure_options;
typedef struct nervure_headers nervure_headers;
typedef struct nervure_wakeup nervure_wakeup;
typedef struct nervure_completion nervure_completion;
typedef struct nervure_connection nervure_connection;
typedef struct nervure_actor_host nervure_actor_host;
typedef struct nervure_subscription nervure_subscription;
typedef struct nervure_jetstream nervure_jetstream;
typedef struct nervure_key_value nervure_key_value;
typedef struct nervure_message_batch nervure_message_batch;

typedef void (*nervure_completion_fn)(void* user_data, nervure_completion* completion);

/* Counters of an actor host. */
typedef struct nervure_actor_stats {
  uint64_t calls; /* Call turns completed. */
  uint64_t failed_calls; /* Of which ended with an error. */
  uint64_t activations; /* Actors activated. */
  uint64_t deactivations; /* Actors deactivated. */
  int64_t active_actors; /* Actors active now. */
  int64_t owned_partitions; /* Partitions this host serves now. */
} nervure_actor_stats;

/* Traffic counters of a connection since it was made. */
typedef struct nervure_stats {
  uint64_t in_msgs; /* Messages received. */
  uint64_t in_bytes; /* Payload bytes received. */
  uint64_t out_msgs; /* Messages published. */
  uint64_t out_bytes; /* Payload bytes published. */
  uint64_t reconnects; /* Times the connection was re-established. */
} nervure_stats;

/* ---- Runtime: hand-written in bindings/c/src/runtime.cpp ----------------- */

/* The library's version, e.g. "0.1.0". Never freed. */
NERVURE_API const char* nervure_version(void);
/* Strings handed out by the library (error texts, char** results) are freed here. */
NERVURE_API void nervure_free_string(char* s);

/* Structured fields of the last error a call returned on this thread
   (JetStreamApiError: "code", "err_code"; ActorError: "remote_type"). Valid
   until the next failing call on this thread. nervure_last_error_int returns
   1 and sets *out when the field exists, 0 otherwise. */
NERVURE_API int nervure_last_error_int(const char* field, int64_t* out);
NERVURE_API const char* nervure_last_error_text(const char* field);

NERVURE_API nervure_status nervure_options_create(nervure_options** out, char** error);
NERVURE_API void nervure_options_destroy(nervure_options** options);
/* Adds a server URL; the first call replaces the default nats://127.0.0.1:4222. */
NERVURE_API nervure_status nervure_options_add_server(nervure_options* options, const char* url, char** error);

NERVURE_API nervure_status nervure_headers_create(nervure_headers** out, char** error);
NERVURE_API void nervure_headers_destroy(nervure_headers** headers);
/* Appends a value; keys keep their case and may repeat. */
NERVURE_API nervure_status nervure_headers_add(nervure_headers* headers, const char* key, const char* value,
                                               char** error);

/* Connects (blocking); options may be NULL for the defaults. Completions
   without a callback, ready subscriptions and events of this connection are
   collected until nervure_connection_take hands them over. */
NERVURE_API nervure_status nervure_connect(const nervure_options* options, nervure_connection** out, char** error);
/* Closes if needed, frees the handle and sets *connection to NULL. Handles of
   its subscriptions stay valid (and ended) until destroyed. */
NERVURE_API void nervure_connection_destroy(nervure_connection** connection);
/* Readable when nervure_connection_take has something to hand over. The
   library owns the fd: watch it, never read or close it. */
NERVURE_API int nervure_connection_wake_fd(const nervure_connection* connection);
/* Waits up to wait_ms (0: not at all, -1: until something comes) and hands
   over everything queued, in one wakeup the caller destroys. */
NERVURE_API nervure_status nervure_connection_take(nervure_connection* connection, int64_t wait_ms,
                                                   nervure_wakeup** out, char** error);
/* Reads and parses whatever input the connection's socket holds now, on the
   calling thread, instead of waiting for the library's I/O thread to be woken:
   for a caller that polls while a reply is due. Completions it produces run on
   this thread. Never blocks; 1 when it read something, 0 otherwise (nothing
   came, another thread is reading, TLS, not connected). */
NERVURE_API int nervure_connection_poll_input(nervure_connection* connection);
/* The socket nervure_connection_poll_input reads, for a caller that waits for
   it to turn readable (in its own event loop) before polling. The library owns
   it: watch a duplicate, never read or close it. -1 under TLS, while not
   connected, or without a connection; a reconnect replaces it. */
NERVURE_API int nervure_connection_input_fd(nervure_connection* connection);
/* For a thread about to sleep until a completion sets *done (non-zero, written
   atomically): polls *done for up to budget_us, reading the sockets of the
   process's connections meanwhile so the completion does not wait for a
   library thread to be woken. Only while the machine has a CPU to spare.
   Completions it reads may run their callback on this thread. Returns 1 when
   *done was seen set, 0 when the caller should sleep as it would have. */
NERVURE_API int nervure_poll_until_done(const int* done, int64_t budget_us);
/* Gives up on a pending request: its completion never arrives. user_data is
   the value the request was started with. Returns 1 when that is certain (the
   request was still waiting for its reply), 0 when the completion may still
   come (it was on its way, or the operation cannot be cancelled). */
NERVURE_API int nervure_connection_cancel(nervure_connection* connection, void* user_data);

NERVURE_API void nervure_subscription_destroy(nervure_subscription** subscription);
/* The id this subscription has in nervure_wakeup_ready_id. */
NERVURE_API uint64_t nervure_subscription_id(const nervure_subscription* subscription);
/* Moves up to max queued messages into a batch the caller destroys, waiting up
   to wait_ms (0: not at all) for the first. An empty batch and
   nervure_subscription_ended() == 1 mean the end. */
NERVURE_API nervure_status nervure_subscription_poll(nervure_subscription* subscription, size_t max, int64_t wait_ms,
                                                     nervure_message_batch** out, char** error);
/* 1 once the subscription has ended and its queue is empty. */
NERVURE_API int nervure_subscription_ended(const nervure_subscription* subscription);
/* From now on, an eventfd of this subscription's own is signalled when its
   queue turns non-empty or it ends, instead of its id being handed over by
   nervure_connection_take: for callers that wait per subscription. Read it to
   clear it, then poll until the queue is empty. The same fd on every call;
   the library owns it (never close it). -1 for sources that are not plain
   subscriptions (JetStream consumers, key-value watches, actor turns). */
NERVURE_API int nervure_subscription_wake_fd(nervure_subscription* subscription);

NERVURE_API void nervure_wakeup_destroy(nervure_wakeup** wakeup);
NERVURE_API size_t nervure_wakeup_completion_count(const nervure_wakeup* wakeup);
/* Completion i, owned by the wakeup. */
NERVURE_API nervure_completion* nervure_wakeup_completion(nervure_wakeup* wakeup, size_t i);
/* Ids of subscriptions whose queue turned non-empty, or that ended, since the
   last take: poll them. */
NERVURE_API size_t nervure_wakeup_ready_count(const nervure_wakeup* wakeup);
NERVURE_API uint64_t nervure_wakeup_ready_id(const nervure_wakeup* wakeup, size_t i);
NERVURE_API size_t nervure_wakeup_event_count(const nervure_wakeup* wakeup);
/* Event i; *detail (owned by the wakeup) says more, e.g. the server's URL. */
NERVURE_API nervure_event nervure_wakeup_event(const nervure_wakeup* wakeup, size_t i, const char** detail);

/* A finished asynchronous operation. In a callback it is valid until the
   callback returns; from a wakeup, until the wakeup is destroyed. */
NERVURE_API void* nervure_completion_user_data(const nervure_completion* completion);
NERVURE_API nervure_status nervure_completion_status(const nervure_completion* completion);
/* The error text, or NULL on success. Owned by the completion. */
NERVURE_API const char* nervure_completion_error(const nervure_completion* completion);
NERVURE_API int nervure_completion_error_int(const nervure_completion* completion, const char* field, int64_t* out);
NERVURE_API const char* nervure_completion_error_text(const nervure_completion* completion, const char* field);
/* A request's reply as a one-message batch the caller destroys; NULL for
   failures, for operations without a result, and after the first call. */
NERVURE_API nervure_message_batch* nervure_completion_take_reply(nervure_completion* completion);

/* ---- Records that cross in batches ------------------------------------- */

/* A received message. Messages cross the boundary in batches; each language builds its own objects and reads only the fields it needs. Responding is publishing to reply. */
NERVURE_API void nervure_message_batch_destroy(nervure_message_batch** batch);
NERVURE_API size_t nervure_message_batch_count(const nervure_message_batch* batch);
/* Views into item i, valid until the batch is destroyed; NULL or 0 when i is out of range. */
NERVURE_API const char* nervure_message_subject(const nervure_message_batch* batch, size_t i);  /* Subject it was published to. */
NERVURE_API const char* nervure_message_reply(const nervure_message_batch* batch, size_t i);  /* Reply subject, empty when none. */
NERVURE_API const void* nervure_message_data(const nervure_message_batch* batch, size_t i, size_t* len);  /* Payload. */
NERVURE_API size_t nervure_message_headers_count(const nervure_message_batch* batch, size_t i);  /* Headers in order, multi-valued, keys as sent. */
NERVURE_API int nervure_message_headers_at(const nervure_message_batch* batch, size_t i, size_t h, const char** key, const char** value);
NERVURE_API int64_t nervure_message_status(const nervure_message_batch* batch, size_t i);  /* Status of a server-generated message (503 no responders, 408, 100...), 0 otherwise. */

/* ---- Connect options ---------------------------------------------------- */

/* Connection name shown by the server. Default: "". */
NERVURE_API nervure_status nervure_options_set_name(nervure_options* options, const char* value, char** error);
/* User for user/password authentication. Default: "". */
NERVURE_API nervure_status nervure_options_set_user(nervure_options* options, const char* value, char** error);
/* Password for user/password authentication. Default: "". */
NERVURE_API nervure_status nervure_options_set_password(nervure_options* options, const char* value, char** error);
/* Authentication token. Default: "". */
NERVURE_API nervure_status nervure_options_set_token(nervure_options* options, const char* value, char** error);
/* User NKey seed (SU...); the public key is derived from it. Default: "". */
NERVURE_API nervure_status nervure_options_set_nkey_seed(nervure_options* options, const char* value, char** error);
/* Path of a .creds file (JWT and NKey seed, as written by nsc). Default: "". */
NERVURE_API nervure_status nervure_options_set_creds_file(nervure_options* options, const char* value, char** error);
/* Require TLS (also implied by a tls:// URL or a server that requires it). Default: 0. */
NERVURE_API nervure_status nervure_options_set_tls(nervure_options* options, int value, char** error);
/* CA certificates to trust; the system store when empty. Default: "". */
NERVURE_API nervure_status nervure_options_set_tls_ca_file(nervure_options* options, const char* value, char** error);
/* Client certificate (mutual TLS). Default: "". */
NERVURE_API nervure_status nervure_options_set_tls_cert_file(nervure_options* options, const char* value, char** error);
/* Client private key (mutual TLS). Default: "". */
NERVURE_API nervure_status nervure_options_set_tls_key_file(nervure_options* options, const char* value, char** error);
/* Verify the server's certificate chain. Default: 1. */
NERVURE_API nervure_status nervure_options_set_tls_verify(nervure_options* options, int value, char** error);
/* Check that the certificate names the host dialled. Default: 1. */
NERVURE_API nervure_status nervure_options_set_tls_verify_hostname(nervure_options* options, int value, char** error);
/* Start TLS before the server's INFO (server option handshake_first). Default: 0. */
NERVURE_API nervure_status nervure_options_set_tls_handshake_first(nervure_options* options, int value, char** error);
/* Shuffle the server list, the first connect too. Default: 1. */
NERVURE_API nervure_status nervure_options_set_randomize(nervure_options* options, int value, char** error);
/* Time allowed for each connection attempt. (milliseconds) Default: 2000. */
NERVURE_API nervure_status nervure_options_set_connect_timeout_ms(nervure_options* options, int64_t value_ms, char** error);
/* Reconnect when the connection is lost. Default: 1. */
NERVURE_API nervure_status nervure_options_set_reconnect(nervure_options* options, int value, char** error);
/* Attempts per server before giving up; -1 retries forever. Default: 60. */
NERVURE_API nervure_status nervure_options_set_max_reconnect_attempts(nervure_options* options, int64_t value, char** error);
/* Base backoff between attempts at the same server. (milliseconds) Default: 2000. */
NERVURE_API nervure_status nervure_options_set_reconnect_wait_ms(nervure_options* options, int64_t value_ms, char** error);
/* Cap of the exponential backoff. (milliseconds) Default: 8000. */
NERVURE_API nervure_status nervure_options_set_reconnect_wait_max_ms(nervure_options* options, int64_t value_ms, char** error);
/* Random extra wait per attempt, plain TCP. (milliseconds) Default: 100. */
NERVURE_API nervure_status nervure_options_set_reconnect_jitter_ms(nervure_options* options, int64_t value_ms, char** error);
/* Random extra wait per attempt, TLS. (milliseconds) Default: 1000. */
NERVURE_API nervure_status nervure_options_set_reconnect_jitter_tls_ms(nervure_options* options, int64_t value_ms, char** error);
/* Bytes of publishes kept while disconnected; 0 makes publishing fail while down. Default: 8388608. */
NERVURE_API nervure_status nervure_options_set_reconnect_buffer_size(nervure_options* options, int64_t value, char** error);
/* Keepalive PING interval. (milliseconds) Default: 120000. */
NERVURE_API nervure_status nervure_options_set_ping_interval_ms(nervure_options* options, int64_t value_ms, char** error);
/* Unanswered PINGs before the connection is declared stale. Default: 2. */
NERVURE_API nervure_status nervure_options_set_max_pings_out(nervure_options* options, int64_t value, char** error);
/* Do not receive this connection's own messages. Default: 0. */
NERVURE_API nervure_status nervure_options_set_no_echo(nervure_options* options, int value, char** error);
/* Prefix of reply subjects. Default: "_INBOX". */
NERVURE_API nervure_status nervure_options_set_inbox_prefix(nervure_options* options, const char* value, char** error);
/* Use only the servers given, not those the cluster announces. Default: 0. */
NERVURE_API nervure_status nervure_options_set_ignore_discovered_servers(nervure_options* options, int value, char** error);
/* Default per-subscription queue limit in messages; -1 unlimited. Default: 524288. */
NERVURE_API nervure_status nervure_options_set_pending_msgs_limit(nervure_options* options, int64_t value, char** error);
/* Default per-subscription queue limit in bytes; -1 unlimited. Default: 67108864. */
NERVURE_API nervure_status nervure_options_set_pending_bytes_limit(nervure_options* options, int64_t value, char** error);

/* ---- Operations ---------------------------------------------------------- */

/* A host for actor types in this process. Register types, then start; turns arrive on turns(). Fails with NervureError. */
NERVURE_API nervure_status nervure_connection_actor_host(nervure_connection* self, int64_t idle_timeout_ms, int64_t call_timeout_ms, int reentrancy, int64_t max_reentrancy_depth, int64_t lease_ttl_ms, int64_t partitions, int64_t workers, const char* host_id, const char* lease_bucket, const char* state_bucket, nervure_actor_host** out, char** error);
/* Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack. Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with ActorError, TimeoutError, NoRespondersError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_connection_actor_invoke(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, int64_t timeout_ms, int64_t partitions, nervure_completion_fn done, void* user_data, char** error);
/* Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once. Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with NoRespondersError, TimeoutError, JetStreamApiError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_connection_actor_tell(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, const char* dedup_id, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error);
/* Publish a message; fire and forget. Fails with InvalidSubjectError, MaxPayloadError, ConnectionClosedError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_connection_publish(nervure_connection* self, const char* subject, const void* data, size_t data_len, const char* reply, const nervure_headers* headers, char** error);
/* Subscribe to a subject (wildcards * and > allowed), optionally in a queue group. Fails with InvalidSubjectError, ConnectionClosedError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_connection_subscribe(nervure_connection* self, const char* subject, const char* queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit, nervure_subscription** out, char** error);
/* Send a request and wait for one reply. Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with NoRespondersError, TimeoutError, ConnectionClosedError, InvalidSubjectError, MaxPayloadError. */
NERVURE_API nervure_status nervure_connection_request(nervure_connection* self, const char* subject, const void* data, size_t data_len, int64_t timeout_ms, const nervure_headers* headers, nervure_completion_fn done, void* user_data, char** error);
/* Round trip to the server: everything published before has been processed. Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with TimeoutError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_connection_flush(nervure_connection* self, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error);
/* Drain every subscription, flush what was published, then close. Blocks the calling thread. Fails with TimeoutError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_connection_drain(nervure_connection* self, int64_t timeout_ms, char** error);
/* Close now; pending requests fail with ConnectionClosedError. Blocks the calling thread. */
NERVURE_API nervure_status nervure_connection_close(nervure_connection* self, char** error);
/* Whether the connection is up. */
NERVURE_API nervure_status nervure_connection_is_connected(nervure_connection* self, int* out, char** error);
/* Whether the connection is down and trying to come back. */
NERVURE_API nervure_status nervure_connection_is_reconnecting(nervure_connection* self, int* out, char** error);
/* Whether the connection was closed. */
NERVURE_API nervure_status nervure_connection_is_closed(nervure_connection* self, int* out, char** error);
/* Messages and bytes in and out, reconnects. */
NERVURE_API nervure_status nervure_connection_stats(nervure_connection* self, nervure_stats* out, char** error);
/* The server's INFO. */
NERVURE_API nervure_status nervure_connection_server_info(nervure_connection* self, char** out_json, char** error);
/* The server in use, or empty while disconnected. */
NERVURE_API nervure_status nervure_connection_connected_url(nervure_connection* self, char** out, char** error);
/* A fresh unique reply subject. */
NERVURE_API nervure_status nervure_connection_new_inbox(nervure_connection* self, char** out, char** error);
/* Largest message the server accepts. */
NERVURE_API nervure_status nervure_connection_max_payload(nervure_connection* self, int64_t* out, char** error);
/* A JetStream context (domain or API prefix for other domains and accounts). Fails with InvalidArgumentError. */
NERVURE_API nervure_status nervure_connection_jetstream(nervure_connection* self, const char* domain, const char* api_prefix, int64_t timeout_ms, nervure_jetstream** out, char** error);
/* Frees the actor_host handle and sets it to NULL; NULL is a no-op. */
NERVURE_API void nervure_actor_host_destroy(nervure_actor_host** actor_host);
/* Hosts an actor type (before start). Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_register_type(nervure_actor_host* self, const char* actor_type, char** error);
/* Creates the buckets if needed, takes partitions and starts serving. Blocks the calling thread. Fails with JetStreamApiError, NotSupportedByServerError, TimeoutError. */
NERVURE_API nervure_status nervure_actor_host_start(nervure_actor_host* self, char** error);
/* Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile. Blocks the calling thread. */
NERVURE_API nervure_status nervure_actor_host_stop(nervure_actor_host* self, int64_t timeout_ms, char** error);
/* The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate). */
NERVURE_API nervure_status nervure_actor_host_turns(nervure_actor_host* self, nervure_subscription** out, char** error);
/* Ends a turn with its result, or with an error the caller receives as ActorError. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_complete(nervure_actor_host* self, uint64_t turn, const void* result, size_t result_len, const char* error_type, const char* error_message, char** error);
/* A state value during a turn; empty when absent (see state_contains). Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_state_get(nervure_actor_host* self, uint64_t turn, const char* key, char** out, size_t* out_len, char** error);
/* Whether the actor's state has the key. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_state_contains(nervure_actor_host* self, uint64_t turn, const char* key, int* out, char** error);
/* Sets a state value; saved when the turn succeeds. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_state_set(nervure_actor_host* self, uint64_t turn, const char* key, const void* value, size_t value_len, char** error);
/* Removes a state value; true when it was there. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_state_remove(nervure_actor_host* self, uint64_t turn, const char* key, int* out, char** error);
/* Saves the state now rather than at the end of the turn. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError. */
NERVURE_API nervure_status nervure_actor_host_state_save(nervure_actor_host* self, uint64_t turn, char** error);
/* Calls method as a turn after due, then every period, while the actor is active. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_register_timer(nervure_actor_host* self, uint64_t turn, const char* name, const char* method, const char* due, const char* period, const void* args, size_t args_len, char** error);
/* Cancels a timer. Fails with NervureError. */
NERVURE_API nervure_status nervure_actor_host_unregister_timer(nervure_actor_host* self, uint64_t turn, const char* name, char** error);
/* A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn. Blocks the calling thread. Fails with NervureError, JetStreamApiError. */
NERVURE_API nervure_status nervure_actor_host_register_reminder(nervure_actor_host* self, uint64_t turn, const char* name, const char* due, const char* period, const void* data, size_t data_len, char** error);
/* Removes a reminder. Blocks the calling thread. Fails with NervureError, JetStreamApiError. */
NERVURE_API nervure_status nervure_actor_host_unregister_reminder(nervure_actor_host* self, uint64_t turn, const char* name, char** error);
/* Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it). Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with ActorError, TimeoutError, NoRespondersError. */
NERVURE_API nervure_status nervure_actor_host_invoke(nervure_actor_host* self, uint64_t turn, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error);
/* This host's id. */
NERVURE_API nervure_status nervure_actor_host_host_id(nervure_actor_host* self, char** out, char** error);
/* Counters of this host. */
NERVURE_API nervure_status nervure_actor_host_stats(nervure_actor_host* self, nervure_actor_stats* out, char** error);
/* Per-call metrics of this host by actor type and method. */
NERVURE_API nervure_status nervure_actor_host_method_stats(nervure_actor_host* self, char** out_json, char** error);
/* Stop now; queued messages are dropped. */
NERVURE_API nervure_status nervure_subscription_unsubscribe(nervure_subscription* self, char** error);
/* Stop interest, let queued messages be consumed, then end. Blocks the calling thread. Fails with TimeoutError. */
NERVURE_API nervure_status nervure_subscription_drain(nervure_subscription* self, int64_t timeout_ms, char** error);
/* End after this many messages in total (counting those already delivered). Fails with InvalidArgumentError. */
NERVURE_API nervure_status nervure_subscription_auto_unsubscribe(nervure_subscription* self, int64_t max_msgs, char** error);
/* Change the queue limits; -1 unlimited. */
NERVURE_API nervure_status nervure_subscription_set_pending_limits(nervure_subscription* self, int64_t msgs_limit, int64_t bytes_limit, char** error);
/* Messages queued, not yet consumed. */
NERVURE_API nervure_status nervure_subscription_pending(nervure_subscription* self, int64_t* out, char** error);
/* Payload bytes queued, not yet consumed. */
NERVURE_API nervure_status nervure_subscription_pending_bytes(nervure_subscription* self, int64_t* out, char** error);
/* Messages lost to the pending limits (slow consumer). */
NERVURE_API nervure_status nervure_subscription_dropped(nervure_subscription* self, int64_t* out, char** error);
/* Messages received so far. */
NERVURE_API nervure_status nervure_subscription_delivered(nervure_subscription* self, int64_t* out, char** error);
/* Frees the jetstream handle and sets it to NULL; NULL is a no-op. */
NERVURE_API void nervure_jetstream_destroy(nervure_jetstream** jetstream);
/* The account's JetStream usage and limits. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_account_info(nervure_jetstream* self, char** out_json, char** error);
/* Creates a stream from its configuration (the server's JSON). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_jetstream_add_stream(nervure_jetstream* self, const char* config, char** out_json, char** error);
/* Changes a stream's configuration. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_jetstream_update_stream(nervure_jetstream* self, const char* config, char** out_json, char** error);
/* A stream's configuration and state. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_stream_info(nervure_jetstream* self, const char* name, char** out_json, char** error);
/* Deletes a stream and its messages. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_delete_stream(nervure_jetstream* self, const char* name, char** error);
/* Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_jetstream_purge_stream(nervure_jetstream* self, const char* name, const char* subject, int64_t keep, int64_t up_to_seq, int64_t* out, char** error);
/* Every stream's name, optionally only those bound to subject. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_stream_names(nervure_jetstream* self, const char* subject, char** out_json, char** error);
/* Every stream's info, optionally only those bound to subject. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_streams(nervure_jetstream* self, const char* subject, char** out_json, char** error);
/* A stored message by sequence, or the last one on a subject. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_get_msg(nervure_jetstream* self, const char* stream, int64_t seq, const char* last_by_subject, char** out_json, char** error);
/* Removes one stored message (erase overwrites it on disk). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_delete_msg(nervure_jetstream* self, const char* stream, int64_t seq, int erase, char** error);
/* Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate). Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_jetstream_publish(nervure_jetstream* self, const char* subject, const void* data, size_t data_len, const nervure_headers* headers, const char* msg_id, const char* expected_stream, int64_t expected_last_seq, int64_t expected_last_subject_seq, const char* expected_last_msg_id, int64_t ttl_ms, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error);
/* Waits until every publish has its acknowledgement. Blocks the calling thread. Fails with TimeoutError. */
NERVURE_API nervure_status nervure_jetstream_publish_async_complete(nervure_jetstream* self, int64_t timeout_ms, char** error);
/* Creates a consumer from its configuration (the server's JSON). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_jetstream_add_consumer(nervure_jetstream* self, const char* stream, const char* config, char** out_json, char** error);
/* Changes an existing consumer. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_update_consumer(nervure_jetstream* self, const char* stream, const char* config, char** out_json, char** error);
/* A consumer's configuration and state. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_consumer_info(nervure_jetstream* self, const char* stream, const char* consumer, char** out_json, char** error);
/* Deletes a consumer. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_delete_consumer(nervure_jetstream* self, const char* stream, const char* consumer, char** error);
/* The names of a stream's consumers. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_consumer_names(nervure_jetstream* self, const char* stream, char** out_json, char** error);
/* Up to batch messages from a pull consumer, as a source that ends once they are taken. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_fetch(nervure_jetstream* self, const char* stream, const char* consumer, int64_t batch, int64_t expires_ms, int no_wait, nervure_subscription** out, char** error);
/* Continuous pull consumption as a source (stop it with unsubscribe). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_consume(nervure_jetstream* self, const char* stream, const char* consumer, int64_t max_messages, int64_t expires_ms, int64_t idle_heartbeat_ms, nervure_subscription** out, char** error);
/* An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_ordered_consumer(nervure_jetstream* self, const char* stream, const char* filter_subject, const char* deliver_policy, int64_t opt_start_seq, nervure_subscription** out, char** error);
/* Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress. Fails with InvalidArgumentError, NotSupportedByServerError, ConnectionClosedError. */
NERVURE_API nervure_status nervure_jetstream_ack(nervure_jetstream* self, const char* reply, const char* kind, int64_t delay_ms, const char* reason, char** error);
/* Acknowledges and waits for the server to confirm it. Completes through done(user_data, completion) on a library thread, or, when done is NULL, through nervure_connection_take. Fails with TimeoutError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_ack_sync(nervure_jetstream* self, const char* reply, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error);
/* Delivery metadata of a JetStream message, from its reply subject. Fails with InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_metadata(nervure_jetstream* self, const char* reply, char** out_json, char** error);
/* Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_jetstream_create_key_value(nervure_jetstream* self, const char* config, nervure_key_value** out, char** error);
/* An existing bucket. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_key_value(nervure_jetstream* self, const char* bucket, nervure_key_value** out, char** error);
/* Deletes a bucket and its values. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_delete_key_value(nervure_jetstream* self, const char* bucket, char** error);
/* Every bucket's name. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_jetstream_key_value_names(nervure_jetstream* self, char** out_json, char** error);
/* Frees the key_value handle and sets it to NULL; NULL is a no-op. */
NERVURE_API void nervure_key_value_destroy(nervure_key_value** key_value);
/* The bucket's name. */
NERVURE_API nervure_status nervure_key_value_bucket(nervure_key_value* self, char** out, char** error);
/* Stores a value; returns its revision. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_put(nervure_key_value* self, const char* key, const void* value, size_t value_len, uint64_t* out, char** error);
/* The current value (or a given revision); an empty record when absent or deleted. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_get(nervure_key_value* self, const char* key, int64_t revision, char** out_json, char** error);
/* Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_key_value_create(nervure_key_value* self, const char* key, const void* value, size_t value_len, int64_t ttl_ms, uint64_t* out, char** error);
/* Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_update(nervure_key_value* self, const char* key, const void* value, size_t value_len, uint64_t last_revision, uint64_t* out, char** error);
/* Deletes the key, keeping its history; with last_revision, only if unchanged. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_delete(nervure_key_value* self, const char* key, int64_t last_revision, char** error);
/* Deletes the key and its history, leaving a purge marker. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError, NotSupportedByServerError. */
NERVURE_API nervure_status nervure_key_value_purge(nervure_key_value* self, const char* key, int64_t ttl_ms, char** error);
/* Keys with a current value, optionally matching a filter (wildcards allowed). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_keys(nervure_key_value* self, const char* filter, char** out_json, char** error);
/* Every stored value of the key, oldest first. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_history(nervure_key_value* self, const char* key, char** out_json, char** error);
/* Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered). Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_watch(nervure_key_value* self, const char* keys, int include_history, int ignore_deletes, int meta_only, int updates_only, nervure_subscription** out, char** error);
/* The bucket's state. Blocks the calling thread. Fails with JetStreamApiError, TimeoutError, NoRespondersError, InvalidArgumentError. */
NERVURE_API nervure_status nervure_key_value_status(nervure_key_value* self, char** out_json, char** error);

#ifdef __cplusplus
}
#endif
#endif /* NERVURE_H */

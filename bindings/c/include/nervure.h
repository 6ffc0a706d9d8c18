/* generated from bindings/api/nervure.json by bindings/generator; do not edit */
#ifndef NERVURE_H
#define NERVURE_H

/* The nervure C ABI. Every fallible call returns a status and, when error is
   not NULL, sets *error to a message the caller frees with nervure_free_string.
   Handles are opaque; each has a destroy call that takes a pointer to the handle
   and sets it to NULL. Asynchronous operations take a caller token (use it as
   user data) and complete through nervure_connection_take, so library threads
   never call into the caller's code. */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NERVURE_API __attribute__((visibility("default")))

typedef enum nervure_status {
  NERVURE_OK = 0,
  NERVURE_NERVURE = 1, /* NervureError: Root of every nervure error. */
  NERVURE_CONNECTION_CLOSED = 2, /* ConnectionClosedError: The connection is closed (or draining) and cannot do this. */
  NERVURE_TIMEOUT = 3, /* TimeoutError: No answer in time: a request, a flush, a next message. */
  NERVURE_NO_RESPONDERS = 4, /* NoRespondersError: A request found nobody listening on its subject. */
  NERVURE_INVALID_SUBJECT = 5, /* InvalidSubjectError: A subject or queue group name is not valid. */
  NERVURE_MAX_PAYLOAD = 6, /* MaxPayloadError: The message is larger than the server accepts. */
  NERVURE_AUTHORIZATION = 7, /* AuthorizationError: The server refused the credentials. */
  NERVURE_SLOW_CONSUMER = 8, /* SlowConsumerError: A subscription fell behind and messages were dropped. */
  NERVURE_JET_STREAM_API = 9, /* JetStreamApiError: The JetStream API answered with an error (status and err_code attached). */
  NERVURE_NOT_SUPPORTED_BY_SERVER = 10, /* NotSupportedByServerError: The connected server cannot honour this feature. */
  NERVURE_ACTOR = 11, /* ActorError: An actor method failed remotely (remote type and message attached). */
  NERVURE_INVALID_ARGUMENT = 12, /* InvalidArgumentError: An option or argument is not valid (bad URL, bad creds file, bad number). */
} nervure_status;

typedef enum nervure_event {
  NERVURE_EVENT_CONNECTED = 1,
  NERVURE_EVENT_DISCONNECTED = 2,
  NERVURE_EVENT_RECONNECTED = 3,
  NERVURE_EVENT_CLOSED = 4,
  NERVURE_EVENT_LAME_DUCK = 5,
  NERVURE_EVENT_SERVERS_DISCOVERED = 6,
  NERVURE_EVENT_ASYNC_ERROR = 7,
  NERVURE_EVENT_SLOW_CONSUMER = 8,
} nervure_event;

typedef struct nervure_options nervure_options;
typedef struct nervure_connection nervure_connection;
typedef struct nervure_subscription nervure_subscription;
typedef struct nervure_headers nervure_headers;
typedef struct nervure_wakeup nervure_wakeup;
typedef struct nervure_message_batch nervure_message_batch;

typedef struct nervure_stats {
  uint64_t in_msgs, in_bytes, out_msgs, out_bytes, reconnects;
} nervure_stats;

/* ---- Runtime (hand-written in bindings/c/src/runtime.cpp) ---------------- */

/* Strings and buffers handed out by the library are freed by the library. */
NERVURE_API void nervure_free_string(char* s);
/* Stable name of a status ("NoRespondersError"); never freed. */
NERVURE_API const char* nervure_status_name(nervure_status status);

NERVURE_API nervure_status nervure_options_create(nervure_options** out, char** error);
NERVURE_API void nervure_options_destroy(nervure_options** options);
NERVURE_API nervure_status nervure_options_add_server(nervure_options* options, const char* url, char** error);

NERVURE_API nervure_status nervure_headers_create(nervure_headers** out, char** error);
NERVURE_API void nervure_headers_destroy(nervure_headers** headers);
NERVURE_API nervure_status nervure_headers_add(nervure_headers* headers, const char* key, const char* value, char** error);

/* Connects (blocking). Completions, ready subscriptions and events of this
   connection are collected until nervure_connection_take hands them over. */
NERVURE_API nervure_status nervure_connect(const nervure_options* options, nervure_connection** out, char** error);
/* Closes if needed and frees the handle; sets *connection to NULL. */
NERVURE_API void nervure_connection_destroy(nervure_connection** connection);
/* Becomes readable when nervure_connection_take has something to hand over. */
NERVURE_API int nervure_connection_wake_fd(const nervure_connection* connection);
/* Waits up to wait_ms (0: not at all) for completions, ready subscriptions or
   events, and hands over everything queued in one wakeup. */
NERVURE_API nervure_status nervure_connection_take(nervure_connection* connection, int64_t wait_ms,
                                                   nervure_wakeup** out, char** error);
/* Gives up on a pending request: its completion never arrives. */
NERVURE_API void nervure_connection_cancel(nervure_connection* connection, uint64_t token);
NERVURE_API void nervure_subscription_destroy(nervure_subscription** subscription);
/* The id this subscription has in wakeups' ready lists. */
NERVURE_API uint64_t nervure_subscription_id(const nervure_subscription* subscription);
/* Moves up to max queued messages into a batch, waiting up to wait_ms for the first. */
NERVURE_API nervure_status nervure_subscription_poll(nervure_subscription* subscription, size_t max, int64_t wait_ms,
                                                     nervure_message_batch** out, char** error);
/* True once the subscription has ended and its queue is empty. */
NERVURE_API int nervure_subscription_ended(const nervure_subscription* subscription);

NERVURE_API void nervure_wakeup_destroy(nervure_wakeup** wakeup);
NERVURE_API size_t nervure_wakeup_completion_count(const nervure_wakeup* wakeup);
/* Completion i: its token, its status and error text (owned by the wakeup), and
   for requests the reply as a one-message batch (NULL otherwise; the caller frees it). */
NERVURE_API uint64_t nervure_wakeup_completion_token(const nervure_wakeup* wakeup, size_t i);
NERVURE_API nervure_status nervure_wakeup_completion_status(const nervure_wakeup* wakeup, size_t i);
NERVURE_API const char* nervure_wakeup_completion_error(const nervure_wakeup* wakeup, size_t i);
NERVURE_API nervure_message_batch* nervure_wakeup_completion_take_reply(nervure_wakeup* wakeup, size_t i);
NERVURE_API size_t nervure_wakeup_ready_count(const nervure_wakeup* wakeup);
NERVURE_API uint64_t nervure_wakeup_ready_id(const nervure_wakeup* wakeup, size_t i);
NERVURE_API size_t nervure_wakeup_event_count(const nervure_wakeup* wakeup);
NERVURE_API nervure_event nervure_wakeup_event(const nervure_wakeup* wakeup, size_t i, const char** detail);

NERVURE_API void nervure_message_batch_destroy(nervure_message_batch** batch);
NERVURE_API size_t nervure_message_batch_count(const nervure_message_batch* batch);
/* Views into message i, valid until the batch is destroyed. */
NERVURE_API const char* nervure_message_subject(const nervure_message_batch* batch, size_t i);
NERVURE_API const char* nervure_message_reply(const nervure_message_batch* batch, size_t i);
NERVURE_API const void* nervure_message_data(const nervure_message_batch* batch, size_t i, size_t* len);
NERVURE_API size_t nervure_message_header_count(const nervure_message_batch* batch, size_t i);
NERVURE_API void nervure_message_header(const nervure_message_batch* batch, size_t i, size_t h, const char** key,
                                        const char** value);
NERVURE_API int nervure_message_status(const nervure_message_batch* batch, size_t i);

/* ---- Connect options ---------------------------------------------------- */

/* Connection name shown by the server. Default: ''. */
NERVURE_API nervure_status nervure_options_set_name(nervure_options* options, const char* value, char** error);
/* User for user/password authentication. Default: ''. */
NERVURE_API nervure_status nervure_options_set_user(nervure_options* options, const char* value, char** error);
/* Password for user/password authentication. Default: ''. */
NERVURE_API nervure_status nervure_options_set_password(nervure_options* options, const char* value, char** error);
/* Authentication token. Default: ''. */
NERVURE_API nervure_status nervure_options_set_token(nervure_options* options, const char* value, char** error);
/* User NKey seed (SU...). Default: ''. */
NERVURE_API nervure_status nervure_options_set_nkey_seed(nervure_options* options, const char* value, char** error);
/* Path of a .creds file (JWT and seed). Default: ''. */
NERVURE_API nervure_status nervure_options_set_creds_file(nervure_options* options, const char* value, char** error);
/* CA certificates to trust. Default: ''. */
NERVURE_API nervure_status nervure_options_set_tls_ca_file(nervure_options* options, const char* value, char** error);
/* Client certificate (mutual TLS). Default: ''. */
NERVURE_API nervure_status nervure_options_set_tls_cert_file(nervure_options* options, const char* value, char** error);
/* Client key (mutual TLS). Default: ''. */
NERVURE_API nervure_status nervure_options_set_tls_key_file(nervure_options* options, const char* value, char** error);
/* Start TLS before the server's INFO. Default: False. */
NERVURE_API nervure_status nervure_options_set_tls_handshake_first(nervure_options* options, int value, char** error);
/* Shuffle the server list. Default: True. */
NERVURE_API nervure_status nervure_options_set_randomize(nervure_options* options, int value, char** error);
/* Time allowed for each connection attempt. Default: 2000. */
NERVURE_API nervure_status nervure_options_set_connect_timeout_ms(nervure_options* options, int64_t value, char** error);
/* Reconnect when the connection is lost. Default: True. */
NERVURE_API nervure_status nervure_options_set_reconnect(nervure_options* options, int value, char** error);
/* Attempts per server before giving up; -1 forever. Default: 60. */
NERVURE_API nervure_status nervure_options_set_max_reconnect_attempts(nervure_options* options, int64_t value, char** error);
/* Base backoff between attempts. Default: 2000. */
NERVURE_API nervure_status nervure_options_set_reconnect_wait_ms(nervure_options* options, int64_t value, char** error);
/* Cap of the exponential backoff. Default: 8000. */
NERVURE_API nervure_status nervure_options_set_reconnect_wait_max_ms(nervure_options* options, int64_t value, char** error);
/* Random extra wait per attempt. Default: 100. */
NERVURE_API nervure_status nervure_options_set_reconnect_jitter_ms(nervure_options* options, int64_t value, char** error);
/* Bytes of publishes kept while disconnected; 0 disables. Default: 8388608. */
NERVURE_API nervure_status nervure_options_set_reconnect_buffer_size(nervure_options* options, int64_t value, char** error);
/* Keepalive PING interval. Default: 120000. */
NERVURE_API nervure_status nervure_options_set_ping_interval_ms(nervure_options* options, int64_t value, char** error);
/* Unanswered PINGs before the connection is stale. Default: 2. */
NERVURE_API nervure_status nervure_options_set_max_pings_out(nervure_options* options, int64_t value, char** error);
/* Do not receive this connection's own messages. Default: False. */
NERVURE_API nervure_status nervure_options_set_no_echo(nervure_options* options, int value, char** error);
/* Prefix of reply subjects. Default: '_INBOX'. */
NERVURE_API nervure_status nervure_options_set_inbox_prefix(nervure_options* options, const char* value, char** error);
/* Default per-subscription queue limit in messages; -1 unlimited. Default: 524288. */
NERVURE_API nervure_status nervure_options_set_pending_msgs_limit(nervure_options* options, int64_t value, char** error);
/* Default per-subscription queue limit in bytes; -1 unlimited. Default: 67108864. */
NERVURE_API nervure_status nervure_options_set_pending_bytes_limit(nervure_options* options, int64_t value, char** error);

/* ---- Operations ---------------------------------------------------------- */

/* Publish a message; fire and forget. */
NERVURE_API nervure_status nervure_connection_publish(nervure_connection* self, const char* subject, const void* data, size_t data_len, const char* reply, const nervure_headers* headers, char** error);
/* Subscribe to a subject (wildcards allowed), optionally in a queue group. */
NERVURE_API nervure_status nervure_connection_subscribe(nervure_connection* self, const char* subject, const char* queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit, nervure_subscription** out, char** error);
/* Send a request and wait for one reply. */
NERVURE_API nervure_status nervure_connection_request(nervure_connection* self, uint64_t token, const char* subject, const void* data, size_t data_len, int64_t timeout_ms, const nervure_headers* headers, char** error);
/* Round trip to the server: everything published before has been processed. */
NERVURE_API nervure_status nervure_connection_flush(nervure_connection* self, uint64_t token, int64_t timeout_ms, char** error);
/* Drain every subscription, flush, then close. */
NERVURE_API nervure_status nervure_connection_drain(nervure_connection* self, int64_t timeout_ms, char** error);
/* Close now; pending requests fail with ConnectionClosedError. */
NERVURE_API nervure_status nervure_connection_close(nervure_connection* self, char** error);
/* Whether the connection is up. */
NERVURE_API nervure_status nervure_connection_is_connected(nervure_connection* self, int* out, char** error);
/* Whether the connection was closed. */
NERVURE_API nervure_status nervure_connection_is_closed(nervure_connection* self, int* out, char** error);
/* Messages and bytes in and out, reconnects. */
NERVURE_API nervure_status nervure_connection_stats(nervure_connection* self, nervure_stats* out, char** error);
/* The server's INFO, as JSON. */
NERVURE_API nervure_status nervure_connection_server_info(nervure_connection* self, char** out, char** error);
/* The server in use, or empty while disconnected. */
NERVURE_API nervure_status nervure_connection_connected_url(nervure_connection* self, char** out, char** error);
/* A fresh unique reply subject. */
NERVURE_API nervure_status nervure_connection_new_inbox(nervure_connection* self, char** out, char** error);
/* Largest message the server accepts. */
NERVURE_API nervure_status nervure_connection_max_payload(nervure_connection* self, int64_t* out, char** error);
/* Stop now; queued messages are dropped. */
NERVURE_API nervure_status nervure_subscription_unsubscribe(nervure_subscription* self, char** error);
/* Stop interest, let queued messages be consumed, then end. */
NERVURE_API nervure_status nervure_subscription_drain(nervure_subscription* self, int64_t timeout_ms, char** error);
/* End after this many messages in total. */
NERVURE_API nervure_status nervure_subscription_auto_unsubscribe(nervure_subscription* self, int64_t max_msgs, char** error);
/* Messages queued, not yet consumed. */
NERVURE_API nervure_status nervure_subscription_pending(nervure_subscription* self, int64_t* out, char** error);
/* Messages lost to the pending limits. */
NERVURE_API nervure_status nervure_subscription_dropped(nervure_subscription* self, int64_t* out, char** error);
/* Messages received so far. */
NERVURE_API nervure_status nervure_subscription_delivered(nervure_subscription* self, int64_t* out, char** error);

#ifdef __cplusplus
}
#endif
#endif /* NERVURE_H */

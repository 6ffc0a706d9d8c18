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

/* generated from the definition in bindings/api/ by bindings/generator; do not edit */
#ifndef NERVURE_GO_SHIMS_H
#define NERVURE_GO_SHIMS_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "nervure.h"

// The outcome of a call: status, message and the structured fields of the error,
// read on the thread that failed (the ABI keeps them per thread).
typedef struct nv_err {
  nervure_status status;
  char* error;
  int64_t f_jetstream_api_code;
  int64_t f_jetstream_api_err_code;
  char* f_actor_remote_type;
} nv_err;

// After a failed call: the message moves to malloc'd memory (Go frees every nv_err
// string with free) and the error's fields are read.
static inline void nv_err_fields(nv_err* e) {
  { char* s = e->error; e->error = s ? strdup(s) : NULL; nervure_free_string(s); }
  nervure_last_error_int("code", &e->f_jetstream_api_code);
  nervure_last_error_int("err_code", &e->f_jetstream_api_err_code);
  { const char* s = nervure_last_error_text("remote_type"); e->f_actor_remote_type = s ? strdup(s) : NULL; }
}

static inline void nv_completion_err(const nervure_completion* c, nv_err* e) {
  e->status = nervure_completion_status(c);
  if (e->status == NERVURE_OK) return;
  { const char* s = nervure_completion_error(c); e->error = s ? strdup(s) : NULL; }
  nervure_completion_error_int(c, "code", &e->f_jetstream_api_code);
  nervure_completion_error_int(c, "err_code", &e->f_jetstream_api_err_code);
  { const char* s = nervure_completion_error_text(c, "remote_type"); e->f_actor_remote_type = s ? strdup(s) : NULL; }
}

// One completion of a wakeup, read in one crossing.
// The reply's data too, for callers that need nothing else of it.
typedef struct nv_completion_view {
  uint64_t token;
  nv_err e;
  nervure_message_batch* reply;
  const void* data;
  size_t data_len;
} nv_completion_view;

static inline void nv_completion_read(nervure_wakeup* w, size_t i, nv_completion_view* v) {
  nervure_completion* c = nervure_wakeup_completion(w, i);
  memset(v, 0, sizeof *v);
  v->token = (uint64_t)(uintptr_t)nervure_completion_user_data(c);
  nv_completion_err(c, &v->e);
  v->reply = nervure_completion_take_reply(c);
  if (v->reply) v->data = nervure_message_data(v->reply, 0, &v->data_len);
}

// The first n completions of a wakeup into views, in one crossing.
static inline void nv_completions_read(nervure_wakeup* w, nv_completion_view* views, size_t n) {
  for (size_t i = 0; i < n; i++) nv_completion_read(w, i, &views[i]);
}

// Frees the replies nv_completions_read took, in one crossing.
static inline void nv_completions_release(nv_completion_view* views, size_t n) {
  for (size_t i = 0; i < n; i++) nervure_message_batch_destroy(&views[i].reply);
}

// Headers from one buffer of NUL-terminated key, value pairs: one crossing.
static inline nv_err nv_headers_from(const char* kv, size_t pairs, nervure_headers** out) {
  nv_err e; memset(&e, 0, sizeof e);
  *out = NULL;
  e.status = nervure_headers_create(out, &e.error);
  for (size_t i = 0; e.status == NERVURE_OK && i < pairs; i++) {
    const char* k = kv; kv += strlen(kv) + 1;
    const char* v = kv; kv += strlen(kv) + 1;
    e.status = nervure_headers_add(*out, k, v, &e.error);
  }
  if (e.status != NERVURE_OK) { nervure_headers_destroy(out); nv_err_fields(&e); }
  return e;
}

static inline void nv_headers_free(nervure_headers* h) { nervure_headers_destroy(&h); }

// Waits for the connection's next wakeup and says what it holds: one crossing.
typedef struct nv_take_r {
  nv_err e;
  nervure_wakeup* w;
  size_t completions, ready, events;
} nv_take_r;
static inline nv_take_r nv_take(nervure_connection* c, int64_t wait_ms) {
  nv_take_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_take(c, wait_ms, &r.w, &r.e.error);
  if (r.e.status != NERVURE_OK) return r;
  r.completions = nervure_wakeup_completion_count(r.w);
  r.ready = nervure_wakeup_ready_count(r.w);
  r.events = nervure_wakeup_event_count(r.w);
  return r;
}

typedef struct nv_connect_r { nv_err e; nervure_connection* out; } nv_connect_r;
static inline nv_connect_r nv_connect(const nervure_options* o) {
  nv_connect_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connect(o, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_poll_r { nv_err e; nervure_message_batch* out; } nv_poll_r;
static inline nv_poll_r nv_poll(nervure_subscription* s, size_t max, int64_t wait_ms) {
  nv_poll_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_poll(s, max, wait_ms, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

// A waiter: an asynchronous operation completes into it on a library thread
// (done callback), which then signals the waiter's eventfd. The calling
// goroutine waits for that fd in Go's network poller (go/waiter.go); reading
// the signal tells it the callback is done with the waiter. state: 0 pending,
// 1 completed, 2 abandoned (the callback then frees the waiter, unsignalled).
typedef struct nv_waiter {
  int state;
  int fd;
  nv_err e;
  nervure_message_batch* reply;
} nv_waiter;
static inline nv_waiter* nv_waiter_new(void) {
  nv_waiter* w = (nv_waiter*)calloc(1, sizeof *w);
  if (!w) return NULL;
  w->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (w->fd < 0) { free(w); return NULL; }
  return w;
}
static inline void nv_waiter_free(nv_waiter* w) {
  if (!w) return;
  nervure_message_batch_destroy(&w->reply);
  close(w->fd);
  free(w);
}
// Ready for the next operation (the previous one's results were taken).
static inline void nv_waiter_reset(nv_waiter* w) {
  nervure_message_batch_destroy(&w->reply);
  memset(&w->e, 0, sizeof w->e);
  __atomic_store_n(&w->state, 0, __ATOMIC_RELEASE);
}
static void nv_waiter_done(void* user_data, nervure_completion* c) {
  nv_waiter* w = (nv_waiter*)user_data;
  nv_completion_err(c, &w->e);
  w->reply = nervure_completion_take_reply(c);
  int pending = 0;
  if (!__atomic_compare_exchange_n(&w->state, &pending, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    nv_waiter_free(w);  // abandoned
    return;
  }
  uint64_t one = 1;  // the last touch: once it is read, the waiter is the caller's again
  ssize_t n;
  do n = write(w->fd, &one, sizeof one); while (n < 0 && errno == EINTR);
}
// Blocks until the signal of a completed waiter is written and takes it (the
// callback is past its state change: microseconds at most).
static inline void nv_waiter_take_signal(nv_waiter* w) {
  uint64_t v;
  struct pollfd p = {w->fd, POLLIN, 0};
  while (read(w->fd, &v, sizeof v) != (ssize_t)sizeof v) poll(&p, 1, 10);
}

static inline int nv_cancel(nervure_connection* c, uint64_t token) {
  return nervure_connection_cancel(c, (void*)(uintptr_t)token);
}

// Event i of a wakeup with its detail.
typedef struct nv_event_r { nervure_event event; const char* detail; } nv_event_r;
static inline nv_event_r nv_event(const nervure_wakeup* w, size_t i) {
  nv_event_r r; r.event = nervure_wakeup_event(w, i, &r.detail); return r;
}

// A view of one message of a batch (pointers into the batch).
typedef struct nv_message_view {
  const char* subject;
  size_t subject_len;
  const char* reply;
  size_t reply_len;
  const void* data;
  size_t data_len;
  size_t headers_count;
  int64_t status;
} nv_message_view;

static inline size_t nv_message_read(const nervure_message_batch* b, nv_message_view* out, size_t max) {
  size_t n = nervure_message_batch_count(b);
  if (n > max) n = max;
  for (size_t i = 0; i < n; i++) {
    out[i].subject = nervure_message_subject(b, i);
    out[i].subject_len = out[i].subject ? strlen(out[i].subject) : 0;
    out[i].reply = nervure_message_reply(b, i);
    out[i].reply_len = out[i].reply ? strlen(out[i].reply) : 0;
    out[i].data = nervure_message_data(b, i, &out[i].data_len);
    out[i].headers_count = nervure_message_headers_count(b, i);
    out[i].status = nervure_message_status(b, i);
  }
  return n;
}

// Keys and values of item i's headers, in order: kv[2h], kv[2h+1].
static inline void nv_message_headers(const nervure_message_batch* b, size_t i, const char** kv, size_t n) {
  for (size_t h = 0; h < n; h++) nervure_message_headers_at(b, i, h, &kv[2 * h], &kv[2 * h + 1]);
}

typedef struct nv_connection_actor_host_r {
  nv_err e;
  nervure_actor_host* out;
} nv_connection_actor_host_r;
static inline nv_connection_actor_host_r nv_connection_actor_host(nervure_connection* self, int64_t idle_timeout_ms, int64_t call_timeout_ms, int reentrancy, int64_t max_reentrancy_depth, int64_t lease_ttl_ms, int64_t partitions, int64_t workers, const char* host_id, const char* lease_bucket, const char* state_bucket) {
  nv_connection_actor_host_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_actor_host(self, idle_timeout_ms, call_timeout_ms, reentrancy, max_reentrancy_depth, lease_ttl_ms, partitions, workers, host_id, lease_bucket, state_bucket, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_actor_invoke_r {
  nv_err e;
} nv_connection_actor_invoke_r;
static inline nv_connection_actor_invoke_r nv_connection_actor_invoke(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const char* args, size_t args_len, int64_t timeout_ms, int64_t partitions, nv_waiter* w, uint64_t token) {
  nv_connection_actor_invoke_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_actor_invoke(self, actor_type, actor_id, method, args, args_len, timeout_ms, partitions, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_actor_tell_r {
  nv_err e;
} nv_connection_actor_tell_r;
static inline nv_connection_actor_tell_r nv_connection_actor_tell(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const char* args, size_t args_len, const char* dedup_id, int64_t timeout_ms, nv_waiter* w, uint64_t token) {
  nv_connection_actor_tell_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_actor_tell(self, actor_type, actor_id, method, args, args_len, dedup_id, timeout_ms, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_publish_r {
  nv_err e;
} nv_connection_publish_r;
static inline nv_connection_publish_r nv_connection_publish(nervure_connection* self, const char* subject, const char* data, size_t data_len, const char* reply, const nervure_headers* headers) {
  nv_connection_publish_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_publish(self, subject, data, data_len, reply, headers, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_subscribe_r {
  nv_err e;
  nervure_subscription* out;
} nv_connection_subscribe_r;
static inline nv_connection_subscribe_r nv_connection_subscribe(nervure_connection* self, const char* subject, const char* queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit) {
  nv_connection_subscribe_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_subscribe(self, subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_request_r {
  nv_err e;
} nv_connection_request_r;
static inline nv_connection_request_r nv_connection_request(nervure_connection* self, const char* subject, const char* data, size_t data_len, int64_t timeout_ms, const nervure_headers* headers, nv_waiter* w, uint64_t token) {
  nv_connection_request_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_request(self, subject, data, data_len, timeout_ms, headers, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_flush_r {
  nv_err e;
} nv_connection_flush_r;
static inline nv_connection_flush_r nv_connection_flush(nervure_connection* self, int64_t timeout_ms, nv_waiter* w, uint64_t token) {
  nv_connection_flush_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_flush(self, timeout_ms, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_drain_r {
  nv_err e;
} nv_connection_drain_r;
static inline nv_connection_drain_r nv_connection_drain(nervure_connection* self, int64_t timeout_ms) {
  nv_connection_drain_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_drain(self, timeout_ms, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_close_r {
  nv_err e;
} nv_connection_close_r;
static inline nv_connection_close_r nv_connection_close(nervure_connection* self) {
  nv_connection_close_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_close(self, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_is_connected_r {
  nv_err e;
  int out;
} nv_connection_is_connected_r;
static inline nv_connection_is_connected_r nv_connection_is_connected(nervure_connection* self) {
  nv_connection_is_connected_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_is_connected(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_is_reconnecting_r {
  nv_err e;
  int out;
} nv_connection_is_reconnecting_r;
static inline nv_connection_is_reconnecting_r nv_connection_is_reconnecting(nervure_connection* self) {
  nv_connection_is_reconnecting_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_is_reconnecting(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_is_closed_r {
  nv_err e;
  int out;
} nv_connection_is_closed_r;
static inline nv_connection_is_closed_r nv_connection_is_closed(nervure_connection* self) {
  nv_connection_is_closed_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_is_closed(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_stats_r {
  nv_err e;
  nervure_stats out;
} nv_connection_stats_r;
static inline nv_connection_stats_r nv_connection_stats(nervure_connection* self) {
  nv_connection_stats_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_stats(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_server_info_r {
  nv_err e;
  char* out;
} nv_connection_server_info_r;
static inline nv_connection_server_info_r nv_connection_server_info(nervure_connection* self) {
  nv_connection_server_info_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_server_info(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_connected_url_r {
  nv_err e;
  char* out;
} nv_connection_connected_url_r;
static inline nv_connection_connected_url_r nv_connection_connected_url(nervure_connection* self) {
  nv_connection_connected_url_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_connected_url(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_new_inbox_r {
  nv_err e;
  char* out;
} nv_connection_new_inbox_r;
static inline nv_connection_new_inbox_r nv_connection_new_inbox(nervure_connection* self) {
  nv_connection_new_inbox_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_new_inbox(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_max_payload_r {
  nv_err e;
  int64_t out;
} nv_connection_max_payload_r;
static inline nv_connection_max_payload_r nv_connection_max_payload(nervure_connection* self) {
  nv_connection_max_payload_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_max_payload(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_connection_jetstream_r {
  nv_err e;
  nervure_jetstream* out;
} nv_connection_jetstream_r;
static inline nv_connection_jetstream_r nv_connection_jetstream(nervure_connection* self, const char* domain, const char* api_prefix, int64_t timeout_ms) {
  nv_connection_jetstream_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_connection_jetstream(self, domain, api_prefix, timeout_ms, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_register_type_r {
  nv_err e;
} nv_actor_host_register_type_r;
static inline nv_actor_host_register_type_r nv_actor_host_register_type(nervure_actor_host* self, const char* actor_type) {
  nv_actor_host_register_type_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_register_type(self, actor_type, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_start_r {
  nv_err e;
} nv_actor_host_start_r;
static inline nv_actor_host_start_r nv_actor_host_start(nervure_actor_host* self) {
  nv_actor_host_start_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_start(self, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_stop_r {
  nv_err e;
} nv_actor_host_stop_r;
static inline nv_actor_host_stop_r nv_actor_host_stop(nervure_actor_host* self, int64_t timeout_ms) {
  nv_actor_host_stop_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_stop(self, timeout_ms, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_turns_r {
  nv_err e;
  nervure_subscription* out;
} nv_actor_host_turns_r;
static inline nv_actor_host_turns_r nv_actor_host_turns(nervure_actor_host* self) {
  nv_actor_host_turns_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_turns(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_complete_r {
  nv_err e;
} nv_actor_host_complete_r;
static inline nv_actor_host_complete_r nv_actor_host_complete(nervure_actor_host* self, uint64_t turn, const char* result, size_t result_len, const char* error_type, const char* error_message) {
  nv_actor_host_complete_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_complete(self, turn, result, result_len, error_type, error_message, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_state_get_r {
  nv_err e;
  char* out;
  size_t out_len;
} nv_actor_host_state_get_r;
static inline nv_actor_host_state_get_r nv_actor_host_state_get(nervure_actor_host* self, uint64_t turn, const char* key) {
  nv_actor_host_state_get_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_state_get(self, turn, key, &r.out, &r.out_len, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_state_contains_r {
  nv_err e;
  int out;
} nv_actor_host_state_contains_r;
static inline nv_actor_host_state_contains_r nv_actor_host_state_contains(nervure_actor_host* self, uint64_t turn, const char* key) {
  nv_actor_host_state_contains_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_state_contains(self, turn, key, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_state_set_r {
  nv_err e;
} nv_actor_host_state_set_r;
static inline nv_actor_host_state_set_r nv_actor_host_state_set(nervure_actor_host* self, uint64_t turn, const char* key, const char* value, size_t value_len) {
  nv_actor_host_state_set_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_state_set(self, turn, key, value, value_len, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_state_remove_r {
  nv_err e;
  int out;
} nv_actor_host_state_remove_r;
static inline nv_actor_host_state_remove_r nv_actor_host_state_remove(nervure_actor_host* self, uint64_t turn, const char* key) {
  nv_actor_host_state_remove_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_state_remove(self, turn, key, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_state_save_r {
  nv_err e;
} nv_actor_host_state_save_r;
static inline nv_actor_host_state_save_r nv_actor_host_state_save(nervure_actor_host* self, uint64_t turn) {
  nv_actor_host_state_save_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_state_save(self, turn, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_register_timer_r {
  nv_err e;
} nv_actor_host_register_timer_r;
static inline nv_actor_host_register_timer_r nv_actor_host_register_timer(nervure_actor_host* self, uint64_t turn, const char* name, const char* method, const char* due, const char* period, const char* args, size_t args_len) {
  nv_actor_host_register_timer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_register_timer(self, turn, name, method, due, period, args, args_len, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_unregister_timer_r {
  nv_err e;
} nv_actor_host_unregister_timer_r;
static inline nv_actor_host_unregister_timer_r nv_actor_host_unregister_timer(nervure_actor_host* self, uint64_t turn, const char* name) {
  nv_actor_host_unregister_timer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_unregister_timer(self, turn, name, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_register_reminder_r {
  nv_err e;
} nv_actor_host_register_reminder_r;
static inline nv_actor_host_register_reminder_r nv_actor_host_register_reminder(nervure_actor_host* self, uint64_t turn, const char* name, const char* due, const char* period, const char* data, size_t data_len) {
  nv_actor_host_register_reminder_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_register_reminder(self, turn, name, due, period, data, data_len, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_unregister_reminder_r {
  nv_err e;
} nv_actor_host_unregister_reminder_r;
static inline nv_actor_host_unregister_reminder_r nv_actor_host_unregister_reminder(nervure_actor_host* self, uint64_t turn, const char* name) {
  nv_actor_host_unregister_reminder_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_unregister_reminder(self, turn, name, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_invoke_r {
  nv_err e;
} nv_actor_host_invoke_r;
static inline nv_actor_host_invoke_r nv_actor_host_invoke(nervure_actor_host* self, uint64_t turn, const char* actor_type, const char* actor_id, const char* method, const char* args, size_t args_len, int64_t timeout_ms, nv_waiter* w, uint64_t token) {
  nv_actor_host_invoke_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_invoke(self, turn, actor_type, actor_id, method, args, args_len, timeout_ms, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_host_id_r {
  nv_err e;
  char* out;
} nv_actor_host_host_id_r;
static inline nv_actor_host_host_id_r nv_actor_host_host_id(nervure_actor_host* self) {
  nv_actor_host_host_id_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_host_id(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_stats_r {
  nv_err e;
  nervure_actor_stats out;
} nv_actor_host_stats_r;
static inline nv_actor_host_stats_r nv_actor_host_stats(nervure_actor_host* self) {
  nv_actor_host_stats_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_stats(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_actor_host_method_stats_r {
  nv_err e;
  char* out;
} nv_actor_host_method_stats_r;
static inline nv_actor_host_method_stats_r nv_actor_host_method_stats(nervure_actor_host* self) {
  nv_actor_host_method_stats_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_actor_host_method_stats(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_unsubscribe_r {
  nv_err e;
} nv_subscription_unsubscribe_r;
static inline nv_subscription_unsubscribe_r nv_subscription_unsubscribe(nervure_subscription* self) {
  nv_subscription_unsubscribe_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_unsubscribe(self, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_drain_r {
  nv_err e;
} nv_subscription_drain_r;
static inline nv_subscription_drain_r nv_subscription_drain(nervure_subscription* self, int64_t timeout_ms) {
  nv_subscription_drain_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_drain(self, timeout_ms, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_auto_unsubscribe_r {
  nv_err e;
} nv_subscription_auto_unsubscribe_r;
static inline nv_subscription_auto_unsubscribe_r nv_subscription_auto_unsubscribe(nervure_subscription* self, int64_t max_msgs) {
  nv_subscription_auto_unsubscribe_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_auto_unsubscribe(self, max_msgs, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_set_pending_limits_r {
  nv_err e;
} nv_subscription_set_pending_limits_r;
static inline nv_subscription_set_pending_limits_r nv_subscription_set_pending_limits(nervure_subscription* self, int64_t msgs_limit, int64_t bytes_limit) {
  nv_subscription_set_pending_limits_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_set_pending_limits(self, msgs_limit, bytes_limit, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_pending_r {
  nv_err e;
  int64_t out;
} nv_subscription_pending_r;
static inline nv_subscription_pending_r nv_subscription_pending(nervure_subscription* self) {
  nv_subscription_pending_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_pending(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_pending_bytes_r {
  nv_err e;
  int64_t out;
} nv_subscription_pending_bytes_r;
static inline nv_subscription_pending_bytes_r nv_subscription_pending_bytes(nervure_subscription* self) {
  nv_subscription_pending_bytes_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_pending_bytes(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_dropped_r {
  nv_err e;
  int64_t out;
} nv_subscription_dropped_r;
static inline nv_subscription_dropped_r nv_subscription_dropped(nervure_subscription* self) {
  nv_subscription_dropped_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_dropped(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_subscription_delivered_r {
  nv_err e;
  int64_t out;
} nv_subscription_delivered_r;
static inline nv_subscription_delivered_r nv_subscription_delivered(nervure_subscription* self) {
  nv_subscription_delivered_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_subscription_delivered(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_account_info_r {
  nv_err e;
  char* out;
} nv_jetstream_account_info_r;
static inline nv_jetstream_account_info_r nv_jetstream_account_info(nervure_jetstream* self) {
  nv_jetstream_account_info_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_account_info(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_add_stream_r {
  nv_err e;
  char* out;
} nv_jetstream_add_stream_r;
static inline nv_jetstream_add_stream_r nv_jetstream_add_stream(nervure_jetstream* self, const char* config) {
  nv_jetstream_add_stream_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_add_stream(self, config, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_update_stream_r {
  nv_err e;
  char* out;
} nv_jetstream_update_stream_r;
static inline nv_jetstream_update_stream_r nv_jetstream_update_stream(nervure_jetstream* self, const char* config) {
  nv_jetstream_update_stream_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_update_stream(self, config, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_stream_info_r {
  nv_err e;
  char* out;
} nv_jetstream_stream_info_r;
static inline nv_jetstream_stream_info_r nv_jetstream_stream_info(nervure_jetstream* self, const char* name) {
  nv_jetstream_stream_info_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_stream_info(self, name, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_delete_stream_r {
  nv_err e;
} nv_jetstream_delete_stream_r;
static inline nv_jetstream_delete_stream_r nv_jetstream_delete_stream(nervure_jetstream* self, const char* name) {
  nv_jetstream_delete_stream_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_delete_stream(self, name, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_purge_stream_r {
  nv_err e;
  int64_t out;
} nv_jetstream_purge_stream_r;
static inline nv_jetstream_purge_stream_r nv_jetstream_purge_stream(nervure_jetstream* self, const char* name, const char* subject, int64_t keep, int64_t up_to_seq) {
  nv_jetstream_purge_stream_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_purge_stream(self, name, subject, keep, up_to_seq, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_stream_names_r {
  nv_err e;
  char* out;
} nv_jetstream_stream_names_r;
static inline nv_jetstream_stream_names_r nv_jetstream_stream_names(nervure_jetstream* self, const char* subject) {
  nv_jetstream_stream_names_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_stream_names(self, subject, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_streams_r {
  nv_err e;
  char* out;
} nv_jetstream_streams_r;
static inline nv_jetstream_streams_r nv_jetstream_streams(nervure_jetstream* self, const char* subject) {
  nv_jetstream_streams_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_streams(self, subject, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_get_msg_r {
  nv_err e;
  char* out;
} nv_jetstream_get_msg_r;
static inline nv_jetstream_get_msg_r nv_jetstream_get_msg(nervure_jetstream* self, const char* stream, int64_t seq, const char* last_by_subject) {
  nv_jetstream_get_msg_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_get_msg(self, stream, seq, last_by_subject, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_delete_msg_r {
  nv_err e;
} nv_jetstream_delete_msg_r;
static inline nv_jetstream_delete_msg_r nv_jetstream_delete_msg(nervure_jetstream* self, const char* stream, int64_t seq, int erase) {
  nv_jetstream_delete_msg_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_delete_msg(self, stream, seq, erase, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_publish_r {
  nv_err e;
} nv_jetstream_publish_r;
static inline nv_jetstream_publish_r nv_jetstream_publish(nervure_jetstream* self, const char* subject, const char* data, size_t data_len, const nervure_headers* headers, const char* msg_id, const char* expected_stream, int64_t expected_last_seq, int64_t expected_last_subject_seq, const char* expected_last_msg_id, int64_t ttl_ms, int64_t timeout_ms, nv_waiter* w, uint64_t token) {
  nv_jetstream_publish_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_publish(self, subject, data, data_len, headers, msg_id, expected_stream, expected_last_seq, expected_last_subject_seq, expected_last_msg_id, ttl_ms, timeout_ms, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_publish_async_complete_r {
  nv_err e;
} nv_jetstream_publish_async_complete_r;
static inline nv_jetstream_publish_async_complete_r nv_jetstream_publish_async_complete(nervure_jetstream* self, int64_t timeout_ms) {
  nv_jetstream_publish_async_complete_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_publish_async_complete(self, timeout_ms, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_add_consumer_r {
  nv_err e;
  char* out;
} nv_jetstream_add_consumer_r;
static inline nv_jetstream_add_consumer_r nv_jetstream_add_consumer(nervure_jetstream* self, const char* stream, const char* config) {
  nv_jetstream_add_consumer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_add_consumer(self, stream, config, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_update_consumer_r {
  nv_err e;
  char* out;
} nv_jetstream_update_consumer_r;
static inline nv_jetstream_update_consumer_r nv_jetstream_update_consumer(nervure_jetstream* self, const char* stream, const char* config) {
  nv_jetstream_update_consumer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_update_consumer(self, stream, config, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_consumer_info_r {
  nv_err e;
  char* out;
} nv_jetstream_consumer_info_r;
static inline nv_jetstream_consumer_info_r nv_jetstream_consumer_info(nervure_jetstream* self, const char* stream, const char* consumer) {
  nv_jetstream_consumer_info_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_consumer_info(self, stream, consumer, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_delete_consumer_r {
  nv_err e;
} nv_jetstream_delete_consumer_r;
static inline nv_jetstream_delete_consumer_r nv_jetstream_delete_consumer(nervure_jetstream* self, const char* stream, const char* consumer) {
  nv_jetstream_delete_consumer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_delete_consumer(self, stream, consumer, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_consumer_names_r {
  nv_err e;
  char* out;
} nv_jetstream_consumer_names_r;
static inline nv_jetstream_consumer_names_r nv_jetstream_consumer_names(nervure_jetstream* self, const char* stream) {
  nv_jetstream_consumer_names_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_consumer_names(self, stream, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_fetch_r {
  nv_err e;
  nervure_subscription* out;
} nv_jetstream_fetch_r;
static inline nv_jetstream_fetch_r nv_jetstream_fetch(nervure_jetstream* self, const char* stream, const char* consumer, int64_t batch, int64_t expires_ms, int no_wait) {
  nv_jetstream_fetch_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_fetch(self, stream, consumer, batch, expires_ms, no_wait, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_consume_r {
  nv_err e;
  nervure_subscription* out;
} nv_jetstream_consume_r;
static inline nv_jetstream_consume_r nv_jetstream_consume(nervure_jetstream* self, const char* stream, const char* consumer, int64_t max_messages, int64_t expires_ms, int64_t idle_heartbeat_ms) {
  nv_jetstream_consume_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_consume(self, stream, consumer, max_messages, expires_ms, idle_heartbeat_ms, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_ordered_consumer_r {
  nv_err e;
  nervure_subscription* out;
} nv_jetstream_ordered_consumer_r;
static inline nv_jetstream_ordered_consumer_r nv_jetstream_ordered_consumer(nervure_jetstream* self, const char* stream, const char* filter_subject, const char* deliver_policy, int64_t opt_start_seq) {
  nv_jetstream_ordered_consumer_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_ordered_consumer(self, stream, filter_subject, deliver_policy, opt_start_seq, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_ack_r {
  nv_err e;
} nv_jetstream_ack_r;
static inline nv_jetstream_ack_r nv_jetstream_ack(nervure_jetstream* self, const char* reply, const char* kind, int64_t delay_ms, const char* reason) {
  nv_jetstream_ack_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_ack(self, reply, kind, delay_ms, reason, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_ack_sync_r {
  nv_err e;
} nv_jetstream_ack_sync_r;
static inline nv_jetstream_ack_sync_r nv_jetstream_ack_sync(nervure_jetstream* self, const char* reply, int64_t timeout_ms, nv_waiter* w, uint64_t token) {
  nv_jetstream_ack_sync_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_ack_sync(self, reply, timeout_ms, w ? nv_waiter_done : NULL, w ? (void*)w : (void*)(uintptr_t)token, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_metadata_r {
  nv_err e;
  char* out;
} nv_jetstream_metadata_r;
static inline nv_jetstream_metadata_r nv_jetstream_metadata(nervure_jetstream* self, const char* reply) {
  nv_jetstream_metadata_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_metadata(self, reply, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_create_key_value_r {
  nv_err e;
  nervure_key_value* out;
} nv_jetstream_create_key_value_r;
static inline nv_jetstream_create_key_value_r nv_jetstream_create_key_value(nervure_jetstream* self, const char* config) {
  nv_jetstream_create_key_value_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_create_key_value(self, config, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_key_value_r {
  nv_err e;
  nervure_key_value* out;
} nv_jetstream_key_value_r;
static inline nv_jetstream_key_value_r nv_jetstream_key_value(nervure_jetstream* self, const char* bucket) {
  nv_jetstream_key_value_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_key_value(self, bucket, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_delete_key_value_r {
  nv_err e;
} nv_jetstream_delete_key_value_r;
static inline nv_jetstream_delete_key_value_r nv_jetstream_delete_key_value(nervure_jetstream* self, const char* bucket) {
  nv_jetstream_delete_key_value_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_delete_key_value(self, bucket, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_jetstream_key_value_names_r {
  nv_err e;
  char* out;
} nv_jetstream_key_value_names_r;
static inline nv_jetstream_key_value_names_r nv_jetstream_key_value_names(nervure_jetstream* self) {
  nv_jetstream_key_value_names_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_jetstream_key_value_names(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_bucket_r {
  nv_err e;
  char* out;
} nv_key_value_bucket_r;
static inline nv_key_value_bucket_r nv_key_value_bucket(nervure_key_value* self) {
  nv_key_value_bucket_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_bucket(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_put_r {
  nv_err e;
  uint64_t out;
} nv_key_value_put_r;
static inline nv_key_value_put_r nv_key_value_put(nervure_key_value* self, const char* key, const char* value, size_t value_len) {
  nv_key_value_put_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_put(self, key, value, value_len, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_get_r {
  nv_err e;
  char* out;
} nv_key_value_get_r;
static inline nv_key_value_get_r nv_key_value_get(nervure_key_value* self, const char* key, int64_t revision) {
  nv_key_value_get_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_get(self, key, revision, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_create_r {
  nv_err e;
  uint64_t out;
} nv_key_value_create_r;
static inline nv_key_value_create_r nv_key_value_create(nervure_key_value* self, const char* key, const char* value, size_t value_len, int64_t ttl_ms) {
  nv_key_value_create_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_create(self, key, value, value_len, ttl_ms, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_update_r {
  nv_err e;
  uint64_t out;
} nv_key_value_update_r;
static inline nv_key_value_update_r nv_key_value_update(nervure_key_value* self, const char* key, const char* value, size_t value_len, uint64_t last_revision) {
  nv_key_value_update_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_update(self, key, value, value_len, last_revision, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_delete_r {
  nv_err e;
} nv_key_value_delete_r;
static inline nv_key_value_delete_r nv_key_value_delete(nervure_key_value* self, const char* key, int64_t last_revision) {
  nv_key_value_delete_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_delete(self, key, last_revision, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_purge_r {
  nv_err e;
} nv_key_value_purge_r;
static inline nv_key_value_purge_r nv_key_value_purge(nervure_key_value* self, const char* key, int64_t ttl_ms) {
  nv_key_value_purge_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_purge(self, key, ttl_ms, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_keys_r {
  nv_err e;
  char* out;
} nv_key_value_keys_r;
static inline nv_key_value_keys_r nv_key_value_keys(nervure_key_value* self, const char* filter) {
  nv_key_value_keys_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_keys(self, filter, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_history_r {
  nv_err e;
  char* out;
} nv_key_value_history_r;
static inline nv_key_value_history_r nv_key_value_history(nervure_key_value* self, const char* key) {
  nv_key_value_history_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_history(self, key, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_watch_r {
  nv_err e;
  nervure_subscription* out;
} nv_key_value_watch_r;
static inline nv_key_value_watch_r nv_key_value_watch(nervure_key_value* self, const char* keys, int include_history, int ignore_deletes, int meta_only, int updates_only) {
  nv_key_value_watch_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_watch(self, keys, include_history, ignore_deletes, meta_only, updates_only, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

typedef struct nv_key_value_status_r {
  nv_err e;
  char* out;
} nv_key_value_status_r;
static inline nv_key_value_status_r nv_key_value_status(nervure_key_value* self) {
  nv_key_value_status_r r; memset(&r, 0, sizeof r);
  r.e.status = nervure_key_value_status(self, &r.out, &r.e.error);
  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);
  return r;
}

#endif

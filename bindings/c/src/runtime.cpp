// The C ABI calls that are not operations of the definition: handles, options,
// wakeups, completions and polling. Declared in generator/templates/c_runtime.h.
#include <poll.h>

#include <cerrno>
#include <algorithm>
#include <chrono>

#include "handles.hpp"
#include "nervure/version.hpp"

using nervure::cabi::guard;
using nervure::cabi::require;

namespace nervure::cabi {
bridge::ErrorInfo& last_error() {
  thread_local bridge::ErrorInfo info;
  return info;
}
}  // namespace nervure::cabi

namespace {

template <typename T>
void destroy(T** handle) noexcept {
  if (!handle) return;
  delete *handle;
  *handle = nullptr;
}

int error_int(const nervure::bridge::ErrorInfo& info, const char* name, int64_t* out) {
  auto* f = name ? info.field(name) : nullptr;
  if (!f || f->is_text) return 0;
  if (out) *out = f->number;
  return 1;
}

const char* error_text(const nervure::bridge::ErrorInfo& info, const char* name) {
  auto* f = name ? info.field(name) : nullptr;
  return f && f->is_text ? f->text.c_str() : nullptr;
}

// Waits for the wake fd in slices, so a wait of -1 survives signals.
void wait_readable(int fd, int64_t wait_ms) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::milliseconds(wait_ms < 0 ? 0 : wait_ms);
  for (;;) {
    int timeout = -1;
    if (wait_ms >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
      if (left <= 0) return;
      timeout = static_cast<int>(std::min<int64_t>(left, 1 << 30));
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout) >= 0 || errno != EINTR) return;
  }
}

}  // namespace

extern "C" {

const char* nervure_version(void) { return nervure::version; }

void nervure_free_string(char* s) { std::free(s); }

int nervure_last_error_int(const char* field, int64_t* out) {
  return error_int(nervure::cabi::last_error(), field, out);
}
const char* nervure_last_error_text(const char* field) { return error_text(nervure::cabi::last_error(), field); }

nervure_status nervure_options_create(nervure_options** out, char** error) {
  return guard(error, [&] {
    require(out, "out");
    *out = new nervure_options();
  });
}

void nervure_options_destroy(nervure_options** options) { destroy(options); }

nervure_status nervure_options_add_server(nervure_options* options, const char* url, char** error) {
  return guard(error, [&] {
    require(options, "options");
    require(url, "url");
    if (!options->servers_set) options->options.servers.clear();
    options->servers_set = true;
    options->options.servers.emplace_back(url);
  });
}

nervure_status nervure_headers_create(nervure_headers** out, char** error) {
  return guard(error, [&] {
    require(out, "out");
    *out = new nervure_headers();
  });
}

void nervure_headers_destroy(nervure_headers** headers) { destroy(headers); }

nervure_status nervure_headers_add(nervure_headers* headers, const char* key, const char* value, char** error) {
  return guard(error, [&] {
    require(headers, "headers");
    require(key, "key");
    headers->headers.add(key, value ? value : "");
  });
}

nervure_status nervure_connect(const nervure_options* options, nervure_connection** out, char** error) {
  return guard(error, [&] {
    require(out, "out");
    *out = nullptr;
    nervure::Options o = options ? options->options : nervure::Options{};
    *out = new nervure_connection{nervure::bridge::Bridge::connect(std::move(o))};
  });
}

void nervure_connection_destroy(nervure_connection** connection) {
  if (!connection || !*connection) return;
  try {
    (*connection)->handle->connection().close();
  } catch (...) {
  }
  destroy(connection);
}

int nervure_connection_wake_fd(const nervure_connection* connection) {
  return connection ? connection->handle->wake_fd() : -1;
}

nervure_status nervure_connection_take(nervure_connection* connection, int64_t wait_ms, nervure_wakeup** out,
                                       char** error) {
  return guard(error, [&] {
    require(connection, "connection");
    require(out, "out");
    *out = nullptr;
    if (wait_ms != 0) wait_readable(connection->handle->wake_fd(), wait_ms);
    auto batch = connection->handle->take();
    auto w = std::make_unique<nervure_wakeup>();
    w->completions.reserve(batch.completions.size());
    for (auto& c : batch.completions) w->completions.push_back(nervure_completion{std::move(c)});
    w->ready = std::move(batch.ready_sources);
    w->events = std::move(batch.events);
    *out = w.release();
  });
}

int nervure_connection_poll_input(nervure_connection* connection) {
  if (!connection) return 0;
  try {
    return connection->handle->connection().poll_input() ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

int nervure_connection_input_fd(nervure_connection* connection) {
  if (!connection) return -1;
  try {
    return connection->handle->connection().input_fd();
  } catch (...) {
    return -1;
  }
}

int nervure_poll_until_done(const int* done, int64_t budget_us) {
  if (!done || budget_us <= 0) return done && __atomic_load_n(done, __ATOMIC_ACQUIRE) ? 1 : 0;
  try {
    return nervure::poll_connections_until([done] { return __atomic_load_n(done, __ATOMIC_ACQUIRE) != 0; },
                                           std::chrono::microseconds(budget_us))
               ? 1
               : 0;
  } catch (...) {
    return __atomic_load_n(done, __ATOMIC_ACQUIRE) ? 1 : 0;
  }
}

int nervure_connection_cancel(nervure_connection* connection, void* user_data) {
  if (!connection) return 0;
  try {
    return connection->handle->cancel(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(user_data))) ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

void nervure_subscription_destroy(nervure_subscription** subscription) { destroy(subscription); }

uint64_t nervure_subscription_id(const nervure_subscription* s) { return s ? s->handle->id() : 0; }

nervure_status nervure_subscription_poll(nervure_subscription* subscription, size_t max, int64_t wait_ms,
                                         nervure_message_batch** out, char** error) {
  return guard(error, [&] {
    require(subscription, "subscription");
    require(out, "out");
    *out = nullptr;
    auto batch = nervure::cabi::BatchPool<nervure_message_batch>::take();
    if (wait_ms > 0) subscription->handle->next_batch(batch->items, max, std::chrono::milliseconds(wait_ms));
    else subscription->handle->poll(batch->items, max);
    *out = batch.release();
  });
}

int nervure_subscription_ended(const nervure_subscription* s) { return s && s->handle->ended() ? 1 : 0; }

int nervure_subscription_wake_fd(nervure_subscription* s) {
  if (!s) return -1;
  try {
    return s->handle->own_wake_fd();
  } catch (...) {
    return -1;
  }
}

void nervure_wakeup_destroy(nervure_wakeup** wakeup) { destroy(wakeup); }
size_t nervure_wakeup_completion_count(const nervure_wakeup* w) { return w ? w->completions.size() : 0; }
nervure_completion* nervure_wakeup_completion(nervure_wakeup* w, size_t i) {
  return w && i < w->completions.size() ? &w->completions[i] : nullptr;
}
size_t nervure_wakeup_ready_count(const nervure_wakeup* w) { return w ? w->ready.size() : 0; }
uint64_t nervure_wakeup_ready_id(const nervure_wakeup* w, size_t i) {
  return w && i < w->ready.size() ? w->ready[i] : 0;
}
size_t nervure_wakeup_event_count(const nervure_wakeup* w) { return w ? w->events.size() : 0; }
nervure_event nervure_wakeup_event(const nervure_wakeup* w, size_t i, const char** detail) {
  if (!w || i >= w->events.size()) {
    if (detail) *detail = nullptr;
    return static_cast<nervure_event>(0);
  }
  const auto& e = w->events[i];
  if (detail) *detail = e.detail.c_str();
  return static_cast<nervure_event>(e.event);
}

void* nervure_completion_user_data(const nervure_completion* c) {
  return c ? reinterpret_cast<void*>(static_cast<uintptr_t>(c->value.token)) : nullptr;
}
nervure_status nervure_completion_status(const nervure_completion* c) {
  return c ? static_cast<nervure_status>(c->value.error.code) : NERVURE_INVALID_ARGUMENT;
}
const char* nervure_completion_error(const nervure_completion* c) {
  return c && c->value.error ? c->value.error.message.c_str() : nullptr;
}
int nervure_completion_error_int(const nervure_completion* c, const char* field, int64_t* out) {
  return c ? error_int(c->value.error, field, out) : 0;
}
const char* nervure_completion_error_text(const nervure_completion* c, const char* field) {
  return c ? error_text(c->value.error, field) : nullptr;
}
nervure_message_batch* nervure_completion_take_reply(nervure_completion* c) {
  if (!c || !c->value.has_message) return nullptr;
  auto* batch = new (std::nothrow) nervure_message_batch();
  if (!batch) return nullptr;
  try {
    batch->items.push_back(std::move(c->value.message));
  } catch (...) {
    delete batch;
    return nullptr;
  }
  c->value.has_message = false;
  return batch;
}

}  // extern "C"

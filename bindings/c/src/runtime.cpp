// The C ABI calls that are not operations of the definition: handles, options,
// wakeups and message batches.
#include <poll.h>

#include "handles.hpp"

using nervure::cabi::guard;
using nervure::cabi::require;

extern "C" {

void nervure_free_string(char* s) { std::free(s); }

const char* nervure_status_name(nervure_status status) {
  return nervure::error_name(static_cast<nervure::ErrorCode>(status));
}

nervure_status nervure_options_create(nervure_options** out, char** error) {
  return guard(error, [&] {
    require(out, "out");
    *out = new nervure_options();
  });
}

void nervure_options_destroy(nervure_options** options) {
  if (!options) return;
  delete *options;
  *options = nullptr;
}

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

void nervure_headers_destroy(nervure_headers** headers) {
  if (!headers) return;
  delete *headers;
  *headers = nullptr;
}

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
    nervure::Options o = options ? options->options : nervure::Options{};
    *out = new nervure_connection{nervure::bridge::Bridge::connect(std::move(o))};
  });
}

void nervure_connection_destroy(nervure_connection** connection) {
  if (!connection || !*connection) return;
  try {
    (*connection)->bridge->connection().close();
  } catch (...) {
  }
  delete *connection;
  *connection = nullptr;
}

int nervure_connection_wake_fd(const nervure_connection* connection) {
  return connection ? connection->bridge->wake_fd() : -1;
}

nervure_status nervure_connection_take(nervure_connection* connection, int64_t wait_ms, nervure_wakeup** out,
                                       char** error) {
  return guard(error, [&] {
    require(connection, "connection");
    require(out, "out");
    if (wait_ms > 0) {
      pollfd p{connection->bridge->wake_fd(), POLLIN, 0};
      ::poll(&p, 1, static_cast<int>(wait_ms));
    }
    *out = new nervure_wakeup{connection->bridge->take()};
  });
}

void nervure_connection_cancel(nervure_connection* connection, uint64_t token) {
  if (!connection) return;
  try {
    connection->bridge->cancel(token);
  } catch (...) {
  }
}

void nervure_subscription_destroy(nervure_subscription** subscription) {
  if (!subscription) return;
  delete *subscription;
  *subscription = nullptr;
}

uint64_t nervure_subscription_id(const nervure_subscription* s) { return s ? s->sub->id() : 0; }

nervure_status nervure_subscription_poll(nervure_subscription* subscription, size_t max, int64_t wait_ms,
                                         nervure_message_batch** out, char** error) {
  return guard(error, [&] {
    require(subscription, "subscription");
    require(out, "out");
    auto batch = std::make_unique<nervure_message_batch>();
    if (wait_ms > 0) subscription->sub->core().next_batch(batch->messages, max, std::chrono::milliseconds(wait_ms));
    else subscription->sub->poll(batch->messages, max);
    *out = batch.release();
  });
}

int nervure_subscription_ended(const nervure_subscription* s) { return s && s->sub->ended() ? 1 : 0; }

void nervure_wakeup_destroy(nervure_wakeup** wakeup) {
  if (!wakeup) return;
  delete *wakeup;
  *wakeup = nullptr;
}

namespace {
// Accessors return NULL or 0 for a bad index rather than throwing across the ABI.
const nervure::bridge::Completion* completion(const nervure_wakeup* w, size_t i) {
  return w && i < w->batch.completions.size() ? &w->batch.completions[i] : nullptr;
}
const nervure::Message* message(const nervure_message_batch* b, size_t i) {
  return b && i < b->messages.size() ? &b->messages[i] : nullptr;
}
}  // namespace

size_t nervure_wakeup_completion_count(const nervure_wakeup* w) { return w ? w->batch.completions.size() : 0; }
uint64_t nervure_wakeup_completion_token(const nervure_wakeup* w, size_t i) {
  auto c = completion(w, i);
  return c ? c->token : 0;
}
nervure_status nervure_wakeup_completion_status(const nervure_wakeup* w, size_t i) {
  auto c = completion(w, i);
  return c ? static_cast<nervure_status>(c->error) : static_cast<nervure_status>(nervure::ErrorCode::invalid_argument);
}
const char* nervure_wakeup_completion_error(const nervure_wakeup* w, size_t i) {
  auto c = completion(w, i);
  return c ? c->error_message.c_str() : nullptr;
}
nervure_message_batch* nervure_wakeup_completion_take_reply(nervure_wakeup* w, size_t i) {
  auto c = const_cast<nervure::bridge::Completion*>(completion(w, i));
  if (!c || !c->has_message) return nullptr;
  c->has_message = false;
  auto* batch = new (std::nothrow) nervure_message_batch();
  if (batch) batch->messages.push_back(std::move(c->message));
  return batch;
}
size_t nervure_wakeup_ready_count(const nervure_wakeup* w) { return w ? w->batch.ready_subscriptions.size() : 0; }
uint64_t nervure_wakeup_ready_id(const nervure_wakeup* w, size_t i) {
  return w && i < w->batch.ready_subscriptions.size() ? w->batch.ready_subscriptions[i] : 0;
}
size_t nervure_wakeup_event_count(const nervure_wakeup* w) { return w ? w->batch.events.size() : 0; }
nervure_event nervure_wakeup_event(const nervure_wakeup* w, size_t i, const char** detail) {
  if (!w || i >= w->batch.events.size()) {
    if (detail) *detail = nullptr;
    return static_cast<nervure_event>(0);
  }
  const auto& e = w->batch.events[i];
  if (detail) *detail = e.detail.c_str();
  return static_cast<nervure_event>(e.event);
}

void nervure_message_batch_destroy(nervure_message_batch** batch) {
  if (!batch) return;
  delete *batch;
  *batch = nullptr;
}
size_t nervure_message_batch_count(const nervure_message_batch* b) { return b ? b->messages.size() : 0; }
const char* nervure_message_subject(const nervure_message_batch* b, size_t i) {
  auto m = message(b, i);
  return m ? m->subject.c_str() : nullptr;
}
const char* nervure_message_reply(const nervure_message_batch* b, size_t i) {
  auto m = message(b, i);
  return m ? m->reply.c_str() : nullptr;
}
const void* nervure_message_data(const nervure_message_batch* b, size_t i, size_t* len) {
  auto m = message(b, i);
  if (len) *len = m ? m->data.size() : 0;
  return m ? m->data.data() : nullptr;
}
size_t nervure_message_header_count(const nervure_message_batch* b, size_t i) {
  auto m = message(b, i);
  return m ? m->headers.entries().size() : 0;
}
void nervure_message_header(const nervure_message_batch* b, size_t i, size_t h, const char** key, const char** value) {
  auto m = message(b, i);
  bool ok = m && h < m->headers.entries().size();
  if (key) *key = ok ? m->headers.entries()[h].first.c_str() : nullptr;
  if (value) *value = ok ? m->headers.entries()[h].second.c_str() : nullptr;
}
int nervure_message_status(const nervure_message_batch* b, size_t i) {
  auto m = message(b, i);
  return m ? m->headers.status() : 0;
}

}  // extern "C"

// generated from the definition in bindings/api/ by bindings/generator; do not edit
// Every entry point runs inside nervure::cabi::guard (handles.hpp).
#include "handles.hpp"

using nervure::bridge::OptionValue;

namespace nervure::cabi {
inline void put(nervure_actor_stats* out, const ActorRuntimeStats& m) {
  out->calls = m.calls;
  out->failed_calls = m.failed_calls;
  out->activations = m.activations;
  out->deactivations = m.deactivations;
  out->active_actors = m.active_actors;
  out->owned_partitions = m.owned_partitions;
}
}  // namespace nervure::cabi

namespace nervure::cabi {
inline void put(nervure_stats* out, const Stats& m) {
  out->in_msgs = m.in_msgs;
  out->in_bytes = m.in_bytes;
  out->out_msgs = m.out_msgs;
  out->out_bytes = m.out_bytes;
  out->reconnects = m.reconnects;
}
}  // namespace nervure::cabi

extern "C" {

const char* nervure_status_name(nervure_status status) {
  switch (status) {
    case NERVURE_OK: return "Ok";
    case NERVURE_ERROR: return "NervureError";
    case NERVURE_CONNECTION_CLOSED: return "ConnectionClosedError";
    case NERVURE_TIMEOUT: return "TimeoutError";
    case NERVURE_NO_RESPONDERS: return "NoRespondersError";
    case NERVURE_INVALID_SUBJECT: return "InvalidSubjectError";
    case NERVURE_MAX_PAYLOAD: return "MaxPayloadError";
    case NERVURE_AUTHORIZATION: return "AuthorizationError";
    case NERVURE_SLOW_CONSUMER: return "SlowConsumerError";
    case NERVURE_JETSTREAM_API: return "JetStreamApiError";
    case NERVURE_NOT_SUPPORTED_BY_SERVER: return "NotSupportedByServerError";
    case NERVURE_ACTOR: return "ActorError";
    case NERVURE_INVALID_ARGUMENT: return "InvalidArgumentError";
  }
  return "NervureError";
}

const char* nervure_event_name(nervure_event event) {
  switch (event) {
    case NERVURE_EVENT_CONNECTED: return "connected";
    case NERVURE_EVENT_DISCONNECTED: return "disconnected";
    case NERVURE_EVENT_RECONNECTED: return "reconnected";
    case NERVURE_EVENT_CLOSED: return "closed";
    case NERVURE_EVENT_LAME_DUCK: return "lame_duck";
    case NERVURE_EVENT_SERVERS_DISCOVERED: return "servers_discovered";
    case NERVURE_EVENT_ASYNC_ERROR: return "async_error";
    case NERVURE_EVENT_SLOW_CONSUMER: return "slow_consumer";
  }
  return "unknown";
}

void nervure_message_batch_destroy(nervure_message_batch** batch) {
  if (!batch) return;
  nervure::cabi::BatchPool<nervure_message_batch>::give_back(*batch);
  *batch = nullptr;
}

size_t nervure_message_batch_count(const nervure_message_batch* batch) { return batch ? batch->items.size() : 0; }

const char* nervure_message_subject(const nervure_message_batch* batch, size_t i) {
  const auto* item = nervure::cabi::item(batch, i);
  if (!item) return nullptr;
  const auto& m = *item;
  return m.subject.c_str();
}

const char* nervure_message_reply(const nervure_message_batch* batch, size_t i) {
  const auto* item = nervure::cabi::item(batch, i);
  if (!item) return nullptr;
  const auto& m = *item;
  return m.reply.c_str();
}

const void* nervure_message_data(const nervure_message_batch* batch, size_t i, size_t* len) {
  const auto* item = nervure::cabi::item(batch, i);
  if (len) *len = 0;
  if (!item) return nullptr;
  const auto& m = *item;
  if (len) *len = m.data.size();
  return m.data.data();
}

size_t nervure_message_headers_count(const nervure_message_batch* batch, size_t i) {
  const auto* item = nervure::cabi::item(batch, i);
  if (!item) return 0;
  const auto& m = *item;
  return m.headers.entries().size();
}

int nervure_message_headers_at(const nervure_message_batch* batch, size_t i, size_t h, const char** key, const char** value) {
  const auto* item = nervure::cabi::item(batch, i);
  if (key) *key = nullptr;
  if (value) *value = nullptr;
  if (!item) return 0;
  const auto& m = *item;
  const auto& entries = m.headers.entries();
  if (h >= entries.size()) return 0;
  if (key) *key = entries[h].first.c_str();
  if (value) *value = entries[h].second.c_str();
  return 1;
}

int64_t nervure_message_status(const nervure_message_batch* batch, size_t i) {
  const auto* item = nervure::cabi::item(batch, i);
  if (!item) return 0;
  const auto& m = *item;
  return static_cast<int64_t>(m.headers.status());
}

nervure_status nervure_options_set_name(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "name", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_user(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "user", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_password(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "password", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_token(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "token", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_nkey_seed(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "nkey_seed", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_creds_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "creds_file", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_tls(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_tls_ca_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_ca_file", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_tls_cert_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_cert_file", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_tls_key_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_key_file", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_tls_verify(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_verify", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_tls_verify_hostname(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_verify_hostname", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_tls_handshake_first(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_handshake_first", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_randomize(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "randomize", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_connect_timeout_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "connect_timeout", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_reconnect(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_max_reconnect_attempts(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "max_reconnect_attempts", OptionValue::of_int(value));
  });
}

nervure_status nervure_options_set_reconnect_wait_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_wait", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_reconnect_wait_max_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_wait_max", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_reconnect_jitter_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_jitter", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_reconnect_jitter_tls_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_jitter_tls", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_reconnect_buffer_size(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_buffer_size", OptionValue::of_int(value));
  });
}

nervure_status nervure_options_set_ping_interval_ms(nervure_options* options, int64_t value_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "ping_interval", OptionValue::of_ms(value_ms));
  });
}

nervure_status nervure_options_set_max_pings_out(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "max_pings_out", OptionValue::of_int(value));
  });
}

nervure_status nervure_options_set_no_echo(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "no_echo", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_inbox_prefix(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "inbox_prefix", OptionValue::of_text(nervure::cabi::text(value)));
  });
}

nervure_status nervure_options_set_ignore_discovered_servers(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "ignore_discovered_servers", OptionValue::of_bool(value != 0));
  });
}

nervure_status nervure_options_set_pending_msgs_limit(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "pending_msgs_limit", OptionValue::of_int(value));
  });
}

nervure_status nervure_options_set_pending_bytes_limit(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "pending_bytes_limit", OptionValue::of_int(value));
  });
}

nervure_status nervure_connection_actor_host(nervure_connection* self, int64_t idle_timeout_ms, int64_t call_timeout_ms, int reentrancy, int64_t max_reentrancy_depth, int64_t lease_ttl_ms, int64_t partitions, int64_t workers, const char* host_id, const char* lease_bucket, const char* state_bucket, nervure_actor_host** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_actor_host(*self->handle, idle_timeout_ms, call_timeout_ms, reentrancy != 0, max_reentrancy_depth, lease_ttl_ms, partitions, workers, nervure::cabi::text(host_id), nervure::cabi::text(lease_bucket), nervure::cabi::text(state_bucket)));
  });
}

nervure_status nervure_connection_actor_invoke(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, int64_t timeout_ms, int64_t partitions, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(actor_type, "actor_type");
    nervure::cabi::require(actor_id, "actor_id");
    nervure::cabi::require(method, "method");
    nervure::ops::connection_actor_invoke(*self->handle, nervure::cabi::async_target(done, user_data), nervure::cabi::text(actor_type), nervure::cabi::text(actor_id), nervure::cabi::text(method), nervure::cabi::bytes(args, args_len), timeout_ms, partitions);
  });
}

nervure_status nervure_connection_actor_tell(nervure_connection* self, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, const char* dedup_id, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(actor_type, "actor_type");
    nervure::cabi::require(actor_id, "actor_id");
    nervure::cabi::require(method, "method");
    nervure::ops::connection_actor_tell(*self->handle, nervure::cabi::async_target(done, user_data), nervure::cabi::text(actor_type), nervure::cabi::text(actor_id), nervure::cabi::text(method), nervure::cabi::bytes(args, args_len), nervure::cabi::text(dedup_id), timeout_ms);
  });
}

nervure_status nervure_connection_publish(nervure_connection* self, const char* subject, const void* data, size_t data_len, const char* reply, const nervure_headers* headers, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::ops::connection_publish(*self->handle, nervure::cabi::text(subject), nervure::cabi::bytes(data, data_len), nervure::cabi::text(reply), nervure::cabi::headers(headers));
  });
}

nervure_status nervure_connection_subscribe(nervure_connection* self, const char* subject, const char* queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_subscribe(*self->handle, nervure::cabi::text(subject), nervure::cabi::text(queue), max_msgs, pending_msgs_limit, pending_bytes_limit));
  });
}

nervure_status nervure_connection_request(nervure_connection* self, const char* subject, const void* data, size_t data_len, int64_t timeout_ms, const nervure_headers* headers, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::ops::connection_request(*self->handle, nervure::cabi::async_target(done, user_data), nervure::cabi::text(subject), nervure::cabi::bytes(data, data_len), timeout_ms, nervure::cabi::headers(headers));
  });
}

nervure_status nervure_connection_flush(nervure_connection* self, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_flush(*self->handle, nervure::cabi::async_target(done, user_data), timeout_ms);
  });
}

nervure_status nervure_connection_drain(nervure_connection* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_drain(*self->handle, timeout_ms);
  });
}

nervure_status nervure_connection_close(nervure_connection* self, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_close(*self->handle);
  });
}

nervure_status nervure_connection_is_connected(nervure_connection* self, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_is_connected(*self->handle));
  });
}

nervure_status nervure_connection_is_reconnecting(nervure_connection* self, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_is_reconnecting(*self->handle));
  });
}

nervure_status nervure_connection_is_closed(nervure_connection* self, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_is_closed(*self->handle));
  });
}

nervure_status nervure_connection_stats(nervure_connection* self, nervure_stats* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_stats(*self->handle));
  });
}

nervure_status nervure_connection_server_info(nervure_connection* self, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::connection_server_info(*self->handle));
  });
}

nervure_status nervure_connection_connected_url(nervure_connection* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_connected_url(*self->handle));
  });
}

nervure_status nervure_connection_new_inbox(nervure_connection* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_new_inbox(*self->handle));
  });
}

nervure_status nervure_connection_max_payload(nervure_connection* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_max_payload(*self->handle));
  });
}

nervure_status nervure_connection_jetstream(nervure_connection* self, const char* domain, const char* api_prefix, int64_t timeout_ms, nervure_jetstream** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_jetstream(*self->handle, nervure::cabi::text(domain), nervure::cabi::text(api_prefix), timeout_ms));
  });
}

void nervure_actor_host_destroy(nervure_actor_host** actor_host) {
  if (!actor_host) return;
  delete *actor_host;
  *actor_host = nullptr;
}

nervure_status nervure_actor_host_register_type(nervure_actor_host* self, const char* actor_type, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(actor_type, "actor_type");
    nervure::ops::actor_host_register_type(*self->handle, nervure::cabi::text(actor_type));
  });
}

nervure_status nervure_actor_host_start(nervure_actor_host* self, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::ops::actor_host_start(*self->handle);
  });
}

nervure_status nervure_actor_host_stop(nervure_actor_host* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::ops::actor_host_stop(*self->handle, timeout_ms);
  });
}

nervure_status nervure_actor_host_turns(nervure_actor_host* self, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::actor_host_turns(*self->handle));
  });
}

nervure_status nervure_actor_host_complete(nervure_actor_host* self, uint64_t turn, const void* result, size_t result_len, const char* error_type, const char* error_message, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::ops::actor_host_complete(*self->handle, turn, nervure::cabi::bytes(result, result_len), nervure::cabi::text(error_type), nervure::cabi::text(error_message));
  });
}

nervure_status nervure_actor_host_state_get(nervure_actor_host* self, uint64_t turn, const char* key, char** out, size_t* out_len, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, out_len, nervure::ops::actor_host_state_get(*self->handle, turn, nervure::cabi::text(key)));
  });
}

nervure_status nervure_actor_host_state_contains(nervure_actor_host* self, uint64_t turn, const char* key, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::actor_host_state_contains(*self->handle, turn, nervure::cabi::text(key)));
  });
}

nervure_status nervure_actor_host_state_set(nervure_actor_host* self, uint64_t turn, const char* key, const void* value, size_t value_len, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(key, "key");
    nervure::ops::actor_host_state_set(*self->handle, turn, nervure::cabi::text(key), nervure::cabi::bytes(value, value_len));
  });
}

nervure_status nervure_actor_host_state_remove(nervure_actor_host* self, uint64_t turn, const char* key, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::actor_host_state_remove(*self->handle, turn, nervure::cabi::text(key)));
  });
}

nervure_status nervure_actor_host_state_save(nervure_actor_host* self, uint64_t turn, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::ops::actor_host_state_save(*self->handle, turn);
  });
}

nervure_status nervure_actor_host_register_timer(nervure_actor_host* self, uint64_t turn, const char* name, const char* method, const char* due, const char* period, const void* args, size_t args_len, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(name, "name");
    nervure::cabi::require(method, "method");
    nervure::cabi::require(due, "due");
    nervure::ops::actor_host_register_timer(*self->handle, turn, nervure::cabi::text(name), nervure::cabi::text(method), nervure::cabi::text(due), nervure::cabi::text(period), nervure::cabi::bytes(args, args_len));
  });
}

nervure_status nervure_actor_host_unregister_timer(nervure_actor_host* self, uint64_t turn, const char* name, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(name, "name");
    nervure::ops::actor_host_unregister_timer(*self->handle, turn, nervure::cabi::text(name));
  });
}

nervure_status nervure_actor_host_register_reminder(nervure_actor_host* self, uint64_t turn, const char* name, const char* due, const char* period, const void* data, size_t data_len, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(name, "name");
    nervure::cabi::require(due, "due");
    nervure::ops::actor_host_register_reminder(*self->handle, turn, nervure::cabi::text(name), nervure::cabi::text(due), nervure::cabi::text(period), nervure::cabi::bytes(data, data_len));
  });
}

nervure_status nervure_actor_host_unregister_reminder(nervure_actor_host* self, uint64_t turn, const char* name, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(name, "name");
    nervure::ops::actor_host_unregister_reminder(*self->handle, turn, nervure::cabi::text(name));
  });
}

nervure_status nervure_actor_host_invoke(nervure_actor_host* self, uint64_t turn, const char* actor_type, const char* actor_id, const char* method, const void* args, size_t args_len, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(actor_type, "actor_type");
    nervure::cabi::require(actor_id, "actor_id");
    nervure::cabi::require(method, "method");
    nervure::ops::actor_host_invoke(*self->handle, nervure::cabi::async_target(done, user_data), turn, nervure::cabi::text(actor_type), nervure::cabi::text(actor_id), nervure::cabi::text(method), nervure::cabi::bytes(args, args_len), timeout_ms);
  });
}

nervure_status nervure_actor_host_host_id(nervure_actor_host* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::actor_host_host_id(*self->handle));
  });
}

nervure_status nervure_actor_host_stats(nervure_actor_host* self, nervure_actor_stats* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::actor_host_stats(*self->handle));
  });
}

nervure_status nervure_actor_host_method_stats(nervure_actor_host* self, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "actor_host");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::actor_host_method_stats(*self->handle));
  });
}

nervure_status nervure_subscription_unsubscribe(nervure_subscription* self, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_unsubscribe(*self->handle);
  });
}

nervure_status nervure_subscription_drain(nervure_subscription* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_drain(*self->handle, timeout_ms);
  });
}

nervure_status nervure_subscription_auto_unsubscribe(nervure_subscription* self, int64_t max_msgs, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_auto_unsubscribe(*self->handle, max_msgs);
  });
}

nervure_status nervure_subscription_set_pending_limits(nervure_subscription* self, int64_t msgs_limit, int64_t bytes_limit, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_set_pending_limits(*self->handle, msgs_limit, bytes_limit);
  });
}

nervure_status nervure_subscription_pending(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_pending(*self->handle));
  });
}

nervure_status nervure_subscription_pending_bytes(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_pending_bytes(*self->handle));
  });
}

nervure_status nervure_subscription_dropped(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_dropped(*self->handle));
  });
}

nervure_status nervure_subscription_delivered(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_delivered(*self->handle));
  });
}

void nervure_jetstream_destroy(nervure_jetstream** jetstream) {
  if (!jetstream) return;
  delete *jetstream;
  *jetstream = nullptr;
}

nervure_status nervure_jetstream_account_info(nervure_jetstream* self, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_account_info(*self->handle));
  });
}

nervure_status nervure_jetstream_add_stream(nervure_jetstream* self, const char* config, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(config, "config");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_add_stream(*self->handle, nervure::cabi::text(config)));
  });
}

nervure_status nervure_jetstream_update_stream(nervure_jetstream* self, const char* config, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(config, "config");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_update_stream(*self->handle, nervure::cabi::text(config)));
  });
}

nervure_status nervure_jetstream_stream_info(nervure_jetstream* self, const char* name, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(name, "name");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_stream_info(*self->handle, nervure::cabi::text(name)));
  });
}

nervure_status nervure_jetstream_delete_stream(nervure_jetstream* self, const char* name, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(name, "name");
    nervure::ops::jetstream_delete_stream(*self->handle, nervure::cabi::text(name));
  });
}

nervure_status nervure_jetstream_purge_stream(nervure_jetstream* self, const char* name, const char* subject, int64_t keep, int64_t up_to_seq, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(name, "name");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_purge_stream(*self->handle, nervure::cabi::text(name), nervure::cabi::text(subject), keep, up_to_seq));
  });
}

nervure_status nervure_jetstream_stream_names(nervure_jetstream* self, const char* subject, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_stream_names(*self->handle, nervure::cabi::text(subject)));
  });
}

nervure_status nervure_jetstream_streams(nervure_jetstream* self, const char* subject, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_streams(*self->handle, nervure::cabi::text(subject)));
  });
}

nervure_status nervure_jetstream_get_msg(nervure_jetstream* self, const char* stream, int64_t seq, const char* last_by_subject, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_get_msg(*self->handle, nervure::cabi::text(stream), seq, nervure::cabi::text(last_by_subject)));
  });
}

nervure_status nervure_jetstream_delete_msg(nervure_jetstream* self, const char* stream, int64_t seq, int erase, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::ops::jetstream_delete_msg(*self->handle, nervure::cabi::text(stream), seq, erase != 0);
  });
}

nervure_status nervure_jetstream_publish(nervure_jetstream* self, const char* subject, const void* data, size_t data_len, const nervure_headers* headers, const char* msg_id, const char* expected_stream, int64_t expected_last_seq, int64_t expected_last_subject_seq, const char* expected_last_msg_id, int64_t ttl_ms, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(subject, "subject");
    nervure::ops::jetstream_publish(*self->handle, nervure::cabi::async_target(done, user_data), nervure::cabi::text(subject), nervure::cabi::bytes(data, data_len), nervure::cabi::headers(headers), nervure::cabi::text(msg_id), nervure::cabi::text(expected_stream), expected_last_seq, expected_last_subject_seq, nervure::cabi::text(expected_last_msg_id), ttl_ms, timeout_ms);
  });
}

nervure_status nervure_jetstream_publish_async_complete(nervure_jetstream* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::ops::jetstream_publish_async_complete(*self->handle, timeout_ms);
  });
}

nervure_status nervure_jetstream_add_consumer(nervure_jetstream* self, const char* stream, const char* config, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(config, "config");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_add_consumer(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(config)));
  });
}

nervure_status nervure_jetstream_update_consumer(nervure_jetstream* self, const char* stream, const char* config, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(config, "config");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_update_consumer(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(config)));
  });
}

nervure_status nervure_jetstream_consumer_info(nervure_jetstream* self, const char* stream, const char* consumer, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(consumer, "consumer");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_consumer_info(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(consumer)));
  });
}

nervure_status nervure_jetstream_delete_consumer(nervure_jetstream* self, const char* stream, const char* consumer, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(consumer, "consumer");
    nervure::ops::jetstream_delete_consumer(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(consumer));
  });
}

nervure_status nervure_jetstream_consumer_names(nervure_jetstream* self, const char* stream, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_consumer_names(*self->handle, nervure::cabi::text(stream)));
  });
}

nervure_status nervure_jetstream_fetch(nervure_jetstream* self, const char* stream, const char* consumer, int64_t batch, int64_t expires_ms, int no_wait, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(consumer, "consumer");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_fetch(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(consumer), batch, expires_ms, no_wait != 0));
  });
}

nervure_status nervure_jetstream_consume(nervure_jetstream* self, const char* stream, const char* consumer, int64_t max_messages, int64_t expires_ms, int64_t idle_heartbeat_ms, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(consumer, "consumer");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_consume(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(consumer), max_messages, expires_ms, idle_heartbeat_ms));
  });
}

nervure_status nervure_jetstream_ordered_consumer(nervure_jetstream* self, const char* stream, const char* filter_subject, const char* deliver_policy, int64_t opt_start_seq, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(stream, "stream");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_ordered_consumer(*self->handle, nervure::cabi::text(stream), nervure::cabi::text(filter_subject), nervure::cabi::text(deliver_policy), opt_start_seq));
  });
}

nervure_status nervure_jetstream_ack(nervure_jetstream* self, const char* reply, const char* kind, int64_t delay_ms, const char* reason, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(reply, "reply");
    nervure::ops::jetstream_ack(*self->handle, nervure::cabi::text(reply), nervure::cabi::text(kind), delay_ms, nervure::cabi::text(reason));
  });
}

nervure_status nervure_jetstream_ack_sync(nervure_jetstream* self, const char* reply, int64_t timeout_ms, nervure_completion_fn done, void* user_data, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(reply, "reply");
    nervure::ops::jetstream_ack_sync(*self->handle, nervure::cabi::async_target(done, user_data), nervure::cabi::text(reply), timeout_ms);
  });
}

nervure_status nervure_jetstream_metadata(nervure_jetstream* self, const char* reply, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(reply, "reply");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_metadata(*self->handle, nervure::cabi::text(reply)));
  });
}

nervure_status nervure_jetstream_create_key_value(nervure_jetstream* self, const char* config, nervure_key_value** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(config, "config");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_create_key_value(*self->handle, nervure::cabi::text(config)));
  });
}

nervure_status nervure_jetstream_key_value(nervure_jetstream* self, const char* bucket, nervure_key_value** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(bucket, "bucket");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::jetstream_key_value(*self->handle, nervure::cabi::text(bucket)));
  });
}

nervure_status nervure_jetstream_delete_key_value(nervure_jetstream* self, const char* bucket, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(bucket, "bucket");
    nervure::ops::jetstream_delete_key_value(*self->handle, nervure::cabi::text(bucket));
  });
}

nervure_status nervure_jetstream_key_value_names(nervure_jetstream* self, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "jetstream");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::jetstream_key_value_names(*self->handle));
  });
}

void nervure_key_value_destroy(nervure_key_value** key_value) {
  if (!key_value) return;
  delete *key_value;
  *key_value = nullptr;
}

nervure_status nervure_key_value_bucket(nervure_key_value* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::key_value_bucket(*self->handle));
  });
}

nervure_status nervure_key_value_put(nervure_key_value* self, const char* key, const void* value, size_t value_len, uint64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::key_value_put(*self->handle, nervure::cabi::text(key), nervure::cabi::bytes(value, value_len)));
  });
}

nervure_status nervure_key_value_get(nervure_key_value* self, const char* key, int64_t revision, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::key_value_get(*self->handle, nervure::cabi::text(key), revision));
  });
}

nervure_status nervure_key_value_create(nervure_key_value* self, const char* key, const void* value, size_t value_len, int64_t ttl_ms, uint64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::key_value_create(*self->handle, nervure::cabi::text(key), nervure::cabi::bytes(value, value_len), ttl_ms));
  });
}

nervure_status nervure_key_value_update(nervure_key_value* self, const char* key, const void* value, size_t value_len, uint64_t last_revision, uint64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::key_value_update(*self->handle, nervure::cabi::text(key), nervure::cabi::bytes(value, value_len), last_revision));
  });
}

nervure_status nervure_key_value_delete(nervure_key_value* self, const char* key, int64_t last_revision, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::ops::key_value_delete(*self->handle, nervure::cabi::text(key), last_revision);
  });
}

nervure_status nervure_key_value_purge(nervure_key_value* self, const char* key, int64_t ttl_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::ops::key_value_purge(*self->handle, nervure::cabi::text(key), ttl_ms);
  });
}

nervure_status nervure_key_value_keys(nervure_key_value* self, const char* filter, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::key_value_keys(*self->handle, nervure::cabi::text(filter)));
  });
}

nervure_status nervure_key_value_history(nervure_key_value* self, const char* key, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(key, "key");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::key_value_history(*self->handle, nervure::cabi::text(key)));
  });
}

nervure_status nervure_key_value_watch(nervure_key_value* self, const char* keys, int include_history, int ignore_deletes, int meta_only, int updates_only, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::key_value_watch(*self->handle, nervure::cabi::text(keys), include_history != 0, ignore_deletes != 0, meta_only != 0, updates_only != 0));
  });
}

nervure_status nervure_key_value_status(nervure_key_value* self, char** out_json, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "key_value");
    nervure::cabi::require(out_json, "out_json");
    nervure::cabi::put(out_json, nervure::ops::key_value_status(*self->handle));
  });
}

}  // extern "C"

// generated from bindings/api/nervure.json by bindings/generator; do not edit
#include "handles.hpp"

extern "C" {

nervure_status nervure_options_set_name(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "name", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_user(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "user", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_password(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "password", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_token(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "token", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_nkey_seed(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "nkey_seed", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_creds_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "creds_file", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_tls_ca_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_ca_file", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_tls_cert_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_cert_file", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_tls_key_file(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_key_file", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_tls_handshake_first(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "tls_handshake_first", "", 0, value != 0);
  });
}

nervure_status nervure_options_set_randomize(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "randomize", "", 0, value != 0);
  });
}

nervure_status nervure_options_set_connect_timeout_ms(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "connect_timeout_ms", "", value, false);
  });
}

nervure_status nervure_options_set_reconnect(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect", "", 0, value != 0);
  });
}

nervure_status nervure_options_set_max_reconnect_attempts(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "max_reconnect_attempts", "", value, false);
  });
}

nervure_status nervure_options_set_reconnect_wait_ms(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_wait_ms", "", value, false);
  });
}

nervure_status nervure_options_set_reconnect_wait_max_ms(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_wait_max_ms", "", value, false);
  });
}

nervure_status nervure_options_set_reconnect_jitter_ms(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_jitter_ms", "", value, false);
  });
}

nervure_status nervure_options_set_reconnect_buffer_size(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "reconnect_buffer_size", "", value, false);
  });
}

nervure_status nervure_options_set_ping_interval_ms(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "ping_interval_ms", "", value, false);
  });
}

nervure_status nervure_options_set_max_pings_out(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "max_pings_out", "", value, false);
  });
}

nervure_status nervure_options_set_no_echo(nervure_options* options, int value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "no_echo", "", 0, value != 0);
  });
}

nervure_status nervure_options_set_inbox_prefix(nervure_options* options, const char* value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "inbox_prefix", nervure::cabi::text(value), 0, false);
  });
}

nervure_status nervure_options_set_pending_msgs_limit(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "pending_msgs_limit", "", value, false);
  });
}

nervure_status nervure_options_set_pending_bytes_limit(nervure_options* options, int64_t value, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(options, "options");
    nervure::bridge::set_option(options->options, "pending_bytes_limit", "", value, false);
  });
}

nervure_status nervure_connection_publish(nervure_connection* self, const char* subject, const void* data, size_t data_len, const char* reply, const nervure_headers* headers, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::ops::connection_publish(*self->bridge, nervure::cabi::text(subject), nervure::cabi::bytes(data, data_len), nervure::cabi::text(reply), nervure::cabi::headers(headers));
  });
}

nervure_status nervure_connection_subscribe(nervure_connection* self, const char* subject, const char* queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit, nervure_subscription** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_subscribe(*self->bridge, nervure::cabi::text(subject), nervure::cabi::text(queue), max_msgs, pending_msgs_limit, pending_bytes_limit));
  });
}

nervure_status nervure_connection_request(nervure_connection* self, uint64_t token, const char* subject, const void* data, size_t data_len, int64_t timeout_ms, const nervure_headers* headers, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(subject, "subject");
    nervure::ops::connection_request(*self->bridge, token, nervure::cabi::text(subject), nervure::cabi::bytes(data, data_len), timeout_ms, nervure::cabi::headers(headers));
  });
}

nervure_status nervure_connection_flush(nervure_connection* self, uint64_t token, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_flush(*self->bridge, token, timeout_ms);
  });
}

nervure_status nervure_connection_drain(nervure_connection* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_drain(*self->bridge, timeout_ms);
  });
}

nervure_status nervure_connection_close(nervure_connection* self, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::ops::connection_close(*self->bridge);
  });
}

nervure_status nervure_connection_is_connected(nervure_connection* self, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_is_connected(*self->bridge));
  });
}

nervure_status nervure_connection_is_closed(nervure_connection* self, int* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_is_closed(*self->bridge));
  });
}

nervure_status nervure_connection_stats(nervure_connection* self, nervure_stats* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_stats(*self->bridge));
  });
}

nervure_status nervure_connection_server_info(nervure_connection* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_server_info(*self->bridge));
  });
}

nervure_status nervure_connection_connected_url(nervure_connection* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_connected_url(*self->bridge));
  });
}

nervure_status nervure_connection_new_inbox(nervure_connection* self, char** out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_new_inbox(*self->bridge));
  });
}

nervure_status nervure_connection_max_payload(nervure_connection* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "connection");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::connection_max_payload(*self->bridge));
  });
}

nervure_status nervure_subscription_unsubscribe(nervure_subscription* self, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_unsubscribe(*self->sub);
  });
}

nervure_status nervure_subscription_drain(nervure_subscription* self, int64_t timeout_ms, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_drain(*self->sub, timeout_ms);
  });
}

nervure_status nervure_subscription_auto_unsubscribe(nervure_subscription* self, int64_t max_msgs, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::ops::subscription_auto_unsubscribe(*self->sub, max_msgs);
  });
}

nervure_status nervure_subscription_pending(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_pending(*self->sub));
  });
}

nervure_status nervure_subscription_dropped(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_dropped(*self->sub));
  });
}

nervure_status nervure_subscription_delivered(nervure_subscription* self, int64_t* out, char** error) {
  return nervure::cabi::guard(error, [&] {
    nervure::cabi::require(self, "subscription");
    nervure::cabi::require(out, "out");
    nervure::cabi::put(out, nervure::ops::subscription_delivered(*self->sub));
  });
}

}  // extern "C"

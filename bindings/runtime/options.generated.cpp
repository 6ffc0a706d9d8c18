// generated from bindings/api/nervure.json by bindings/generator; do not edit
#include "options.hpp"

namespace nervure::bridge {

void set_option(Options& o, std::string_view name, std::string_view text_value, int64_t int_value,
                bool bool_value) {
  if (name == "name") { o.name = std::string(text_value); return; }
  if (name == "user") { o.user = std::string(text_value); return; }
  if (name == "password") { o.password = std::string(text_value); return; }
  if (name == "token") { o.token = std::string(text_value); return; }
  if (name == "nkey_seed") { o.nkey_seed = std::string(text_value); return; }
  if (name == "creds_file") { o.creds_file = std::string(text_value); return; }
  if (name == "tls_ca_file") { o.tls.ca_file = std::string(text_value); return; }
  if (name == "tls_cert_file") { o.tls.cert_file = std::string(text_value); return; }
  if (name == "tls_key_file") { o.tls.key_file = std::string(text_value); return; }
  if (name == "tls_handshake_first") { o.tls.handshake_first = bool_value; return; }
  if (name == "randomize") { o.randomize = bool_value; return; }
  if (name == "connect_timeout_ms") {
    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "connect_timeout_ms must not be negative");
    o.connect_timeout = std::chrono::milliseconds(int_value);
    return;
  }
  if (name == "reconnect") { o.reconnect.enabled = bool_value; return; }
  if (name == "max_reconnect_attempts") { o.reconnect.max_attempts = static_cast<int>(int_value); return; }
  if (name == "reconnect_wait_ms") {
    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "reconnect_wait_ms must not be negative");
    o.reconnect.wait = std::chrono::milliseconds(int_value);
    return;
  }
  if (name == "reconnect_wait_max_ms") {
    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "reconnect_wait_max_ms must not be negative");
    o.reconnect.wait_max = std::chrono::milliseconds(int_value);
    return;
  }
  if (name == "reconnect_jitter_ms") {
    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "reconnect_jitter_ms must not be negative");
    o.reconnect.jitter = std::chrono::milliseconds(int_value);
    return;
  }
  if (name == "reconnect_buffer_size") { o.reconnect.buffer_size = static_cast<std::size_t>(int_value); return; }
  if (name == "ping_interval_ms") {
    if (int_value < 0) throw Error(ErrorCode::invalid_argument, "ping_interval_ms must not be negative");
    o.ping_interval = std::chrono::milliseconds(int_value);
    return;
  }
  if (name == "max_pings_out") { o.max_pings_out = static_cast<int>(int_value); return; }
  if (name == "no_echo") { o.no_echo = bool_value; return; }
  if (name == "inbox_prefix") { o.inbox_prefix = std::string(text_value); return; }
  if (name == "pending_msgs_limit") { o.pending_msgs_limit = int_value; return; }
  if (name == "pending_bytes_limit") { o.pending_bytes_limit = int_value; return; }
  throw Error(ErrorCode::invalid_argument, "unknown connect option '" + std::string(name) + "'");
}

}  // namespace nervure::bridge

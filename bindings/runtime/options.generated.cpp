// generated from the definition in bindings/api/ by bindings/generator; do not edit
#include <utility>

#include "options.hpp"

namespace nervure::bridge {
namespace {

template <typename T>
void set_integer(T& field, int64_t value, std::string_view name, int64_t min) {
  if (value < min || !std::in_range<T>(value))
    throw Error(ErrorCode::invalid_argument, std::string(name) + " is out of range: " + std::to_string(value));
  field = static_cast<T>(value);
}

void set_duration(Duration& field, int64_t ms, std::string_view name) {
  if (ms < 0) throw Error(ErrorCode::invalid_argument, std::string(name) + " must not be negative");
  field = Duration(ms);
}

}  // namespace

void set_option(Options& o, std::string_view name, const OptionValue& v) {

  if (name == "name") {
    v.expect(OptionType::string, name);
    o.name = std::string(v.text);
    return;
  }
  if (name == "user") {
    v.expect(OptionType::string, name);
    o.user = std::string(v.text);
    return;
  }
  if (name == "password") {
    v.expect(OptionType::string, name);
    o.password = std::string(v.text);
    return;
  }
  if (name == "token") {
    v.expect(OptionType::string, name);
    o.token = std::string(v.text);
    return;
  }
  if (name == "nkey_seed") {
    v.expect(OptionType::string, name);
    o.nkey_seed = std::string(v.text);
    return;
  }
  if (name == "creds_file") {
    v.expect(OptionType::string, name);
    o.creds_file = std::string(v.text);
    return;
  }
  if (name == "tls") {
    v.expect(OptionType::bool_, name);
    o.tls.enabled = v.flag;
    return;
  }
  if (name == "tls_ca_file") {
    v.expect(OptionType::string, name);
    o.tls.ca_file = std::string(v.text);
    return;
  }
  if (name == "tls_cert_file") {
    v.expect(OptionType::string, name);
    o.tls.cert_file = std::string(v.text);
    return;
  }
  if (name == "tls_key_file") {
    v.expect(OptionType::string, name);
    o.tls.key_file = std::string(v.text);
    return;
  }
  if (name == "tls_verify") {
    v.expect(OptionType::bool_, name);
    o.tls.verify = v.flag;
    return;
  }
  if (name == "tls_verify_hostname") {
    v.expect(OptionType::bool_, name);
    o.tls.verify_hostname = v.flag;
    return;
  }
  if (name == "tls_handshake_first") {
    v.expect(OptionType::bool_, name);
    o.tls.handshake_first = v.flag;
    return;
  }
  if (name == "randomize") {
    v.expect(OptionType::bool_, name);
    o.randomize = v.flag;
    return;
  }
  if (name == "connect_timeout") {
    v.expect(OptionType::duration, name);
    set_duration(o.connect_timeout, v.number, name);
    return;
  }
  if (name == "reconnect") {
    v.expect(OptionType::bool_, name);
    o.reconnect.enabled = v.flag;
    return;
  }
  if (name == "max_reconnect_attempts") {
    v.expect(OptionType::int_, name);
    set_integer(o.reconnect.max_attempts, v.number, name, -1);
    return;
  }
  if (name == "reconnect_wait") {
    v.expect(OptionType::duration, name);
    set_duration(o.reconnect.wait, v.number, name);
    return;
  }
  if (name == "reconnect_wait_max") {
    v.expect(OptionType::duration, name);
    set_duration(o.reconnect.wait_max, v.number, name);
    return;
  }
  if (name == "reconnect_jitter") {
    v.expect(OptionType::duration, name);
    set_duration(o.reconnect.jitter, v.number, name);
    return;
  }
  if (name == "reconnect_jitter_tls") {
    v.expect(OptionType::duration, name);
    set_duration(o.reconnect.jitter_tls, v.number, name);
    return;
  }
  if (name == "reconnect_buffer_size") {
    v.expect(OptionType::int_, name);
    set_integer(o.reconnect.buffer_size, v.number, name, 0);
    return;
  }
  if (name == "ping_interval") {
    v.expect(OptionType::duration, name);
    set_duration(o.ping_interval, v.number, name);
    return;
  }
  if (name == "max_pings_out") {
    v.expect(OptionType::int_, name);
    set_integer(o.max_pings_out, v.number, name, 1);
    return;
  }
  if (name == "no_echo") {
    v.expect(OptionType::bool_, name);
    o.no_echo = v.flag;
    return;
  }
  if (name == "inbox_prefix") {
    v.expect(OptionType::string, name);
    o.inbox_prefix = std::string(v.text);
    return;
  }
  if (name == "ignore_discovered_servers") {
    v.expect(OptionType::bool_, name);
    o.ignore_discovered_servers = v.flag;
    return;
  }
  if (name == "pending_msgs_limit") {
    v.expect(OptionType::int_, name);
    set_integer(o.pending_msgs_limit, v.number, name, -1);
    return;
  }
  if (name == "pending_bytes_limit") {
    v.expect(OptionType::int_, name);
    set_integer(o.pending_bytes_limit, v.number, name, -1);
    return;
  }
  throw Error(ErrorCode::invalid_argument, "unknown connect option '" + std::string(name) + "'");
}

}  // namespace nervure::bridge

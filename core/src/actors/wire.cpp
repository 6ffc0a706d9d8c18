#include "actors/wire.hpp"

#include <cxxabi.h>

#include <cctype>

#include <cstdlib>
#include <memory>
#include <msgpack.hpp>
#include <typeinfo>

#include "nervure/errors.hpp"

namespace nervure::detail::actor_wire {
namespace {

bool plain(std::string_view text) {
  if (text.empty()) return false;
  for (unsigned char c : text)
    if (!(std::isalnum(c) || c == '_' || c == '-')) return false;
  return true;
}

std::string demangled(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
  return status == 0 && out ? std::string(out.get()) : std::string(name);
}

template <class T>
T field(const msgpack::object_map& map, std::string_view key, T fallback) {
  for (uint32_t i = 0; i < map.size; ++i) {
    const auto& kv = map.ptr[i];
    if (kv.key.type == msgpack::type::STR && std::string_view(kv.key.via.str.ptr, kv.key.via.str.size) == key)
      return kv.val.as<T>();
  }
  return fallback;
}

const msgpack::object_map& as_map(const msgpack::object& obj, const char* what) {
  if (obj.type != msgpack::type::MAP) throw Error(ErrorCode::nervure, std::string("malformed actor ") + what);
  return obj.via.map;
}

}  // namespace

void validate_type(std::string_view actor_type) {
  if (!plain(actor_type))
    throw Error(ErrorCode::invalid_argument,
                "invalid actor type \"" + std::string(actor_type) + "\": use letters, digits, '_' and '-'");
}

void validate_id(std::string_view actor_id) {
  if (actor_id.empty()) throw Error(ErrorCode::invalid_argument, "actor id must not be empty");
  if (actor_id.size() > 1024) throw Error(ErrorCode::invalid_argument, "actor id longer than 1024 bytes");
  for (unsigned char c : actor_id)
    if (c == '\r' || c == '\n' || c == 0)
      throw Error(ErrorCode::invalid_argument, "actor id must not contain CR, LF or NUL");
}

int partition_of(std::string_view actor_id, int partitions) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : actor_id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<int>(h % static_cast<uint64_t>(partitions));
}

std::string call_subject(std::string_view actor_type, int partition) {
  return "$NVA." + std::string(actor_type) + "." + std::to_string(partition);
}
std::string tell_subject(std::string_view actor_type) { return "$NVT." + std::string(actor_type); }
std::string acquire_subject(std::string_view actor_type) { return "$NVA." + std::string(actor_type) + ".acquire"; }

std::string key_token(std::string_view text) {
  if (plain(text)) return std::string(text);
  static const char* hex = "0123456789abcdef";
  std::string out = "=";
  for (unsigned char c : text) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::string lease_key(std::string_view actor_type, int partition) {
  return std::string(actor_type) + ".p." + std::to_string(partition);
}
std::string host_key(std::string_view actor_type, std::string_view host_id) {
  return std::string(actor_type) + ".h." + key_token(host_id);
}
std::string state_key(std::string_view actor_type, std::string_view actor_id) {
  return std::string(actor_type) + ".s." + key_token(actor_id);
}
std::string reminder_prefix(std::string_view actor_type, int partition) {
  return std::string(actor_type) + ".r." + std::to_string(partition) + ".";
}
std::string reminder_key(std::string_view actor_type, int partition, std::string_view actor_id,
                         std::string_view name) {
  return reminder_prefix(actor_type, partition) + key_token(actor_id) + "." + key_token(name);
}

std::string encode_state(const StateRecord& record) {
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_map(2);
  pk.pack(std::string_view("fence"));
  pk.pack(record.fence);
  pk.pack(std::string_view("values"));
  pk.pack_map(static_cast<uint32_t>(record.values.size()));
  for (const auto& [key, value] : record.values) {
    pk.pack(key);
    pk.pack_bin(static_cast<uint32_t>(value.size()));
    pk.pack_bin_body(value.data(), static_cast<uint32_t>(value.size()));
  }
  return std::string(buf.data(), buf.size());
}

StateRecord decode_state(std::string_view bytes) {
  StateRecord record;
  if (bytes.empty()) return record;
  auto handle = msgpack::unpack(bytes.data(), bytes.size());
  const auto& map = as_map(handle.get(), "state");
  record.fence = field<uint64_t>(map, "fence", 0);
  for (uint32_t i = 0; i < map.size; ++i) {
    const auto& kv = map.ptr[i];
    if (kv.key.as<std::string>() != "values") continue;
    const auto& values = as_map(kv.val, "state values");
    for (uint32_t j = 0; j < values.size; ++j) {
      const auto& v = values.ptr[j].val;
      std::string value = v.type == msgpack::type::BIN ? std::string(v.via.bin.ptr, v.via.bin.size) : v.as<std::string>();
      record.values.emplace(values.ptr[j].key.as<std::string>(), std::move(value));
    }
  }
  return record;
}

std::string encode_reminder(const ReminderRecord& r) {
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_map(6);
  pk.pack(std::string_view("id")), pk.pack(r.actor_id);
  pk.pack(std::string_view("name")), pk.pack(r.name);
  pk.pack(std::string_view("due_ms")), pk.pack(r.due_ms);
  pk.pack(std::string_view("period_ms")), pk.pack(r.period_ms);
  pk.pack(std::string_view("left")), pk.pack(r.left);
  pk.pack(std::string_view("data"));
  pk.pack_bin(static_cast<uint32_t>(r.data.size()));
  pk.pack_bin_body(r.data.data(), static_cast<uint32_t>(r.data.size()));
  return std::string(buf.data(), buf.size());
}

ReminderRecord decode_reminder(std::string_view bytes) {
  auto handle = msgpack::unpack(bytes.data(), bytes.size());
  const auto& map = as_map(handle.get(), "reminder");
  ReminderRecord r;
  r.actor_id = field<std::string>(map, "id", "");
  r.name = field<std::string>(map, "name", "");
  r.due_ms = field<int64_t>(map, "due_ms", 0);
  r.period_ms = field<int64_t>(map, "period_ms", 0);
  r.left = field<int64_t>(map, "left", -1);
  for (uint32_t i = 0; i < map.size; ++i) {
    const auto& kv = map.ptr[i];
    if (kv.key.as<std::string>() == "data" && kv.val.type == msgpack::type::BIN)
      r.data.assign(kv.val.via.bin.ptr, kv.val.via.bin.size);
  }
  return r;
}

std::pair<std::string, std::string> describe_error(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const ActorError& e) {
    return {e.remote_type(), e.what()};
  } catch (const Error& e) {
    return {error_name(e.code()), e.what()};
  } catch (const std::exception& e) {
    return {demangled(typeid(e).name()), e.what()};
  } catch (...) {
    return {"unknown", "an exception of unknown type"};
  }
}

}  // namespace nervure::detail::actor_wire

#include "nervure/jetstream_json.hpp"

#include <algorithm>
#include <chrono>

#include "jetstream/codec.hpp"
#include "nervure/errors.hpp"

namespace nervure::json_api {
namespace {

using nlohmann::json;

json parse_object(std::string_view text, const char* what) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw Error(ErrorCode::invalid_argument, std::string(what) + " must be a JSON object");
  return j;
}

template <typename Fn>
auto decoding(const char* what, Fn&& fn) {
  try {
    return fn();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorCode::invalid_argument, std::string("invalid ") + what + ": " + e.what());
  }
}

Duration nanos(const json& j, const char* key) {
  if (!j.contains(key)) return Duration(0);
  if (!j[key].is_number_integer() || j[key].get<int64_t>() < 0)
    throw Error(ErrorCode::invalid_argument, std::string(key) + " must be a non-negative number of nanoseconds");
  return std::chrono::duration_cast<Duration>(std::chrono::nanoseconds(j[key].get<int64_t>()));
}

int64_t to_nanos(Duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); }

}  // namespace

std::string base64(std::string_view bytes) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    out += table[n >> 18], out += table[(n >> 12) & 63], out += table[(n >> 6) & 63], out += table[n & 63];
  }
  if (i + 1 == bytes.size()) {
    uint32_t n = uint8_t(bytes[i]) << 16;
    out += table[n >> 18], out += table[(n >> 12) & 63], out += "==";
  } else if (i + 2 == bytes.size()) {
    uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += table[n >> 18], out += table[(n >> 12) & 63], out += table[(n >> 6) & 63], out += '=';
  }
  return out;
}

StreamConfig stream_config(std::string_view text) {
  auto j = parse_object(text, "a stream configuration");
  auto c = decoding("stream configuration", [&] { return detail::decode_stream_config(j); });
  if (c.name.empty()) throw Error(ErrorCode::invalid_argument, "a stream configuration needs a name");
  return c;
}

ConsumerConfig consumer_config(std::string_view text) {
  auto j = parse_object(text, "a consumer configuration");
  return decoding("consumer configuration", [&] { return detail::decode_consumer_config(j); });
}

KeyValueConfig key_value_config(std::string_view text) {
  auto j = parse_object(text, "a key-value configuration");
  static const char* known[] = {"bucket", "description", "history", "ttl", "max_value_size", "max_bytes", "storage",
                                "replicas", "compression", "limit_marker_ttl", "metadata"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
      throw Error(ErrorCode::invalid_argument, "unknown key-value configuration field \"" + it.key() + "\"");
  return decoding("key-value configuration", [&] {
    KeyValueConfig c;
    c.bucket = j.value("bucket", "");
    if (c.bucket.empty()) throw Error(ErrorCode::invalid_argument, "a key-value configuration needs a bucket");
    c.description = j.value("description", "");
    c.history = j.value("history", 1);
    c.ttl = nanos(j, "ttl");
    c.max_value_size = j.value("max_value_size", -1);
    c.max_bytes = j.value("max_bytes", int64_t(-1));
    auto storage = j.value("storage", "file");
    if (storage != "file" && storage != "memory")
      throw Error(ErrorCode::invalid_argument, "storage is \"file\" or \"memory\"");
    c.storage = storage == "memory" ? StorageType::memory : StorageType::file;
    c.replicas = j.value("replicas", 1);
    c.compression = j.value("compression", false);
    c.limit_marker_ttl = nanos(j, "limit_marker_ttl");
    if (j.contains("metadata")) c.metadata = j["metadata"].get<std::map<std::string, std::string>>();
    return c;
  });
}

std::string to_json(const PubAck& ack) {
  json j = {{"stream", ack.stream}, {"seq", ack.seq}, {"duplicate", ack.duplicate}};
  if (!ack.domain.empty()) j["domain"] = ack.domain;
  return j.dump();
}

static json headers_json(const Headers& h) {
  json out = json::array();
  for (const auto& [k, v] : h.entries()) out.push_back({k, v});
  return out;
}

std::string to_json(const StoredMessage& m) {
  return json{{"stream", m.stream}, {"subject", m.subject}, {"seq", m.seq}, {"data", base64(m.data)},
              {"headers", headers_json(m.headers)}, {"time", m.time}}
      .dump();
}

std::string to_json(const KeyValueEntry& e) {
  const char* op = e.operation == KvOperation::put ? "PUT" : e.operation == KvOperation::del ? "DEL" : "PURGE";
  return json{{"bucket", e.bucket}, {"key", e.key},           {"value", base64(e.value)}, {"revision", e.revision},
              {"delta", e.delta},   {"operation", op},        {"created", e.created}}
      .dump();
}

std::string to_json(const KeyValueStatus& s) {
  return json{{"bucket", s.bucket},
              {"values", s.values},
              {"history", s.history},
              {"ttl", to_nanos(s.ttl)},
              {"limit_marker_ttl", to_nanos(s.limit_marker_ttl)},
              {"compressed", s.compressed},
              {"backing_store", s.backing_store},
              {"bytes", s.bytes},
              {"metadata", s.metadata}}
      .dump();
}

std::string to_json(const MsgMetadata& m) {
  return json{{"domain", m.domain},
              {"stream", m.stream},
              {"consumer", m.consumer},
              {"num_delivered", m.num_delivered},
              {"stream_seq", m.stream_seq},
              {"consumer_seq", m.consumer_seq},
              {"timestamp_ns", m.timestamp_ns},
              {"num_pending", m.num_pending}}
      .dump();
}

std::string names_json(const std::vector<std::string>& names) { return json{{"names", names}}.dump(); }

std::string list_json(const char* key, const std::vector<std::string>& raw_records) {
  std::string out = std::string("{\"") + key + "\":[";
  for (std::size_t i = 0; i < raw_records.size(); ++i) out += (i ? "," : "") + raw_records[i];
  return out + "]}";
}

}  // namespace nervure::json_api

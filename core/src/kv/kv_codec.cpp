#include "kv/kv_codec.hpp"

#include <algorithm>

namespace nervure::detail {

namespace {
constexpr Duration kMaxDuplicateWindow{120000};
bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
}  // namespace

void validate_bucket(const std::string& bucket) {
  if (bucket.empty() || !std::all_of(bucket.begin(), bucket.end(), word_char))
    throw Error(ErrorCode::invalid_argument,
                "bucket name '" + bucket + "' must be letters, digits, '_' or '-', and not empty");
}

void validate_key(const std::string& key, bool wildcards_ok) {
  auto bad = [&](const char* why) {
    throw Error(ErrorCode::invalid_argument, "key '" + key + "' is invalid: " + why);
  };
  if (key.empty()) bad("it is empty");
  if (key.front() == '.' || key.back() == '.') bad("it starts or ends with '.'");
  if (!wildcards_ok && key.rfind("_kv", 0) == 0) bad("keys starting with _kv are reserved");
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (word_char(c) || c == '/' || c == '=' || c == '.') continue;
    if (wildcards_ok && (c == '*' || c == '>')) continue;
    bad("only letters, digits and - / _ = . are allowed");
  }
  if (key.find("..") != std::string::npos) bad("it has an empty token");
}

std::string kv_subject_prefix(const std::string& bucket) { return "$KV." + bucket + "."; }

StreamConfig kv_stream_config(const KeyValueConfig& c) {
  validate_bucket(c.bucket);
  if (c.history < 1 || c.history > 64) throw Error(ErrorCode::invalid_argument, "history must be between 1 and 64");
  if (c.ttl.count() < 0) throw Error(ErrorCode::invalid_argument, "ttl must not be negative");
  StreamConfig s;
  s.name = kKvStreamPrefix + c.bucket;
  s.description = c.description;
  s.subjects = {kv_subject_prefix(c.bucket) + ">"};
  s.max_msgs_per_subject = c.history;
  s.max_age = c.ttl;
  // ADR-8: a short TTL bounds the duplicate window too.
  if (c.ttl.count() > 0) s.duplicate_window = std::min(c.ttl, kMaxDuplicateWindow);
  s.max_msg_size = c.max_value_size;
  s.max_bytes = c.max_bytes;
  s.storage = c.storage;
  s.replicas = c.replicas;
  s.discard = DiscardPolicy::new_;
  s.allow_rollup = true;
  s.deny_delete = true;
  s.allow_direct = true;
  s.compression = c.compression ? Compression::s2 : Compression::none;
  s.metadata = c.metadata;
  s.placement = c.placement;
  s.republish = c.republish;
  if (c.limit_marker_ttl.count() > 0) {
    s.allow_msg_ttl = true;
    s.subject_delete_marker_ttl = c.limit_marker_ttl;
  }
  return s;
}

KeyValueStatus kv_status(const StreamInfo& info) {
  KeyValueStatus st;
  st.bucket = info.config.name.substr(std::min(info.config.name.size(), std::string(kKvStreamPrefix).size()));
  st.values = info.state.messages;
  st.history = static_cast<int>(info.config.max_msgs_per_subject);
  st.ttl = info.config.max_age;
  st.limit_marker_ttl = info.config.subject_delete_marker_ttl;
  st.compressed = info.config.compression == Compression::s2;
  st.bytes = info.state.bytes;
  st.metadata = info.config.metadata;
  st.stream_info = info;
  return st;
}

KvOperation kv_operation(const Headers& h) {
  if (auto op = h.get("KV-Operation")) {
    if (*op == "DEL") return KvOperation::del;
    if (*op == "PURGE") return KvOperation::purge;
  }
  if (auto reason = h.get("Nats-Marker-Reason")) return *reason == "Remove" ? KvOperation::del : KvOperation::purge;
  return KvOperation::put;
}

KeyValueEntry kv_entry(const std::string& bucket, const std::string& prefix, StoredMessage&& m) {
  KeyValueEntry e;
  e.bucket = bucket;
  e.key = m.subject.rfind(prefix, 0) == 0 ? m.subject.substr(prefix.size()) : m.subject;
  e.revision = m.seq;
  e.operation = kv_operation(m.headers);
  e.created = std::move(m.time);
  e.value = std::move(m.data);
  return e;
}

}  // namespace nervure::detail

// Key-value operations: each is a publish with headers or a direct get.
#include "nervure/kv.hpp"

#include "jetstream/context.hpp"
#include "jetstream/messages.hpp"
#include "kv/kv_codec.hpp"

namespace nervure {

namespace {
constexpr int kWrongLastSequence = 10071;
constexpr int kNoMessageFound = 10037;
constexpr int kStreamNotFound = 10059;

void check_bucket_config(detail::JetStreamImpl& js, const KeyValueConfig& config) {
  if (config.limit_marker_ttl.count() > 0) {
    if (config.limit_marker_ttl < std::chrono::seconds(1))
      throw Error(ErrorCode::invalid_argument, "limit_marker_ttl is at least one second");
    js.require_level(1, "key-value limit markers and per-key TTL (limit_marker_ttl)");
  }
  if (config.compression) js.require_2_10("key-value compression");
  if (!config.metadata.empty()) js.require_2_10("key-value metadata");
}
}  // namespace

KeyValue JetStream::create_key_value(const KeyValueConfig& config) {
  auto stream = detail::kv_stream_config(config);
  check_bucket_config(*impl_, config);
  return KeyValue(impl_, add_stream(stream));
}

KeyValue JetStream::update_key_value(const KeyValueConfig& config) {
  auto stream = detail::kv_stream_config(config);
  check_bucket_config(*impl_, config);
  return KeyValue(impl_, update_stream(stream));
}

KeyValue JetStream::key_value(const std::string& bucket) {
  detail::validate_bucket(bucket);
  try {
    return KeyValue(impl_, stream_info(detail::kKvStreamPrefix + bucket));
  } catch (const JetStreamApiError& e) {
    if (e.err_code() == kStreamNotFound)
      throw JetStreamApiError(e.status(), e.err_code(), "no key-value bucket '" + bucket + "'");
    throw;
  }
}

void JetStream::delete_key_value(const std::string& bucket) {
  detail::validate_bucket(bucket);
  delete_stream(detail::kKvStreamPrefix + bucket);
}

std::vector<std::string> JetStream::key_value_names() {
  std::vector<std::string> out;
  for (auto& name : stream_names("$KV.*.>"))
    if (name.rfind(detail::kKvStreamPrefix, 0) == 0) out.push_back(name.substr(3));
  return out;
}

KeyValue::KeyValue(std::shared_ptr<detail::JetStreamImpl> js, const StreamInfo& info) : js_(std::move(js)) {
  if (info.config.name.rfind(detail::kKvStreamPrefix, 0) != 0)
    throw Error(ErrorCode::invalid_argument, "stream '" + info.config.name + "' is not a key-value bucket");
  stream_ = info.config.name;
  bucket_ = stream_.substr(3);
  prefix_ = detail::kv_subject_prefix(bucket_);
  js_->remember(info);
}

uint64_t KeyValue::publish(const std::string& key, std::string_view value, const PublishOptions& options) {
  detail::validate_key(key);
  return JetStream(js_).publish(prefix_ + key, value, options).seq;
}

uint64_t KeyValue::put(const std::string& key, std::string_view value) { return publish(key, value, {}); }

namespace {
// What a get asks the stream for: the key's last message, or one revision.
nlohmann::json get_request(const std::string& prefix, const std::string& key, uint64_t revision) {
  detail::validate_key(key);
  if (revision == 0) return {{"last_by_subj", prefix + key}};
  return {{"seq", revision}};
}

// The value a get returns for the stored message, or for the error reading it.
std::optional<KeyValueEntry> got(const std::string& bucket, const std::string& prefix, const std::string& key,
                                 StoredMessage&& stored) {
  auto entry = detail::kv_entry(bucket, prefix, std::move(stored));
  if (entry.key != key || entry.operation != KvOperation::put) return std::nullopt;
  return entry;
}
bool is_absent(const JetStreamApiError& e) { return e.err_code() == kNoMessageFound || e.status() == 404; }
}  // namespace

std::optional<KeyValueEntry> KeyValue::get(const std::string& key) {
  try {
    return got(bucket_, prefix_, key, detail::get_stored(*js_, stream_, get_request(prefix_, key, 0)));
  } catch (const JetStreamApiError& e) {
    if (is_absent(e)) return std::nullopt;
    throw;
  }
}

std::optional<KeyValueEntry> KeyValue::get(const std::string& key, uint64_t revision) {
  if (revision == 0) throw Error(ErrorCode::invalid_argument, "revisions start at 1");
  try {
    return got(bucket_, prefix_, key, detail::get_stored(*js_, stream_, get_request(prefix_, key, revision)));
  } catch (const JetStreamApiError& e) {
    if (is_absent(e)) return std::nullopt;
    throw;
  }
}

void KeyValue::put_async(const std::string& key, std::string_view value, PutCallback done) {
  detail::validate_key(key);
  JetStream(js_).publish_async(prefix_ + key, value, {}, [done = std::move(done)](PubAck&& ack, std::exception_ptr error) {
    done(error ? 0 : ack.seq, error);
  });
}

void KeyValue::get_async(const std::string& key, uint64_t revision, GetCallback done) {
  detail::get_stored_async(js_, stream_, get_request(prefix_, key, revision),
                           [bucket = bucket_, prefix = prefix_, key, done = std::move(done)](
                               StoredMessage&& stored, std::exception_ptr error) {
                             std::optional<KeyValueEntry> entry;
                             if (!error) {
                               try {
                                 entry = got(bucket, prefix, key, std::move(stored));
                               } catch (...) {
                                 error = std::current_exception();
                               }
                             }
                             if (error) {
                               try {
                                 std::rethrow_exception(error);
                               } catch (const JetStreamApiError& e) {
                                 if (is_absent(e)) error = nullptr;
                               } catch (...) {
                               }
                             }
                             done(std::move(entry), error);
                           });
}

uint64_t KeyValue::create(const std::string& key, std::string_view value, Duration ttl) {
  PublishOptions o;
  o.expected_last_subject_seq = 0;
  o.ttl = ttl;
  try {
    return publish(key, value, o);
  } catch (const JetStreamApiError& e) {
    if (e.err_code() != kWrongLastSequence) throw;
    // A deleted or purged key counts as absent: replace its marker, provided
    // it is still the last word on the key.
    std::optional<uint64_t> marker;
    try {
      auto m = detail::get_stored(*js_, stream_, {{"last_by_subj", prefix_ + key}});
      if (detail::kv_operation(m.headers) != KvOperation::put) marker = m.seq;
    } catch (const JetStreamApiError& inner) {
      if (inner.err_code() != kNoMessageFound) throw;
    }
    if (!marker) throw;
    o.expected_last_subject_seq = *marker;
  }
  return publish(key, value, o);
}

uint64_t KeyValue::update(const std::string& key, std::string_view value, uint64_t last_revision) {
  PublishOptions o;
  o.expected_last_subject_seq = last_revision;
  return publish(key, value, o);
}

void KeyValue::del(const std::string& key, std::optional<uint64_t> last_revision) {
  Headers h;
  h.set("KV-Operation", "DEL");
  PublishOptions o;
  o.headers = &h;
  o.expected_last_subject_seq = last_revision;
  publish(key, "", o);
}

void KeyValue::purge(const std::string& key, Duration ttl) {
  Headers h;
  h.set("KV-Operation", "PURGE");
  h.set("Nats-Rollup", "sub");
  PublishOptions o;
  o.headers = &h;
  o.ttl = ttl;
  publish(key, "", o);
}

KeyValueStatus KeyValue::status() { return detail::kv_status(JetStream(js_).stream_info(stream_)); }

}  // namespace nervure

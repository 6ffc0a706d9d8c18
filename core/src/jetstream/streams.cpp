// Stream management: the STREAM.* API, paged listings.
#include "jetstream/context.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"
#include "protocol/validation.hpp"

namespace nervure {
namespace detail {
namespace {

void check_source(const StreamSource& s) {
  validate_name("source stream name", s.name);
  if (!s.filter_subject.empty()) protocol::validate_subscribe_subject(s.filter_subject);
}

void check_stream_config(JetStreamImpl& js, const StreamConfig& c) {
  validate_name("stream name", c.name);
  for (const auto& s : c.subjects) protocol::validate_subscribe_subject(s);
  if (c.replicas < 1 || c.replicas > 5) throw Error(ErrorCode::invalid_argument, "replicas must be between 1 and 5");
  if (c.mirror) {
    check_source(*c.mirror);
    if (!c.subjects.empty()) throw Error(ErrorCode::invalid_argument, "a mirror takes no subjects of its own");
  }
  for (const auto& s : c.sources) check_source(s);
  if (c.subject_delete_marker_ttl.count() > 0 && c.subject_delete_marker_ttl < std::chrono::seconds(1))
    throw Error(ErrorCode::invalid_argument, "subject_delete_marker_ttl is at least one second");
  // Checked before anything is sent: these are silently dropped by servers that
  // predate them, leaving a stream unlike the one asked for.
  if (c.allow_msg_ttl) js.require_level(1, "per-message TTL (allow_msg_ttl)");
  if (c.subject_delete_marker_ttl.count() > 0) js.require_level(1, "subject delete markers (subject_delete_marker_ttl)");
  if (!c.metadata.empty()) js.require_2_10("stream metadata");
  if (c.compression != Compression::none) js.require_2_10("stream compression");
  if (c.first_seq) js.require_2_10("a stream's first sequence (first_seq)");
}

template <typename Fn>
void page_through(JetStreamImpl& js, const std::string& what, json body, const char* key, Fn&& take) {
  uint64_t offset = 0;
  for (;;) {
    body["offset"] = offset;
    auto j = js.api(what, body);
    uint64_t got = 0;
    if (auto it = j.find(key); it != j.end() && it->is_array())
      for (auto& item : *it) {
        take(item);
        ++got;
      }
    offset += got;
    if (got == 0 || offset >= j.value("total", uint64_t{0})) break;
  }
}

}  // namespace

StreamInfo stream_call(JetStreamImpl& js, const std::string& what, const json& body) {
  auto info = decode_stream_info(js.api(what, body));
  js.remember(info);
  return info;
}

}  // namespace detail

JetStream::JetStream(std::shared_ptr<Connection> connection, JetStreamOptions options)
    : impl_(std::make_shared<detail::JetStreamImpl>(std::move(connection), std::move(options))) {}
JetStream::JetStream(std::shared_ptr<detail::JetStreamImpl> impl) : impl_(std::move(impl)) {
  if (!impl_) throw Error(ErrorCode::invalid_argument, "JetStream needs a context");
}
JetStream::~JetStream() = default;

std::shared_ptr<Connection> JetStream::connection() const { return impl_->nc(); }
int JetStream::api_level() { return impl_->api_level(); }
AccountInfo JetStream::account_info() { return detail::decode_account_info(impl_->api("INFO")); }

StreamInfo JetStream::add_stream(const StreamConfig& config) {
  detail::check_stream_config(*impl_, config);
  return detail::stream_call(*impl_, "STREAM.CREATE." + config.name, detail::encode(config));
}

StreamInfo JetStream::update_stream(const StreamConfig& config) {
  detail::check_stream_config(*impl_, config);
  return detail::stream_call(*impl_, "STREAM.UPDATE." + config.name, detail::encode(config));
}

StreamInfo JetStream::stream_info(const std::string& name) {
  detail::validate_name("stream name", name);
  return detail::stream_call(*impl_, "STREAM.INFO." + name, nullptr);
}

void JetStream::delete_stream(const std::string& name) {
  detail::validate_name("stream name", name);
  impl_->api("STREAM.DELETE." + name);
  impl_->forget_direct(name);
}

uint64_t JetStream::purge_stream(const std::string& name, const PurgeOptions& o) {
  detail::validate_name("stream name", name);
  if (o.keep > 0 && o.up_to_seq > 0) throw Error(ErrorCode::invalid_argument, "purge takes keep or up_to_seq, not both");
  nlohmann::json body = nlohmann::json::object();
  if (!o.subject.empty()) {
    protocol::validate_subscribe_subject(o.subject);
    body["filter"] = o.subject;
  }
  if (o.keep > 0) {
    // nats-server 2.9 accepts keep and purges one message more than asked.
    impl_->require_2_10("purging while keeping the newest messages");
    body["keep"] = o.keep;
  }
  if (o.up_to_seq > 0) body["seq"] = o.up_to_seq;
  return impl_->api("STREAM.PURGE." + name, body).value("purged", uint64_t{0});
}

uint64_t JetStream::purge_stream(const std::string& name, const std::string& subject, uint64_t keep) {
  return purge_stream(name, PurgeOptions{subject, keep, 0});
}

std::vector<std::string> JetStream::stream_names(const std::string& subject) {
  std::vector<std::string> names;
  nlohmann::json body = nlohmann::json::object();
  if (!subject.empty()) body["subject"] = subject;
  detail::page_through(*impl_, "STREAM.NAMES", body, "streams", [&](const nlohmann::json& item) {
    if (item.is_string()) names.push_back(item.get<std::string>());
  });
  return names;
}

std::vector<StreamInfo> JetStream::streams(const std::string& subject) {
  std::vector<StreamInfo> out;
  nlohmann::json body = nlohmann::json::object();
  if (!subject.empty()) body["subject"] = subject;
  detail::page_through(*impl_, "STREAM.LIST", body, "streams", [&](const nlohmann::json& item) {
    out.push_back(detail::decode_stream_info(item));
    impl_->remember(out.back());
  });
  return out;
}

std::vector<std::string> JetStream::consumer_names(const std::string& stream) {
  detail::validate_name("stream name", stream);
  std::vector<std::string> names;
  detail::page_through(*impl_, "CONSUMER.NAMES." + stream, nlohmann::json::object(), "consumers",
                       [&](const nlohmann::json& item) {
                         if (item.is_string()) names.push_back(item.get<std::string>());
                       });
  return names;
}

std::vector<ConsumerInfo> JetStream::consumers(const std::string& stream) {
  detail::validate_name("stream name", stream);
  std::vector<ConsumerInfo> out;
  detail::page_through(*impl_, "CONSUMER.LIST." + stream, nlohmann::json::object(), "consumers",
                       [&](const nlohmann::json& item) { out.push_back(detail::decode_consumer_info(item)); });
  return out;
}

}  // namespace nervure

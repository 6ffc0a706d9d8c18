#include "jetstream/publish.hpp"

#include <thread>

#include "jetstream/pub_ack_scan.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"

namespace nervure {
namespace detail {

Headers publish_headers(JetStreamImpl& js, const PublishOptions& o) {
  Headers h = o.headers ? *o.headers : Headers{};
  if (!o.msg_id.empty()) h.set("Nats-Msg-Id", o.msg_id);
  if (!o.expected_stream.empty()) h.set("Nats-Expected-Stream", o.expected_stream);
  if (o.expected_last_seq) h.set("Nats-Expected-Last-Sequence", std::to_string(*o.expected_last_seq));
  if (o.expected_last_subject_seq)
    h.set("Nats-Expected-Last-Subject-Sequence", std::to_string(*o.expected_last_subject_seq));
  if (!o.expected_last_msg_id.empty()) h.set("Nats-Expected-Last-Msg-Id", o.expected_last_msg_id);
  if (o.ttl.count() > 0) {
    if (o.ttl < std::chrono::seconds(1)) throw Error(ErrorCode::invalid_argument, "a message TTL is at least one second");
    js.require_level(1, "per-message TTL (Nats-TTL)");
    h.set("Nats-TTL", seconds_text(o.ttl));
  }
  return h;
}

PubAck decode_pub_ack(const Message& reply) {
  PubAck ack;
  if (scan_pub_ack(reply.data, ack)) {
    if (ack.stream.empty()) throw Error(ErrorCode::nervure, "the publish acknowledgement names no stream");
    return ack;
  }
  auto j = nlohmann::json::parse(reply.data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (reply.headers.status() != 0)
      throw Error(ErrorCode::nervure, "the stream answered the publish with status " +
                                          std::to_string(reply.headers.status()) + " " + reply.headers.description());
    throw Error(ErrorCode::nervure, "the publish acknowledgement is not valid JSON");
  }
  throw_if_api_error(j);
  ack = PubAck{};
  ack.stream = j.value("stream", "");
  ack.seq = j.value("seq", uint64_t{0});
  ack.duplicate = j.value("duplicate", false);
  ack.domain = j.value("domain", "");
  if (ack.stream.empty()) throw Error(ErrorCode::nervure, "the publish acknowledgement names no stream");
  return ack;
}

Error no_stream_error(const std::string& subject) {
  return Error(ErrorCode::no_responders,
               "no stream matches subject '" + subject + "' (or its stream has no leader right now)");
}

}  // namespace detail

PubAck JetStream::publish(const std::string& subject, std::string_view data, const PublishOptions& o) {
  Headers h = detail::publish_headers(*impl_, o);
  const auto& opts = impl_->options();
  const Duration timeout = o.timeout.value_or(opts.timeout);
  const int attempts = 1 + std::max(0, opts.publish_retry_attempts);
  for (int attempt = 1;; ++attempt) {
    try {
      return detail::decode_pub_ack(impl_->nc()->request(subject, data, timeout, h.empty() ? nullptr : &h));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::no_responders) throw;
      if (attempt >= attempts) throw detail::no_stream_error(subject);
    }
    std::this_thread::sleep_for(opts.publish_retry_wait);
  }
}

}  // namespace nervure

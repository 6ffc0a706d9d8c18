// JetStream messages: metadata from the $JS.ACK subject, acknowledgements.
#include <charconv>
#include <cstring>

#include "jetstream/ack_channel.hpp"
#include "jetstream/ack_subject.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream_message.hpp"

namespace nervure {
namespace {

[[noreturn]] void not_js(std::string_view reply, const char* why) {
  throw Error(ErrorCode::invalid_argument,
              "'" + std::string(reply) + "' is not a JetStream acknowledgement subject: " + why);
}

template <typename T>
T number(std::string_view reply, std::string_view token) {
  T v{};
  auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || p != token.data() + token.size()) not_js(reply, "a numeric token is not a number");
  return v;
}

}  // namespace

namespace detail {

AckSubject parse_ack_subject_view(std::string_view reply) {
  // v1 has 9 tokens; v2 inserts domain and account hash after $JS.ACK and may
  // grow at the end, so it has 11 or more (those past the 11th are not read).
  constexpr std::size_t kMaxRead = 11;
  std::string_view t[kMaxRead];
  std::size_t n = 0;
  // Runs for every message a consumer delivers: memchr finds each dot.
  const char* p = reply.data();
  const char* const end = p + reply.size();
  for (;;) {
    const char* dot = static_cast<const char*>(std::memchr(p, '.', static_cast<std::size_t>(end - p)));
    const char* token_end = dot ? dot : end;
    if (n < kMaxRead) t[n] = std::string_view(p, static_cast<std::size_t>(token_end - p));
    ++n;
    if (!dot) break;
    p = dot + 1;
  }
  if (n < 2 || t[0] != "$JS" || t[1] != "ACK") not_js(reply, "it does not start with $JS.ACK");
  std::size_t base;
  AckSubject a;
  if (n == 9) {
    base = 2;
  } else if (n >= 11) {
    a.domain = t[2] == "_" ? std::string_view() : t[2];
    base = 4;
  } else {
    not_js(reply, "it has neither 9 nor 11 or more tokens");
  }
  a.stream = t[base];
  a.consumer = t[base + 1];
  a.num_delivered = number<uint64_t>(reply, t[base + 2]);
  a.stream_seq = number<uint64_t>(reply, t[base + 3]);
  a.consumer_seq = number<uint64_t>(reply, t[base + 4]);
  a.timestamp_ns = number<int64_t>(reply, t[base + 5]);
  a.num_pending = number<uint64_t>(reply, t[base + 6]);
  return a;
}

}  // namespace detail

MsgMetadata parse_ack_subject(std::string_view reply) {
  const detail::AckSubject a = detail::parse_ack_subject_view(reply);
  return MsgMetadata{.domain = std::string(a.domain),
                     .stream = std::string(a.stream),
                     .consumer = std::string(a.consumer),
                     .num_delivered = a.num_delivered,
                     .stream_seq = a.stream_seq,
                     .consumer_seq = a.consumer_seq,
                     .timestamp_ns = a.timestamp_ns,
                     .num_pending = a.num_pending};
}

JsMessage::JsMessage(const Message& msg, std::shared_ptr<detail::AckChannel> channel)
    : msg_(msg), channel_(std::move(channel)) {}
JsMessage::JsMessage(Message&& msg, std::shared_ptr<detail::AckChannel> channel)
    : msg_(std::move(msg)), channel_(std::move(channel)) {}

MsgMetadata JsMessage::metadata() const { return parse_ack_subject(msg_.reply); }

void JsMessage::send(std::string_view body, bool terminal) {
  if (acked_ || (channel_ && channel_->ack_none)) return;
  if (msg_.reply.empty()) throw Error(ErrorCode::invalid_argument, "this message has no reply subject to acknowledge to");
  auto nc = channel_ ? channel_->nc.lock() : nullptr;
  if (!nc) throw Error(ErrorCode::connection_closed, "the connection that delivered this message is gone");
  nc->publish(msg_.reply, body);
  if (terminal) acked_ = true;
}

void JsMessage::ack() { send("+ACK", true); }

void JsMessage::ack_sync(Duration timeout) {
  if (acked_ || (channel_ && channel_->ack_none)) return;
  if (msg_.reply.empty()) throw Error(ErrorCode::invalid_argument, "this message has no reply subject to acknowledge to");
  auto nc = channel_ ? channel_->nc.lock() : nullptr;
  if (!nc) throw Error(ErrorCode::connection_closed, "the connection that delivered this message is gone");
  nc->request(msg_.reply, "+ACK", timeout);  // the server answers once the ack is recorded
  acked_ = true;
}

void JsMessage::nak(Duration delay) {
  if (delay.count() > 0) send("-NAK {\"delay\":" + std::to_string(detail::to_nanos(delay)) + "}", true);
  else send("-NAK", true);
}

void JsMessage::term(const std::string& reason) {
  if (reason.empty()) return send("+TERM", true);
  if (channel_ && !channel_->term_reason_ok)
    throw Error(ErrorCode::not_supported_by_server,
                "a reason for +TERM needs nats-server 2.10 or newer; the connected server would drop it");
  send("+TERM " + reason, true);
}

void JsMessage::in_progress() { send("+WPI", false); }

}  // namespace nervure

#pragma once
// A message delivered by a JetStream consumer: its delivery metadata (read from
// the acknowledgement subject) and the acknowledgements the consumer expects.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "nervure/message.hpp"
#include "nervure/options.hpp"

namespace nervure {

struct MsgMetadata {
  std::string domain;  // empty when the server has none ("_")
  std::string stream;
  std::string consumer;
  uint64_t num_delivered = 0;
  uint64_t stream_seq = 0;
  uint64_t consumer_seq = 0;
  int64_t timestamp_ns = 0;  // when the stream stored it, nanoseconds since the epoch (UTC)
  uint64_t num_pending = 0;
};

/// Parses a $JS.ACK reply subject: the 9-token (v1) or the 11-or-more-token (v2)
/// layout. Throws Error(invalid_argument) for anything else.
MsgMetadata parse_ack_subject(std::string_view reply);

namespace detail {
struct AckChannel;
}

class JsMessage {
 public:
  JsMessage() = default;
  JsMessage(const Message& msg, std::shared_ptr<detail::AckChannel> channel);
  JsMessage(Message&& msg, std::shared_ptr<detail::AckChannel> channel);

  const std::string& subject() const noexcept { return msg_.subject; }
  const std::string& data() const noexcept { return msg_.data; }
  const Headers& headers() const noexcept { return msg_.headers; }
  const std::string& reply() const noexcept { return msg_.reply; }
  const Message& message() const noexcept { return msg_; }
  Message& message() noexcept { return msg_; }

  /// Delivery metadata from the reply subject; throws when the message has none.
  MsgMetadata metadata() const;

  /// Acknowledgements. After a terminal one (ack, nak, term) the others are
  /// ignored, as they are for a consumer whose ack policy is none.
  void ack();
  /// Waits for the server to confirm the ack ("double ack"): it will not be redelivered.
  void ack_sync(Duration timeout = Duration(5000));
  /// Asks for redelivery, after delay when given.
  void nak(Duration delay = Duration(0));
  /// Never redeliver; the reason appears in the server's advisory (nats-server 2.10+).
  void term(const std::string& reason = "");
  /// Resets the redelivery timer: still working on it.
  void in_progress();
  bool acknowledged() const noexcept { return acked_; }

 private:
  void send(std::string_view body, bool terminal);
  Message msg_;
  std::shared_ptr<detail::AckChannel> channel_;
  bool acked_ = false;
};

}  // namespace nervure

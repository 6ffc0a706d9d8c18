#pragma once
// Reading from consumers: one-shot pulls (fetch, next), continuous pulls
// (consume, ADR-37), ordered consumers and push subscriptions. Continuous
// readers are MessageStreams: they queue in the core like a Subscription and are
// pulled with next/next_batch/poll, or hand each message to a handler.
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nervure/errors.hpp"
#include "nervure/jetstream_message.hpp"
#include "nervure/jetstream_types.hpp"

namespace nervure {

namespace detail {
class JetStreamImpl;
class StreamCore;
}  // namespace detail

/// Runs on the stream's own thread. It may block and may acknowledge.
using JsMessageHandler = std::function<void(JsMessage&& msg)>;
/// Problems a consumer meets while it keeps going (missed heartbeats, a lost
/// pull), and, with terminal set, the one that ended it. Runs on the stream's thread.
using ConsumeErrorHandler = std::function<void(const Error& error, bool terminal)>;

struct FetchOptions {
  int batch = 1;
  Duration expires{5000};      // the server ends the request after this long
  int64_t max_bytes = 0;       // stop once this many bytes were delivered
  bool no_wait = false;        // answer at once with what is there
  Duration idle_heartbeat{0};  // 0: none, or 5 s for expiries above 30 s
};

struct ConsumeOptions {
  int max_messages = 0;        // buffered ahead of the reader; 0: 500 (or unbounded with max_bytes)
  int64_t max_bytes = 0;       // buffer by bytes instead (exclusive with max_messages)
  Duration expires{30000};     // each pull request, at least 1 s
  Duration idle_heartbeat{0};  // 0: half of expires, between 0.5 s and 30 s
  int threshold_messages = 0;  // refill when this few remain; 0: half
  int64_t threshold_bytes = 0;
  ConsumeErrorHandler on_error;
};

class MessageStream {
 public:
  explicit MessageStream(std::shared_ptr<detail::StreamCore> core);
  ~MessageStream();  // stops
  MessageStream(const MessageStream&) = delete;
  MessageStream& operator=(const MessageStream&) = delete;

  /// The next message. std::nullopt once stopped and empty; after a terminal
  /// error, the buffered messages and then that error. TimeoutError when none came.
  std::optional<JsMessage> next(Duration timeout);
  /// Waits up to timeout for one message, then moves up to max into out.
  std::size_t next_batch(std::vector<JsMessage>& out, std::size_t max, Duration timeout);
  std::size_t poll(std::vector<JsMessage>& out, std::size_t max);
  /// Called on a core thread when the queue turns non-empty and once when the
  /// stream ends; it must only schedule work elsewhere.
  void set_ready_notifier(std::function<void()> notify);

  /// Stops pulling and drops what is buffered (those messages are redelivered
  /// after their ack wait).
  void stop();
  /// Stops pulling and waits until what is buffered has been taken (or handled).
  void drain(Duration timeout);
  bool ended() const;
  /// The error that ended the stream, if one did.
  std::exception_ptr error() const;
  /// Messages handed out so far.
  uint64_t delivered() const;
  /// The consumer currently read (an ordered consumer changes it when it recovers).
  std::string consumer_name() const;

 private:
  std::shared_ptr<detail::StreamCore> core_;
};

/// A handle on an existing pull consumer.
class PullConsumer {
 public:
  PullConsumer(std::shared_ptr<detail::JetStreamImpl> js, ConsumerInfo info);

  const std::string& stream() const noexcept { return info_.stream; }
  const std::string& name() const noexcept { return info_.name; }
  /// As the server described it when this handle was made.
  const ConsumerInfo& cached_info() const noexcept { return info_; }
  ConsumerInfo info();

  /// Up to batch messages: returns when the batch is full, the request expired
  /// (possibly with none), or at once with no_wait.
  std::vector<JsMessage> fetch(const FetchOptions& options);
  std::vector<JsMessage> fetch(int batch, Duration expires = Duration(5000));
  /// One message, or TimeoutError.
  JsMessage next(Duration timeout = Duration(5000));

  std::shared_ptr<MessageStream> consume(ConsumeOptions options = {});
  std::shared_ptr<MessageStream> consume(JsMessageHandler handler, ConsumeOptions options = {});

 private:
  std::shared_ptr<detail::JetStreamImpl> js_;
  ConsumerInfo info_;
};

/// An ephemeral, in-memory, unacknowledged consumer that the client recreates
/// from the last stream sequence it delivered whenever it sees a gap, misses
/// heartbeats or reconnects: messages arrive in order, each once.
struct OrderedConsumerConfig {
  std::vector<std::string> filter_subjects;  // none: the whole stream; several: nats-server 2.10+
  DeliverPolicy deliver_policy = DeliverPolicy::all;
  uint64_t opt_start_seq = 0;
  std::optional<TimePoint> opt_start_time;
  ReplayPolicy replay_policy = ReplayPolicy::instant;
  bool headers_only = false;
  Duration inactive_threshold{300000};
  /// Its idle heartbeat (by default half of expires) and on_error apply; the
  /// consumer is pushed with flow control, which bounds what waits for the reader.
  ConsumeOptions consume;
};

}  // namespace nervure

#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nervure/message.hpp"
#include "nervure/options.hpp"

namespace nervure {

namespace detail {
class SubscriptionState;
}

struct SubscribeOptions {
  std::string queue;          // queue group; empty for none
  int64_t max_msgs = 0;       // auto-unsubscribe after this many messages; 0: never
  int64_t pending_msgs_limit = 0;   // 0: the connection's default; -1: unlimited
  int64_t pending_bytes_limit = 0;  // 0: the connection's default; -1: unlimited
};

/// Handler for callback subscriptions. It runs on the connection's dispatcher
/// thread, never on the I/O thread, so it may block or call the connection.
using MessageHandler = std::function<void(Message&&)>;

/// A subscription queues its messages in the core. Consumers either pull them
/// (next / next_batch / poll) or are told when the queue turns non-empty
/// (set_ready_notifier) and then pull a whole batch in one crossing.
class Subscription {
 public:
  explicit Subscription(std::shared_ptr<detail::SubscriptionState> state);
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  uint64_t sid() const noexcept;
  const std::string& subject() const noexcept;
  const std::string& queue() const noexcept;

  /// Next message; std::nullopt once the subscription has ended (unsubscribed,
  /// drained, its max_msgs reached, or the connection closed) and is empty.
  /// Throws TimeoutError when nothing arrives in time.
  std::optional<Message> next(Duration timeout);

  /// Waits up to timeout for at least one message, then moves up to max into out.
  /// Returns how many were moved; 0 means timeout or, when ended() is true, the end.
  std::size_t next_batch(std::vector<Message>& out, std::size_t max, Duration timeout);

  /// Moves up to max queued messages into out without waiting.
  std::size_t poll(std::vector<Message>& out, std::size_t max);

  /// Called on a core thread each time the queue goes from empty to non-empty,
  /// and once when the subscription ends. It must only schedule work elsewhere.
  void set_ready_notifier(std::function<void()> notify);

  void unsubscribe();
  /// Asks the server to stop after max more messages in total (counting those delivered).
  void auto_unsubscribe(int64_t max_msgs);
  /// Stops interest, lets queued messages be consumed, then ends. Waits up to timeout.
  void drain(Duration timeout);

  bool ended() const noexcept;       // no more messages will arrive and the queue is empty
  bool is_valid() const noexcept;    // still receiving
  int64_t pending_msgs() const noexcept;
  int64_t pending_bytes() const noexcept;
  int64_t dropped() const noexcept;  // messages lost to the pending limits (slow consumer)
  int64_t delivered() const noexcept;
  void set_pending_limits(int64_t msgs, int64_t bytes);

 private:
  std::shared_ptr<detail::SubscriptionState> state_;
};

}  // namespace nervure

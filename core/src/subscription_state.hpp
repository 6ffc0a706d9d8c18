#pragma once
// The core side of a subscription: a bounded queue filled by the I/O thread and
// emptied by whoever consumes (a binding's loop, a C++ dispatcher, next()).
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "batch_queue.hpp"
#include "nervure/message.hpp"
#include "nervure/subscription.hpp"
#include "spin_wait.hpp"

namespace nervure::detail {

class ConnectionImpl;

class SubscriptionState {
 public:
  /// How long a consumer in wait_batch may poll before it sleeps (see spin_wait.hpp):
  /// a loopback round trip and then some, so a responder catches the next request.
  static constexpr std::chrono::microseconds kWaitSpin{200};

  SubscriptionState(std::weak_ptr<ConnectionImpl> conn, uint64_t sid, std::string subject, std::string queue,
                    int64_t max_msgs, int64_t limit_msgs, int64_t limit_bytes)
      : conn(std::move(conn)), sid(sid), subject(std::move(subject)), queue(std::move(queue)),
        max_msgs(max_msgs), limit_msgs_(limit_msgs), limit_bytes_(limit_bytes) {}

  const std::weak_ptr<ConnectionImpl> conn;
  const uint64_t sid;
  const std::string subject;
  const std::string queue;
  std::atomic<int64_t> max_msgs;  // auto-unsubscribe total; 0 for none

  enum class Push { queued, queued_first, dropped, dropped_first };
  /// I/O thread. Returns whether the queue turned non-empty with no consumer
  /// waiting for it (the notifier's cue) or the message was dropped (and
  /// whether this drop starts a slow-consumer episode).
  Push push(Message&& msg);

  /// No more messages will arrive; wakes consumers once. With discard, what is
  /// still queued is dropped too (unsubscribe and close; drain keeps it).
  void end_arrivals(bool discard = false);
  bool arrivals_ended() const;

  std::size_t poll(std::vector<Message>& out, std::size_t max);
  std::size_t wait_batch(std::vector<Message>& out, std::size_t max, std::chrono::milliseconds timeout);
  /// Waits until the queue is empty and, for handler subscriptions, the handler returned.
  bool wait_consumed(std::chrono::milliseconds timeout);

  void set_notifier(std::function<void()> fn);
  void notify();  // calls the notifier outside any lock

  void set_limits(int64_t msgs, int64_t bytes);
  int64_t pending_msgs() const;
  int64_t pending_bytes() const;
  int64_t dropped() const { return dropped_.load(); }
  int64_t delivered() const { return delivered_.load(); }
  bool ended() const;
  bool discarded() const { return discarded_.load(std::memory_order_relaxed); }

  // Handler subscriptions are run by the connection's dispatcher thread.
  MessageHandler handler;
  void mark_handler_busy(bool busy);

 private:
  std::size_t poll_locked(std::vector<Message>& out, std::size_t max);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  BatchQueue<Message> queue_;
  int64_t bytes_ = 0;
  int64_t limit_msgs_;
  int64_t limit_bytes_;
  bool slow_ = false;
  bool ended_arrivals_ = false;
  bool handler_busy_ = false;
  int waiting_ = 0;  // consumers in wait_batch
  AdaptiveSpin spin_{kWaitSpin};
  std::function<void()> notifier_;
  std::atomic<bool> discarded_{false};
  std::atomic<int64_t> dropped_{0};
  std::atomic<int64_t> delivered_{0};
};

}  // namespace nervure::detail

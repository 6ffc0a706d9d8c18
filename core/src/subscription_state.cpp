#include "subscription_state.hpp"

#include "connection_impl.hpp"

namespace nervure::detail {

SubscriptionState::Push SubscriptionState::push(Message&& msg) {
  std::lock_guard lock(mu_);
  // Pushes are serialized by the lock: a plain store, not a locked read-modify-write.
  delivered_.store(delivered_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  const int64_t size = static_cast<int64_t>(msg.data.size());
  const bool over_msgs = limit_msgs_ > 0 && static_cast<int64_t>(queue_.size()) >= limit_msgs_;
  const bool over_bytes = limit_bytes_ > 0 && bytes_ + size > limit_bytes_;
  if (over_msgs || over_bytes) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    const bool first = !slow_;
    slow_ = true;
    return first ? Push::dropped_first : Push::dropped;
  }
  const bool was_empty = queue_.empty();
  bytes_ += size;
  queue_.push_back(std::move(msg));
  if (!was_empty) return Push::queued;
  cv_.notify_all();
  // A consumer waiting in wait_batch takes it: waking the notifier's side too
  // (a binding's poller) would only cost a second thread wake-up per message.
  return waiting_ > 0 ? Push::queued : Push::queued_first;
}

void SubscriptionState::end_arrivals(bool discard) {
  {
    std::lock_guard lock(mu_);
    if (discard) {
      discarded_.store(true);
      queue_.clear();
      bytes_ = 0;
    }
    if (ended_arrivals_) return;
    ended_arrivals_ = true;
    cv_.notify_all();
  }
  notify();
}

bool SubscriptionState::arrivals_ended() const {
  std::lock_guard lock(mu_);
  return ended_arrivals_;
}

std::size_t SubscriptionState::poll(std::vector<Message>& out, std::size_t max) {
  std::lock_guard lock(mu_);
  return poll_locked(out, max);
}

std::size_t SubscriptionState::poll_locked(std::vector<Message>& out, std::size_t max) {
  std::size_t n = 0;
  out.reserve(out.size() + std::min(max, queue_.size()));  // grown once, not by doublings that move every message
  while (n < max && !queue_.empty()) {
    bytes_ -= static_cast<int64_t>(queue_.front().data.size());
    out.push_back(std::move(queue_.front()));
    queue_.pop_front();
    ++n;
  }
  if (queue_.empty()) {
    slow_ = false;  // the consumer caught up: a later drop is a new episode
    cv_.notify_all();
  }
  return n;
}

std::size_t SubscriptionState::wait_batch(std::vector<Message>& out, std::size_t max,
                                          std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  // Checked first: waiting reads the clock even when nothing needs waiting for.
  if (queue_.empty() && !ended_arrivals_) {
    ++waiting_;  // until the poll below: what arrives meanwhile is taken here, spinning or asleep
    const auto started = AdaptiveSpin::clock::now();
    const auto deadline = deadline_after(started, timeout);
    auto arrived = [&] { return !queue_.empty() || ended_arrivals_; };
    lock.unlock();
    const auto connection = conn.lock();  // its socket may hold what this waits for: read it while polling
    {
      ConnectionImpl::Polling polling(connection.get());  // ends before the sleep below
      spin_.spin(started, deadline, [&] {
        polling.poll();
        std::lock_guard poll_lock(mu_);
        return arrived();
      });
    }
    lock.lock();
    cv_.wait_until(lock, deadline, arrived);
    spin_.waited(started);
    --waiting_;
  }
  return poll_locked(out, max);
}

bool SubscriptionState::wait_consumed(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return queue_.empty() && !handler_busy_; });
}

void SubscriptionState::mark_handler_busy(bool busy) {
  std::lock_guard lock(mu_);
  handler_busy_ = busy;
  if (!busy) cv_.notify_all();
}

void SubscriptionState::set_notifier(std::function<void()> fn) {
  bool pending;
  {
    std::lock_guard lock(mu_);
    notifier_ = std::move(fn);
    pending = !queue_.empty() || ended_arrivals_;
  }
  if (pending) notify();  // messages that came before the notifier was set
}

void SubscriptionState::notify() {
  std::function<void()> fn;
  {
    std::lock_guard lock(mu_);
    fn = notifier_;
  }
  if (fn) fn();
}

void SubscriptionState::set_limits(int64_t msgs, int64_t bytes) {
  std::lock_guard lock(mu_);
  limit_msgs_ = msgs;
  limit_bytes_ = bytes;
}

int64_t SubscriptionState::pending_msgs() const {
  std::lock_guard lock(mu_);
  return static_cast<int64_t>(queue_.size());
}

int64_t SubscriptionState::pending_bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

bool SubscriptionState::ended() const {
  std::lock_guard lock(mu_);
  return ended_arrivals_ && queue_.empty();
}

}  // namespace nervure::detail

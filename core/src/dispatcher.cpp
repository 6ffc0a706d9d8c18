#include "dispatcher.hpp"

#include "subscription_state.hpp"

namespace nervure::detail {
void Dispatcher::schedule(std::shared_ptr<SubscriptionState> sub) {
  std::lock_guard lock(mu_);
  if (stopping_) return;
  if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  ready_.push_back(std::move(sub));
  cv_.notify_one();
}

void Dispatcher::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    cv_.notify_all();
  }
  if (thread_.joinable()) {
    if (thread_.get_id() == std::this_thread::get_id()) thread_.detach();  // a handler closed its own connection
    else thread_.join();
  }
}

void Dispatcher::loop() {
  std::vector<Message> batch;
  batch.reserve(kBatch);
  for (;;) {
    std::shared_ptr<SubscriptionState> sub;
    {
      std::unique_lock lock(mu_);
      auto runnable = [&] { return stopping_ || !ready_.empty(); };
      if (!runnable()) {
        const auto started = AdaptiveSpin::clock::now();
        lock.unlock();
        spin_.spin(started, AdaptiveSpin::clock::time_point::max(), [&] {
          if (input_poller_) input_poller_();
          std::lock_guard poll_lock(mu_);
          return runnable();
        });
        lock.lock();
        cv_.wait(lock, runnable);
        spin_.waited(started);
      }
      if (stopping_) return;
      sub = std::move(ready_.front());
      ready_.pop_front();
    }
    std::size_t n = run_batch(*sub, batch, error_sink_);
    if (n == kBatch) {
      std::lock_guard lock(mu_);
      ready_.push_back(std::move(sub));
    }
  }
}

std::size_t Dispatcher::run_batch(SubscriptionState& sub, std::vector<Message>& batch, const ErrorSink& sink) {
  sub.mark_handler_busy(true);
  batch.clear();
  std::size_t n = sub.poll(batch, kBatch);
  for (auto& m : batch) {
    if (sub.discarded()) break;  // unsubscribed or closed while this batch was running
    try {
      if (sub.handler) sub.handler(std::move(m));
    } catch (const std::exception& e) {
      if (sink) sink(std::string("message handler for '") + sub.subject + "' threw: " + e.what());
    } catch (...) {
      if (sink) sink("message handler for '" + sub.subject + "' threw");
    }
  }
  sub.mark_handler_busy(false);
  return n;
}

}  // namespace nervure::detail

#pragma once
// Runs C++ message handlers on a thread of their own, so neither the I/O thread
// nor a slow handler holds up the other. One thread keeps each subscription's order.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "nervure/message.hpp"

#include "spin_wait.hpp"

namespace nervure::detail {

class SubscriptionState;

class Dispatcher {
 public:
  using ErrorSink = std::function<void(const std::string&)>;
  ~Dispatcher() { stop(); }
  void schedule(std::shared_ptr<SubscriptionState> sub);
  void set_error_sink(ErrorSink sink) { error_sink_ = std::move(sink); }
  /// Called while the dispatcher polls for work: reads the connection's socket,
  /// so the next message reaches its handler without waking the I/O thread first.
  void set_input_poller(std::function<void()> poll) { input_poller_ = std::move(poll); }
  void stop();

  /// Runs sub's handler on the calling thread for up to kBatch queued
  /// messages; returns how many it took. What the handler throws goes to sink.
  static std::size_t run_batch(SubscriptionState& sub, std::vector<Message>& batch, const ErrorSink& sink);
  static constexpr std::size_t kBatch = 256;  // then yield so one busy subscription cannot starve the others

 private:
  void loop();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<SubscriptionState>> ready_;
  std::thread thread_;
  bool stopping_ = false;
  ErrorSink error_sink_;
  std::function<void()> input_poller_;
  // Handlers answering requests see the next one about a round trip later.
  AdaptiveSpin spin_{std::chrono::microseconds(200)};
};

}  // namespace nervure::detail

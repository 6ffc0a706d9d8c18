#pragma once
// One timer thread, started on first use, for work that must wait a little
// (publish retries during leader elections). Tasks pending at shutdown run
// with cancelled = true, so whoever waits on them hears back.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "nervure/options.hpp"

namespace nervure::detail {

class Scheduler {
 public:
  using Task = std::function<void(bool cancelled)>;
  Scheduler() = default;
  ~Scheduler() { stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void schedule(Duration delay, Task task);
  void stop();

 private:
  // Shared with the thread, which may outlive this object when the last owner
  // lets go on the timer thread itself (it is then detached).
  struct State {
    std::mutex mu;
    std::condition_variable cv;
    std::multimap<std::chrono::steady_clock::time_point, Task> tasks;
    bool stopping = false;
  };
  static void run(std::shared_ptr<State> state);
  std::shared_ptr<State> state_ = std::make_shared<State>();
  std::mutex thread_mu_;
  std::thread thread_;
};

}  // namespace nervure::detail

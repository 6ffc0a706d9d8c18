#pragma once
// The threads an actor runtime owns: workers that run turns and blocking
// bucket operations, and one timer thread that only schedules work onto them.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace nervure::detail {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();  // runs what is queued, then joins
  void post(std::function<void()> task);
  /// True on one of this pool's threads (continuations may then run inline).
  bool on_worker() const;
  void stop();

 private:
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

class TimerThread {
 public:
  using Clock = std::chrono::steady_clock;
  TimerThread();
  ~TimerThread();
  /// Runs task on the timer thread at when; returns an id for cancel().
  uint64_t at(Clock::time_point when, std::function<void()> task);
  uint64_t after(std::chrono::milliseconds delay, std::function<void()> task) {
    return at(Clock::now() + delay, std::move(task));
  }
  void cancel(uint64_t id);
  void stop();

 private:
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::multimap<Clock::time_point, uint64_t> queue_;
  std::map<uint64_t, std::pair<Clock::time_point, std::function<void()>>> tasks_;
  uint64_t next_id_ = 1;
  bool stopping_ = false;
  // When the timer thread wakes on its own: a later task needs no wake-up
  // (every call's deadline guard is one, so that was a wake-up per call).
  Clock::time_point wakes_at_ = Clock::time_point::max();
  std::thread thread_;
};

}  // namespace nervure::detail

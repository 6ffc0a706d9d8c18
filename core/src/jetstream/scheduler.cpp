#include "jetstream/scheduler.hpp"

#include <vector>

namespace nervure::detail {

void Scheduler::schedule(Duration delay, Task task) {
  {
    std::lock_guard lock(state_->mu);
    if (!state_->stopping) {
      state_->tasks.emplace(std::chrono::steady_clock::now() + delay, std::move(task));
      state_->cv.notify_all();
      task = nullptr;
    }
  }
  if (task) {
    task(true);
    return;
  }
  std::lock_guard lock(thread_mu_);
  if (!thread_.joinable()) thread_ = std::thread(run, state_);
}

void Scheduler::run(std::shared_ptr<State> st) {
  std::unique_lock lock(st->mu);
  while (!st->stopping) {
    if (st->tasks.empty()) {
      st->cv.wait(lock);
      continue;
    }
    auto first = st->tasks.begin();
    if (first->first > std::chrono::steady_clock::now()) {
      st->cv.wait_until(lock, first->first);
      continue;
    }
    Task task = std::move(first->second);
    st->tasks.erase(first);
    lock.unlock();
    task(false);
    lock.lock();
  }
}

void Scheduler::stop() {
  std::vector<Task> cancelled;
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;
    for (auto& [at, task] : state_->tasks) cancelled.push_back(std::move(task));
    state_->tasks.clear();
    state_->cv.notify_all();
  }
  {
    std::lock_guard lock(thread_mu_);
    if (thread_.joinable()) {
      if (thread_.get_id() == std::this_thread::get_id()) thread_.detach();
      else thread_.join();
    }
  }
  for (auto& task : cancelled) task(true);
}

}  // namespace nervure::detail

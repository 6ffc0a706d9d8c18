#include "actors/executors.hpp"

namespace nervure::detail {
namespace {
thread_local const WorkerPool* current_pool = nullptr;
}

WorkerPool::WorkerPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    tasks_.push_back(std::move(task));
  }
  cv_.notify_one();
}

bool WorkerPool::on_worker() const { return current_pool == this; }

void WorkerPool::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_)
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
    else if (t.joinable()) t.detach();
  threads_.clear();
}

void WorkerPool::run() {
  current_pool = this;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

TimerThread::TimerThread() : thread_([this] { run(); }) {}
TimerThread::~TimerThread() { stop(); }

uint64_t TimerThread::at(Clock::time_point when, std::function<void()> task) {
  uint64_t id;
  {
    std::lock_guard lock(mu_);
    id = next_id_++;
    queue_.emplace(when, id);
    tasks_.emplace(id, std::make_pair(when, std::move(task)));
    if (when >= wakes_at_) return id;
    wakes_at_ = when;
  }
  cv_.notify_one();
  return id;
}

void TimerThread::cancel(uint64_t id) {
  std::lock_guard lock(mu_);
  auto it = tasks_.find(id);
  if (it == tasks_.end()) return;
  auto range = queue_.equal_range(it->second.first);
  for (auto q = range.first; q != range.second; ++q)
    if (q->second == id) {
      queue_.erase(q);
      break;
    }
  tasks_.erase(it);
}

void TimerThread::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    tasks_.clear();
    queue_.clear();
  }
  cv_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void TimerThread::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (queue_.empty()) {
      wakes_at_ = Clock::time_point::max();
      cv_.wait(lock);
      continue;
    }
    auto first = queue_.begin();
    if (const auto due = first->first; due > Clock::now()) {  // a copy: the entry may go while we wait
      wakes_at_ = due;
      cv_.wait_until(lock, due);
      wakes_at_ = Clock::time_point::min();  // awake: the loop looks at the queue again anyway
      continue;
    }
    uint64_t id = first->second;
    queue_.erase(first);
    auto it = tasks_.find(id);
    if (it == tasks_.end()) continue;
    auto task = std::move(it->second.second);
    tasks_.erase(it);
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace nervure::detail

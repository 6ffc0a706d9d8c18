#pragma once
// A FIFO for the per-message path between threads. std::deque allocates a
// block for every one or two messages (they are large); this keeps one vector
// and reuses its capacity, so a steady flow allocates nothing.
#include <cstddef>
#include <utility>
#include <vector>

namespace nervure::detail {

template <typename T>
class BatchQueue {
 public:
  bool empty() const noexcept { return head_ == items_.size(); }
  std::size_t size() const noexcept { return items_.size() - head_; }
  T& front() noexcept { return items_[head_]; }

  void push_back(T&& item) {
    if (head_ > 0 && head_ == items_.size()) clear();  // drained: start over at the front
    items_.push_back(std::move(item));
  }

  /// Callers move the front out first; what it still holds goes on clear or compaction.
  void pop_front() {
    if (++head_ == items_.size()) {
      clear();
    } else if (head_ >= kCompactAfter && head_ * 2 >= items_.size()) {
      // Mostly consumed but never empty: move the rest down rather than grow.
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  void clear() noexcept {
    items_.clear();
    head_ = 0;
  }

 private:
  static constexpr std::size_t kCompactAfter = 1024;
  std::vector<T> items_;
  std::size_t head_ = 0;
};

}  // namespace nervure::detail

#pragma once
// Per actor type and method: how many call turns a host ran and how long they
// waited and took, kept as log-scale histograms so a percentile costs no
// sorting and a turn costs one short locked update.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "nervure/actors.hpp"

namespace nervure::detail {

/// Microsecond latencies in buckets 1/8 of a power of two wide (within 12.5%).
class LatencyHistogram {
 public:
  void record(std::chrono::nanoseconds elapsed);
  LatencySummary summary() const;

 private:
  static constexpr int kSubBuckets = 8;
  static constexpr int kBuckets = kSubBuckets + 61 * kSubBuckets;
  static int bucket_of(uint64_t micros);
  static double upper_bound_of(int bucket);

  std::array<uint64_t, kBuckets> counts_{};
  uint64_t total_ = 0;
  double sum_us_ = 0;
  double max_us_ = 0;
};

class TurnMetrics {
 public:
  using Clock = std::chrono::steady_clock;
  void record(const std::string& type, const std::string& method, Clock::time_point arrived,
              Clock::time_point started, Clock::time_point ended, bool failed);
  std::vector<ActorMethodStats> snapshot() const;

 private:
  struct Entry {
    uint64_t calls = 0;
    uint64_t failed = 0;
    LatencyHistogram wait, run;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Entry> entries_;
};

}  // namespace nervure::detail

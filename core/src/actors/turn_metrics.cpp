#include "turn_metrics.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace nervure::detail {

int LatencyHistogram::bucket_of(uint64_t micros) {
  if (micros < kSubBuckets) return static_cast<int>(micros);
  int exponent = std::bit_width(micros) - 1;  // >= 3
  int mantissa = static_cast<int>((micros >> (exponent - 3)) & (kSubBuckets - 1));
  return std::min(kBuckets - 1, kSubBuckets + (exponent - 3) * kSubBuckets + mantissa);
}

double LatencyHistogram::upper_bound_of(int bucket) {
  if (bucket < kSubBuckets) return bucket + 1;
  int exponent = (bucket - kSubBuckets) / kSubBuckets + 3;
  int mantissa = (bucket - kSubBuckets) % kSubBuckets;
  return std::ldexp(kSubBuckets + mantissa + 1, exponent - 3);
}

void LatencyHistogram::record(std::chrono::nanoseconds elapsed) {
  double micros = std::max<int64_t>(0, elapsed.count()) / 1000.0;
  ++counts_[bucket_of(static_cast<uint64_t>(micros))];
  ++total_;
  sum_us_ += micros;
  max_us_ = std::max(max_us_, micros);
}

LatencySummary LatencyHistogram::summary() const {
  LatencySummary s;
  if (total_ == 0) return s;
  auto at = [this](double q) {
    // The smallest bucket holding the q-th value; its upper bound, capped by the true max.
    uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(total_)));
    uint64_t seen = 0;
    for (int b = 0; b < kBuckets; ++b) {
      seen += counts_[b];
      if (seen >= std::max<uint64_t>(rank, 1)) return std::min(upper_bound_of(b), max_us_);
    }
    return max_us_;
  };
  s.p50_us = at(0.50);
  s.p90_us = at(0.90);
  s.p99_us = at(0.99);
  s.max_us = max_us_;
  s.mean_us = sum_us_ / static_cast<double>(total_);
  return s;
}

void TurnMetrics::record(const std::string& type, const std::string& method, Clock::time_point arrived,
                         Clock::time_point started, Clock::time_point ended, bool failed) {
  std::lock_guard lock(mu_);
  auto& entry = entries_[{type, method}];
  ++entry.calls;
  if (failed) ++entry.failed;
  entry.wait.record(started - arrived);
  entry.run.record(ended - started);
}

std::vector<ActorMethodStats> TurnMetrics::snapshot() const {
  std::lock_guard lock(mu_);
  std::vector<ActorMethodStats> out;
  out.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) {
    ActorMethodStats s;
    s.actor_type = key.first;
    s.method = key.second;
    s.calls = entry.calls;
    s.failed = entry.failed;
    s.wait = entry.wait.summary();
    s.run = entry.run.summary();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace nervure::detail

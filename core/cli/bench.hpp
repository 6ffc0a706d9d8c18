#pragma once
// nervure bench: the workloads and their reports. tests/bench/cnats_bench.c runs
// the same workloads with the official C client and prints the same JSON, so
// scripts/bench.sh can set the two side by side; keep them in step.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "nervure/options.hpp"

namespace nervure::cli {

struct BenchPlan {
  std::string mode;  // pub, pubsub, reqrep, or a JetStream mode
  std::string subject;
  int64_t msgs = 0;  // stop after this many messages (round trips for reqrep)...
  int64_t size = 0;
  std::chrono::milliseconds duration{0};  // ...or once this much time has passed
};

struct BenchResult {
  std::string mode;
  int64_t size = 0;
  int64_t msgs = 0;     // published (pub), received (pubsub), completed round trips (reqrep)
  double seconds = 0;   // first publish to the last flush / receipt / reply
  int64_t dropped = 0;  // pubsub: published but never received
  bool hit_duration = false;  // stopped by --duration rather than --msgs
  std::vector<double> latencies_us;  // reqrep: one per round trip, sorted

  double msgs_per_sec() const { return seconds > 0 ? static_cast<double>(msgs) / seconds : 0; }
  double mb_per_sec() const { return msgs_per_sec() * static_cast<double>(size) / 1e6; }
  /// Nearest-rank percentile (p in [0, 1]) of the sorted latencies; 0 when there are none.
  double percentile(double p) const;
};

/// Runs op(i) one at a time until plan.msgs or plan.duration, timing each call:
/// the shape of every latency workload (reqrep, js-pub, kv-put, kv-get).
template <typename Op>
BenchResult time_each(const BenchPlan& plan, Op&& op) {
  using steady = std::chrono::steady_clock;
  BenchResult r{.mode = plan.mode, .size = plan.size};
  r.latencies_us.reserve(static_cast<std::size_t>(std::min<int64_t>(plan.msgs, 1 << 22)));
  const auto start = steady::now(), stop_at = start + plan.duration;
  for (; r.msgs < plan.msgs; ++r.msgs) {
    const auto t0 = steady::now();
    if (t0 >= stop_at) {
      r.hit_duration = true;
      break;
    }
    op(r.msgs);
    r.latencies_us.push_back(std::chrono::duration<double, std::micro>(steady::now() - t0).count());
  }
  r.seconds = std::chrono::duration<double>(steady::now() - start).count();
  std::sort(r.latencies_us.begin(), r.latencies_us.end());
  return r;
}

BenchResult bench_pub(const Options& options, const BenchPlan& plan);
BenchResult bench_pubsub(const Options& options, const BenchPlan& plan);
BenchResult bench_reqrep(const Options& options, const BenchPlan& plan);
/// js-pub (acknowledged, one at a time), js-async (window of 256), js-fetch (pull
/// batches of 256, each message acknowledged), js-ordered, kv-put, kv-get.
bool is_jetstream_mode(const std::string& mode);
BenchResult bench_jetstream(const Options& options, const BenchPlan& plan);
/// actor-call (an active actor, read-only turn), actor-update (the turn saves
/// state), actor-activate (a new actor per call).
bool is_actor_mode(const std::string& mode);
BenchResult bench_actors(const Options& options, const BenchPlan& plan);

void print_table(const BenchResult& r);
/// One JSON object on one line: the format cnats_bench prints as well.
void print_json(const BenchResult& r);

}  // namespace nervure::cli

// The three workloads of nervure bench. Each one is bounded by a message count
// and by a duration, whichever comes first, so no run can hang a script.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "bench.hpp"
#include "connect_options.hpp"
#include "nervure/connection.hpp"

namespace nervure::cli {
namespace {

using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

double seconds_since(steady::time_point t) { return std::chrono::duration<double>(steady::now() - t).count(); }

// Reading the clock per message would cost as much as publishing a small one.
constexpr int64_t kClockEvery = 1024;

// After the last publish, how long the receiver may go without progress
// before the missing messages are counted as dropped.
constexpr auto kStallLimit = 3s;

}  // namespace

double BenchResult::percentile(double p) const {
  if (latencies_us.empty()) return 0;
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(latencies_us.size())));
  return latencies_us[std::clamp<std::size_t>(rank, 1, latencies_us.size()) - 1];
}

BenchResult bench_pub(const Options& options, const BenchPlan& plan) {
  auto nc = connect(options);
  const std::string payload(static_cast<std::size_t>(plan.size), 'x');
  BenchResult r{.mode = "pub", .size = plan.size};
  const auto start = steady::now(), stop_at = start + plan.duration;
  for (; r.msgs < plan.msgs; ++r.msgs) {
    if (r.msgs % kClockEvery == 0 && steady::now() >= stop_at) {
      r.hit_duration = true;
      break;
    }
    nc->publish(plan.subject, payload);
  }
  nc->flush(60s);  // the clock stops once the server has everything
  r.seconds = seconds_since(start);
  return r;
}

BenchResult bench_pubsub(const Options& options, const BenchPlan& plan) {
  auto sub_conn = connect(options);
  auto pub_conn = connect(options);
  // Unlimited pending: the subscriber may briefly fall behind a burst, and
  // client-side drops would measure the limit rather than the client.
  auto sub = sub_conn->subscribe(plan.subject, SubscribeOptions{.pending_msgs_limit = -1, .pending_bytes_limit = -1});
  sub_conn->flush(5s);
  const std::string payload(static_cast<std::size_t>(plan.size), 'x');
  BenchResult r{.mode = "pubsub", .size = plan.size};
  std::atomic<int64_t> published{-1};  // the final count, once the publisher is done
  int64_t received = 0;
  steady::time_point last_receipt;
  const auto start = steady::now(), stop_at = start + plan.duration;

  std::thread consumer([&] {
    std::vector<Message> batch;
    batch.reserve(4096);
    auto last_progress = steady::now();
    for (;;) {
      batch.clear();
      if (std::size_t n = sub->next_batch(batch, 4096, 100ms); n > 0) {
        received += static_cast<int64_t>(n);
        last_receipt = last_progress = steady::now();
      }
      const int64_t target = published.load(std::memory_order_acquire);
      if (target >= 0 && received >= target) break;
      if (sub->ended()) break;
      if (target >= 0 && steady::now() - last_progress > kStallLimit) break;
    }
  });
  struct JoinConsumer {  // a failed publish must still release and join the consumer
    std::atomic<int64_t>& published;
    std::thread& t;
    ~JoinConsumer() {
      int64_t unknown = -1;
      published.compare_exchange_strong(unknown, 0);
      t.join();
    }
  };
  int64_t sent = 0;
  {
    JoinConsumer joiner{published, consumer};
    for (; sent < plan.msgs; ++sent) {
      if (sent % kClockEvery == 0 && steady::now() >= stop_at) {
        r.hit_duration = true;
        break;
      }
      pub_conn->publish(plan.subject, payload);
    }
    pub_conn->flush(60s);
    published.store(sent, std::memory_order_release);
  }
  r.msgs = received;
  r.dropped = sent - received;
  r.seconds = received > 0 ? std::chrono::duration<double>(last_receipt - start).count() : seconds_since(start);
  return r;
}

BenchResult bench_reqrep(const Options& options, const BenchPlan& plan) {
  auto responder_conn = connect(options);
  auto client = connect(options);
  auto sub = responder_conn->subscribe(plan.subject);
  responder_conn->flush(5s);
  std::atomic<bool> stop{false};
  std::thread responder([&] {
    while (!stop.load()) {
      try {
        auto m = sub->next(200ms);
        if (!m) return;
        responder_conn->publish(m->reply, m->data);
      } catch (const Error& e) {
        if (e.code() != ErrorCode::timeout) return;
      }
    }
  });
  struct StopResponder {  // a failed request must not leave the thread running
    std::atomic<bool>& stop;
    std::thread& t;
    ~StopResponder() {
      stop = true;
      t.join();
    }
  } stopper{stop, responder};

  const std::string payload(static_cast<std::size_t>(plan.size), 'x');
  return time_each(plan, [&](int64_t) { client->request(plan.subject, payload, 5s); });
}

}  // namespace nervure::cli

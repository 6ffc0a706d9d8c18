// nervure bench: publish-only, publish+subscribe, and request-reply workloads,
// each bounded in count and time, printed as a table or as JSON.
#include <algorithm>
#include <atomic>
#include <iomanip>
#include <iostream>
#include <thread>

#include "commands.hpp"

namespace nervure::cli {
namespace {

using steady = std::chrono::steady_clock;

struct Result {
  std::string mode;
  int64_t size = 0;
  int64_t msgs = 0;
  double seconds = 0;
  int64_t dropped = 0;
  std::vector<double> latencies_us;  // request-reply only

  double rate() const { return seconds > 0 ? static_cast<double>(msgs) / seconds : 0; }
  double percentile(double p) const {
    if (latencies_us.empty()) return 0;
    std::size_t i = std::min(latencies_us.size() - 1, static_cast<std::size_t>(p * latencies_us.size()));
    return latencies_us[i];
  }
};

Result bench_pub(const Options& o, int64_t msgs, int64_t size, std::chrono::milliseconds limit) {
  auto nc = Connection::connect(o);
  const std::string payload(static_cast<std::size_t>(size), 'x');
  Result r{"pub", size};
  const auto start = steady::now(), stop_at = start + limit;
  for (; r.msgs < msgs; ++r.msgs) {
    nc->publish("bench.pub", payload);
    if ((r.msgs & 1023) == 0 && steady::now() > stop_at) break;
  }
  nc->flush(std::chrono::seconds(60));
  r.seconds = std::chrono::duration<double>(steady::now() - start).count();
  return r;
}

Result bench_pubsub(const Options& o, int64_t msgs, int64_t size, std::chrono::milliseconds limit) {
  auto sub_conn = Connection::connect(o);
  auto pub_conn = Connection::connect(o);
  auto sub = sub_conn->subscribe("bench.pubsub", SubscribeOptions{.pending_msgs_limit = -1, .pending_bytes_limit = -1});
  sub_conn->flush(std::chrono::seconds(5));
  const std::string payload(static_cast<std::size_t>(size), 'x');
  std::atomic<int64_t> published{-1};  // the final count, once known
  Result r{"pubsub", size};
  const auto start = steady::now(), stop_at = start + limit;
  std::thread consumer([&] {
    std::vector<Message> batch;
    int64_t received = 0;
    while (true) {
      batch.clear();
      received += static_cast<int64_t>(sub->next_batch(batch, 4096, std::chrono::milliseconds(200)));
      int64_t target = published.load();
      if (target >= 0 && received >= target) break;
      if (target >= 0 && steady::now() > stop_at + std::chrono::seconds(10)) break;  // lost messages: give up
    }
    r.msgs = received;
  });
  int64_t sent = 0;
  for (; sent < msgs; ++sent) {
    pub_conn->publish("bench.pubsub", payload);
    if ((sent & 1023) == 0 && steady::now() > stop_at) break;
  }
  pub_conn->flush(std::chrono::seconds(60));
  published = sent;
  consumer.join();
  r.seconds = std::chrono::duration<double>(steady::now() - start).count();
  r.dropped = sent - r.msgs;
  return r;
}

Result bench_reqrep(const Options& o, int64_t msgs, int64_t size, std::chrono::milliseconds limit) {
  auto server = Connection::connect(o);
  auto client = Connection::connect(o);
  auto sub = server->subscribe("bench.reqrep");
  server->flush(std::chrono::seconds(5));
  const std::string payload(static_cast<std::size_t>(size), 'x');
  std::thread responder([&] {
    while (true) {
      try {
        auto m = sub->next(std::chrono::seconds(30));
        if (!m) return;
        server->publish(m->reply, m->data);
      } catch (const Error&) {
        return;
      }
    }
  });
  Result r{"reqrep", size};
  r.latencies_us.reserve(static_cast<std::size_t>(msgs));
  const auto start = steady::now(), stop_at = start + limit;
  for (; r.msgs < msgs && steady::now() < stop_at; ++r.msgs) {
    auto t0 = steady::now();
    client->request("bench.reqrep", payload, std::chrono::seconds(5));
    r.latencies_us.push_back(std::chrono::duration<double, std::micro>(steady::now() - t0).count());
  }
  r.seconds = std::chrono::duration<double>(steady::now() - start).count();
  sub->unsubscribe();
  responder.join();
  std::sort(r.latencies_us.begin(), r.latencies_us.end());
  return r;
}

void print(const Result& r, bool json) {
  if (json) {
    std::cout << std::fixed << std::setprecision(1) << "{\"client\":\"nervure\",\"mode\":\"" << r.mode
              << "\",\"size\":" << r.size << ",\"msgs\":" << r.msgs << ",\"seconds\":" << std::setprecision(4)
              << r.seconds << ",\"msgs_per_sec\":" << std::setprecision(0) << r.rate() << ",\"dropped\":" << r.dropped;
    if (!r.latencies_us.empty())
      std::cout << std::setprecision(1) << ",\"p50_us\":" << r.percentile(0.5) << ",\"p90_us\":" << r.percentile(0.9)
                << ",\"p99_us\":" << r.percentile(0.99) << ",\"p999_us\":" << r.percentile(0.999);
    std::cout << "}\n";
    return;
  }
  std::cout << std::fixed << std::setprecision(0) << r.mode << "  size " << r.size << " B  msgs " << r.msgs << "  "
            << std::setprecision(3) << r.seconds << " s  " << std::setprecision(0) << r.rate() << " msgs/s";
  if (r.dropped) std::cout << "  dropped " << r.dropped;
  if (!r.latencies_us.empty())
    std::cout << std::setprecision(1) << "  p50 " << r.percentile(0.5) << " us  p90 " << r.percentile(0.9)
              << " us  p99 " << r.percentile(0.99) << " us  p99.9 " << r.percentile(0.999) << " us";
  std::cout << "\n";
}

}  // namespace

int run_bench(int argc, char** argv) {
  std::vector<std::string> flags = {"msgs", "size", "duration"};
  flags.insert(flags.end(), connection_flags().begin(), connection_flags().end());
  Args args(argc, argv, 2, flags);
  const std::string mode = args.positional_or(0, "");
  if (args.has("help") || (mode != "pub" && mode != "pubsub" && mode != "reqrep"))
    throw UsageError(
        "usage: nervure bench pub|pubsub|reqrep [--msgs N] [--size BYTES] [--duration 10s] [--json]\n"
        "  pub     one connection publishes as fast as it can\n"
        "  pubsub  one connection publishes, another receives everything\n"
        "  reqrep  sequential requests to a responder; round trips/s and latency percentiles");
  const int64_t msgs = args.integer("msgs", mode == "reqrep" ? 20000 : 1000000);
  const int64_t size = args.integer("size", 16);
  if (msgs <= 0 || size < 0) throw UsageError("--msgs must be positive and --size not negative");
  const auto limit = args.duration("duration", std::chrono::seconds(10));
  Options o = connection_options(args, "nervure-bench");
  Result r = mode == "pub" ? bench_pub(o, msgs, size, limit)
             : mode == "pubsub" ? bench_pubsub(o, msgs, size, limit)
                                : bench_reqrep(o, msgs, size, limit);
  print(r, args.has("json"));
  return 0;
}

}  // namespace nervure::cli

// The JetStream and key-value workloads of nervure bench. Each one works on its
// own memory-stored stream or bucket (created fresh, deleted afterwards) so the
// figures measure the client and the server's API, not the disk. Like the core
// workloads, every run is bounded by a count and a duration.
#include <algorithm>
#include <atomic>
#include <thread>

#include "bench.hpp"
#include "connect_options.hpp"
#include "nervure/jetstream.hpp"
#include "nervure/kv.hpp"

namespace nervure::cli {
namespace {

using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* kStream = "NERVURE_BENCH";
constexpr const char* kBucket = "nervure_bench";
constexpr int kFetchBatch = 256;
constexpr int kKeys = 1000;  // KV workloads cycle through this many keys

double seconds_since(steady::time_point t) { return std::chrono::duration<double>(steady::now() - t).count(); }

void delete_stream_if_present(JetStream& js, const std::string& name) {
  try {
    js.delete_stream(name);
  } catch (const JetStreamApiError& e) {
    if (e.err_code() != 10059) throw;  // stream not found: nothing left from an earlier run
  }
}

JetStream fresh_stream(const std::shared_ptr<Connection>& nc, const std::string& subject) {
  JetStream js(nc);
  delete_stream_if_present(js, kStream);
  StreamConfig c;
  c.name = kStream;
  c.subjects = {subject};
  c.storage = StorageType::memory;
  js.add_stream(c);
  return js;
}

// Untimed: the consuming workloads read a stream that already holds plan.msgs.
int64_t fill(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  const auto stop_at = steady::now() + plan.duration;
  int64_t n = 0;
  for (; n < plan.msgs && (n % 1024 != 0 || steady::now() < stop_at); ++n) js.publish_async(plan.subject, payload);
  js.publish_async_complete(60s);
  return n;
}

BenchResult js_pub(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  return time_each(plan, [&](int64_t) { js.publish(plan.subject, payload); });
}

BenchResult js_async(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  BenchResult r{.mode = plan.mode, .size = plan.size};
  std::atomic<int64_t> failed{0};
  const auto start = steady::now(), stop_at = start + plan.duration;
  for (; r.msgs < plan.msgs; ++r.msgs) {
    if (r.msgs % 1024 == 0 && steady::now() >= stop_at) {
      r.hit_duration = true;
      break;
    }
    js.publish_async(plan.subject, payload, {}, [&failed](PubAck&&, std::exception_ptr error) {
      if (error) failed.fetch_add(1);
    });
  }
  js.publish_async_complete(60s);  // the clock stops at the last acknowledgement
  r.seconds = seconds_since(start);
  r.dropped = failed.load();
  return r;
}

BenchResult js_fetch(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  const int64_t stored = fill(js, plan, payload);
  ConsumerConfig cc;
  cc.durable_name = "bench";
  cc.ack_policy = AckPolicy::explicit_;
  cc.max_ack_pending = -1;
  js.add_consumer(kStream, cc);
  auto consumer = js.pull_consumer(kStream, "bench");
  BenchResult r{.mode = plan.mode, .size = plan.size};
  const auto start = steady::now(), stop_at = start + plan.duration;
  while (r.msgs < stored) {
    if (steady::now() >= stop_at) {
      r.hit_duration = true;
      break;
    }
    auto batch = consumer.fetch(static_cast<int>(std::min<int64_t>(kFetchBatch, stored - r.msgs)), 5s);
    for (auto& m : batch) m.ack();
    r.msgs += static_cast<int64_t>(batch.size());
  }
  js.connection()->flush(10s);  // the acknowledgements reached the server
  r.seconds = seconds_since(start);
  r.dropped = stored - r.msgs;
  return r;
}

BenchResult js_ordered(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  const int64_t stored = fill(js, plan, payload);
  BenchResult r{.mode = plan.mode, .size = plan.size};
  const auto start = steady::now(), stop_at = start + plan.duration;
  auto reader = js.ordered_consumer(kStream);
  std::vector<JsMessage> batch;
  batch.reserve(4096);
  while (r.msgs < stored) {
    if (steady::now() >= stop_at) {
      r.hit_duration = true;
      break;
    }
    batch.clear();
    r.msgs += static_cast<int64_t>(reader->next_batch(batch, 4096, 100ms));
  }
  r.seconds = seconds_since(start);
  r.dropped = stored - r.msgs;
  reader->stop();
  return r;
}

BenchResult kv_workload(JetStream& js, const BenchPlan& plan, const std::string& payload) {
  try {
    js.delete_key_value(kBucket);
  } catch (const JetStreamApiError& e) {
    if (e.err_code() != 10059) throw;
  }
  KeyValueConfig c;
  c.bucket = kBucket;
  c.storage = StorageType::memory;
  KeyValue kv = js.create_key_value(c);
  std::vector<std::string> keys;
  for (int i = 0; i < kKeys; ++i) keys.push_back("key" + std::to_string(i));
  const bool get = plan.mode == "kv-get";
  if (get)
    for (const auto& k : keys) kv.put(k, payload);  // untimed: every key has a value to read

  BenchResult r = time_each(plan, [&](int64_t i) {
    const std::string& key = keys[static_cast<std::size_t>(i % kKeys)];
    if (!get) {
      kv.put(key, payload);
    } else if (!kv.get(key)) {
      throw Error(ErrorCode::nervure, "bench key " + key + " has no value");
    }
  });
  js.delete_key_value(kBucket);
  return r;
}

}  // namespace

bool is_jetstream_mode(const std::string& mode) {
  for (const char* m : {"js-pub", "js-async", "js-fetch", "js-ordered", "kv-put", "kv-get"})
    if (mode == m) return true;
  return false;
}

BenchResult bench_jetstream(const Options& options, const BenchPlan& plan) {
  auto nc = connect(options);
  const std::string payload(static_cast<std::size_t>(plan.size), 'x');
  BenchResult r;
  if (plan.mode == "kv-put" || plan.mode == "kv-get") {
    JetStream js(nc);
    r = kv_workload(js, plan, payload);
  } else {
    JetStream js = fresh_stream(nc, plan.subject);
    r = plan.mode == "js-pub"     ? js_pub(js, plan, payload)
        : plan.mode == "js-async" ? js_async(js, plan, payload)
        : plan.mode == "js-fetch" ? js_fetch(js, plan, payload)
                                  : js_ordered(js, plan, payload);
    delete_stream_if_present(js, kStream);
  }
  std::sort(r.latencies_us.begin(), r.latencies_us.end());
  return r;
}

}  // namespace nervure::cli

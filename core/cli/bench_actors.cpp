// The actor workloads of nervure bench: a host and a caller in this process,
// on separate connections, with their own buckets (deleted before and after).
//   actor-call      calls to one active actor whose turn only reads its state
//   actor-update    calls to one active actor that change and save its state
//   actor-activate  every call goes to a new actor id: activation included
#include <thread>

#include "bench.hpp"
#include "connect_options.hpp"
#include "nervure/actors.hpp"
#include "nervure/jetstream.hpp"

namespace nervure::cli {
namespace {

constexpr const char* kLeaseBucket = "nervure-bench-leases";
constexpr const char* kStateBucket = "nervure-bench-state";

class BenchActor : public MethodActor {
 public:
  BenchActor() {
    method("read", [](ActorContext& ctx, std::string_view) { return ctx.get("n").value_or(""); });
    method("update", [](ActorContext& ctx, std::string_view args) {
      ctx.set("n", std::string(args));
      return std::string();
    });
  }
};

void delete_buckets(JetStream& js) {
  for (const char* bucket : {kLeaseBucket, kStateBucket}) try {
      js.delete_key_value(bucket);
    } catch (const JetStreamApiError& e) {
      if (e.err_code() != 10059) throw;
    }
}

}  // namespace

bool is_actor_mode(const std::string& mode) {
  return mode == "actor-call" || mode == "actor-update" || mode == "actor-activate";
}

BenchResult bench_actors(const Options& options, const BenchPlan& plan) {
  auto host_conn = connect(options);
  JetStream js(host_conn);
  delete_buckets(js);
  BenchResult r;
  {
    ActorRuntimeOptions ro;
    ro.lease_bucket = kLeaseBucket;
    ro.state_bucket = kStateBucket;
    ActorRuntime runtime(host_conn, ro);
    runtime.register_type("bench", [](const std::string&) { return std::make_unique<BenchActor>(); });
    runtime.start();
    auto caller = connect(options);
    const std::string payload(static_cast<std::size_t>(plan.size), 'x');
    if (plan.mode == "actor-activate") {
      r = time_each(plan, [&](int64_t i) { ActorProxy(caller, "bench", "a-" + std::to_string(i)).invoke("read"); });
    } else {
      ActorProxy proxy(caller, "bench", "hot");
      proxy.invoke("update", payload);  // activated before timing starts
      const std::string method = plan.mode == "actor-call" ? "read" : "update";
      r = time_each(plan, [&](int64_t) { proxy.invoke(method, payload); });
    }
    runtime.stop();
  }
  delete_buckets(js);
  return r;
}

}  // namespace nervure::cli

// nervure bench MODE: parses the plan, runs one workload, reports it.
#include "bench.hpp"

#include "commands.hpp"
#include "connect_options.hpp"

namespace nervure::cli {
namespace {

int bench(const Args& args) {
  BenchPlan plan;
  plan.mode = args.positional()[0];
  if (plan.mode != "pub" && plan.mode != "pubsub" && plan.mode != "reqrep")
    throw UsageError("unknown bench mode '" + plan.mode + "' (pub, pubsub or reqrep)");
  plan.subject = args.get("subject", "bench." + plan.mode);
  plan.msgs = args.integer("msgs", plan.mode == "reqrep" ? 20000 : 1000000, 1);
  plan.size = args.integer("size", 16, 0, 64 << 20);
  plan.duration = args.duration("duration", std::chrono::seconds(10));
  if (plan.duration.count() <= 0) throw UsageError("--duration must be positive");
  const Options options = connection_options(args, "nervure-bench");

  const BenchResult r = plan.mode == "pub"      ? bench_pub(options, plan)
                        : plan.mode == "pubsub" ? bench_pubsub(options, plan)
                                                : bench_reqrep(options, plan);
  if (args.has("json")) print_json(r);
  else print_table(r);
  return 0;
}

}  // namespace

const Command& bench_command() {
  static const Command c{
      {"bench", "pub|pubsub|reqrep",
       "Measure the client against a server. Each run stops after --msgs messages or --duration,\n"
       "whichever comes first.\n"
       "  pub     one connection publishes as fast as it can; ends when the server has them all\n"
       "  pubsub  one connection publishes, a second one receives; ends at the last receipt\n"
       "  reqrep  sequential requests to a responder on a second connection; round trips/s and\n"
       "          latency percentiles from every request's own timing",
       {{"msgs", "N", "messages, or round trips for reqrep (default 1000000; reqrep 20000)"},
        {"size", "BYTES", "payload size (default 16)"},
        {"duration", "DURATION", "time limit, e.g. 5s (default 10s)"},
        {"subject", "SUBJECT", "subject to use (default bench.MODE)"},
        {"json", "", "print one JSON line instead of a table"}},
       1, 1},
      bench};
  return c;
}

}  // namespace nervure::cli

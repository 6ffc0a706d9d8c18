// nervure bench MODE: parses the plan, runs one workload, reports it.
#include "bench.hpp"

#include "commands.hpp"
#include "connect_options.hpp"

namespace nervure::cli {
namespace {

int bench(const Args& args) {
  BenchPlan plan;
  plan.mode = args.positional()[0];
  const bool jetstream = is_jetstream_mode(plan.mode);
  const bool actors = is_actor_mode(plan.mode);
  if (plan.mode != "pub" && plan.mode != "pubsub" && plan.mode != "reqrep" && !jetstream && !actors)
    throw UsageError("unknown bench mode '" + plan.mode +
                     "' (pub, pubsub, reqrep, js-pub, js-async, js-fetch, js-ordered, kv-put, kv-get, "
                     "actor-call, actor-update or actor-activate)");
  plan.subject = args.get("subject", "bench." + plan.mode);
  const bool one_at_a_time =
      plan.mode == "reqrep" || plan.mode == "js-pub" || plan.mode.starts_with("kv-") || actors;
  plan.msgs = args.integer("msgs", one_at_a_time ? 20000 : jetstream ? 200000 : 1000000, 1);
  plan.size = args.integer("size", 16, 0, 64 << 20);
  plan.duration = args.duration("duration", std::chrono::seconds(10));
  if (plan.duration.count() <= 0) throw UsageError("--duration must be positive");
  const Options options = connection_options(args, "nervure-bench");

  const BenchResult r = actors                  ? bench_actors(options, plan)
                        : jetstream             ? bench_jetstream(options, plan)
                        : plan.mode == "pub"    ? bench_pub(options, plan)
                        : plan.mode == "pubsub" ? bench_pubsub(options, plan)
                                                : bench_reqrep(options, plan);
  if (args.has("json")) print_json(r);
  else print_table(r);
  return 0;
}

}  // namespace

const Command& bench_command() {
  static const Command c{
      {"bench", "pub|pubsub|reqrep|js-pub|js-async|js-fetch|js-ordered|kv-put|kv-get|actor-call|actor-update|actor-activate",
       "Measure the client against a server. Each run stops after --msgs messages or --duration,\n"
       "whichever comes first.\n"
       "  pub     one connection publishes as fast as it can; ends when the server has them all\n"
       "  pubsub  one connection publishes, a second one receives; ends at the last receipt\n"
       "  reqrep  sequential requests to a responder on a second connection; round trips/s and\n"
       "          latency percentiles from every request's own timing\n"
       "JetStream and key-value, each on its own memory-stored stream or bucket (deleted after):\n"
       "  js-pub      acknowledged publishes, one at a time (latency percentiles too)\n"
       "  js-async    asynchronous publishes with up to 256 acknowledgements outstanding\n"
       "  js-fetch    a durable pull consumer reads a filled stream in fetches of 256, acking each\n"
       "  js-ordered  an ordered consumer reads a filled stream\n"
       "  kv-put      puts cycling over 1000 keys; kv-get: gets of those keys\n"
       "Actors, hosted in this process on a second connection (buckets deleted after):\n"
       "  actor-call      calls to one active actor whose turn reads its state\n"
       "  actor-update    calls to one active actor whose turn saves its state\n"
       "  actor-activate  each call activates a new actor",
       {{"msgs", "N", "messages or operations (default 1000000; JetStream 200000; one-at-a-time modes 20000)"},
        {"size", "BYTES", "payload size (default 16)"},
        {"duration", "DURATION", "time limit, e.g. 5s (default 10s)"},
        {"subject", "SUBJECT", "subject to use (default bench.MODE)"},
        {"json", "", "print one JSON line instead of a table"}},
       1, 1},
      bench};
  return c;
}

}  // namespace nervure::cli

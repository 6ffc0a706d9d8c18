// Virtual actors against a real server: schedules, turn-based execution under
// concurrent callers, activation hooks and idle deactivation, state across
// deactivation and hosts, remote errors, deadlines, reentrancy, timers,
// reminders across a restart, and partitions moving between hosts.
#include <atomic>
#include <map>
#include <thread>

#include "actors/wire.hpp"
#include "actors/turn_metrics.hpp"
#include "nervure/actors.hpp"
#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {

int64_t to_int(std::string_view s) { return s.empty() ? 0 : std::stoll(std::string(s)); }

// Counts calls; a guard catches two turns of one actor running at once.
struct Probe {
  std::atomic<int> inside{0};
  std::atomic<int> overlaps{0};
  std::atomic<int> activations{0};
  std::atomic<int> deactivations{0};
  std::atomic<int> timer_calls{0};
  std::atomic<int> reminders{0};
  std::mutex mu;
  std::vector<std::string> reminder_log;
};

class Counter : public MethodActor {
 public:
  explicit Counter(Probe& probe) : probe_(probe) {
    method("add", [this](ActorContext& ctx, std::string_view args) {
      if (probe_.inside.fetch_add(1) != 0) ++probe_.overlaps;
      std::this_thread::yield();
      int64_t n = to_int(ctx.get("n").value_or("0")) + (args.empty() ? 1 : to_int(args));
      ctx.set("n", std::to_string(n));
      probe_.inside.fetch_sub(1);
      return std::to_string(n);
    });
    method("get", [](ActorContext& ctx, std::string_view) { return ctx.get("n").value_or("0"); });
    method("fail", [](ActorContext& ctx, std::string_view) -> std::string {
      ctx.set("n", "-999");  // discarded: the turn fails
      throw std::runtime_error("out of stock");
    });
    method("sleep", [](ActorContext&, std::string_view args) {
      std::this_thread::sleep_for(std::chrono::milliseconds(to_int(args)));
      return std::string("woke");
    });
    method("tick", [this](ActorContext&, std::string_view) {
      ++probe_.timer_calls;
      return std::string();
    });
    method("start_timer", [](ActorContext& ctx, std::string_view args) {
      ctx.register_timer("t", parse_schedule("10ms", args), "tick");
      return std::string();
    });
    method("remind", [](ActorContext& ctx, std::string_view args) {
      ctx.register_reminder("r", parse_schedule(args, ""), "payload");
      return std::string();
    });
    method("remind_repeating", [](ActorContext& ctx, std::string_view period) {
      ctx.register_reminder("r", parse_schedule("300ms", period), "payload");
      return std::string();
    });
    method("call_peer", [](ActorContext& ctx, std::string_view peer) {
      return ctx.proxy("counter", std::string(peer)).invoke("call_back", ctx.actor_id());
    });
    method("call_back", [](ActorContext& ctx, std::string_view caller) {
      return ctx.proxy("counter", std::string(caller)).invoke("get");
    });
  }

 protected:
  void on_activate(ActorContext&) override { ++probe_.activations; }
  void on_deactivate(ActorContext&) override { ++probe_.deactivations; }
  void receive_reminder(ActorContext& ctx, const std::string& name, std::string_view data) override {
    ++probe_.reminders;
    std::lock_guard lock(probe_.mu);
    probe_.reminder_log.push_back(ctx.actor_id() + ":" + name + ":" + std::string(data));
  }

 private:
  Probe& probe_;
};

template <typename Pred>
bool eventually(Pred pred, std::chrono::milliseconds timeout = 5000ms) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return pred();
}

class ActorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() { delete server_; }

  void SetUp() override {
    static int n = 0;
    suffix_ = std::to_string(++n);
    conn_ = Connection::connect(options_for(server_->url()));
  }

  // Each test has its own buckets, so leases and state never leak between tests.
  ActorRuntimeOptions runtime_options() {
    ActorRuntimeOptions o;
    o.lease_bucket = "leases-" + suffix_;
    o.state_bucket = "state-" + suffix_;
    o.lease_ttl = 2s;
    o.partitions = 8;
    return o;
  }

  std::unique_ptr<ActorRuntime> host(Probe& probe, ActorRuntimeOptions options,
                                     std::shared_ptr<Connection> conn = nullptr) {
    auto rt = std::make_unique<ActorRuntime>(conn ? conn : conn_, options);
    rt->register_type("counter", [&probe](const std::string&) { return std::make_unique<Counter>(probe); });
    rt->start();
    return rt;
  }

  ActorProxy proxy(const std::string& id, Duration timeout = 5000ms) {
    ActorCallOptions o;
    o.partitions = 8;
    o.timeout = timeout;
    return ActorProxy(conn_, "counter", id, o);
  }

  static Harness* server_;
  std::string suffix_;
  std::shared_ptr<Connection> conn_;
};
Harness* ActorTest::server_ = nullptr;

}  // namespace

TEST(ActorSchedule, GoAndIsoDurations) {
  EXPECT_EQ(parse_duration("1m30s"), 90000ms);
  EXPECT_EQ(parse_duration("250ms"), 250ms);
  EXPECT_EQ(parse_duration("1h"), 3600000ms);
  EXPECT_EQ(parse_duration("1.5s"), 1500ms);
  EXPECT_EQ(parse_duration("0"), 0ms);
  EXPECT_EQ(parse_duration("PT1M30S"), 90000ms);
  EXPECT_EQ(parse_duration("P1DT2H"), Duration(26 * 3600000));
  EXPECT_EQ(parse_duration("PT0.5S"), 500ms);
  auto s = parse_schedule("PT1S", "R5/PT10S");
  EXPECT_EQ(s.due, 1000ms);
  EXPECT_EQ(s.period, 10000ms);
  EXPECT_EQ(s.repetitions, 5);
  auto once = parse_schedule("5s", "");
  EXPECT_EQ(once.repetitions, 1);
  EXPECT_EQ(parse_schedule("", "1m").repetitions, -1);
  for (auto bad : {"", "5", "5x", "P1M", "PT", "abc", "1m30"})
    expect_error(ErrorCode::invalid_argument, [&] { parse_duration(bad); });
  expect_error(ErrorCode::invalid_argument, [] { parse_schedule("1s", "R0/PT1S"); });
  expect_error(ErrorCode::invalid_argument, [] { parse_schedule("1s", "R5PT1S"); });
}

TEST(ActorWire, PartitionsAndKeysAreStable) {
  namespace wire = nervure::detail::actor_wire;
  // FNV-1a: every language routes an id to the same partition.
  EXPECT_EQ(wire::partition_of("sku-1", 32), wire::partition_of("sku-1", 32));
  EXPECT_EQ(wire::partition_of("", 1), 0);
  EXPECT_EQ(wire::key_token("sku-1"), "sku-1");
  EXPECT_EQ(wire::key_token("a.b"), "=612e62");
  auto state = wire::decode_state(wire::encode_state({7, {{"k", std::string("v\0w", 3)}}}));
  EXPECT_EQ(state.fence, 7u);
  EXPECT_EQ(state.values.at("k"), std::string("v\0w", 3));
  expect_error(ErrorCode::invalid_argument, [] { wire::validate_type("a.b"); });
  expect_error(ErrorCode::invalid_argument, [] { wire::validate_id(""); });
  expect_error(ErrorCode::invalid_argument, [] { wire::validate_id("a\r\nb"); });
}

TEST(ActorMetrics, HistogramPercentilesAreWithinABucket) {
  nervure::detail::LatencyHistogram h;
  EXPECT_EQ(h.summary().p99_us, 0);
  for (int us = 1; us <= 1000; ++us) h.record(std::chrono::microseconds(us));
  auto s = h.summary();
  EXPECT_NEAR(s.p50_us, 500, 500 * 0.13);
  EXPECT_NEAR(s.p90_us, 900, 900 * 0.13);
  EXPECT_NEAR(s.p99_us, 990, 990 * 0.13);
  EXPECT_EQ(s.max_us, 1000);
  EXPECT_NEAR(s.mean_us, 500.5, 0.01);
  nervure::detail::LatencyHistogram slow;
  slow.record(std::chrono::seconds(90));
  EXPECT_EQ(slow.summary().p50_us, 90e6);  // capped by the true maximum
}

TEST_F(ActorTest, CallsActivateOnceAndKeepState) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  EXPECT_EQ(proxy("sku-1").invoke("add", "2"), "2");
  EXPECT_EQ(proxy("sku-1").invoke("add", "3"), "5");
  EXPECT_EQ(proxy("sku-2").invoke("add"), "1");
  EXPECT_EQ(probe.activations, 2);
  auto stats = rt->stats();
  EXPECT_EQ(stats.calls, 3u);
  EXPECT_EQ(stats.active_actors, 2);
  EXPECT_EQ(stats.owned_partitions, 8);
  auto methods = rt->method_stats();
  ASSERT_EQ(methods.size(), 2u);  // "$activate" sorts before "add"
  EXPECT_EQ(methods[0].method, "$activate");
  EXPECT_EQ(methods[0].calls, 2u);
  EXPECT_EQ(methods[1].actor_type, "counter");
  EXPECT_EQ(methods[1].method, "add");
  EXPECT_EQ(methods[1].calls, 3u);
  EXPECT_EQ(methods[1].failed, 0u);
  EXPECT_GT(methods[1].run.p50_us, 0);
  EXPECT_LE(methods[1].run.p50_us, methods[1].run.p99_us);
  EXPECT_LE(methods[1].run.p99_us, methods[1].run.max_us);
  // A call that activated its actor waited for the activation.
  EXPECT_GE(methods[1].wait.max_us, methods[0].run.max_us * 0.5);
}

TEST_F(ActorTest, TurnsNeverOverlapAndLoseNothing) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  constexpr int kThreads = 8, kCalls = 50;
  std::vector<std::thread> callers;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t)
    callers.emplace_back([&] {
      for (int i = 0; i < kCalls; ++i) try {
          proxy("hot").invoke("add");
        } catch (...) {
          ++failures;
        }
    });
  for (auto& c : callers) c.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(probe.overlaps, 0);
  EXPECT_EQ(proxy("hot").invoke("get"), std::to_string(kThreads * kCalls));
}

TEST_F(ActorTest, AsynchronousCallsToOneActorRunInOrder) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  constexpr int kCalls = 200;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<int64_t> results;
  auto p = proxy("ordered");
  p.invoke("add");  // activate first: then every call is queued behind the previous one
  for (int i = 0; i < kCalls; ++i)
    p.invoke_async("add", "1", 5000ms, [&](std::string result, std::exception_ptr error) {
      std::lock_guard lock(mu);
      results.push_back(error ? -1 : to_int(result));
      cv.notify_all();
    });
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, 20s, [&] { return results.size() == kCalls; }));
  std::sort(results.begin(), results.end());
  for (int i = 0; i < kCalls; ++i) EXPECT_EQ(results[i], i + 2);
  EXPECT_EQ(probe.overlaps, 0);
}

TEST_F(ActorTest, IdleActorsDeactivateAndComeBackWithTheirState) {
  Probe probe;
  auto options = runtime_options();
  options.idle_timeout = 300ms;
  auto rt = host(probe, options);
  EXPECT_EQ(proxy("sleepy").invoke("add", "41"), "41");
  ASSERT_TRUE(eventually([&] { return probe.deactivations == 1; }));
  // The hook runs inside the deactivating turn; the actor counts as gone once that turn ends.
  EXPECT_TRUE(eventually([&] { return rt->stats().active_actors == 0; }));
  EXPECT_EQ(proxy("sleepy").invoke("add"), "42");
  EXPECT_EQ(probe.activations, 2);
}

TEST_F(ActorTest, ErrorsReachTheCallerAndDiscardTheTurnsState) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  proxy("e").invoke("add", "5");
  try {
    proxy("e").invoke("fail");
    FAIL() << "no error";
  } catch (const ActorError& e) {
    EXPECT_EQ(e.remote_type(), "std::runtime_error");
    EXPECT_STREQ(e.what(), "out of stock");
    EXPECT_EQ(e.code(), ErrorCode::actor);
  }
  EXPECT_EQ(proxy("e").invoke("get"), "5");
  try {
    proxy("e").invoke("no_such_method");
    FAIL() << "no error";
  } catch (const ActorError& e) {
    EXPECT_EQ(e.remote_type(), "MethodNotFound");
  }
  EXPECT_EQ(rt->stats().failed_calls, 2u);
  for (const auto& m : rt->method_stats()) {
    if (m.method == "fail" || m.method == "no_such_method") EXPECT_EQ(m.failed, 1u) << m.method;
    if (m.method == "add" || m.method == "get") EXPECT_EQ(m.failed, 0u) << m.method;
  }
}

TEST_F(ActorTest, CallDeadlines) {
  Probe probe;
  auto options = runtime_options();
  options.call_timeout = 300ms;
  auto rt = host(probe, options);
  // The caller's own deadline.
  expect_error(ErrorCode::timeout, [&] { proxy("slow", 100ms).invoke("sleep", "400"); });
  // The host's: the turn overruns call_timeout; later calls still run after it.
  expect_error(ErrorCode::timeout, [&] { proxy("slow2", 5000ms).invoke("sleep", "600"); });
  EXPECT_EQ(proxy("slow2").invoke("add"), "1");
}

TEST_F(ActorTest, BadInputIsRefusedClearly) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  expect_error(ErrorCode::invalid_argument, [&] { ActorProxy(conn_, "bad.type", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { ActorProxy(conn_, "counter", ""); });
  expect_error(ErrorCode::invalid_argument, [&] { proxy("x").invoke(""); });
  expect_error(ErrorCode::invalid_argument, [&] { proxy("x").invoke("add", "1", 0ms); });
  expect_error(ErrorCode::invalid_argument, [&] {
    ActorRuntime r(conn_, runtime_options());
    r.start();  // no types
  });
  auto bad = runtime_options();
  bad.partitions = 0;
  expect_error(ErrorCode::invalid_argument, [&] { ActorRuntime r(conn_, bad); });
  expect_error(ErrorCode::invalid_argument, [&] {
    ActorRuntime r(conn_, runtime_options());
    r.register_type("counter", [&](const std::string&) { return std::make_unique<Counter>(probe); });
    r.register_type("counter", [&](const std::string&) { return std::make_unique<Counter>(probe); });
  });
  // A type nobody hosts.
  ActorCallOptions o;
  o.partitions = 8;
  o.timeout = 2000ms;
  expect_error(ErrorCode::no_responders, [&] { ActorProxy(conn_, "nobody", "x", o).invoke("m"); });
}

TEST_F(ActorTest, ReentrancyIsRefusedByDefaultAndAllowedWhenOn) {
  {
    Probe probe;
    auto rt = host(probe, runtime_options());
    try {
      proxy("a").invoke("call_peer", "b");
      FAIL() << "no error";
    } catch (const ActorError& e) {
      EXPECT_EQ(e.remote_type(), "ReentrancyError") << e.what();
    }
    rt->stop();
  }
  Probe probe;
  auto options = runtime_options();
  options.reentrancy = true;
  auto rt = host(probe, options);
  proxy("a").invoke("add", "7");
  EXPECT_EQ(proxy("a").invoke("call_peer", "b"), "7");
}

TEST_F(ActorTest, TimersRunAsTurns) {
  Probe probe;
  auto rt = host(probe, runtime_options());
  proxy("t").invoke("start_timer", "R3/20ms");
  ASSERT_TRUE(eventually([&] { return probe.timer_calls == 3; }));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(probe.timer_calls, 3);
}

TEST_F(ActorTest, RemindersSurviveARestartOfTheHost) {
  Probe probe;
  auto options = runtime_options();
  {
    auto rt = host(probe, options);
    proxy("r").invoke("remind", "1s");
    rt->stop();
  }
  EXPECT_EQ(probe.reminders, 0);
  auto rt = host(probe, options);
  ASSERT_TRUE(eventually([&] { return probe.reminders == 1; }));
  std::lock_guard lock(probe.mu);
  EXPECT_EQ(probe.reminder_log.at(0), "r:r:payload");
}

// Two hosts each load the reminders of the partitions they own: every due
// time fires once across them, never on both, never skipped.
TEST_F(ActorTest, AReminderFiresOncePerDueTimeWithSeveralHosts) {
  Probe probe;
  auto first = host(probe, runtime_options(), Connection::connect(options_for(server_->url())));
  auto second = host(probe, runtime_options(), Connection::connect(options_for(server_->url())));
  ASSERT_TRUE(eventually([&] { return second->stats().owned_partitions == 4 && first->stats().owned_partitions == 4; },
                         10s));
  constexpr int kActors = 6;
  for (int i = 0; i < kActors; ++i) proxy("alarm-" + std::to_string(i)).invoke("remind_repeating", "R3/PT0.3S");
  ASSERT_TRUE(eventually([&] { return probe.reminders == 3 * kActors; }, 10s)) << probe.reminders;
  std::this_thread::sleep_for(1s);  // a second host firing too would show by now
  EXPECT_EQ(probe.reminders, 3 * kActors);
  std::lock_guard lock(probe.mu);
  std::map<std::string, int> fired;
  for (const auto& entry : probe.reminder_log) ++fired[entry];
  for (int i = 0; i < kActors; ++i) EXPECT_EQ(fired["alarm-" + std::to_string(i) + ":r:payload"], 3);
}

TEST_F(ActorTest, PartitionsSplitBetweenHostsAndMoveOnStop) {
  Probe probe;
  auto first = host(probe, runtime_options(), Connection::connect(options_for(server_->url())));
  for (int i = 0; i < 16; ++i) proxy("item-" + std::to_string(i)).invoke("add", std::to_string(i));
  auto second = host(probe, runtime_options(), Connection::connect(options_for(server_->url())));
  // The first host gives up its excess on its next tick; the second takes them.
  ASSERT_TRUE(eventually([&] { return second->stats().owned_partitions == 4 && first->stats().owned_partitions == 4; },
                         10s))
      << first->stats().owned_partitions << " / " << second->stats().owned_partitions;
  for (int i = 0; i < 16; ++i) EXPECT_EQ(proxy("item-" + std::to_string(i)).invoke("get"), std::to_string(i));
  first->stop();
  for (int i = 0; i < 16; ++i)
    EXPECT_EQ(proxy("item-" + std::to_string(i)).invoke("add", "100"), std::to_string(i + 100));
  EXPECT_EQ(second->stats().owned_partitions, 8);
  EXPECT_EQ(probe.overlaps, 0);
}

TEST_F(ActorTest, QueuedTypesHandTheirTurnsToAnotherThread) {
  auto options = runtime_options();
  options.idle_timeout = 300ms;
  ActorRuntime rt(conn_, options);
  rt.register_queued_type("counter");
  rt.start();
  auto turns = rt.turns();
  std::vector<std::string> seen;
  std::thread language([&] {
    // What a language package does: take turns in batches, run them, complete them.
    std::vector<Message> batch;
    while (turns->next_batch(batch, 64, 5000ms) > 0 || !turns->ended()) {
      for (auto& m : batch) {
        const std::string kind = m.headers.get("Nervure-Turn").value_or("?");
        seen.push_back(kind + ":" + m.subject);
        const uint64_t turn = std::stoull(m.reply);
        auto ctx = rt.turn_context(turn);
        if (kind == "call" && m.subject == "add") {
          int64_t n = to_int(ctx.get("n").value_or("0")) + to_int(m.data);
          ctx.set("n", std::to_string(n));
          rt.complete_turn(turn, std::to_string(n), nullptr);
        } else if (kind == "call") {
          rt.complete_turn(turn, {}, std::make_exception_ptr(ActorError("KeyError", "no method " + m.subject)));
        } else {
          rt.complete_turn(turn, {}, nullptr);
        }
      }
      batch.clear();
      if (turns->ended()) break;
    }
  });
  EXPECT_EQ(proxy("q").invoke("add", "4"), "4");
  EXPECT_EQ(proxy("q").invoke("add", "5"), "9");
  try {
    proxy("q").invoke("nope");
    FAIL() << "no error";
  } catch (const ActorError& e) {
    EXPECT_EQ(e.remote_type(), "KeyError");
  }
  std::this_thread::sleep_for(600ms);  // idle: deactivated
  EXPECT_EQ(proxy("q").invoke("add", "1"), "10");
  expect_error(ErrorCode::invalid_argument, [&] { rt.complete_turn(999999, {}, nullptr); });
  rt.stop();
  language.join();
  std::vector<std::string> expected = {"activate:", "call:add", "call:add", "call:nope", "deactivate:", "activate:",
                                       "call:add", "deactivate:"};
  EXPECT_EQ(seen, expected);
}

TEST_F(ActorTest, QueuedTurnsStartAndEndOffTheWorkersAndStillNeverOverlap) {
  // Calls to an active queued actor start on the thread they arrive on and,
  // when they save nothing, end on the thread that completes them. The
  // language side here completes a whole batch only after taking it: had a
  // second turn of one actor started before the first ended, both would sit
  // in one batch.
  ActorRuntime rt(conn_, runtime_options());
  rt.register_queued_type("counter");
  rt.start();
  auto turns = rt.turns();
  std::atomic<int> overlaps{0};
  std::thread language([&] {
    std::vector<Message> batch;
    while (turns->next_batch(batch, 64, 5000ms) > 0 || !turns->ended()) {
      std::map<std::string, int> outstanding;
      for (auto& m : batch)
        if (++outstanding[m.headers.get("Nervure-Actor-Id").value_or("")] > 1) ++overlaps;
      std::this_thread::sleep_for(1ms);
      for (auto& m : batch) {
        const uint64_t turn = std::stoull(m.reply);
        auto ctx = rt.turn_context(turn);
        std::string result;
        if (m.headers.get("Nervure-Turn") == "call") {
          int64_t n = to_int(ctx.get("n").value_or("0"));
          if (m.subject == "add") ctx.set("n", std::to_string(++n));
          result = std::to_string(n);
        }
        rt.complete_turn(turn, result, nullptr);
      }
      batch.clear();
      if (turns->ended()) break;
    }
  });
  constexpr int kCallers = 4, kCalls = 40;
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c)
    callers.emplace_back([&, c] {
      for (int i = 0; i < kCalls; ++i) proxy(c % 2 ? "a" : "b").invoke(i % 2 ? "add" : "get");
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(proxy("a").invoke("get"), std::to_string(kCallers / 2 * kCalls / 2));
  EXPECT_EQ(proxy("b").invoke("get"), std::to_string(kCallers / 2 * kCalls / 2));
  rt.stop();
  language.join();
  EXPECT_EQ(overlaps.load(), 0);
}

TEST_F(ActorTest, TellsAreStoredDeduplicatedAndRunEvenWithoutAHostAtTheTime) {
  Probe probe;
  auto options = runtime_options();
  {
    auto rt = host(probe, options);
    proxy("t1").tell("add", "5", "order-1");
    proxy("t1").tell("add", "5", "order-1");  // the same id: stored once
    proxy("t1").tell("add", "1");
    ASSERT_TRUE(eventually([&] { return proxy("t1").invoke("get") == "6"; }));
    rt->stop();
  }
  proxy("t1").tell("add", "10");  // nobody hosts the type now: the stream keeps it
  auto rt = host(probe, options);
  ASSERT_TRUE(eventually([&] { return proxy("t1").invoke("get") == "16"; }, 10s));
  expect_error(ErrorCode::invalid_argument, [&] { proxy("t1").tell(""); });
}

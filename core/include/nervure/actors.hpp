#pragma once
// Virtual actors served by this library over NATS and JetStream key-value
// (docs/actors.md): identity (type, id), activation on first call, one turn at
// a time per actor, state saved at the end of each successful turn, partitions
// owned through leases so each actor is active on one host at a time.
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nervure/connection.hpp"

namespace nervure {

namespace detail {
class ActorRuntimeCore;
class ActivationCore;
class TurnQueue;
}  // namespace detail

/// When a timer or reminder fires: first after due, then every period (0: once),
/// at most repetitions times in total (-1: unbounded, or once without a period).
struct Schedule {
  Duration due{0};
  Duration period{0};
  int64_t repetitions = -1;
};

/// Parses a Go-style duration ("1m30s", "250ms", "1h") or an ISO 8601 duration
/// ("PT1M30S", "P1DT2H"). InvalidArgument errors name what was wrong.
Duration parse_duration(std::string_view text);
/// due and period as the API takes them: period may be ISO 8601 with
/// repetitions ("R5/PT10S") or empty for a one-shot.
Schedule parse_schedule(std::string_view due, std::string_view period);

struct ActorRuntimeOptions {
  Duration idle_timeout{std::chrono::minutes(60)};  // deactivate an actor unused this long
  Duration call_timeout{std::chrono::seconds(60)};  // longest turn before the caller gets TimeoutError
  bool reentrancy = false;  // calls in the same call chain may re-enter a busy actor
  int max_reentrancy_depth = 32;
  Duration lease_ttl{std::chrono::seconds(10)};  // a crashed host's partitions move after this
  int partitions = 32;      // every host and caller of a type must agree
  int workers = 8;          // threads running turns (C++ actors may block in them)
  std::string host_id;      // empty: generated; shows in the lease bucket
  std::string lease_bucket = "nervure-actor-leases";
  std::string state_bucket = "nervure-actor-state";
  std::string tell_stream = "NERVURE_ACTOR_TELLS";  // work queue of tell() calls ($NVT.>)
};

/// What a turn is for.
enum class TurnKind { activate, call, timer, reminder, deactivate };

struct Turn {
  TurnKind kind = TurnKind::call;
  std::string method;  // call: method name; timer: callback; reminder: reminder name
  std::string args;    // MessagePack bytes (or whatever caller and actor agree on)
};

/// Ends a turn. error: an exception the caller receives as ActorError (its type
/// name travels with it). May be called from any thread, exactly once.
using TurnDone = std::function<void(std::string result, std::exception_ptr error)>;

class ActorProxy;

/// An actor's view of the runtime during a turn. Valid only inside the turn
/// (until its TurnDone runs); not for use from other threads meanwhile.
class ActorContext {
 public:
  explicit ActorContext(std::shared_ptr<detail::ActivationCore> activation);
  const std::string& actor_type() const;
  const std::string& actor_id() const;

  // State: kept in memory, saved as one unit when the turn succeeds (and by save()).
  std::optional<std::string> get(const std::string& key) const;
  void set(const std::string& key, std::string value);
  bool remove(const std::string& key);
  bool contains(const std::string& key) const;
  void save();

  /// A timer calls method (with args) as a turn while the actor stays active.
  void register_timer(const std::string& name, const Schedule& schedule, const std::string& method,
                      std::string args = {});
  void unregister_timer(const std::string& name);
  /// A reminder survives deactivation, restarts and failover; each due time
  /// fires once across the cluster as a reminder turn named after it.
  void register_reminder(const std::string& name, const Schedule& schedule, std::string data = {});
  void unregister_reminder(const std::string& name);

  /// Calls another actor within this call chain (so reentrancy can recognise it).
  ActorProxy proxy(const std::string& actor_type, const std::string& actor_id) const;

 private:
  std::shared_ptr<detail::ActivationCore> activation_;
};

/// The one entry point every language implements: run the turn, then call done.
class Actor {
 public:
  virtual ~Actor() = default;
  virtual void handle(ActorContext& ctx, Turn turn, TurnDone done) = 0;
};

/// Creates the actor object for an id on activation.
using ActorFactory = std::function<std::unique_ptr<Actor>(const std::string& actor_id)>;

/// C++ actors: methods by name, run synchronously on a runtime worker.
class MethodActor : public Actor {
 public:
  using Method = std::function<std::string(ActorContext&, std::string_view args)>;
  void handle(ActorContext& ctx, Turn turn, TurnDone done) final;

 protected:
  void method(std::string name, Method fn) { methods_[std::move(name)] = std::move(fn); }
  virtual void on_activate(ActorContext&) {}
  virtual void on_deactivate(ActorContext&) {}
  virtual void receive_reminder(ActorContext&, const std::string& /*name*/, std::string_view /*data*/) {}

 private:
  std::map<std::string, Method, std::less<>> methods_;
};

struct ActorRuntimeStats {
  uint64_t calls = 0;        // turns for calls that completed
  uint64_t failed_calls = 0; // of which ended with an error
  uint64_t activations = 0;
  uint64_t deactivations = 0;
  int active_actors = 0;
  int owned_partitions = 0;
};

/// Latencies in microseconds, within 12.5% (log-scale buckets); zero when nothing ran.
struct LatencySummary {
  double p50_us = 0;
  double p90_us = 0;
  double p99_us = 0;
  double max_us = 0;
  double mean_us = 0;
};

/// One method of one actor type on this host, since the host started. The
/// method "$activate" counts activations (state load, claim and on_activate).
struct ActorMethodStats {
  std::string actor_type;
  std::string method;
  uint64_t calls = 0;   // call turns that ended (tells included)
  uint64_t failed = 0;  // of which ended with an error
  LatencySummary wait;  // from arrival at this host to the turn's start
  LatencySummary run;   // the turn itself, state save included
};

/// Hosts actor types in this process.
class ActorRuntime {
 public:
  ActorRuntime(std::shared_ptr<Connection> connection, ActorRuntimeOptions options = {});
  ~ActorRuntime();  // stops
  ActorRuntime(const ActorRuntime&) = delete;
  ActorRuntime& operator=(const ActorRuntime&) = delete;

  /// Before start(). Types: letters, digits, '_' and '-'.
  void register_type(const std::string& actor_type, ActorFactory factory);
  /// Creates the buckets if needed, joins placement and starts serving.
  void start();
  /// Stops taking calls, lets in-flight turns finish (up to timeout), deactivates
  /// every actor (saving state) and releases the partitions to other hosts.
  void stop(Duration timeout = std::chrono::seconds(10));

  const std::string& host_id() const;
  ActorRuntimeStats stats() const;
  /// Per-call metrics by actor type and method, in name order.
  std::vector<ActorMethodStats> method_stats() const;

  // For language packages, whose actors run on their own threads. Turns of a
  // queued type arrive as messages on turns(): subject = method (reminder turns:
  // the reminder's name), reply = the turn id, data = the arguments, headers
  // Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call,
  // timer, reminder or deactivate). Each one ends with complete_turn.
  void register_queued_type(const std::string& actor_type);
  std::shared_ptr<Subscription> turns();
  /// error: nullptr, or what the caller receives (an ActorError keeps its type name).
  void complete_turn(uint64_t turn, std::string result, std::exception_ptr error);
  /// A running queued turn's context: state, timers, reminders, calls in its chain.
  ActorContext turn_context(uint64_t turn);

 private:
  std::shared_ptr<detail::ActorRuntimeCore> core_;
  std::shared_ptr<detail::TurnQueue> queue_;
};

struct ActorCallOptions {
  Duration timeout{std::chrono::seconds(5)};
  int partitions = 32;  // must match the hosts' ActorRuntimeOptions::partitions
};

using ActorReplyCallback = std::function<void(std::string result, std::exception_ptr error)>;

/// Calls one actor. Cheap to copy.
class ActorProxy {
 public:
  ActorProxy(std::shared_ptr<Connection> connection, std::string actor_type, std::string actor_id,
             ActorCallOptions options = {});

  /// One call, one turn. Throws ActorError (the remote exception's type and
  /// message), TimeoutError, NoRespondersError (no host serves the type).
  std::string invoke(const std::string& method, std::string_view args = {});
  std::string invoke(const std::string& method, std::string_view args, Duration timeout);
  /// The callback runs once, on a core thread; it must not block.
  void invoke_async(const std::string& method, std::string_view args, Duration timeout, ActorReplyCallback done);

  /// Fire and forget, durably: the call is stored in the hosts' tell stream
  /// (returns once stored) and runs at least once, as a turn whose result is
  /// dropped. Calls with the same dedup_id within the stream's duplicate window
  /// (2 minutes) are stored once; empty: a fresh id. NoRespondersError when no
  /// host ever created the stream.
  void tell(const std::string& method, std::string_view args = {}, const std::string& dedup_id = {});
  /// The callback runs once the call is stored (or failed to be), on a core thread.
  void tell_async(const std::string& method, std::string_view args, const std::string& dedup_id,
                  std::function<void(std::exception_ptr error)> done);

  const std::string& actor_type() const noexcept { return type_; }
  const std::string& actor_id() const noexcept { return id_; }

 private:
  friend class ActorContext;
  std::shared_ptr<Connection> connection_;
  std::string type_;
  std::string id_;
  ActorCallOptions options_;
  std::string chain_;  // call chain this proxy belongs to (empty: a new chain per call)
  int depth_ = 0;
};

}  // namespace nervure

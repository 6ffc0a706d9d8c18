#pragma once
// The host side of actors: which partitions this process owns (leases), the
// activations living in them, and the turn queue of each activation.
#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "actors/executors.hpp"
#include "actors/turn_metrics.hpp"
#include "actors/wire.hpp"
#include "nervure/actors.hpp"
#include "nervure/jetstream.hpp"
#include "nervure/jetstream_consumer.hpp"
#include "nervure/kv.hpp"

namespace nervure::detail {

class ActorRuntimeCore;
using SteadyClock = std::chrono::steady_clock;

/// A turn waiting in an activation's queue.
struct PendingTurn {
  Turn turn;
  std::string reply;  // where the caller waits; empty for timers, reminders, deactivation
  std::string chain;
  int depth = 0;
  std::string reminder_key;  // reminder turns: the record to advance afterwards
  SteadyClock::time_point arrived = SteadyClock::now();
  SteadyClock::time_point started{};
};

/// One actor while it lives on this host: its object, state and turn queue.
class ActivationCore : public std::enable_shared_from_this<ActivationCore> {
 public:
  ActivationCore(std::shared_ptr<ActorRuntimeCore> runtime, std::string type, std::string id, int partition);

  const std::string& type() const { return type_; }
  const std::string& id() const { return id_; }
  int partition() const { return partition_; }

  /// Who may start a queued turn: a runtime worker, or (Start::caller) the
  /// thread that enqueued it, once it holds no lock, by run_queued().
  enum class Start { worker, caller };
  /// Queues a turn, or runs a reentrant one at once. With Start::caller, true
  /// when the caller must now call run_queued(): only for an active actor that
  /// hands its turns off (a language package's), whose start never blocks.
  bool enqueue(PendingTurn turn, Start start = Start::worker);
  /// Starts the next queued turn (see enqueue).
  void run_queued() { run_next(); }
  /// True when nothing runs or waits and the actor object is gone.
  bool idle_and_inactive();
  bool active();
  SteadyClock::time_point last_used();

  // ActorContext's operations (during a turn).
  std::optional<std::string> get(const std::string& key);
  void set(const std::string& key, std::string value);
  bool remove(const std::string& key);
  bool contains(const std::string& key);
  void save();
  void register_timer(const std::string& name, const Schedule& schedule, const std::string& method, std::string args);
  void unregister_timer(const std::string& name);
  void register_reminder(const std::string& name, const Schedule& schedule, std::string data);
  void unregister_reminder(const std::string& name);
  const std::string& current_chain() const { return current_chain_; }
  int current_depth() const { return current_depth_; }
  std::shared_ptr<ActorRuntimeCore> runtime() const { return runtime_.lock(); }

 private:
  void run_next();
  void run(PendingTurn pending, bool reentrant);
  void activate();  // loads and claims the state, creates the actor object
  void continue_after(bool reentrant);
  void finish(PendingTurn pending, std::string result, std::exception_ptr error, bool reentrant);
  void save_locked_state();
  void drop_instance();
  void arm_timer(const std::string& name, SteadyClock::time_point when, Duration period, int64_t left,
                 const std::string& method, const std::string& args);

  std::weak_ptr<ActorRuntimeCore> runtime_;
  std::string type_, id_;
  int partition_;

  std::mutex mu_;  // queue, running flag, timers
  std::deque<PendingTurn> queue_;
  bool running_ = false;
  int reentrant_running_ = 0;
  SteadyClock::time_point last_used_ = SteadyClock::now();
  std::map<std::string, uint64_t> timers_;

  // Touched only by the running turn (turns never overlap, except reentrant ones
  // of the same call chain, which the caller's turn is waiting for).
  std::unique_ptr<Actor> instance_;
  std::atomic<bool> active_{false};
  // instance_ only hands turns off (QueuedActor): its turns start on the thread
  // a call arrives on and end on the thread that completes them, with no hop
  // through a worker (two thread wake-ups per call), unless they must block
  // (activation, a state save, reminder and deactivation bookkeeping).
  bool hands_off_ = false;
  std::map<std::string, std::string> committed_, working_;
  bool dirty_ = false;
  uint64_t state_revision_ = 0;  // 0: no record yet
  uint64_t fence_ = 0;
  std::string current_chain_;
  int current_depth_ = 0;
  PendingTurn deferred_;  // the turn waiting for the activate turn to finish
};

struct ActorTypeHost {
  std::string name;
  ActorFactory factory;
  struct Lease {
    uint64_t revision = 0;
    SteadyClock::time_point valid_until;
    std::shared_ptr<Subscription> calls;
    std::map<std::string, uint64_t> reminder_timers;  // reminder key -> timer id
  };
  std::map<int, Lease> owned;
  std::map<std::string, std::shared_ptr<ActivationCore>> actors;
  std::shared_ptr<Subscription> acquire_requests;
  std::shared_ptr<MessageStream> tells;  // the type's tell() calls, shared by its hosts
};

class ActorRuntimeCore : public std::enable_shared_from_this<ActorRuntimeCore> {
 public:
  ActorRuntimeCore(std::shared_ptr<Connection> connection, ActorRuntimeOptions options);
  ~ActorRuntimeCore();

  void register_type(const std::string& type, ActorFactory factory);
  void start();
  void stop(Duration timeout);
  ActorRuntimeStats stats();
  std::vector<ActorMethodStats> method_stats() const { return metrics_.snapshot(); }

  const ActorRuntimeOptions& options() const { return options_; }
  const std::shared_ptr<Connection>& connection() const { return connection_; }
  WorkerPool& workers() { return *workers_; }
  TimerThread& timers() { return *timers_; }
  KeyValue& states() { return *states_; }
  std::unique_ptr<Actor> create_actor(const std::string& type, const std::string& id);
  /// The lease revision of the partition, or nullopt when this host no longer serves it.
  std::optional<uint64_t> lease_revision(const std::string& type, int partition);
  void reply(const std::string& reply_to, const std::string& result, std::exception_ptr error);
  void count_turn(const std::string& type, const PendingTurn& turn, bool failed);
  void count_activation(bool activated);
  void activation_done(const std::shared_ptr<ActivationCore>& activation);

  // Reminders: stored in the state bucket, fired by the partition's owner.
  void store_reminder(const std::string& type, int partition, const actor_wire::ReminderRecord& record);
  void delete_reminder(const std::string& type, int partition, const std::string& id, const std::string& name);
  void reminder_done(const std::string& type, int partition, const std::string& key, bool succeeded);

  std::string host_id;

 private:
  /// Runs on the thread that read the call (see take_partition): it must not
  /// block, so it queues the turn, or starts a handed-off one, and returns.
  void on_call(const std::string& type, int partition, Message&& msg);
  void on_acquire_request(const std::string& type, Message&& msg);
  void tick();
  void renew_and_balance(ActorTypeHost& host);
  bool try_acquire(ActorTypeHost& host, int partition);
  void take_partition(ActorTypeHost& host, int partition, uint64_t revision, SteadyClock::time_point sent);
  void drop_partition(ActorTypeHost& host, int partition, bool release);
  void load_reminders(ActorTypeHost& host, int partition);
  void schedule_reminder(ActorTypeHost& host, int partition, const std::string& key,
                         const actor_wire::ReminderRecord& record);
  void fire_reminder(const std::string& type, int partition, const std::string& key);
  std::shared_ptr<ActivationCore> activation_locked(ActorTypeHost& host, const std::string& id, int partition);
  void sweep_idle();
  void start_tells(ActorTypeHost& host);
  void run_tells(const std::string& type);

  std::shared_ptr<Connection> connection_;
  ActorRuntimeOptions options_;
  std::optional<JetStream> js_;
  std::optional<KeyValue> leases_;
  std::optional<KeyValue> states_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<TimerThread> timers_;

  std::recursive_mutex placement_mu_;  // leases taken, renewed and dropped one at a time
  std::mutex mu_;                      // types_, their owned maps and activations
  std::map<std::string, ActorTypeHost> types_;
  bool started_ = false;
  // Set under mu_; also read under placement_mu_ alone (tick, acquiring a partition).
  std::atomic<bool> stopping_{false};
  uint64_t tick_timer_ = 0;
  std::condition_variable drained_;

  TurnMetrics metrics_;
  std::atomic<uint64_t> calls_{0}, failed_calls_{0}, activations_{0}, deactivations_{0};
};

}  // namespace nervure::detail

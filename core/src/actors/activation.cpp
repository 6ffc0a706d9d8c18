// One actor on this host: turns run one at a time from its queue (reentrant
// turns of the caller's own call chain excepted), state is claimed on
// activation and saved with compare-and-set after each successful turn.
#include <chrono>

#include "actors/runtime_core.hpp"
#include "actors/turn_queue.hpp"
#include "nervure/errors.hpp"

namespace nervure::detail {
namespace {
constexpr int kWrongLastSequence = 10071;
constexpr int kClaimAttempts = 5;

bool is_conflict(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const JetStreamApiError& e) {
    return e.err_code() == kWrongLastSequence;
  } catch (...) {
    return false;
  }
}
}  // namespace

ActivationCore::ActivationCore(std::shared_ptr<ActorRuntimeCore> runtime, std::string type, std::string id,
                               int partition)
    : runtime_(runtime), type_(std::move(type)), id_(std::move(id)), partition_(partition) {}

bool ActivationCore::enqueue(PendingTurn turn, Start start) {
  auto rt = runtime();
  if (!rt) return false;
  const auto& options = rt->options();
  if (turn.turn.kind == TurnKind::call && turn.depth > options.max_reentrancy_depth) {
    rt->reply(turn.reply, {},
              std::make_exception_ptr(ActorError("ReentrancyError", "call chain deeper than " +
                                                                        std::to_string(options.max_reentrancy_depth))));
    return false;
  }
  std::unique_lock lock(mu_);
  last_used_ = SteadyClock::now();
  if (turn.turn.kind == TurnKind::call && running_ && !turn.chain.empty() && turn.chain == current_chain_) {
    lock.unlock();
    if (!options.reentrancy) {
      rt->reply(turn.reply, {},
                std::make_exception_ptr(ActorError(
                    "ReentrancyError", "actor " + type_ + "/" + id_ +
                                           " is busy in this call chain and reentrancy is off for its runtime")));
      return false;
    }
    {
      std::lock_guard again(mu_);
      ++reentrant_running_;
    }
    rt->workers().post([self = shared_from_this(), turn = std::move(turn)]() mutable { self->run(std::move(turn), true); });
    return false;
  }
  queue_.push_back(std::move(turn));
  if (running_) return false;
  running_ = true;
  // No turn runs, so hands_off_ and active_ are the last turn's, published by mu_.
  if (start == Start::caller && hands_off_ && active_) return true;
  lock.unlock();
  rt->workers().post([self = shared_from_this()] { self->run_next(); });
  return false;
}

bool ActivationCore::idle_and_inactive() {
  std::lock_guard lock(mu_);
  return !running_ && queue_.empty() && reentrant_running_ == 0 && !active_;
}

bool ActivationCore::active() { return active_; }

SteadyClock::time_point ActivationCore::last_used() {
  std::lock_guard lock(mu_);
  return running_ ? SteadyClock::now() : last_used_;
}

void ActivationCore::run_next() {
  PendingTurn pending;
  {
    std::lock_guard lock(mu_);
    if (queue_.empty()) {
      running_ = false;
      return;
    }
    pending = std::move(queue_.front());
    queue_.pop_front();
    current_chain_ = pending.chain;
    current_depth_ = pending.depth;
  }
  run(std::move(pending), false);
}

void ActivationCore::run(PendingTurn pending, bool reentrant) {
  pending.started = SteadyClock::now();
  if (pending.turn.kind == TurnKind::deactivate && !instance_) return finish(std::move(pending), {}, nullptr, reentrant);
  if (pending.turn.kind == TurnKind::timer && !instance_) return finish(std::move(pending), {}, nullptr, reentrant);
  if (!instance_) {
    try {
      activate();
    } catch (...) {
      return finish(std::move(pending), {}, std::current_exception(), reentrant);
    }
    auto arrived = pending.arrived, started = pending.started;
    deferred_ = std::move(pending);
    pending = PendingTurn{Turn{TurnKind::activate, {}, {}}, {}, current_chain_, current_depth_, {}, arrived, started};
  }
  auto rt = runtime();
  if (!rt) return;
  auto ctx = std::make_shared<ActorContext>(shared_from_this());
  auto once = std::make_shared<std::atomic<bool>>(false);
  auto answered = std::make_shared<std::atomic<bool>>(false);  // the caller already has its TimeoutError
  auto guard_id = std::make_shared<std::atomic<uint64_t>>(0);
  Turn turn = pending.turn;
  std::string reply_to = pending.reply;
  auto state = std::make_shared<PendingTurn>(std::move(pending));
  auto done = [self = shared_from_this(), state, reentrant, ctx, once, answered, guard_id](
                  std::string result, std::exception_ptr error) mutable {
    if (once->exchange(true)) return;
    auto rt = self->runtime();
    if (!rt) return;
    if (uint64_t guard = guard_id->load()) rt->timers().cancel(guard);
    if (answered->exchange(true)) state->reply.clear();
    // A handed-off call that saves nothing ends here, on the completing thread:
    // what is left (metrics, the reply, the next turn's start) never blocks.
    const bool ends_here = self->hands_off_ && state->turn.kind == TurnKind::call && !self->dirty_;
    if (ends_here || rt->workers().on_worker())
      return self->finish(std::move(*state), std::move(result), error, reentrant);
    rt->workers().post([self, state, result = std::move(result), error, reentrant]() mutable {
      self->finish(std::move(*state), std::move(result), error, reentrant);
    });
  };
  // The caller hears of a turn that overruns call_timeout; the actor stays
  // busy until the turn really ends, so turns still never overlap.
  if (turn.kind == TurnKind::call && !reply_to.empty()) {
    std::weak_ptr<ActorRuntimeCore> weak_rt = rt;
    guard_id->store(rt->timers().after(rt->options().call_timeout, [weak_rt, answered, reply_to] {
      auto rt = weak_rt.lock();
      if (rt && !answered->exchange(true))
        rt->reply(reply_to, {}, std::make_exception_ptr(TurnTimeoutError()));
    }));
  }
  try {
    instance_->handle(*ctx, std::move(turn), done);
  } catch (...) {
    done({}, std::current_exception());
  }
}

void ActivationCore::activate() {
  auto rt = runtime();
  if (!rt) throw Error(ErrorCode::connection_closed, "actor runtime stopped");
  auto fence = rt->lease_revision(type_, partition_);
  if (!fence) throw PartitionMovedError();
  auto key = actor_wire::state_key(type_, id_);
  auto& states = rt->states();
  for (int attempt = 1;; ++attempt) {
    auto entry = states.get(key);
    actor_wire::StateRecord record = entry ? actor_wire::decode_state(entry->value) : actor_wire::StateRecord{};
    record.fence = *fence;
    try {
      // Writing the record now moves its revision on, so a write from an
      // earlier owner that missed losing its lease is refused by the server.
      state_revision_ = entry ? states.update(key, actor_wire::encode_state(record), entry->revision)
                              : states.create(key, actor_wire::encode_state(record));
      committed_ = working_ = std::move(record.values);
      break;
    } catch (const JetStreamApiError& e) {
      if (e.err_code() != kWrongLastSequence || attempt == kClaimAttempts) throw;
    }
  }
  fence_ = *fence;
  dirty_ = false;
  instance_ = rt->create_actor(type_, id_);
  hands_off_ = dynamic_cast<QueuedActor*>(instance_.get()) != nullptr;
  active_ = true;
  rt->count_activation(true);
}

void ActivationCore::continue_after(bool reentrant) {
  if (reentrant) {
    std::lock_guard lock(mu_);
    --reentrant_running_;
    return;
  }
  auto rt = runtime();
  bool more;
  {
    std::lock_guard lock(mu_);
    last_used_ = SteadyClock::now();
    more = !queue_.empty();
    if (!more) {
      running_ = false;
      current_chain_.clear();
    }
  }
  if (more && rt) rt->workers().post([self = shared_from_this()] { self->run_next(); });
  if (rt) rt->activation_done(shared_from_this());
}

void ActivationCore::finish(PendingTurn pending, std::string result, std::exception_ptr error, bool reentrant) {
  auto rt = runtime();
  if (!rt) return;
  if (pending.turn.kind == TurnKind::activate) {
    rt->count_turn(type_, pending, error != nullptr);
    PendingTurn waiting = std::move(deferred_);
    if (!error) return run(std::move(waiting), reentrant);
    drop_instance();
    rt->count_activation(false);
    rt->reply(waiting.reply, {}, error);
    if (waiting.turn.kind == TurnKind::call) rt->count_turn(type_, waiting, true);
    return continue_after(reentrant);
  }
  if (!error && dirty_ && instance_) {
    try {
      save_locked_state();
    } catch (...) {
      error = std::current_exception();
    }
  }
  if (error) {
    working_ = committed_;
    dirty_ = false;
    // Someone else wrote this actor's state: this activation is stale.
    if (is_conflict(error) && instance_) {
      drop_instance();
      rt->count_activation(false);
    }
  }
  if (pending.turn.kind == TurnKind::call) rt->count_turn(type_, pending, error != nullptr);
  if (pending.turn.kind == TurnKind::reminder)
    rt->reminder_done(type_, partition_, pending.reminder_key, error == nullptr);
  if (pending.turn.kind == TurnKind::deactivate && instance_) {
    drop_instance();
    rt->count_activation(false);
  }
  rt->reply(pending.reply, result, error);
  continue_after(reentrant);
}

void ActivationCore::save_locked_state() {
  auto rt = runtime();
  if (!rt) throw Error(ErrorCode::connection_closed, "actor runtime stopped");
  actor_wire::StateRecord record{fence_, working_};
  state_revision_ = rt->states().update(actor_wire::state_key(type_, id_), actor_wire::encode_state(record),
                                        state_revision_);
  committed_ = working_;
  dirty_ = false;
}

void ActivationCore::drop_instance() {
  std::map<std::string, uint64_t> timers;
  {
    std::lock_guard lock(mu_);
    timers.swap(timers_);
  }
  if (auto rt = runtime())
    for (auto& [name, id] : timers) rt->timers().cancel(id);
  instance_.reset();
  active_ = false;
  committed_.clear();
  working_.clear();
  dirty_ = false;
}

std::optional<std::string> ActivationCore::get(const std::string& key) {
  auto it = working_.find(key);
  if (it == working_.end()) return std::nullopt;
  return it->second;
}

void ActivationCore::set(const std::string& key, std::string value) {
  working_[key] = std::move(value);
  dirty_ = true;
}

bool ActivationCore::remove(const std::string& key) {
  bool removed = working_.erase(key) > 0;
  dirty_ = dirty_ || removed;
  return removed;
}

bool ActivationCore::contains(const std::string& key) { return working_.count(key) > 0; }

void ActivationCore::save() {
  if (dirty_) save_locked_state();
}

void ActivationCore::arm_timer(const std::string& name, SteadyClock::time_point when, Duration period, int64_t left,
                               const std::string& method, const std::string& args) {
  auto rt = runtime();
  if (!rt) return;
  std::weak_ptr<ActivationCore> weak = shared_from_this();
  uint64_t id = rt->timers().at(when, [weak, name, when, period, left, method, args] {
    auto self = weak.lock();
    if (!self || !self->active_) return;
    {
      std::lock_guard lock(self->mu_);
      self->timers_.erase(name);
    }
    if (period.count() > 0 && left != 1)
      self->arm_timer(name, when + period, period, left > 0 ? left - 1 : -1, method, args);
    self->enqueue(PendingTurn{Turn{TurnKind::timer, method, args}, {}, {}, 0, {}});
  });
  std::lock_guard lock(mu_);
  auto [it, inserted] = timers_.emplace(name, id);
  if (!inserted) {
    rt->timers().cancel(it->second);
    it->second = id;
  }
}

void ActivationCore::register_timer(const std::string& name, const Schedule& schedule, const std::string& method,
                                    std::string args) {
  if (name.empty()) throw Error(ErrorCode::invalid_argument, "timer name must not be empty");
  if (method.empty()) throw Error(ErrorCode::invalid_argument, "timer callback method must not be empty");
  if (schedule.due.count() < 0 || schedule.period.count() < 0)
    throw Error(ErrorCode::invalid_argument, "timer due time and period must not be negative");
  arm_timer(name, SteadyClock::now() + schedule.due, schedule.period,
            schedule.period.count() > 0 ? schedule.repetitions : 1, method, std::move(args));
}

void ActivationCore::unregister_timer(const std::string& name) {
  uint64_t id = 0;
  {
    std::lock_guard lock(mu_);
    auto it = timers_.find(name);
    if (it == timers_.end()) return;
    id = it->second;
    timers_.erase(it);
  }
  if (auto rt = runtime()) rt->timers().cancel(id);
}

void ActivationCore::register_reminder(const std::string& name, const Schedule& schedule, std::string data) {
  if (name.empty()) throw Error(ErrorCode::invalid_argument, "reminder name must not be empty");
  if (schedule.due.count() < 0 || schedule.period.count() < 0)
    throw Error(ErrorCode::invalid_argument, "reminder due time and period must not be negative");
  auto rt = runtime();
  if (!rt) throw Error(ErrorCode::connection_closed, "actor runtime stopped");
  actor_wire::ReminderRecord record;
  record.actor_id = id_;
  record.name = name;
  record.due_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch() + schedule.due)
                      .count();
  record.period_ms = schedule.period.count();
  record.left = schedule.period.count() > 0 ? schedule.repetitions : 1;
  record.data = std::move(data);
  rt->store_reminder(type_, partition_, record);
}

void ActivationCore::unregister_reminder(const std::string& name) {
  if (auto rt = runtime()) rt->delete_reminder(type_, partition_, id_, name);
}

}  // namespace nervure::detail

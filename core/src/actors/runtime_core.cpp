// Hosting: leases on partitions (create to acquire, compare-and-set to renew,
// the bucket's max age expires a dead host's), a subscription per owned
// partition, idle deactivation, reminders fired by the partition's owner.
#include "actors/runtime_core.hpp"

#include <algorithm>
#include <thread>

#include "connection_impl.hpp"
#include "nervure/errors.hpp"
#include "nuid.hpp"

namespace nervure::detail {
namespace {
namespace wire = actor_wire;
constexpr int kWrongLastSequence = 10071;
constexpr int kStreamNotFound = 10059;

bool wrong_last_sequence(const JetStreamApiError& e) { return e.err_code() == kWrongLastSequence; }

int64_t epoch_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

KeyValue open_bucket(JetStream& js, const std::string& bucket, Duration ttl) {
  try {
    return js.key_value(bucket);
  } catch (const JetStreamApiError& e) {
    if (e.err_code() != kStreamNotFound) throw;
  }
  KeyValueConfig config;
  config.bucket = bucket;
  config.ttl = ttl;
  try {
    return js.create_key_value(config);
  } catch (const JetStreamApiError&) {
    return js.key_value(bucket);  // another host created it meanwhile
  }
}
}  // namespace

ActorRuntimeCore::ActorRuntimeCore(std::shared_ptr<Connection> connection, ActorRuntimeOptions options)
    : connection_(std::move(connection)), options_(std::move(options)) {
  if (!connection_) throw Error(ErrorCode::invalid_argument, "actor runtime needs a connection");
  if (options_.partitions < 1 || options_.partitions > 4096)
    throw Error(ErrorCode::invalid_argument, "partitions must be between 1 and 4096");
  if (options_.lease_ttl < std::chrono::seconds(1))
    throw Error(ErrorCode::invalid_argument, "lease_ttl must be at least one second");
  if (options_.idle_timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "idle_timeout must be positive");
  if (options_.call_timeout.count() <= 0) throw Error(ErrorCode::invalid_argument, "call_timeout must be positive");
  if (options_.workers < 1) throw Error(ErrorCode::invalid_argument, "workers must be at least 1");
  if (options_.max_reentrancy_depth < 1)
    throw Error(ErrorCode::invalid_argument, "max_reentrancy_depth must be at least 1");
  host_id = options_.host_id.empty() ? next_nuid() : options_.host_id;
}

ActorRuntimeCore::~ActorRuntimeCore() {
  if (timers_) timers_->stop();
  if (workers_) workers_->stop();
}

void ActorRuntimeCore::register_type(const std::string& type, ActorFactory factory) {
  wire::validate_type(type);
  if (!factory) throw Error(ErrorCode::invalid_argument, "actor type " + type + " needs a factory");
  std::lock_guard lock(mu_);
  if (started_) throw Error(ErrorCode::invalid_argument, "register actor types before start()");
  if (types_.count(type)) throw Error(ErrorCode::invalid_argument, "actor type " + type + " is registered already");
  auto& host = types_[type];
  host.name = type;
  host.factory = std::move(factory);
}

void ActorRuntimeCore::start() {
  {
    std::lock_guard lock(mu_);
    if (started_) throw Error(ErrorCode::invalid_argument, "actor runtime started already");
    if (types_.empty()) throw Error(ErrorCode::invalid_argument, "register at least one actor type before start()");
    started_ = true;
  }
  js_.emplace(connection_);
  leases_.emplace(open_bucket(*js_, options_.lease_bucket, options_.lease_ttl));
  // Every host must expire leases alike: the bucket's age limit is the lease time.
  auto bucket_ttl = leases_->status().ttl;
  if (bucket_ttl.count() > 0) options_.lease_ttl = bucket_ttl;
  states_.emplace(open_bucket(*js_, options_.state_bucket, Duration(0)));
  workers_ = std::make_unique<WorkerPool>(options_.workers);
  timers_ = std::make_unique<TimerThread>();

  // The work queue of tell() calls: one stream for every type ($NVT.<type>).
  try {
    StreamConfig tells;
    tells.name = options_.tell_stream;
    tells.subjects = {"$NVT.>"};
    tells.retention = RetentionPolicy::workqueue;
    js_->add_stream(tells);
  } catch (const JetStreamApiError& e) {
    if (e.err_code() != 10058) throw;  // exists already (another host, or another configuration)
  }

  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  for (auto& [name, host] : types_) {
    start_tells(host);
    SubscribeOptions queue;
    queue.queue = "hosts";
    host.acquire_requests = connection_->subscribe(
        wire::acquire_subject(name),
        [weak, type = name](Message&& msg) {
          if (auto self = weak.lock()) self->on_acquire_request(type, std::move(msg));
        },
        queue);
  }
  tick();
}

void ActorRuntimeCore::tick() {
  {
    std::lock_guard lock(placement_mu_);
    for (auto& [name, host] : types_) {
      if (stopping_) return;
      try {
        renew_and_balance(host);
      } catch (const std::exception&) {
        // The next tick tries again; a partition whose lease ran out was dropped.
      }
    }
  }
  sweep_idle();
  std::lock_guard lock(mu_);
  if (stopping_) return;
  auto period = std::max<Duration>(Duration(100), std::min(options_.lease_ttl / 4, options_.idle_timeout / 4));
  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  tick_timer_ = timers_->after(period, [weak] {
    if (auto self = weak.lock()) self->workers().post([weak] {
        if (auto self = weak.lock()) self->tick();
      });
  });
}

void ActorRuntimeCore::renew_and_balance(ActorTypeHost& host) {
  leases_->put(wire::host_key(host.name, host_id), host_id);
  const auto margin = options_.lease_ttl / 5;
  std::vector<std::pair<int, uint64_t>> owned;
  {
    std::lock_guard lock(mu_);
    for (auto& [p, lease] : host.owned) owned.emplace_back(p, lease.revision);
  }
  for (auto [p, revision] : owned) {
    auto sent = SteadyClock::now();
    try {
      uint64_t next = leases_->update(wire::lease_key(host.name, p), host_id, revision);
      std::lock_guard lock(mu_);
      auto it = host.owned.find(p);
      if (it != host.owned.end()) {
        it->second.revision = next;
        it->second.valid_until = sent + options_.lease_ttl - margin;
      }
    } catch (const JetStreamApiError& e) {
      if (wrong_last_sequence(e)) drop_partition(host, p, false);  // someone else holds it now
    } catch (const std::exception&) {
      bool expired;
      {
        std::lock_guard lock(mu_);
        auto it = host.owned.find(p);
        expired = it != host.owned.end() && SteadyClock::now() >= it->second.valid_until;
      }
      if (expired) drop_partition(host, p, false);
    }
  }

  // Balance: each host takes its share of the partitions nobody holds.
  auto hosts = std::max<std::size_t>(1, leases_->keys({host.name + ".h.*"}).size());
  auto fair = static_cast<std::size_t>((options_.partitions + hosts - 1) / hosts);
  std::size_t count;
  {
    std::lock_guard lock(mu_);
    count = host.owned.size();
  }
  if (count < fair) {
    std::set<std::string> held;
    for (auto& key : leases_->keys({host.name + ".p.*"})) held.insert(key);
    int start = wire::partition_of(host_id, options_.partitions);
    for (int i = 0; i < options_.partitions && count < fair; ++i) {
      int p = (start + i) % options_.partitions;
      if (held.count(wire::lease_key(host.name, p))) continue;
      if (try_acquire(host, p)) ++count;
    }
  } else if (count > fair) {
    std::vector<int> excess;
    {
      std::lock_guard lock(mu_);
      for (auto it = host.owned.rbegin(); it != host.owned.rend() && excess.size() < count - fair; ++it)
        excess.push_back(it->first);
    }
    for (int p : excess) drop_partition(host, p, true);
  }
}

bool ActorRuntimeCore::try_acquire(ActorTypeHost& host, int partition) {
  {
    std::lock_guard lock(mu_);
    if (host.owned.count(partition)) return true;
  }
  auto sent = SteadyClock::now();
  uint64_t revision;
  try {
    revision = leases_->create(wire::lease_key(host.name, partition), host_id);
  } catch (const JetStreamApiError& e) {
    if (wrong_last_sequence(e)) return false;
    throw;
  }
  take_partition(host, partition, revision, sent);
  return true;
}

void ActorRuntimeCore::take_partition(ActorTypeHost& host, int partition, uint64_t revision,
                                      SteadyClock::time_point sent) {
  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  SubscribeOptions unlimited;
  unlimited.pending_msgs_limit = -1;
  unlimited.pending_bytes_limit = -1;
  // A queue group: should two hosts ever subscribe to one partition (a host
  // that has not yet noticed it lost its lease, a second placement domain with
  // another lease bucket), each call still reaches only one of them.
  unlimited.queue = "actors";
  // on_call only routes (a turn queued, or handed to a language's queue), so
  // it runs on the thread that read the call: no dispatcher wake-up per call.
  auto calls = std::make_shared<Subscription>(connection_->impl().subscribe(
      wire::call_subject(host.name, partition), unlimited,
      [weak, type = host.name, partition](Message&& msg) {
        if (auto self = weak.lock()) self->on_call(type, partition, std::move(msg));
      },
      ConnectionImpl::HandlerThread::reader));
  {
    std::lock_guard lock(mu_);
    auto& lease = host.owned[partition];
    lease.revision = revision;
    lease.valid_until = sent + options_.lease_ttl - options_.lease_ttl / 5;
    lease.calls = std::move(calls);
  }
  load_reminders(host, partition);
}

void ActorRuntimeCore::drop_partition(ActorTypeHost& host, int partition, bool release) {
  ActorTypeHost::Lease lease;
  std::vector<std::shared_ptr<ActivationCore>> living;
  {
    std::lock_guard lock(mu_);
    auto it = host.owned.find(partition);
    if (it == host.owned.end()) return;
    lease = std::move(it->second);
    host.owned.erase(it);
    for (auto& [id, activation] : host.actors)
      if (activation->partition() == partition) living.push_back(activation);
  }
  if (lease.calls) lease.calls->unsubscribe();
  for (auto& [key, timer] : lease.reminder_timers) timers_->cancel(timer);
  {
    std::lock_guard lock(mu_);
    for (auto& activation : living)
      activation->enqueue(PendingTurn{Turn{TurnKind::deactivate, {}, {}}, {}, {}, 0, {}});
  }
  if (!release) return;
  // Hand over: the next owner starts after the state is saved and the lease is gone.
  std::unique_lock lock(mu_);
  drained_.wait_for(lock, options_.call_timeout, [&] {
    return std::all_of(living.begin(), living.end(), [](auto& a) { return a->idle_and_inactive(); });
  });
  lock.unlock();
  try {
    leases_->del(wire::lease_key(host.name, partition), lease.revision);
  } catch (const std::exception&) {
    // It expires on its own.
  }
}

std::optional<uint64_t> ActorRuntimeCore::lease_revision(const std::string& type, int partition) {
  std::lock_guard lock(mu_);
  auto host = types_.find(type);
  if (host == types_.end()) return std::nullopt;
  auto it = host->second.owned.find(partition);
  if (it == host->second.owned.end() || SteadyClock::now() >= it->second.valid_until) return std::nullopt;
  return it->second.revision;
}

std::shared_ptr<ActivationCore> ActorRuntimeCore::activation_locked(ActorTypeHost& host, const std::string& id,
                                                                    int partition) {
  auto& slot = host.actors[id];
  if (!slot) slot = std::make_shared<ActivationCore>(shared_from_this(), host.name, id, partition);
  return slot;
}

void ActorRuntimeCore::on_call(const std::string& type, int partition, Message&& msg) {
  auto id = msg.headers.get(wire::kIdHeader);
  auto method = msg.headers.get(wire::kMethodHeader);
  if (!id || !method || msg.reply.empty()) {
    reply(msg.reply, {}, std::make_exception_ptr(ActorError("ProtocolError", "malformed actor call")));
    return;
  }
  int depth = 0;
  if (auto d = msg.headers.get(wire::kDepthHeader)) depth = std::atoi(d->c_str());
  PendingTurn turn{Turn{TurnKind::call, std::move(*method), std::move(msg.data)}, std::move(msg.reply),
                   msg.headers.get(wire::kChainHeader).value_or(""), depth, {}};
  std::unique_lock lock(mu_);
  auto& host = types_.at(type);
  auto lease = host.owned.find(partition);
  if (stopping_ || lease == host.owned.end() || SteadyClock::now() >= lease->second.valid_until ||
      wire::partition_of(*id, options_.partitions) != partition) {
    lock.unlock();
    return reply(turn.reply, {}, std::make_exception_ptr(PartitionMovedError()));
  }
  // Enqueued under the lock, so an activation that is being removed cannot take it.
  auto activation = activation_locked(host, *id, partition);
  const bool start_here = activation->enqueue(std::move(turn), ActivationCore::Start::caller);
  lock.unlock();
  if (start_here) activation->run_queued();
}

void ActorRuntimeCore::on_acquire_request(const std::string& type, Message&& msg) {
  int partition = std::atoi(msg.data.c_str());
  if (partition < 0 || partition >= options_.partitions || msg.reply.empty()) return;
  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  workers_->post([weak, type, partition, reply_to = std::move(msg.reply)] {
    auto self = weak.lock();
    if (!self) return;
    // A crashed owner's lease runs out within lease_ttl; wait that long at most.
    auto until = SteadyClock::now() + self->options_.lease_ttl + std::chrono::seconds(1);
    for (;;) {
      {
        std::lock_guard placement(self->placement_mu_);
        if (self->stopping_) return;
        try {
          if (self->try_acquire(self->types_.at(type), partition)) break;
        } catch (const std::exception&) {
        }
      }
      if (SteadyClock::now() >= until) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    self->connection_->publish(reply_to, "");
  });
}

void ActorRuntimeCore::sweep_idle() {
  auto now = SteadyClock::now();
  std::lock_guard lock(mu_);
  for (auto& [name, host] : types_)
    for (auto it = host.actors.begin(); it != host.actors.end();) {
      auto& activation = it->second;
      if (activation->idle_and_inactive()) {
        it = host.actors.erase(it);
        continue;
      }
      if (activation->active() && now - activation->last_used() >= options_.idle_timeout)
        activation->enqueue(PendingTurn{Turn{TurnKind::deactivate, {}, {}}, {}, {}, 0, {}});
      ++it;
    }
}

void ActorRuntimeCore::activation_done(const std::shared_ptr<ActivationCore>& activation) {
  std::lock_guard lock(mu_);
  if (activation->idle_and_inactive()) {
    auto& host = types_.at(activation->type());
    auto it = host.actors.find(activation->id());
    if (it != host.actors.end() && it->second == activation) host.actors.erase(it);
  }
  drained_.notify_all();
}

std::unique_ptr<Actor> ActorRuntimeCore::create_actor(const std::string& type, const std::string& id) {
  ActorFactory factory;
  {
    std::lock_guard lock(mu_);
    factory = types_.at(type).factory;
  }
  auto actor = factory(id);
  if (!actor) throw ActorError("ActivationError", "the factory of actor type " + type + " returned no actor");
  return actor;
}

void ActorRuntimeCore::reply(const std::string& reply_to, const std::string& result, std::exception_ptr error) {
  if (reply_to.empty()) return;
  try {
    if (!error) return connection_->publish(reply_to, result);
    Headers headers;
    std::string message;
    try {
      std::rethrow_exception(error);
    } catch (const PartitionMovedError& e) {
      headers.add(std::string(wire::kErrorHeader), "$retry");
      message = e.what();
    } catch (const TurnTimeoutError& e) {
      headers.add(std::string(wire::kErrorHeader), "$timeout");
      message = e.what();
    } catch (...) {
      auto [type, text] = wire::describe_error(error);
      headers.add(std::string(wire::kErrorHeader), type);
      message = std::move(text);
    }
    connection_->publish(reply_to, message, {}, headers);
  } catch (const std::exception&) {
    // The connection is closing: the caller times out.
  }
}

void ActorRuntimeCore::count_turn(const std::string& type, const PendingTurn& turn, bool failed) {
  bool activation = turn.turn.kind == TurnKind::activate;
  if (!activation) {
    ++calls_;
    if (failed) ++failed_calls_;
  }
  // A turn that failed before it started (its activation did) waited until now.
  auto ended = SteadyClock::now();
  auto started = turn.started == SteadyClock::time_point{} ? ended : turn.started;
  metrics_.record(type, activation ? "$activate" : turn.turn.method, turn.arrived, started, ended, failed);
}

void ActorRuntimeCore::count_activation(bool activated) { ++(activated ? activations_ : deactivations_); }

ActorRuntimeStats ActorRuntimeCore::stats() {
  ActorRuntimeStats s;
  s.calls = calls_;
  s.failed_calls = failed_calls_;
  s.activations = activations_;
  s.deactivations = deactivations_;
  std::lock_guard lock(mu_);
  for (auto& [name, host] : types_) {
    s.owned_partitions += static_cast<int>(host.owned.size());
    for (auto& [id, activation] : host.actors) s.active_actors += activation->active() ? 1 : 0;
  }
  return s;
}

void ActorRuntimeCore::stop(Duration timeout) {
  {
    std::lock_guard lock(mu_);
    if (!started_ || stopping_) return;
    stopping_ = true;
    if (timers_ && tick_timer_) timers_->cancel(tick_timer_);
  }
  for (auto& [name, host] : types_) {
    if (host.acquire_requests) host.acquire_requests->unsubscribe();
    if (host.tells) host.tells->stop();  // what it buffered comes back after the ack wait
  }
  {
    std::lock_guard placement(placement_mu_);
    for (auto& [name, host] : types_) {
      std::vector<int> owned;
      {
        std::lock_guard lock(mu_);
        for (auto& [p, lease] : host.owned) owned.push_back(p);
      }
      for (int p : owned) drop_partition(host, p, true);
      try {
        leases_->del(wire::host_key(name, host_id));
      } catch (const std::exception&) {
      }
    }
  }
  (void)timeout;
  timers_->stop();
  workers_->stop();
}

// Tells: every host of a type reads the type's one durable consumer and
// delivers each stored call as an ordinary call (routing, acquisition), acking
// once the actor ran it, so a host that dies mid-way leaves it to another.

void ActorRuntimeCore::start_tells(ActorTypeHost& host) {
  ConsumerConfig config;
  config.durable_name = "tells-" + host.name;
  config.filter_subject = wire::tell_subject(host.name);
  config.ack_policy = AckPolicy::explicit_;
  config.ack_wait = options_.call_timeout + std::chrono::seconds(5);
  config.max_ack_pending = 1000;
  js_->create_or_update_consumer(options_.tell_stream, config);
  ConsumeOptions consume;
  consume.max_messages = 256;
  host.tells = js_->pull_consumer(options_.tell_stream, config.durable_name).consume(consume);
  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  host.tells->set_ready_notifier([weak, type = host.name] {
    if (auto self = weak.lock()) self->workers().post([weak, type] {
        if (auto self = weak.lock()) self->run_tells(type);
      });
  });
}

void ActorRuntimeCore::run_tells(const std::string& type) {
  std::shared_ptr<MessageStream> tells;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    tells = types_.at(type).tells;
  }
  if (!tells) return;
  ActorCallOptions call;
  call.partitions = options_.partitions;
  call.timeout = options_.call_timeout;
  std::vector<JsMessage> batch;
  // The notifier fires only when the queue turns non-empty: take all of it.
  while (tells->poll(batch, 256) > 0) {
    for (auto& m : batch) {
      auto id = m.headers().get(wire::kIdHeader);
      auto method = m.headers().get(wire::kMethodHeader);
      auto msg = std::make_shared<JsMessage>(std::move(m));
      if (!id || !method) {
        msg->term("not an actor call");
        continue;
      }
      try {
        ActorProxy(connection_, type, *id, call)
            .invoke_async(*method, msg->data(), options_.call_timeout, [msg](std::string, std::exception_ptr error) {
              bool ran = !error;
              if (error) try {
                  std::rethrow_exception(error);
                } catch (const ActorError&) {
                  ran = true;  // the actor ran it and failed: that is its outcome
                } catch (...) {
                }
              try {
                if (ran) msg->ack();
                else msg->nak(std::chrono::seconds(1));
              } catch (const std::exception&) {
                // Unacknowledged: redelivered after the ack wait.
              }
            });
      } catch (const std::exception&) {
        msg->term("invalid actor call");
      }
    }
    batch.clear();
  }
}

// Reminders.

void ActorRuntimeCore::load_reminders(ActorTypeHost& host, int partition) {
  auto prefix = wire::reminder_prefix(host.name, partition);
  for (auto& key : states_->keys({prefix + ">"})) {
    auto entry = states_->get(key);
    if (!entry) continue;
    try {
      schedule_reminder(host, partition, key, wire::decode_reminder(entry->value));
    } catch (const std::exception&) {
      // A record this version cannot read stays for a host that can.
    }
  }
}

void ActorRuntimeCore::schedule_reminder(ActorTypeHost& host, int partition, const std::string& key,
                                         const wire::ReminderRecord& record) {
  auto delay = Duration(std::max<int64_t>(0, record.due_ms - epoch_ms()));
  std::weak_ptr<ActorRuntimeCore> weak = weak_from_this();
  uint64_t timer = timers_->after(delay, [weak, type = host.name, partition, key] {
    if (auto self = weak.lock()) self->workers().post([weak, type, partition, key] {
        if (auto self = weak.lock()) self->fire_reminder(type, partition, key);
      });
  });
  std::lock_guard lock(mu_);
  auto lease = host.owned.find(partition);
  if (lease == host.owned.end()) {
    timers_->cancel(timer);
    return;
  }
  auto [it, inserted] = lease->second.reminder_timers.emplace(key, timer);
  if (!inserted) {
    timers_->cancel(it->second);
    it->second = timer;
  }
}

void ActorRuntimeCore::fire_reminder(const std::string& type, int partition, const std::string& key) {
  auto entry = states_->get(key);
  if (!entry) return;  // unregistered meanwhile
  auto record = wire::decode_reminder(entry->value);
  std::lock_guard lock(mu_);
  auto& host = types_.at(type);
  auto lease = host.owned.find(partition);
  if (stopping_ || lease == host.owned.end()) return;
  lease->second.reminder_timers.erase(key);
  activation_locked(host, record.actor_id, partition)
      ->enqueue(PendingTurn{Turn{TurnKind::reminder, record.name, record.data}, {}, {}, 0, key});
}

void ActorRuntimeCore::reminder_done(const std::string& type, int partition, const std::string& key, bool) {
  try {
    auto entry = states_->get(key);
    if (!entry) return;
    auto record = wire::decode_reminder(entry->value);
    if (record.period_ms <= 0 || record.left == 1) {
      states_->del(key, entry->revision);
      return;
    }
    // Each due time fires once: due times missed while no host served the partition collapse into one.
    auto now = epoch_ms();
    record.due_ms += record.period_ms;
    if (record.due_ms < now) record.due_ms += ((now - record.due_ms) / record.period_ms + 1) * record.period_ms;
    if (record.left > 0) --record.left;
    states_->update(key, wire::encode_reminder(record), entry->revision);
    schedule_reminder(types_.at(type), partition, key, record);
  } catch (const std::exception&) {
    // Changed meanwhile (re-registered or removed): the new record rules.
  }
}

void ActorRuntimeCore::store_reminder(const std::string& type, int partition, const wire::ReminderRecord& record) {
  auto key = wire::reminder_key(type, partition, record.actor_id, record.name);
  states_->put(key, wire::encode_reminder(record));
  schedule_reminder(types_.at(type), partition, key, record);
}

void ActorRuntimeCore::delete_reminder(const std::string& type, int partition, const std::string& id,
                                       const std::string& name) {
  auto key = wire::reminder_key(type, partition, id, name);
  {
    std::lock_guard lock(mu_);
    auto& host = types_.at(type);
    auto lease = host.owned.find(partition);
    if (lease != host.owned.end()) {
      auto it = lease->second.reminder_timers.find(key);
      if (it != lease->second.reminder_timers.end()) {
        timers_->cancel(it->second);
        lease->second.reminder_timers.erase(it);
      }
    }
  }
  states_->purge(key);
}

}  // namespace nervure::detail

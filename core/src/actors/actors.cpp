// The public actor surface: the context a turn sees, C++ method actors, and
// the runtime handle.
#include "nervure/actors.hpp"

#include "actors/runtime_core.hpp"
#include "actors/turn_queue.hpp"
#include "nervure/errors.hpp"

namespace nervure {

ActorContext::ActorContext(std::shared_ptr<detail::ActivationCore> activation) : activation_(std::move(activation)) {}
const std::string& ActorContext::actor_type() const { return activation_->type(); }
const std::string& ActorContext::actor_id() const { return activation_->id(); }
std::optional<std::string> ActorContext::get(const std::string& key) const { return activation_->get(key); }
void ActorContext::set(const std::string& key, std::string value) { activation_->set(key, std::move(value)); }
bool ActorContext::remove(const std::string& key) { return activation_->remove(key); }
bool ActorContext::contains(const std::string& key) const { return activation_->contains(key); }
void ActorContext::save() { activation_->save(); }

void ActorContext::register_timer(const std::string& name, const Schedule& schedule, const std::string& method,
                                  std::string args) {
  activation_->register_timer(name, schedule, method, std::move(args));
}
void ActorContext::unregister_timer(const std::string& name) { activation_->unregister_timer(name); }
void ActorContext::register_reminder(const std::string& name, const Schedule& schedule, std::string data) {
  activation_->register_reminder(name, schedule, std::move(data));
}
void ActorContext::unregister_reminder(const std::string& name) { activation_->unregister_reminder(name); }

ActorProxy ActorContext::proxy(const std::string& actor_type, const std::string& actor_id) const {
  auto rt = activation_->runtime();
  if (!rt) throw Error(ErrorCode::connection_closed, "actor runtime stopped");
  ActorCallOptions options;
  options.partitions = rt->options().partitions;
  options.timeout = rt->options().call_timeout;
  ActorProxy proxy(rt->connection(), actor_type, actor_id, options);
  proxy.chain_ = activation_->current_chain();
  proxy.depth_ = activation_->current_depth();
  return proxy;
}

void MethodActor::handle(ActorContext& ctx, Turn turn, TurnDone done) {
  std::string result;
  try {
    switch (turn.kind) {
      case TurnKind::activate: on_activate(ctx); break;
      case TurnKind::deactivate: on_deactivate(ctx); break;
      case TurnKind::reminder: receive_reminder(ctx, turn.method, turn.args); break;
      case TurnKind::call:
      case TurnKind::timer: {
        auto it = methods_.find(turn.method);
        if (it == methods_.end())
          throw ActorError("MethodNotFound", "actor " + ctx.actor_type() + " has no method \"" + turn.method + "\"");
        result = it->second(ctx, turn.args);
        break;
      }
    }
  } catch (...) {
    return done({}, std::current_exception());
  }
  done(std::move(result), nullptr);
}

ActorRuntime::ActorRuntime(std::shared_ptr<Connection> connection, ActorRuntimeOptions options)
    : core_(std::make_shared<detail::ActorRuntimeCore>(std::move(connection), std::move(options))) {}

ActorRuntime::~ActorRuntime() {
  try {
    stop(std::chrono::seconds(10));
  } catch (...) {
  }
}

void ActorRuntime::register_type(const std::string& actor_type, ActorFactory factory) {
  core_->register_type(actor_type, std::move(factory));
}
void ActorRuntime::start() { core_->start(); }
void ActorRuntime::stop(Duration timeout) {
  core_->stop(timeout);
  if (queue_) queue_->close();
}

void ActorRuntime::register_queued_type(const std::string& actor_type) {
  if (!queue_) queue_ = std::make_shared<detail::TurnQueue>();
  core_->register_type(actor_type, [queue = queue_](const std::string&) { return queue->make_actor(); });
}

std::shared_ptr<Subscription> ActorRuntime::turns() {
  if (!queue_) queue_ = std::make_shared<detail::TurnQueue>();
  return queue_->turns();
}

void ActorRuntime::complete_turn(uint64_t turn, std::string result, std::exception_ptr error) {
  if (!queue_) throw Error(ErrorCode::invalid_argument, "no queued actor types registered");
  queue_->complete(turn, std::move(result), error);
}

ActorContext ActorRuntime::turn_context(uint64_t turn) {
  if (!queue_) throw Error(ErrorCode::invalid_argument, "no queued actor types registered");
  return queue_->context(turn);
}
const std::string& ActorRuntime::host_id() const { return core_->host_id; }
ActorRuntimeStats ActorRuntime::stats() const { return core_->stats(); }
std::vector<ActorMethodStats> ActorRuntime::method_stats() const { return core_->method_stats(); }

}  // namespace nervure

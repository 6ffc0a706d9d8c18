#include "actors/turn_queue.hpp"

#include "nervure/errors.hpp"

namespace nervure::detail {

void QueuedActor::handle(ActorContext& ctx, Turn turn, TurnDone done) { queue_->push(ctx, std::move(turn), std::move(done)); }

namespace {
const char* kind_name(TurnKind kind) {
  switch (kind) {
    case TurnKind::activate: return "activate";
    case TurnKind::call: return "call";
    case TurnKind::timer: return "timer";
    case TurnKind::reminder: return "reminder";
    case TurnKind::deactivate: return "deactivate";
  }
  return "call";
}
}  // namespace

TurnQueue::TurnQueue()
    : state_(std::make_shared<SubscriptionState>(std::weak_ptr<ConnectionImpl>{}, 0, "actor-turns", "", 0, -1, -1)),
      subscription_(std::make_shared<Subscription>(state_)) {}

std::unique_ptr<Actor> TurnQueue::make_actor() { return std::make_unique<QueuedActor>(shared_from_this()); }

void TurnQueue::push(ActorContext& ctx, Turn turn, TurnDone done) {
  Message m;
  m.subject = std::move(turn.method);
  m.data = std::move(turn.args);
  m.has_headers = true;
  m.headers.add("Nervure-Actor-Type", ctx.actor_type());
  m.headers.add("Nervure-Actor-Id", ctx.actor_id());
  m.headers.add("Nervure-Turn", kind_name(turn.kind));
  {
    std::lock_guard lock(mu_);
    uint64_t id = next_turn_++;
    m.reply = std::to_string(id);
    running_.emplace(id, Running{ctx, std::move(done)});
  }
  auto pushed = state_->push(std::move(m));
  if (pushed == SubscriptionState::Push::queued_first) state_->notify();
}

void TurnQueue::complete(uint64_t turn, std::string result, std::exception_ptr error) {
  TurnDone done;
  {
    std::lock_guard lock(mu_);
    auto it = running_.find(turn);
    if (it == running_.end())
      throw Error(ErrorCode::invalid_argument, "no running actor turn " + std::to_string(turn));
    done = std::move(it->second.done);
    running_.erase(it);
  }
  done(std::move(result), error);
}

ActorContext TurnQueue::context(uint64_t turn) {
  std::lock_guard lock(mu_);
  auto it = running_.find(turn);
  if (it == running_.end()) throw Error(ErrorCode::invalid_argument, "no running actor turn " + std::to_string(turn));
  return it->second.ctx;
}

void TurnQueue::close() {
  state_->end_arrivals();
  state_->notify();
}

}  // namespace nervure::detail

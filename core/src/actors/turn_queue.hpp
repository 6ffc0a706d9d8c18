#pragma once
// Turns handed to another thread: a language package's actors run on its own
// event loop, so their turns queue up as messages, one batch per wakeup, the
// same way subscription messages cross.
#include <memory>
#include <mutex>
#include <unordered_map>

#include "nervure/actors.hpp"
#include "subscription_state.hpp"

namespace nervure::detail {

class TurnQueue;

/// A language package's actor: handle() only hands the turn to the package's
/// thread, so it may be called on any thread and never blocks.
class QueuedActor : public Actor {
 public:
  explicit QueuedActor(std::shared_ptr<TurnQueue> queue) : queue_(std::move(queue)) {}
  void handle(ActorContext& ctx, Turn turn, TurnDone done) override;

 private:
  std::shared_ptr<TurnQueue> queue_;
};

class TurnQueue : public std::enable_shared_from_this<TurnQueue> {
 public:
  TurnQueue();
  std::unique_ptr<Actor> make_actor();
  std::shared_ptr<Subscription> turns() const { return subscription_; }
  void complete(uint64_t turn, std::string result, std::exception_ptr error);
  ActorContext context(uint64_t turn);
  /// No more turns will come (the runtime stopped).
  void close();

 private:
  friend class QueuedActor;
  void push(ActorContext& ctx, Turn turn, TurnDone done);

  struct Running {
    ActorContext ctx;
    TurnDone done;
  };
  std::shared_ptr<SubscriptionState> state_;
  std::shared_ptr<Subscription> subscription_;
  std::mutex mu_;
  std::unordered_map<uint64_t, Running> running_;
  uint64_t next_turn_ = 1;
};

}  // namespace nervure::detail

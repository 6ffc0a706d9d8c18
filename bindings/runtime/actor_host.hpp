#pragma once
// Actors for the language packages: a runtime whose turns queue up as a source
// the language polls (one batch per wakeup), plus calls made from inside a turn.
#include <memory>
#include <string>

#include "bridge.hpp"
#include "nervure/actors.hpp"

namespace nervure::bridge {

class BridgeActorHost {
 public:
  BridgeActorHost(Bridge& bridge, ActorRuntimeOptions options);
  ActorRuntime& runtime() { return *runtime_; }
  const std::shared_ptr<BridgeSubscription>& turns() const { return turns_; }
  ActorContext context(uint64_t turn) { return runtime_->turn_context(turn); }
  /// A call from inside a turn: it belongs to the turn's call chain.
  void invoke(AsyncTarget target, uint64_t turn, const std::string& actor_type, const std::string& actor_id,
              const std::string& method, std::string_view args, Duration timeout);

 private:
  std::shared_ptr<Inbox> inbox_;
  std::unique_ptr<ActorRuntime> runtime_;
  std::shared_ptr<BridgeSubscription> turns_;
};

/// A durable fire-and-forget call, completed through the inbox once stored.
void tell_actor(Bridge& bridge, AsyncTarget target, ActorProxy proxy, const std::string& method,
                std::string_view args, const std::string& dedup_id);

/// A call to an actor from outside any turn, completed through the inbox.
void invoke_actor(Bridge& bridge, AsyncTarget target, ActorProxy proxy, const std::string& method,
                  std::string_view args, Duration timeout);

}  // namespace nervure::bridge

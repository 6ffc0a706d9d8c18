#include "actor_host.hpp"

namespace nervure::bridge {
namespace {

void start_invoke(const std::shared_ptr<Inbox>& inbox, AsyncTarget target, ActorProxy& proxy,
                  const std::string& method, std::string_view args, Duration timeout) {
  proxy.invoke_async(method, args, timeout,
                     [inbox, target = std::move(target)](std::string result, std::exception_ptr error) {
                       inbox->awaited_finished();
                       if (error) return deliver(inbox, target.direct, failed(target.token, error));
                       Completion c;
                       c.token = target.token;
                       c.has_message = true;
                       c.message.data = std::move(result);
                       deliver(inbox, target.direct, std::move(c));
                     });
  inbox->awaited_started();
}

}  // namespace

BridgeActorHost::BridgeActorHost(Bridge& bridge, ActorRuntimeOptions options)
    : inbox_(bridge.shared_inbox()),
      runtime_(std::make_unique<ActorRuntime>(bridge.shared_connection(), std::move(options))),
      turns_(bridge.adopt(runtime_->turns())) {}

void BridgeActorHost::invoke(AsyncTarget target, uint64_t turn, const std::string& actor_type,
                             const std::string& actor_id, const std::string& method, std::string_view args,
                             Duration timeout) {
  auto proxy = runtime_->turn_context(turn).proxy(actor_type, actor_id);
  start_invoke(inbox_, std::move(target), proxy, method, args, timeout);
}

void invoke_actor(Bridge& bridge, AsyncTarget target, ActorProxy proxy, const std::string& method,
                  std::string_view args, Duration timeout) {
  start_invoke(bridge.shared_inbox(), std::move(target), proxy, method, args, timeout);
}

void tell_actor(Bridge& bridge, AsyncTarget target, ActorProxy proxy, const std::string& method,
                std::string_view args, const std::string& dedup_id) {
  proxy.tell_async(method, args, dedup_id,
                   [inbox = bridge.shared_inbox(), target = std::move(target)](std::exception_ptr error) {
                     if (error) return deliver(inbox, target.direct, failed(target.token, error));
                     Completion c;
                     c.token = target.token;
                     deliver(inbox, target.direct, std::move(c));
                   });
}

}  // namespace nervure::bridge

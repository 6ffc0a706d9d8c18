#pragma once
// One function per operation of bindings/api/*.json, named object_operation:
// the single place that says what an operation does in terms of the core.
// Generated glue in every language calls these with arguments already
// converted to C++ views; durations arrive in milliseconds. Asynchronous
// operations take an AsyncTarget right after the object.
#include <cstdint>
#include <string>
#include <string_view>

#include "actor_host.hpp"
#include "bridge.hpp"

namespace nervure::ops {

using bridge::AsyncTarget;
using bridge::Bridge;
using bridge::BridgeActorHost;
using bridge::BridgeSubscription;

inline Duration ms(int64_t v) {
  if (v < 0) throw Error(ErrorCode::invalid_argument, "a duration must not be negative");
  return Duration(v);
}

// ---- connection -------------------------------------------------------------
inline void connection_publish(Bridge& c, std::string_view subject, std::string_view data, std::string_view reply,
                               const Headers* headers) {
  if (headers) c.connection().publish(subject, data, reply, *headers);
  else c.connection().publish(subject, data, reply);
}
inline std::shared_ptr<BridgeSubscription> connection_subscribe(Bridge& c, std::string_view subject,
                                                                std::string_view queue, int64_t max_msgs,
                                                                int64_t pending_msgs_limit,
                                                                int64_t pending_bytes_limit) {
  return c.subscribe(subject, SubscribeOptions{std::string(queue), max_msgs, pending_msgs_limit, pending_bytes_limit});
}
inline void connection_request(Bridge& c, AsyncTarget target, std::string_view subject, std::string_view data,
                               int64_t timeout_ms, const Headers* headers) {
  c.request(std::move(target), subject, data, ms(timeout_ms), headers);
}
inline void connection_flush(Bridge& c, AsyncTarget target, int64_t timeout_ms) {
  c.flush(std::move(target), ms(timeout_ms));
}
inline void connection_drain(Bridge& c, int64_t timeout_ms) { c.connection().drain(ms(timeout_ms)); }
inline void connection_close(Bridge& c) { c.connection().close(); }
inline bool connection_is_connected(Bridge& c) { return c.connection().is_connected(); }
inline bool connection_is_reconnecting(Bridge& c) { return c.connection().is_reconnecting(); }
inline bool connection_is_closed(Bridge& c) { return c.connection().is_closed(); }
inline Stats connection_stats(Bridge& c) { return c.connection().stats(); }
inline std::string connection_server_info(Bridge& c) { return c.connection().server_info().raw_json; }
inline std::string connection_connected_url(Bridge& c) { return c.connection().connected_url(); }
inline std::string connection_new_inbox(Bridge& c) { return c.connection().new_inbox(); }
inline int64_t connection_max_payload(Bridge& c) { return c.connection().max_payload(); }

// ---- subscription -----------------------------------------------------------
inline void subscription_unsubscribe(BridgeSubscription& s) { s.core().unsubscribe(); }
inline void subscription_drain(BridgeSubscription& s, int64_t timeout_ms) { s.core().drain(ms(timeout_ms)); }
inline void subscription_auto_unsubscribe(BridgeSubscription& s, int64_t max_msgs) {
  if (max_msgs <= 0) throw Error(ErrorCode::invalid_argument, "max_msgs must be positive");
  s.core().auto_unsubscribe(max_msgs);
}
inline void subscription_set_pending_limits(BridgeSubscription& s, int64_t msgs_limit, int64_t bytes_limit) {
  if (msgs_limit == 0 || bytes_limit == 0 || msgs_limit < -1 || bytes_limit < -1)
    throw Error(ErrorCode::invalid_argument, "pending limits are positive, or -1 for unlimited");
  s.core().set_pending_limits(msgs_limit, bytes_limit);
}
inline int64_t subscription_pending(BridgeSubscription& s) { return s.core().pending_msgs(); }
inline int64_t subscription_pending_bytes(BridgeSubscription& s) { return s.core().pending_bytes(); }
inline int64_t subscription_dropped(BridgeSubscription& s) { return s.core().dropped(); }
inline int64_t subscription_delivered(BridgeSubscription& s) { return s.core().delivered(); }

// ---- actors -----------------------------------------------------------------
inline std::shared_ptr<BridgeActorHost> connection_actor_host(
    Bridge& c, int64_t idle_timeout_ms, int64_t call_timeout_ms, bool reentrancy, int64_t max_reentrancy_depth,
    int64_t lease_ttl_ms, int64_t partitions, int64_t workers, std::string_view host_id,
    std::string_view lease_bucket, std::string_view state_bucket) {
  ActorRuntimeOptions o;
  o.idle_timeout = ms(idle_timeout_ms);
  o.call_timeout = ms(call_timeout_ms);
  o.reentrancy = reentrancy;
  o.max_reentrancy_depth = static_cast<int>(max_reentrancy_depth);
  o.lease_ttl = ms(lease_ttl_ms);
  o.partitions = static_cast<int>(partitions);
  o.workers = static_cast<int>(workers);
  o.host_id = host_id;
  o.lease_bucket = lease_bucket;
  o.state_bucket = state_bucket;
  return std::make_shared<BridgeActorHost>(c, std::move(o));
}
inline void connection_actor_invoke(Bridge& c, AsyncTarget target, std::string_view actor_type,
                                    std::string_view actor_id, std::string_view method, std::string_view args,
                                    int64_t timeout_ms, int64_t partitions) {
  ActorCallOptions o;
  o.timeout = ms(timeout_ms);
  o.partitions = static_cast<int>(partitions);
  ActorProxy proxy(c.shared_connection(), std::string(actor_type), std::string(actor_id), o);
  bridge::invoke_actor(c, std::move(target), std::move(proxy), std::string(method), args, o.timeout);
}

inline void connection_actor_tell(Bridge& c, AsyncTarget target, std::string_view actor_type,
                                  std::string_view actor_id, std::string_view method, std::string_view args,
                                  std::string_view dedup_id, int64_t timeout_ms) {
  ActorCallOptions o;
  o.timeout = ms(timeout_ms);
  ActorProxy proxy(c.shared_connection(), std::string(actor_type), std::string(actor_id), o);
  bridge::tell_actor(c, std::move(target), std::move(proxy), std::string(method), args, std::string(dedup_id));
}

inline void actor_host_register_type(BridgeActorHost& h, std::string_view actor_type) {
  h.runtime().register_queued_type(std::string(actor_type));
}
inline void actor_host_start(BridgeActorHost& h) { h.runtime().start(); }
inline void actor_host_stop(BridgeActorHost& h, int64_t timeout_ms) { h.runtime().stop(ms(timeout_ms)); }
inline std::shared_ptr<BridgeSubscription> actor_host_turns(BridgeActorHost& h) { return h.turns(); }
inline std::string actor_host_host_id(BridgeActorHost& h) { return h.runtime().host_id(); }
inline ActorRuntimeStats actor_host_stats(BridgeActorHost& h) { return h.runtime().stats(); }
inline void actor_host_complete(BridgeActorHost& h, uint64_t turn, std::string_view result,
                                std::string_view error_type, std::string_view error_message) {
  std::exception_ptr error;
  if (!error_type.empty())
    error = std::make_exception_ptr(ActorError(std::string(error_type), std::string(error_message)));
  h.runtime().complete_turn(turn, std::string(result), error);
}
inline std::string actor_host_state_get(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).get(std::string(key)).value_or(std::string());
}
inline bool actor_host_state_contains(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).contains(std::string(key));
}
inline void actor_host_state_set(BridgeActorHost& h, uint64_t turn, std::string_view key, std::string_view value) {
  h.context(turn).set(std::string(key), std::string(value));
}
inline bool actor_host_state_remove(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).remove(std::string(key));
}
inline void actor_host_state_save(BridgeActorHost& h, uint64_t turn) { h.context(turn).save(); }
inline void actor_host_register_timer(BridgeActorHost& h, uint64_t turn, std::string_view name,
                                      std::string_view method, std::string_view due, std::string_view period,
                                      std::string_view args) {
  h.context(turn).register_timer(std::string(name), parse_schedule(due, period), std::string(method),
                                 std::string(args));
}
inline void actor_host_unregister_timer(BridgeActorHost& h, uint64_t turn, std::string_view name) {
  h.context(turn).unregister_timer(std::string(name));
}
inline void actor_host_register_reminder(BridgeActorHost& h, uint64_t turn, std::string_view name,
                                         std::string_view due, std::string_view period, std::string_view data) {
  h.context(turn).register_reminder(std::string(name), parse_schedule(due, period), std::string(data));
}
inline void actor_host_unregister_reminder(BridgeActorHost& h, uint64_t turn, std::string_view name) {
  h.context(turn).unregister_reminder(std::string(name));
}
inline void actor_host_invoke(BridgeActorHost& h, AsyncTarget target, uint64_t turn, std::string_view actor_type,
                              std::string_view actor_id, std::string_view method, std::string_view args,
                              int64_t timeout_ms) {
  h.invoke(std::move(target), turn, std::string(actor_type), std::string(actor_id), std::string(method), args,
           ms(timeout_ms));
}

}  // namespace nervure::ops

#pragma once
// One function per operation of bindings/api/*.json, named object_operation:
// the single place that says what an operation does in terms of the core.
// Generated glue in every language calls these with arguments already
// converted to C++ views; durations arrive in milliseconds. Asynchronous
// operations take an AsyncTarget right after the object.
#include <cstdint>
#include <string>
#include <string_view>

#include "bridge.hpp"

namespace nervure::ops {

using bridge::AsyncTarget;
using bridge::Bridge;
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

}  // namespace nervure::ops

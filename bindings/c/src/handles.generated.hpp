// generated from the definition in bindings/api/ by bindings/generator; do not edit
#pragma once
// Included by handles.hpp: an object's handle shares its runtime object.

struct nervure_connection {
  std::shared_ptr<nervure::bridge::Bridge> handle;
};

struct nervure_actor_host {
  std::shared_ptr<nervure::bridge::BridgeActorHost> handle;
};

struct nervure_subscription {
  std::shared_ptr<nervure::bridge::BridgeSubscription> handle;
};

struct nervure_jetstream {
  std::shared_ptr<nervure::bridge::BridgeJetStream> handle;
};

struct nervure_key_value {
  std::shared_ptr<nervure::bridge::BridgeKeyValue> handle;
};

namespace nervure::cabi {
inline void put(nervure_connection** out, std::shared_ptr<nervure::bridge::Bridge> h) {
  *out = new nervure_connection{std::move(h)};
}
inline void put(nervure_actor_host** out, std::shared_ptr<nervure::bridge::BridgeActorHost> h) {
  *out = new nervure_actor_host{std::move(h)};
}
inline void put(nervure_subscription** out, std::shared_ptr<nervure::bridge::BridgeSubscription> h) {
  *out = new nervure_subscription{std::move(h)};
}
inline void put(nervure_jetstream** out, std::shared_ptr<nervure::bridge::BridgeJetStream> h) {
  *out = new nervure_jetstream{std::move(h)};
}
inline void put(nervure_key_value** out, std::shared_ptr<nervure::bridge::BridgeKeyValue> h) {
  *out = new nervure_key_value{std::move(h)};
}
}  // namespace nervure::cabi

#pragma once
// What a delivered message needs to acknowledge itself: the connection and
// what the consumer it came from allows.
#include <memory>

#include "nervure/connection.hpp"

namespace nervure::detail {

struct AckChannel {
  std::weak_ptr<Connection> nc;
  bool ack_none = false;         // the consumer takes no acknowledgements
  bool term_reason_ok = true;    // +TERM with a reason: nats-server 2.10+
};

/// For consumers that take no acknowledgements: one shared channel held
/// without a reference count, so handing it to every message costs no atomic
/// operation on a counter that the reader's thread would be decrementing.
inline std::shared_ptr<AckChannel> ack_none_channel() {
  static AckChannel channel{{}, true, true};
  return std::shared_ptr<AckChannel>(std::shared_ptr<AckChannel>(), &channel);
}

}  // namespace nervure::detail

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

}  // namespace nervure::detail

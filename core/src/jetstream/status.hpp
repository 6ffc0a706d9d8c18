#pragma once
// The status messages a consumer's subscription receives among its messages
// (ADR-9, ADR-15, ADR-37): what each means, and which end a pull request.
#include <cstdint>
#include <string>

#include "nervure/message.hpp"

namespace nervure::detail {

enum class StatusKind {
  data,           // a stream message for the user
  heartbeat,      // 100 Idle Heartbeat (may name a stalled flow control subject)
  flow_control,   // 100 FlowControl Request: answer to its reply subject
  pull_done,      // 404, 408, 409 size/leadership, 423: this pull request ended, nothing wrong
  warning,        // 409 limits exceeded: the request was refused, keep going
  terminal,       // 400, 409 consumer deleted / push based: consuming cannot go on
  no_responders,  // 503: nobody serves the consumer (gone, or JetStream not up yet)
  unknown,
};

struct Status {
  StatusKind kind = StatusKind::data;
  int code = 0;
  std::string description;
  int64_t pending_msgs = 0;   // Nats-Pending-Messages of a request's end
  int64_t pending_bytes = 0;  // Nats-Pending-Bytes
};

Status classify(const Message& m);

/// Bytes a delivered message counts against a pull request's max_bytes, as the
/// server counts them: subject, reply, headers and payload.
int64_t counted_bytes(const Message& m);

}  // namespace nervure::detail

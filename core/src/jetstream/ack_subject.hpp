#pragma once
// The $JS.ACK reply subject read in place: the per-message path of consumers
// needs its numbers and names without allocating (MsgMetadata copies them).
#include <cstdint>
#include <string_view>

namespace nervure::detail {

/// Views into the subject it was parsed from; valid while that string lives.
struct AckSubject {
  std::string_view domain;  // empty when the server has none ("_")
  std::string_view stream;
  std::string_view consumer;
  uint64_t num_delivered = 0;
  uint64_t stream_seq = 0;
  uint64_t consumer_seq = 0;
  int64_t timestamp_ns = 0;
  uint64_t num_pending = 0;
};

/// Throws Error(invalid_argument) for anything but the v1 or v2 layout.
AckSubject parse_ack_subject_view(std::string_view reply);

}  // namespace nervure::detail

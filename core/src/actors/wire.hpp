#pragma once
// How actor calls and actor records look on the wire and in the buckets
// (docs/actors.md). Every language goes through this one definition.
#include <cstdint>
#include <exception>
#include <map>
#include <string>
#include <string_view>

#include "nervure/errors.hpp"

namespace nervure::detail::actor_wire {

inline constexpr std::string_view kIdHeader = "Nervure-Actor-Id";
inline constexpr std::string_view kMethodHeader = "Nervure-Actor-Method";
inline constexpr std::string_view kChainHeader = "Nervure-Actor-Chain";
inline constexpr std::string_view kDepthHeader = "Nervure-Actor-Depth";
inline constexpr std::string_view kErrorHeader = "Nervure-Actor-Error";  // on replies: the remote error's type

void validate_type(std::string_view actor_type);
void validate_id(std::string_view actor_id);

/// FNV-1a of the id, modulo the partition count: the same in every language.
int partition_of(std::string_view actor_id, int partitions);

std::string call_subject(std::string_view actor_type, int partition);
/// Where tell() stores a call; the hosts' tell stream takes $NVT.>.
std::string tell_subject(std::string_view actor_type);
std::string acquire_subject(std::string_view actor_type);

/// Keys: ids and names outside [A-Za-z0-9_-] are hex-encoded behind '='.
std::string key_token(std::string_view text);
std::string lease_key(std::string_view actor_type, int partition);
std::string host_key(std::string_view actor_type, std::string_view host_id);
std::string state_key(std::string_view actor_type, std::string_view actor_id);
std::string reminder_prefix(std::string_view actor_type, int partition);  // ends with '.'
std::string reminder_key(std::string_view actor_type, int partition, std::string_view actor_id,
                         std::string_view name);

/// The saved state of one actor, stamped with the lease revision of the
/// activation that wrote it.
struct StateRecord {
  uint64_t fence = 0;
  std::map<std::string, std::string> values;
};
std::string encode_state(const StateRecord& record);
StateRecord decode_state(std::string_view bytes);

struct ReminderRecord {
  std::string actor_id;
  std::string name;
  int64_t due_ms = 0;     // next due time, milliseconds since the Unix epoch
  int64_t period_ms = 0;  // 0: fires once
  int64_t left = -1;      // firings left; -1 unbounded
  std::string data;
};
std::string encode_reminder(const ReminderRecord& record);
ReminderRecord decode_reminder(std::string_view bytes);

/// The type name and message an actor's failure carries to the caller.
std::pair<std::string, std::string> describe_error(const std::exception_ptr& error);

}  // namespace nervure::detail::actor_wire

namespace nervure::detail {
/// A call reached a host that no longer serves its partition: the caller retries.
class PartitionMovedError : public Error {
 public:
  PartitionMovedError() : Error(ErrorCode::nervure, "the actor's partition moved to another host") {}
};

/// A turn ran past the host's call_timeout: the caller gets TimeoutError.
class TurnTimeoutError : public Error {
 public:
  TurnTimeoutError() : Error(ErrorCode::timeout, "actor turn ran longer than the host's call_timeout") {}
};
}  // namespace nervure::detail

#pragma once
// ADR-8's conventions: bucket and key names, the stream behind a bucket, and
// how a stored message reads as an entry.
#include <string>

#include "nervure/kv.hpp"

namespace nervure::detail {

inline constexpr const char* kKvStreamPrefix = "KV_";

void validate_bucket(const std::string& bucket);
/// A key to store under; with wildcards_ok, a key filter for watch and keys.
void validate_key(const std::string& key, bool wildcards_ok = false);
std::string kv_subject_prefix(const std::string& bucket);
StreamConfig kv_stream_config(const KeyValueConfig& config);
KeyValueStatus kv_status(const StreamInfo& info);

/// The operation a stored message records (KV-Operation, or the server's
/// Nats-Marker-Reason on buckets with limit markers).
KvOperation kv_operation(const Headers& headers);
KeyValueEntry kv_entry(const std::string& bucket, const std::string& prefix, StoredMessage&& msg);

}  // namespace nervure::detail

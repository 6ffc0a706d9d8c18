#pragma once
// Small pieces every JetStream file needs: names, durations, times, base64.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "nervure/jetstream_types.hpp"

namespace nervure::detail {

/// Stream, consumer and bucket names become subject tokens: no '.', wildcards,
/// white space or path separators. Throws Error(invalid_argument).
void validate_name(const std::string& what, const std::string& name);

inline int64_t to_nanos(Duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); }
inline Duration from_nanos(int64_t ns) {
  return std::chrono::duration_cast<Duration>(std::chrono::nanoseconds(ns));
}

/// RFC 3339 with nanoseconds, UTC ("2024-05-01T10:00:00.123456789Z").
std::string format_time(TimePoint t);
/// RFC 3339 (any offset, optional fraction) to a time point; throws on garbage.
TimePoint parse_time(std::string_view text);
/// Go's time.String() form, as direct get headers carry it
/// ("2022-08-06 00:29:27.587861324 +0000 UTC"), to RFC 3339.
std::string go_time_to_rfc3339(std::string_view text);

std::string base64_decode(std::string_view in);

/// A Go duration string as the server writes Nats-TTL ("1m0s", "90s", "never").
std::string seconds_text(Duration d);

}  // namespace nervure::detail

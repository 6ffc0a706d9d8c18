#pragma once
// The server's JSON for streams and consumers, both ways. Fields at their
// default are left out, as the server's own omitempty does, so an older server
// sees only what it knows.
#include <nlohmann/json.hpp>

#include "nervure/jetstream_types.hpp"

namespace nervure::detail {

using json = nlohmann::json;

json encode(const StreamConfig& c);
json encode(const ConsumerConfig& c);
StreamConfig decode_stream_config(const json& j);
ConsumerConfig decode_consumer_config(const json& j);
StreamInfo decode_stream_info(const json& j);
ConsumerInfo decode_consumer_info(const json& j);
AccountInfo decode_account_info(const json& j);

/// Throws JetStreamApiError when j is an API error response.
void throw_if_api_error(const json& j);
/// Parses an API response body; an unparsable one is a NervureError naming what.
json parse_response(std::string_view body, const std::string& what);

}  // namespace nervure::detail

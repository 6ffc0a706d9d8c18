#pragma once
// JetStream and key-value records as JSON text, for the language packages:
// configurations come in as the server's own JSON (snake_case, durations in
// nanoseconds), results go out the same way. Bytes (message data, values) are
// base64 in the "data" / "value" fields.
#include <string>
#include <string_view>
#include <vector>

#include "nervure/jetstream_message.hpp"
#include "nervure/jetstream_types.hpp"
#include "nervure/kv.hpp"

namespace nervure::json_api {

/// InvalidArgument errors name the field that is wrong.
StreamConfig stream_config(std::string_view json);
ConsumerConfig consumer_config(std::string_view json);
KeyValueConfig key_value_config(std::string_view json);

std::string to_json(const PubAck& ack);
std::string to_json(const StoredMessage& msg);
std::string to_json(const KeyValueEntry& entry);
std::string to_json(const KeyValueStatus& status);
std::string to_json(const MsgMetadata& metadata);
/// {"names": [...]}
std::string names_json(const std::vector<std::string>& names);
/// {"<key>": [raw records...]} from records that are JSON text already.
std::string list_json(const char* key, const std::vector<std::string>& raw_records);

std::string base64(std::string_view bytes);

}  // namespace nervure::json_api

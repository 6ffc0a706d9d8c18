#pragma once
// The NATS/1.0 header block: a status line, "Key: Value" lines, an empty line.
#include <string>
#include <string_view>

#include "nervure/message.hpp"

namespace nervure::protocol {

/// Parses a raw header block into out. Throws ProtocolError when malformed.
void decode_headers(std::string_view block, Headers& out);

/// Appends the wire form of headers (always at least "NATS/1.0\r\n\r\n").
void encode_headers(std::string& out, const Headers& headers);

/// Throws Error(invalid_argument) for keys or values that would break the framing.
void validate_headers(const Headers& headers);

}  // namespace nervure::protocol

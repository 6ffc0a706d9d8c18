#pragma once
// A publish acknowledgement is a small flat object ({"stream":"S","seq":7}),
// one per acknowledged publish: reading it without building a JSON document
// halves the client's work per asynchronous publish.
#include <string_view>

#include "nervure/jetstream_types.hpp"

namespace nervure::detail {

/// Reads a flat object of plain strings, unsigned integers and booleans into
/// ack (stream, seq, duplicate, domain; other keys are skipped). Returns false,
/// leaving the decision to the full JSON parser, for anything else: an error
/// object, escapes, negative or fractional numbers, null, or malformed text.
bool scan_pub_ack(std::string_view body, PubAck& ack);

}  // namespace nervure::detail

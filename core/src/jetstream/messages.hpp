#pragma once
// Reading stored messages, by the stream leader's API or directly from any replica.
#include "jetstream/context.hpp"

namespace nervure::detail {

/// A direct get's reply as a stored message; a status reply (404 and the like)
/// becomes the JetStreamApiError the STREAM.MSG.GET API would have given.
StoredMessage stored_from_direct(Message&& reply);
/// Whether the stream answers direct gets (asks the server once, then remembers).
bool uses_direct(JetStreamImpl& js, const std::string& stream);
/// One message by a get request body (seq, last_by_subj...), direct when allowed.
StoredMessage get_stored(JetStreamImpl& js, const std::string& stream, const json& request);
/// get_stored without waiting: done runs once, on a core thread. Direct only
/// when the stream is known to allow it (nothing is asked first).
using StoredCallback = std::function<void(StoredMessage&& message, std::exception_ptr error)>;
void get_stored_async(std::shared_ptr<JetStreamImpl> js, const std::string& stream, const json& request,
                      StoredCallback done);

}  // namespace nervure::detail

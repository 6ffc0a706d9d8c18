#pragma once
// What acknowledged publishing shares between its synchronous and asynchronous forms.
#include "jetstream/context.hpp"

namespace nervure::detail {

/// The headers that carry the publish options (de-duplication id, expectations,
/// TTL). Throws NotSupportedByServerError for a TTL the server would ignore.
Headers publish_headers(JetStreamImpl& js, const PublishOptions& options);
/// The stream's acknowledgement, or its error thrown.
PubAck decode_pub_ack(const Message& reply);
Error no_stream_error(const std::string& subject);

}  // namespace nervure::detail

#include "nervure/errors.hpp"
#include "nervure/options.hpp"

namespace nervure {

const char* error_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "Ok";
    case ErrorCode::nervure: return "NervureError";
    case ErrorCode::connection_closed: return "ConnectionClosedError";
    case ErrorCode::timeout: return "TimeoutError";
    case ErrorCode::no_responders: return "NoRespondersError";
    case ErrorCode::invalid_subject: return "InvalidSubjectError";
    case ErrorCode::max_payload: return "MaxPayloadError";
    case ErrorCode::authorization: return "AuthorizationError";
    case ErrorCode::slow_consumer: return "SlowConsumerError";
    case ErrorCode::jetstream_api: return "JetStreamApiError";
    case ErrorCode::not_supported_by_server: return "NotSupportedByServerError";
    case ErrorCode::actor: return "ActorError";
    case ErrorCode::invalid_argument: return "InvalidArgumentError";
  }
  return "NervureError";
}

const char* event_name(Event e) noexcept {
  switch (e) {
    case Event::connected: return "connected";
    case Event::disconnected: return "disconnected";
    case Event::reconnected: return "reconnected";
    case Event::closed: return "closed";
    case Event::lame_duck: return "lame_duck";
    case Event::servers_discovered: return "servers_discovered";
    case Event::async_error: return "async_error";
    case Event::slow_consumer: return "slow_consumer";
  }
  return "unknown";
}

}  // namespace nervure

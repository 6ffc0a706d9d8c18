#pragma once
// The one error hierarchy of every language (docs/api/reference.md, errors).
// Every binding maps ErrorCode to its own idiom, so the numeric values are
// part of the C ABI and must never change.
#include <stdexcept>
#include <string>

namespace nervure {

enum class ErrorCode : int {
  ok = 0,
  nervure = 1,            // NervureError: the root, for anything without a narrower code
  connection_closed = 2,  // ConnectionClosedError
  timeout = 3,            // TimeoutError
  no_responders = 4,      // NoRespondersError
  invalid_subject = 5,    // InvalidSubjectError (also invalid queue group names)
  max_payload = 6,        // MaxPayloadError
  authorization = 7,      // AuthorizationError
  slow_consumer = 8,      // SlowConsumerError
  jetstream_api = 9,      // JetStreamApiError
  not_supported_by_server = 10,  // NotSupportedByServerError
  actor = 11,             // ActorError
  invalid_argument = 12,  // NervureError subtype for bad options, URLs, creds files
};

/// Stable, language-neutral name of a code, e.g. "NoRespondersError".
const char* error_name(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// A JetStream API error carries the server's HTTP-like code and its err_code.
class JetStreamApiError : public Error {
 public:
  JetStreamApiError(int status, int err_code, const std::string& description)
      : Error(ErrorCode::jetstream_api, description), status_(status), err_code_(err_code) {}
  int status() const noexcept { return status_; }
  int err_code() const noexcept { return err_code_; }

 private:
  int status_;
  int err_code_;
};

/// An exception thrown inside a remote actor, carried back to the caller.
class ActorError : public Error {
 public:
  ActorError(std::string remote_type, const std::string& message)
      : Error(ErrorCode::actor, message), remote_type_(std::move(remote_type)) {}
  const std::string& remote_type() const noexcept { return remote_type_; }

 private:
  std::string remote_type_;
};

}  // namespace nervure

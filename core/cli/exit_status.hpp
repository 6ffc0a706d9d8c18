#pragma once
// Exit statuses of the nervure tool, and the one place that turns an exception
// into a message on stderr and a status. Scripts depend on these numbers.
#include <exception>
#include <stdexcept>
#include <string>

namespace nervure::cli {

enum class ExitStatus : int {
  ok = 0,
  failure = 1,        // anything not listed below
  usage = 2,          // bad command line, subject, option value or payload size
  timeout = 3,        // no reply / no flush acknowledgement in time
  no_responders = 4,  // a request nobody listens to
  authorization = 5,  // the server refused the credentials or a permission
  unreachable = 6,    // no server could be connected to, or the connection was lost
  not_supported = 7,  // the server is too old for what was asked
};

/// A failure the tool diagnosed itself, with the status to exit with.
struct Failure : std::runtime_error {
  Failure(ExitStatus s, const std::string& message) : std::runtime_error(message), status(s) {}
  ExitStatus status;
};

/// The text shown under every usage error and in `nervure --help`.
const char* exit_status_help();

/// Prints what went wrong on stderr, prefixed with the command, and returns the exit status.
int report_failure(const std::string& command, std::exception_ptr error);

}  // namespace nervure::cli

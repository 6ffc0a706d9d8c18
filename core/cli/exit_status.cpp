#include "exit_status.hpp"

#include <iostream>

#include "cli_args.hpp"
#include "nervure/errors.hpp"

namespace nervure::cli {
namespace {

ExitStatus status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout: return ExitStatus::timeout;
    case ErrorCode::no_responders: return ExitStatus::no_responders;
    case ErrorCode::authorization: return ExitStatus::authorization;
    case ErrorCode::connection_closed: return ExitStatus::unreachable;
    case ErrorCode::invalid_subject:
    case ErrorCode::max_payload:
    case ErrorCode::invalid_argument: return ExitStatus::usage;
    case ErrorCode::not_supported_by_server: return ExitStatus::not_supported;
    default: return ExitStatus::failure;
  }
}

// What the user can do about it; the core's message says what happened.
const char* hint(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout: return "nothing came back in time; raise --timeout or check the other side";
    case ErrorCode::no_responders: return "start one, e.g. nervure reply SUBJECT";
    case ErrorCode::authorization: return "check --user/--password, --token, --creds or --nkey";
    case ErrorCode::connection_closed: return "the server closed the connection or is gone";
    default: return nullptr;
  }
}

}  // namespace

const char* exit_status_help() {
  return "exit status: 0 ok, 1 other failure, 2 usage, 3 timeout, 4 no responders,\n"
         "             5 authorization, 6 server unreachable or connection lost, 7 not supported by the server\n";
}

int report_failure(const std::string& command, std::exception_ptr error) {
  const std::string who = "nervure" + (command.empty() ? "" : " " + command) + ": ";
  try {
    std::rethrow_exception(error);
  } catch (const UsageError& e) {
    std::cerr << who << e.what() << "\n(see nervure " << command << " --help)\n";
    return static_cast<int>(ExitStatus::usage);
  } catch (const Failure& e) {
    std::cerr << who << e.what() << "\n";
    return static_cast<int>(e.status);
  } catch (const Error& e) {
    std::cerr << who << e.what() << " [" << error_name(e.code()) << "]\n";
    if (const char* h = hint(e.code())) std::cerr << "  " << h << "\n";
    return static_cast<int>(status_of(e.code()));
  } catch (const std::exception& e) {
    std::cerr << who << e.what() << "\n";
  } catch (...) {
    std::cerr << who << "unknown error\n";
  }
  return static_cast<int>(ExitStatus::failure);
}

}  // namespace nervure::cli

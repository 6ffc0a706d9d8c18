#pragma once
// The flags every subcommand shares (servers, credentials, TLS, name) and the
// one place that turns them into a connection.
#include <memory>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "nervure/connection.hpp"

namespace nervure::cli {

const std::vector<Flag>& connection_flags();

/// Options from the flags, falling back to $NERVURE_URL, $NATS_URL, then the local default.
Options connection_options(const Args& args, const std::string& default_name);

/// Writes connection events (disconnected, reconnected, server errors) to stderr:
/// for commands that keep running, where a silent stall would be confusing.
void report_events_on_stderr(Options& options, const std::string& command);

/// Connects, or throws Failure(unreachable) with the servers tried and a hint.
std::shared_ptr<Connection> connect(const Options& options);

}  // namespace nervure::cli

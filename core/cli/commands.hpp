#pragma once
// The subcommands. Each is its flag declaration plus a body that runs once the
// command line has been parsed against it.
#include <vector>

#include "cli_args.hpp"

namespace nervure::cli {

struct Command {
  CommandSpec spec;
  int (*run)(const Args& args);  // returns the exit status
};

const Command& pub_command();
const Command& sub_command();
const Command& req_command();
const Command& reply_command();
const Command& bench_command();  // bench.cpp

}  // namespace nervure::cli

#pragma once
#include "cli_args.hpp"

namespace nervure::cli {

// Each returns the process exit code.
int run_pub(int argc, char** argv);
int run_sub(int argc, char** argv);
int run_req(int argc, char** argv);
int run_reply(int argc, char** argv);
int run_bench(int argc, char** argv);

}  // namespace nervure::cli

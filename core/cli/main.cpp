// nervure: a small command-line client built on the core.
#include <iostream>
#include <string>

#include "commands.hpp"

namespace {
const char* kUsage =
    "usage: nervure COMMAND [ARGS] [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  pub SUBJECT [DATA]      publish (--count N, --header K:V, --reply SUBJECT)\n"
    "  sub SUBJECT             print messages (--queue GROUP, --count N, --headers)\n"
    "  req SUBJECT [DATA]      send a request, print the reply (--timeout 2s, --header K:V)\n"
    "  reply SUBJECT [DATA]    answer requests with DATA, or echo them (--queue GROUP, --count N)\n"
    "  bench MODE              measure: pub, pubsub or reqrep (nervure bench --help)\n"
    "  version                 print the version\n"
    "\n";
}

int main(int argc, char** argv) {
  using namespace nervure;
  const std::string cmd = argc > 1 ? argv[1] : "";
  try {
    if (cmd == "pub") return cli::run_pub(argc, argv);
    if (cmd == "sub") return cli::run_sub(argc, argv);
    if (cmd == "req") return cli::run_req(argc, argv);
    if (cmd == "reply") return cli::run_reply(argc, argv);
    if (cmd == "bench") return cli::run_bench(argc, argv);
    if (cmd == "version" || cmd == "--version") {
      std::cout << "nervure " << version << "\n";
      return 0;
    }
    std::cerr << kUsage << cli::connection_usage();
    return cmd.empty() || cmd == "help" || cmd == "--help" ? 0 : 2;
  } catch (const cli::UsageError& e) {
    std::cerr << e.what() << "\n\n" << cli::connection_usage();
    return 2;
  } catch (const Error& e) {
    std::cerr << "nervure " << cmd << ": " << error_name(e.code()) << ": " << e.what() << "\n";
    switch (e.code()) {
      case ErrorCode::timeout: return 3;
      case ErrorCode::no_responders: return 4;
      case ErrorCode::authorization: return 5;
      default: return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "nervure " << cmd << ": " << e.what() << "\n";
    return 1;
  }
}

// nervure: a small command-line client built on the core.
#include <cstring>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "exit_status.hpp"
#include "nervure/version.hpp"

namespace {

const nervure::cli::Command* find_command(const std::string& name) {
  using namespace nervure::cli;
  for (const Command* c : {&pub_command(), &sub_command(), &req_command(), &reply_command(), &bench_command()})
    if (c->spec.name == name) return c;
  return nullptr;
}

void print_overview(std::ostream& out) {
  out << "usage: nervure COMMAND [ARGS] [OPTIONS]\n"
         "\n"
         "commands:\n"
         "  pub SUBJECT [DATA]         publish a message (--count, --header, --reply)\n"
         "  sub SUBJECT                print messages (--queue, --count, --headers)\n"
         "  req SUBJECT [DATA]         send a request and print the reply (--timeout, --header)\n"
         "  reply SUBJECT [RESPONSE]   answer requests (--queue, --count)\n"
         "  bench MODE                 measure throughput and latency: pub, pubsub, reqrep, js-*, kv-* (see bench --help)\n"
         "  version                    print the version\n"
         "\n"
         "nervure COMMAND --help shows a command's options, the connection options included\n"
         "(--server URL, default $NERVURE_URL, $NATS_URL or nats://127.0.0.1:4222).\n"
         "\n"
      << nervure::cli::exit_status_help();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nervure::cli;
  const std::string name = argc > 1 ? argv[1] : "";
  if (name.empty() || name == "help" || name == "--help" || name == "-h") {
    // "nervure help pub" is what people type after reading the overview.
    if (name == "help" && argc > 2)
      if (const Command* c = find_command(argv[2])) {
        std::cout << usage_text(c->spec);
        return 0;
      }
    print_overview(name.empty() ? std::cerr : std::cout);
    return name.empty() ? static_cast<int>(ExitStatus::usage) : 0;
  }
  if (name == "version" || name == "--version") {
    std::cout << "nervure " << nervure::version << "\n";
    return 0;
  }
  const Command* command = find_command(name);
  if (!command) {
    std::cerr << "nervure: unknown command '" << name << "'\n\n";
    print_overview(std::cerr);
    return static_cast<int>(ExitStatus::usage);
  }
  try {
    const Args args(command->spec, argc, argv, 2);
    return command->run(args);
  } catch (const HelpRequested&) {
    std::cout << usage_text(command->spec) << "\n" << exit_status_help();
    return 0;
  } catch (...) {
    return report_failure(name, std::current_exception());
  }
}

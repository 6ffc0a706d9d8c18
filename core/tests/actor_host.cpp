// A separate process hosting the "account" actor type, for the failover tests:
//   actor_host <url> <lease_ttl_ms> <partitions> <bucket-suffix>
// SIGTERM stops it gracefully (hands its partitions over); SIGKILL is a crash.
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "nervure/actors.hpp"

using namespace nervure;

namespace {
class Account : public MethodActor {
 public:
  Account() {
    method("add", [](ActorContext& ctx, std::string_view args) {
      auto n = std::stoll(ctx.get("n").value_or("0")) + std::stoll(std::string(args.empty() ? "1" : args));
      ctx.set("n", std::to_string(n));
      return std::to_string(n);
    });
    method("get", [](ActorContext& ctx, std::string_view) { return ctx.get("n").value_or("0"); });
  }
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: actor_host <url> <lease_ttl_ms> <partitions> <bucket-suffix>\n";
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts, so all inherit it
  try {
    Options o;
    o.servers = {argv[1]};
    auto conn = Connection::connect(o);
    ActorRuntimeOptions ro;
    ro.lease_ttl = Duration(std::stoll(argv[2]));
    ro.partitions = std::stoi(argv[3]);
    ro.lease_bucket = std::string("leases-") + argv[4];
    ro.state_bucket = std::string("state-") + argv[4];
    ActorRuntime runtime(conn, ro);
    runtime.register_type("account", [](const std::string&) { return std::make_unique<Account>(); });
    runtime.start();
    std::cout << "ready " << runtime.host_id() << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    runtime.stop();
    std::cout << "stopped" << std::endl;
  } catch (const std::exception& e) {
    std::cerr << "actor_host: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

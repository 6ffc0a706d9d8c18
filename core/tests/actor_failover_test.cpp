// Actors hosted by three separate processes: one is SIGKILLed under load and
// its actors come back on the others within the lease time with their state;
// no update is ever lost or applied twice (which two live activations of one
// actor would cause); a graceful stop hands partitions over.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <thread>

#include "nervure/actors.hpp"
#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {

constexpr int kPartitions = 8;
constexpr auto kLeaseTtl = 2s;

class HostProcess {
 public:
  HostProcess(const std::string& url, const std::string& suffix) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::string ttl = std::to_string(std::chrono::milliseconds(kLeaseTtl).count());
      std::string partitions = std::to_string(kPartitions);
      execl(NERVURE_ACTOR_HOST, NERVURE_ACTOR_HOST, url.c_str(), ttl.c_str(), partitions.c_str(), suffix.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    out_ = fdopen(out[0], "r");
    char line[256] = {};
    if (!fgets(line, sizeof line, out_) || std::string(line).rfind("ready", 0) != 0)
      throw std::runtime_error("actor host did not start: " + std::string(line));
  }
  ~HostProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_) fclose(out_);
  }
  void crash() {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  /// SIGTERM: the host hands its partitions over, then exits; true on a clean exit.
  bool stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
};

ActorProxy account(const std::shared_ptr<Connection>& conn, const std::string& id, Duration timeout = 8000ms) {
  ActorCallOptions o;
  o.partitions = kPartitions;
  o.timeout = timeout;
  return ActorProxy(conn, "account", id, o);
}

}  // namespace

TEST(ActorFailover, ACrashedHostsActorsComeBackElsewhereWithTheirState) {
  Harness server("single");
  auto conn = Connection::connect(options_for(server.url()));
  std::vector<std::unique_ptr<HostProcess>> hosts;
  for (int i = 0; i < 3; ++i) hosts.push_back(std::make_unique<HostProcess>(server.url(), "crash"));

  constexpr int kCallers = 6;
  std::atomic<bool> running{true};
  struct Outcome {
    std::vector<int64_t> values;  // what successful calls returned, in order
    int unknown = 0;              // calls that failed: applied or not
    std::chrono::steady_clock::time_point last_success{};
    std::string last_error;
  };
  std::vector<Outcome> outcomes(kCallers);
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c)
    callers.emplace_back([&, c] {
      // A call in flight when its host dies waits out its timeout: keep it short.
      auto proxy = account(conn, "acct-" + std::to_string(c), 3000ms);
      while (running) {
        try {
          outcomes[c].values.push_back(std::stoll(proxy.invoke("add", "1")));
          outcomes[c].last_success = std::chrono::steady_clock::now();
        } catch (const Error& e) {
          ++outcomes[c].unknown;
          outcomes[c].last_error = e.what();
        }
      }
    });

  std::this_thread::sleep_for(1500ms);
  auto killed_at = std::chrono::steady_clock::now();
  hosts[0]->crash();
  std::this_thread::sleep_for(kLeaseTtl + 6s);
  running = false;
  for (auto& t : callers) t.join();

  for (int c = 0; c < kCallers; ++c) {
    const auto& o = outcomes[c];
    ASSERT_FALSE(o.values.empty()) << "caller " << c << " never succeeded: " << o.last_error;
    for (std::size_t i = 1; i < o.values.size(); ++i)
      ASSERT_GT(o.values[i], o.values[i - 1]) << "actor acct-" << c << " went back: an update was lost or doubled";
    int64_t final_value = std::stoll(account(conn, "acct-" + std::to_string(c)).invoke("get"));
    EXPECT_GE(final_value, static_cast<int64_t>(o.values.size()));
    EXPECT_LE(final_value, static_cast<int64_t>(o.values.size()) + o.unknown);
    // Every actor serves again once the crashed host's leases ran out.
    EXPECT_GT(o.last_success - killed_at, kLeaseTtl + 4s) << "acct-" << c << ": " << o.last_error;
    std::cerr << "acct-" << c << ": " << o.values.size() << " calls, " << o.unknown << " failed, final " << final_value
              << "\n";
  }
  EXPECT_TRUE(hosts[1]->stop());
  EXPECT_TRUE(hosts[2]->stop());
}

TEST(ActorFailover, AGracefulStopHandsOverWithoutFailedCalls) {
  Harness server("single");
  auto conn = Connection::connect(options_for(server.url()));
  auto first = std::make_unique<HostProcess>(server.url(), "handover");
  auto second = std::make_unique<HostProcess>(server.url(), "handover");
  for (int i = 0; i < 12; ++i) account(conn, "h-" + std::to_string(i)).invoke("add", std::to_string(i));
  ASSERT_TRUE(first->stop());
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(account(conn, "h-" + std::to_string(i), 3000ms).invoke("add", "1000"), std::to_string(i + 1000));
  EXPECT_TRUE(second->stop());
}

#pragma once
// C++ side of the harness line protocol (tests/harness/README.md): runs
// nervure_harness.py as a child process; its servers live as long as this object.
//
// Needs NERVURE_SOURCE_DIR (the repository root, a string) defined at compile
// time and python3 on PATH. NERVURE_TEST_COMPAT=1 in the environment runs
// every harness against the compat server (Debian's 2.9).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#ifndef NERVURE_SOURCE_DIR
#error "define NERVURE_SOURCE_DIR as the repository root, e.g. -DNERVURE_SOURCE_DIR=\"/path/to/nervure\""
#endif

extern char** environ;

namespace nervure::testing {

class Harness {
 public:
  /// kind: single, cluster, tls, token, userpass, nkey, jwt. args: extra CLI
  /// flags such as "--compat", "--tls-verify", "--tls-first", "--no-jetstream".
  /// Throws std::runtime_error with the harness's reason when it cannot start.
  explicit Harness(const std::string& kind, const std::vector<std::string>& args = {}) {
    std::vector<std::string> argv_s = {"python3", std::string(NERVURE_SOURCE_DIR) + "/tests/harness/nervure_harness.py",
                                       "serve", "--kind", kind};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    if (const char* compat = std::getenv("NERVURE_TEST_COMPAT"); compat && std::string(compat) == "1")
      argv_s.push_back("--compat");
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    // O_CLOEXEC: no other child of the test may hold these pipes open, or
    // the harness would never see EOF when this object goes away.
    int to_child[2], from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0) throw std::runtime_error("harness: pipe: " + std::string(strerror(errno)));
    if (pipe2(from_child, O_CLOEXEC) != 0) {
      ::close(to_child[0]);
      ::close(to_child[1]);
      throw std::runtime_error("harness: pipe: " + std::string(strerror(errno)));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    int rc = posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    if (rc != 0) {
      pid_ = -1;
      shutdown();
      throw std::runtime_error("harness: cannot run python3: " + std::string(strerror(rc)));
    }
    // The harness also dies with this process: it watches for being re-parented.
    try {
      info_ = read_reply(std::chrono::seconds(120));
    } catch (...) {
      shutdown();  // no destructor runs for a constructor that throws
      throw;
    }
  }

  ~Harness() { shutdown(); }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  /// The deployment as first described; json()["running"] etc. are not refreshed (see info()).
  const nlohmann::json& json() const { return info_; }
  std::string url() const { return info_.at("url"); }
  std::vector<std::string> urls() const { return info_.at("urls").get<std::vector<std::string>>(); }
  std::vector<std::string> monitor_urls() const { return info_.at("monitor_urls").get<std::vector<std::string>>(); }
  std::vector<int> ports() const { return info_.at("ports").get<std::vector<int>>(); }
  /// A string field, "" where this kind has none (JSON null).
  std::string str(const char* key) const {
    auto it = info_.find(key);
    return it != info_.end() && it->is_string() ? it->get<std::string>() : "";
  }
  std::string kind() const { return str("kind"); }
  std::string token() const { return str("token"); }
  std::string user() const { return str("user"); }
  std::string password() const { return str("password"); }
  std::string nkey_seed() const { return str("nkey_seed"); }
  std::string nkey_public() const { return str("nkey_public"); }
  std::string creds_file() const { return str("creds_file"); }
  std::string ca_file() const { return str("ca_file"); }
  std::string cert_file() const { return str("cert_file"); }
  std::string key_file() const { return str("key_file"); }
  std::string server_version() const { return str("server_version"); }

  /// Server i: SIGTERM then start again on the same ports and store; returns once ready.
  void restart(int i) { command("restart " + std::to_string(i)); }
  void kill(int i) { command("kill " + std::to_string(i)); }    // SIGKILL
  void stop(int i) { command("stop " + std::to_string(i)); }    // SIGTERM
  void start(int i) { command("start " + std::to_string(i)); }  // same ports and store; returns once ready
  void lame_duck(int i) { command("lame_duck " + std::to_string(i)); }
  void pause(int i) { command("pause " + std::to_string(i)); }  // SIGSTOP: a stale server
  void resume(int i) { command("resume " + std::to_string(i)); }
  /// A fresh description, with "running" and "states" as they are now.
  nlohmann::json info() { return command("info"); }

 private:
  nlohmann::json command(const std::string& line) {
    std::lock_guard lock(mu_);  // one command, one reply: never interleaved
    if (in_ < 0) throw std::runtime_error("harness: already shut down");
    write_all(line + "\n");
    return read_reply(std::chrono::seconds(120));
  }

  void write_all(const std::string& data) {
    // A harness that died must be an error here, not a SIGPIPE that ends the
    // whole test binary. Blocking it in this thread leaves the process's handler alone.
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    ssize_t n = 0;
    std::size_t done = 0;
    while (done < data.size() && ((n = ::write(in_, data.data() + done, data.size() - done)) > 0 || errno == EINTR))
      if (n > 0) done += static_cast<std::size_t>(n);
    int err = errno;
    if (done < data.size()) {
      timespec zero{0, 0};
      while (sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (done < data.size())
      throw std::runtime_error("harness: cannot send '" + data.substr(0, data.size() - 1) + "': " + strerror(err) +
                               " (it exited; see its stderr above)");
  }

  nlohmann::json read_reply(std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) throw std::runtime_error("harness: not a protocol line: " + line);
        if (!j.value("ok", false)) throw std::runtime_error("harness: " + j.value("error", std::string("failed")));
        return j;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw std::runtime_error("harness: no answer in " + std::to_string(timeout.count()) + "s");
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error("harness: exited without answering (see its stderr above)");
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  void shutdown() {
    std::lock_guard lock(mu_);
    if (in_ >= 0) ::close(in_);  // EOF: the harness stops its servers, removes its files, exits
    in_ = -1;
    // Generous: stopping a cluster whose nodes are paused or draining takes a moment.
    for (int i = 0; i < 300 && pid_ > 0; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) pid_ = -1;
      else std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);  // its servers die with it (PR_SET_PDEATHSIG)
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    if (out_ >= 0) ::close(out_);
    out_ = -1;
  }

  std::mutex mu_;
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
  nlohmann::json info_;
};

}  // namespace nervure::testing

// The name the existing suites use.
namespace nervure_harness {
using Harness = nervure::testing::Harness;
}

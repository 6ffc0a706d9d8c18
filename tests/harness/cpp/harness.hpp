#pragma once
// C++ side of the harness line protocol (tests/harness/README.md): runs
// nervure_harness.py as a child process; the servers live as long as this object.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace nervure_harness {

class Harness {
 public:
  /// kind: single, cluster, tls, token, userpass, nkey, jwt. args: extra CLI
  /// flags such as "--compat", "--tls-verify", "--tls-first".
  explicit Harness(const std::string& kind, const std::vector<std::string>& args = {}) {
    std::string script = std::string(NERVURE_SOURCE_DIR) + "/tests/harness/nervure_harness.py";
    std::vector<std::string> argv_s = {"python3", script, "serve", "--kind", kind};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    if (const char* compat = std::getenv("NERVURE_TEST_COMPAT"); compat && *compat == '1') argv_s.push_back("--compat");
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    int to_child[2], from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0)
      throw std::runtime_error("harness: pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    int rc = posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    if (rc != 0) throw std::runtime_error("harness: cannot start python3");
    in_ = to_child[1];
    out_ = from_child[0];
    signal(SIGPIPE, SIG_IGN);  // a dead harness must show as an error, not kill the test
    info_ = read_reply(std::chrono::seconds(90));
  }

  ~Harness() {
    if (in_ >= 0) close(in_);  // EOF: the harness stops its servers and exits
    for (int i = 0; i < 200 && pid_ > 0; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  const nlohmann::json& json() const { return info_; }
  std::string url() const { return info_["url"]; }
  std::vector<std::string> urls() const { return info_["urls"].get<std::vector<std::string>>(); }
  std::string str(const char* key) const { return info_[key].is_string() ? info_[key].get<std::string>() : ""; }
  std::string token() const { return str("token"); }
  std::string user() const { return str("user"); }
  std::string password() const { return str("password"); }
  std::string nkey_seed() const { return str("nkey_seed"); }
  std::string creds_file() const { return str("creds_file"); }
  std::string ca_file() const { return str("ca_file"); }
  std::string cert_file() const { return str("cert_file"); }
  std::string key_file() const { return str("key_file"); }
  std::string server_version() const { return str("server_version"); }

  void restart(int i) { command("restart " + std::to_string(i)); }
  void kill(int i) { command("kill " + std::to_string(i)); }
  void start(int i) { command("start " + std::to_string(i)); }
  void stop(int i) { command("stop " + std::to_string(i)); }
  void lame_duck(int i) { command("lame_duck " + std::to_string(i)); }
  void pause(int i) { command("pause " + std::to_string(i)); }
  void resume(int i) { command("resume " + std::to_string(i)); }

 private:
  void command(const std::string& line) {
    std::string l = line + "\n";
    if (write(in_, l.data(), l.size()) != static_cast<ssize_t>(l.size()))
      throw std::runtime_error("harness: cannot send '" + line + "'");
    read_reply(std::chrono::seconds(60));
  }

  nlohmann::json read_reply(std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
        auto j = nlohmann::json::parse(buffer_.substr(0, nl));
        buffer_.erase(0, nl + 1);
        if (!j.value("ok", false)) throw std::runtime_error("harness: " + j.value("error", std::string("failed")));
        return j;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw std::runtime_error("harness: no answer in time");
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      ssize_t n = read(out_, chunk, sizeof chunk);
      if (n <= 0) throw std::runtime_error("harness exited (see its stderr above)");
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
  nlohmann::json info_;
};

}  // namespace nervure_harness

#include "loop_spin.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <thread>

namespace nervure::bridge {

using steady = std::chrono::steady_clock;

namespace {
// A yield that gives the CPU away for this long means other threads are
// waiting for it: the machine is busy. A spinner then only runs between their
// time slices, while a sleeper is woken promptly, so the loop sleeps for a while.
constexpr auto kBusyYield = std::chrono::microseconds(200);
constexpr auto kBusyBackoff = std::chrono::milliseconds(20);
// How often the machine's runnable threads are counted.
constexpr auto kLoadCheckEvery = std::chrono::milliseconds(10);

// Threads runnable right now on the whole machine (the "4/250" of /proc/loadavg), -1 when unknown.
int runnable_threads(int fd) {
  char text[128];
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) return -1;
  std::string_view s(text, static_cast<std::size_t>(n));
  for (int field = 0; field < 3; ++field) {
    const auto space = s.find(' ');
    if (space == std::string_view::npos) return -1;
    s.remove_prefix(space + 1);
  }
  int running = -1;
  std::from_chars(s.data(), s.data() + s.size(), running);
  return running;
}
}  // namespace

LoopSpinner::LoopSpinner()
    : loadavg_fd_(::open("/proc/loadavg", O_RDONLY | O_CLOEXEC)),
      cpus_(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) {}

LoopSpinner::~LoopSpinner() {
  if (loadavg_fd_ >= 0) ::close(loadavg_fd_);
}

bool LoopSpinner::cpu_to_spare(steady::time_point now) {
  if (now < load_checked_ + kLoadCheckEvery) return cpu_to_spare_;
  load_checked_ = now;
  // This thread, and the server and core threads a request has just woken,
  // are among them: as in the core's polling waits (spin_wait.hpp), twice the
  // CPUs besides this one is still a machine busy with this exchange alone.
  const int running = loadavg_fd_ >= 0 ? runnable_threads(loadavg_fd_) : -1;
  cpu_to_spare_ = running < 0 || running <= 2 * cpus_ + 1;
  return cpu_to_spare_;
}

void LoopSpinner::add(std::shared_ptr<Inbox> inbox) { inboxes_.push_back(std::move(inbox)); }

void LoopSpinner::remove(const Inbox* inbox) {
  inboxes_.erase(std::remove_if(inboxes_.begin(), inboxes_.end(), [&](const auto& i) { return i.get() == inbox; }),
                 inboxes_.end());
}

steady::time_point LoopSpinner::spin_until() const {
  steady::time_point until{};
  for (const auto& inbox : inboxes_) until = std::max(until, inbox->spin_until());
  return until;
}

bool LoopSpinner::due() const { return spin_until() > steady::now(); }

bool LoopSpinner::wanted() {
  const auto now = steady::now();
  return now >= busy_until_ && spin_until() > now && cpu_to_spare(now);
}

std::chrono::nanoseconds LoopSpinner::spin(int fd, std::chrono::nanoseconds max_wait) {
  const auto start = steady::now();
  if (start < busy_until_ || !cpu_to_spare(start)) return {};
  const auto limit = max_wait.count() < 0 ? steady::time_point::max() : start + max_wait;
  auto now = start;
  pollfd p{fd, POLLIN, 0};
  // The budget is read again each round: a reply that arrives ends it.
  while (now < std::min(limit, spin_until())) {
    for (const auto& inbox : inboxes_) inbox->poll_input();  // what it reads is posted to fd
    if (::poll(&p, 1, 0) != 0) break;  // ready, or an error the loop's own wait will report
    std::this_thread::yield();
    const auto before = now;
    now = steady::now();
    if (now - before > kBusyYield) {
      busy_until_ = now + kBusyBackoff;
      break;
    }
  }
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now - start);
}

}  // namespace nervure::bridge

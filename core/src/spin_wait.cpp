#include "spin_wait.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>

namespace nervure::detail {
namespace {
constexpr auto kLoadCheckEvery = std::chrono::milliseconds(10);

int cpu_count() {
  static const int n = [] {
    unsigned h = std::thread::hardware_concurrency();
    return h == 0 ? 1 : static_cast<int>(h);
  }();
  return n;
}

// The running-threads field of /proc/loadavg ("0.50 0.40 0.30 3/812 4242"); -1 when unreadable.
int runnable_threads() {
  int fd = ::open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[128];
  ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return -1;
  buf[n] = '\0';
  const char* p = buf;
  for (int field = 0; field < 3 && p; ++field) {
    p = std::strchr(p, ' ');
    if (p) ++p;
  }
  int running = -1;
  if (!p || std::sscanf(p, "%d/", &running) != 1) return -1;
  return running;
}

std::atomic<int64_t> checked_at_ns{0};
std::atomic<bool> spare{true};
std::atomic<int> spinning{0};
}  // namespace

SpinningNow::SpinningNow() { spinning.fetch_add(1, std::memory_order_relaxed); }
SpinningNow::~SpinningNow() { spinning.fetch_sub(1, std::memory_order_relaxed); }

bool cpu_to_spare() {
  const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t last = checked_at_ns.load(std::memory_order_relaxed);
  if (now - last >= std::chrono::nanoseconds(kLoadCheckEvery).count() &&
      checked_at_ns.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
    const int running = runnable_threads();
    const int others = running - spinning.load(std::memory_order_relaxed);
    spare.store(running < 0 || others <= 2 * cpu_count(), std::memory_order_relaxed);
  }
  return spare.load(std::memory_order_relaxed);
}

}  // namespace nervure::detail

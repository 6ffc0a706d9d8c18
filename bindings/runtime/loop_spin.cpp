#include "loop_spin.hpp"

#include <poll.h>

#include <algorithm>
#include <deque>
#include <thread>

#include "connection_impl.hpp"
#include "spin_wait.hpp"  // the core's rule for a busy machine (core/src)

namespace nervure::bridge {

using steady = std::chrono::steady_clock;

namespace {
// A yield that gives the CPU away for this long means other threads are
// waiting for it: the machine is busy. A spinner then only runs between their
// time slices, while a sleeper is woken promptly, so the loop sleeps for a while.
constexpr auto kBusyYield = std::chrono::microseconds(200);
constexpr auto kBusyBackoff = std::chrono::milliseconds(20);

// The core's rule, with this thread counted as the poller it is about to be:
// the machine is busy when more than twice the CPUs are runnable besides it
// and the process's other pollers.
bool cpu_to_spare_besides_this_thread() {
  detail::SpinningNow self;
  return detail::cpu_to_spare();
}
}  // namespace

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
  return now >= busy_until_ && spin_until() > now && cpu_to_spare_besides_this_thread();
}

std::chrono::nanoseconds LoopSpinner::spin(int fd, std::chrono::nanoseconds max_wait) {
  const auto start = steady::now();
  if (start < busy_until_ || !cpu_to_spare_besides_this_thread()) return {};
  const auto limit = max_wait.count() < 0 ? steady::time_point::max() : start + max_wait;
  auto now = start;
  pollfd p{fd, POLLIN, 0};
  detail::SpinningNow counted;  // other pollers' checks leave this one out of the count
  // Held for the spin: each connection's I/O thread is not woken for what this
  // reads (ConnectionImpl::Polling). Kept per thread and emptied at the end (a
  // spin runs no user code, so never inside another), so a spin per request
  // allocates nothing once the first has sized them.
  thread_local std::vector<std::shared_ptr<Connection>> connections;
  thread_local std::deque<detail::ConnectionImpl::Polling> polling;
  struct EndOfSpin {
    ~EndOfSpin() {
      polling.clear();  // lowers the marks while the connections are still held
      connections.clear();
    }
  } end_of_spin;
  for (const auto& inbox : inboxes_)
    if (auto c = inbox->input()) connections.push_back(std::move(c));
  for (const auto& c : connections) polling.emplace_back(&c->impl());
  // The budget is read again each round: a reply that arrives ends it.
  while (now < std::min(limit, spin_until())) {
    for (auto& reader : polling) reader.poll();  // what it reads is posted to fd
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

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
// A yield that gives the CPU away for this long ran another thread's burst:
// the spin ends and the loop sleeps this time. Two within kBusyBackoff mean
// other threads keep waiting for the CPU: the machine is busy, and a spinner
// then only runs between their time slices while a sleeper is woken promptly,
// so the loop sleeps for a while. One alone is no such sign: a request-reply
// run on two otherwise idle CPUs saw one to three a second, and each stopped
// the spinning for 20 ms.
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

std::chrono::nanoseconds LoopSpinner::spin(int fd, std::chrono::nanoseconds max_wait, std::vector<int>* unannounced) {
  if (!due()) return {};
  Pass pass(*this);
  const auto spent = pass.spin(fd, max_wait);
  if (unannounced) pass.leave_unannounced(*unannounced);
  return spent;
}

namespace {
// A pass's state, kept per thread (one pass at a time: a pass runs no user
// code while it spins) and emptied at its end, so that a pass per request
// allocates nothing once the first has sized them.
struct PassState {
  std::vector<std::shared_ptr<Inbox>> held;  // their own signals held; released at the end even if removed meanwhile
  std::vector<std::shared_ptr<Connection>> connections;
  // Each connection's I/O thread is not woken for what the pass reads (ConnectionImpl::Polling).
  std::deque<detail::ConnectionImpl::Polling> polling;
};
thread_local PassState pass_state;
}  // namespace

LoopSpinner::Pass::Pass(LoopSpinner& spinner) : spinner_(spinner) {
  for (const auto& inbox : spinner_.inboxes_) {
    inbox->hold_own_signals();
    pass_state.held.push_back(inbox);
  }
}

void LoopSpinner::Pass::start_polling() {
  polling_ = true;
  auto& st = pass_state;
  for (const auto& inbox : st.held)
    if (auto c = inbox->input()) st.connections.push_back(std::move(c));
  for (const auto& c : st.connections) st.polling.emplace_back(&c->impl());
}

void LoopSpinner::Pass::leave_unannounced(std::vector<int>& wake_fds) {
  auto& held = pass_state.held;
  for (const auto& inbox : held)
    if (inbox->release_own_signals(false)) wake_fds.push_back(inbox->fd());
  held.clear();
}

LoopSpinner::Pass::~Pass() {
  auto& st = pass_state;
  st.polling.clear();  // lowers the marks while the connections are still held
  st.connections.clear();
  for (const auto& inbox : st.held) inbox->release_own_signals(true);
  st.held.clear();
}

std::chrono::nanoseconds LoopSpinner::Pass::spin(int fd, std::chrono::nanoseconds max_wait) {
  const auto start = steady::now();
  if (start < spinner_.busy_until_ || !cpu_to_spare_besides_this_thread()) return {};
  const auto limit = max_wait.count() < 0 ? steady::time_point::max() : start + max_wait;
  auto now = start;
  pollfd p{fd, POLLIN, 0};
  detail::SpinningNow counted;  // other pollers' checks leave this one out of the count
  if (!polling_) start_polling();
  const auto& inboxes = spinner_.inboxes_;
  const auto queued = [&] { return std::any_of(inboxes.begin(), inboxes.end(), [](const auto& i) { return i->queued(); }); };
  // The budget is read again each round: a reply that arrives ends it.
  while (now < std::min(limit, spinner_.spin_until())) {
    for (auto& reader : pass_state.polling) reader.poll();  // what it reads is queued in an inbox
    if (queued()) break;
    if (::poll(&p, 1, 0) != 0) break;  // ready, or an error the loop's own wait will report
    std::this_thread::yield();
    const auto before = now;
    now = steady::now();
    if (now - before > kBusyYield) {
      if (now - spinner_.last_long_yield_ < kBusyBackoff) spinner_.busy_until_ = now + kBusyBackoff;
      spinner_.last_long_yield_ = now;
      break;
    }
  }
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now - start);
}

}  // namespace nervure::bridge

#pragma once
// Bounded, adaptive busy-waiting before a thread goes to sleep.
//
// On a virtual machine an idle vCPU halts, and waking a thread that sleeps
// there costs tens of microseconds: about a whole loopback round trip. A
// request-reply exchange pays it at every hop (the responder's thread, the
// requester's), so a waiter that expects its event soon first polls for it,
// yielding the CPU between checks. Three rules keep that from costing more
// than it saves:
//   - bounded: at most the budget per wait, then the waiter sleeps as before;
//   - adaptive: it polls only when its previous wait ended within the budget
//     (a steady flow, an exchange of requests and replies); a quiet waiter,
//     whose waits are long, goes to sleep at once and burns nothing;
//   - only while a CPU is to spare: on a busy machine the threads it waits
//     for sit in a run queue, and a yield that hands the CPU away for long
//     means others need it, so it stops.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace nervure::detail {

/// Whether the machine has a CPU to spare for polling: no more runnable threads
/// than twice the CPUs (from /proc/loadavg, read at most every 10 ms,
/// process-wide), not counting this process's threads that are polling (see
/// SpinningNow). A request-reply exchange alone keeps about that many busy: the
/// two pollers, the server's threads and the I/O threads its writes wake; at
/// "CPUs plus one", counting the pollers, the polling stopped every few rounds
/// (reqrep p90 185-198 us, against 121-157 with this rule).
bool cpu_to_spare();

/// Counts a thread as polling while it lives.
class SpinningNow {
 public:
  SpinningNow();
  ~SpinningNow();
  SpinningNow(const SpinningNow&) = delete;
  SpinningNow& operator=(const SpinningNow&) = delete;
};

/// started + timeout, or no deadline at all when that is past what the clock holds.
template <typename Rep, typename Period>
std::chrono::steady_clock::time_point deadline_after(std::chrono::steady_clock::time_point started,
                                                     std::chrono::duration<Rep, Period> timeout) {
  const auto room = std::chrono::steady_clock::time_point::max() - started;
  if (timeout >= std::chrono::duration_cast<std::chrono::duration<Rep, Period>>(room))
    return std::chrono::steady_clock::time_point::max();
  return started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(timeout);
}

/// One per waiter (a subscription's queue, a dispatcher, a connection's
/// blocking requests); concurrent waiters share what it learnt.
class AdaptiveSpin {
 public:
  using clock = std::chrono::steady_clock;
  explicit AdaptiveSpin(std::chrono::nanoseconds budget) : budget_(budget) {}

  /// Polls ready() until it returns true (then true), or until the budget or
  /// the wait's own deadline is spent, the previous wait was long, the machine
  /// is busy or a yield gave the CPU away for long (then false: sleep).
  /// started: when this wait began.
  template <typename Ready>
  bool spin(clock::time_point started, clock::time_point deadline, Ready&& ready) {
    if (!worth_it_.load(std::memory_order_relaxed) || budget_.count() <= 0 || !cpu_to_spare()) return false;
    const auto until = std::min(deadline, started + budget_);
    auto last = started;
    SpinningNow counted;
    for (;;) {
      std::this_thread::yield();
      if (ready()) return true;
      const auto now = clock::now();
      if (now >= until || now - last >= kGivenAway) return false;
      last = now;
    }
  }

  /// The wait that began at started is over (with or without sleeping): the next one spins if it was short.
  void waited(clock::time_point started) {
    worth_it_.store(clock::now() - started <= budget_, std::memory_order_relaxed);
  }

 private:
  // A yield that took longer than this ran other threads: the CPU is wanted.
  static constexpr std::chrono::microseconds kGivenAway{50};
  const std::chrono::nanoseconds budget_;
  std::atomic<bool> worth_it_{true};
};

}  // namespace nervure::detail

#pragma once
// Busy-polling a language's event loop while a reply is due.
//
// An event loop (asyncio, libuv) sleeps in epoll when it has nothing to do,
// and waking a sleeping thread costs tens of microseconds on a virtual
// machine: a sequential request paid it for the reply, and again for the
// request when the responder runs on the same loop. While one of the loop's
// connections has a request (or an actor call, a JetStream publish) in flight
// that started less than its Options::request_spin ago, the loop instead
// polls its own epoll descriptor and reads its connections' sockets itself,
// yielding the CPU in between. It stops as soon as anything the loop watches
// is ready, so nothing waits longer than it would have; it costs at most
// request_spin of CPU per request. The blocking C++ request does the same.
// A loop that can run the language from its hook (libuv's prepare handle)
// spins in a Pass: what the spin reads is taken by the loop at once, without
// the eventfd write, its read and the loop's own wait, and the spin resumes
// for whatever that started.
//
// Spinning only pays while a CPU is to spare: on a busy machine the threads a
// reply waits for (the server's, the core's I/O thread) sit in another CPU's
// queue, and only a CPU that goes idle pulls them over, which a spinner's
// never does; and a spinner runs only between other threads' time slices
// while a sleeper is woken promptly. So the loop sleeps when the core's rule
// for its own polling waits says the machine is busy (detail::cpu_to_spare,
// core/src/spin_wait.hpp), or when a yield gave its CPU away for long.
#include <chrono>
#include <memory>
#include <vector>

#include "bridge.hpp"

namespace nervure::bridge {

/// One per event loop, used on the loop's thread only.
class LoopSpinner {
 public:
  LoopSpinner() = default;
  LoopSpinner(const LoopSpinner&) = delete;
  LoopSpinner& operator=(const LoopSpinner&) = delete;

  void add(std::shared_ptr<Inbox> inbox);
  void remove(const Inbox* inbox);
  /// Whether a request of one of the connections is still within its spin budget.
  bool due() const;
  /// due(), and the machine has a CPU to spare.
  bool wanted();
  /// Waits, without sleeping, until fd (the loop's epoll descriptor) is
  /// readable, the spin budget of every request in flight is spent, or
  /// max_wait has passed (negative: no limit of its own). Returns the time spent.
  /// With unannounced, what the spin's own reading queued is not announced
  /// either: the eventfds of those inboxes are appended, and the caller
  /// reports them ready to its loop (which then takes them) instead of writing
  /// and reading them and asking epoll.
  std::chrono::nanoseconds spin(int fd, std::chrono::nanoseconds max_wait, std::vector<int>* unannounced = nullptr);

  /// Several spins in one pass of the loop, the caller taking (Inbox::take)
  /// what each queued before the next: a reply then reaches the language
  /// without the eventfd write, its read and the loop's own wait. From the
  /// start to the end of the pass, what the loop's thread itself posts is
  /// held unannounced, and from the first spin the sockets' marks stay raised; a spin also
  /// stops when an inbox has something queued. Whatever is still queued at
  /// the end is announced. One pass at a time per thread.
  class Pass {
   public:
    explicit Pass(LoopSpinner& spinner);
    ~Pass();
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    std::chrono::nanoseconds spin(int fd, std::chrono::nanoseconds max_wait);
    /// Ends the hold early, leaving what is queued unannounced to the caller:
    /// appends the eventfd of each inbox that has such a batch.
    void leave_unannounced(std::vector<int>& wake_fds);

   private:
    void start_polling();  // at the first spin that runs: a busy machine's pass raises no marks
    LoopSpinner& spinner_;
    bool polling_ = false;
  };

 private:
  std::chrono::steady_clock::time_point spin_until() const;

  std::vector<std::shared_ptr<Inbox>> inboxes_;
  std::chrono::steady_clock::time_point busy_until_{};  // no spinning before, the machine is busy
  std::chrono::steady_clock::time_point last_long_yield_{};
};

}  // namespace nervure::bridge

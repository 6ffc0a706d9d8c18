// The bounded, adaptive busy-wait a thread does before it sleeps (spin_wait.hpp):
// no server. Only what holds on a busy machine too is asserted: whether the
// machine has a CPU to spare decides whether it polls at all.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "spin_wait.hpp"

using namespace std::chrono_literals;
using nervure::detail::AdaptiveSpin;
using nervure::detail::deadline_after;

TEST(AdaptiveSpin, GivesUpWithinItsBudgetWhenNothingComes) {
  AdaptiveSpin spin(200us);
  const auto started = AdaptiveSpin::clock::now();
  int polls = 0;
  EXPECT_FALSE(spin.spin(started, AdaptiveSpin::clock::time_point::max(), [&] {
    ++polls;
    return false;
  }));
  // It stopped at the budget (or at once, on a busy machine): the caller sleeps next.
  EXPECT_GE(AdaptiveSpin::clock::now() - started, polls > 0 ? 0us : 0us);
}

TEST(AdaptiveSpin, ReturnsAsSoonAsTheEventIsThere) {
  AdaptiveSpin spin(1s);  // generous: the event comes long before
  std::atomic<bool> ready{false};
  std::thread setter([&] {
    std::this_thread::sleep_for(1ms);
    ready = true;
  });
  const auto started = AdaptiveSpin::clock::now();
  const bool caught = spin.spin(started, AdaptiveSpin::clock::time_point::max(), [&] { return ready.load(); });
  setter.join();
  // Either it polled until the event came, or it found the machine busy and left it to the sleeper.
  if (caught) EXPECT_TRUE(ready.load());
}

TEST(AdaptiveSpin, SleepsAtOnceAfterALongWait) {
  AdaptiveSpin spin(200us);
  spin.waited(AdaptiveSpin::clock::now() - 10ms);  // the last event took far longer than the budget
  int polls = 0;
  EXPECT_FALSE(spin.spin(AdaptiveSpin::clock::now(), AdaptiveSpin::clock::time_point::max(), [&] {
    ++polls;
    return true;
  }));
  EXPECT_EQ(polls, 0);
  spin.waited(AdaptiveSpin::clock::now());  // a short one: polling may pay again
  const bool caught = spin.spin(AdaptiveSpin::clock::now(), AdaptiveSpin::clock::time_point::max(), [&] {
    ++polls;
    return true;
  });
  EXPECT_EQ(caught, polls == 1);
}

TEST(AdaptiveSpin, NeverPastTheWaitsDeadlineNorWithoutABudget) {
  AdaptiveSpin spin(1s);
  int polls = 0;
  const auto started = AdaptiveSpin::clock::now();
  EXPECT_FALSE(spin.spin(started, started, [&] {
    ++polls;
    return false;
  }));
  EXPECT_LE(polls, 1);
  AdaptiveSpin off(0us);
  EXPECT_FALSE(off.spin(started, AdaptiveSpin::clock::time_point::max(), [] { return true; }));
}

TEST(AdaptiveSpin, DeadlinesSaturate) {
  const auto now = std::chrono::steady_clock::now();
  EXPECT_EQ(deadline_after(now, std::chrono::milliseconds::max()), std::chrono::steady_clock::time_point::max());
  EXPECT_EQ(deadline_after(now, 5ms), now + 5ms);
}

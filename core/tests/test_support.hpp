#pragma once
// Helpers shared by the server-backed suites: a connection factory and an
// event recorder that tests can wait on.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "harness.hpp"
#include "nervure/nervure.hpp"

namespace nervure::test {

using namespace std::chrono_literals;
using nervure_harness::Harness;

class EventLog {
 public:
  EventCallback callback() {
    return [this](Event e, const std::string& detail) {
      std::lock_guard lock(mu_);
      events_.emplace_back(e, detail);
      cv_.notify_all();
    };
  }
  bool wait_for(Event e, std::chrono::milliseconds timeout, int count = 1) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [&] { return count_locked(e) >= count; });
  }
  int count(Event e) const {
    std::lock_guard lock(mu_);
    return count_locked(e);
  }
  std::string details(Event e) {
    std::lock_guard lock(mu_);
    std::string out;
    for (auto& [ev, d] : events_)
      if (ev == e) out += d + "\n";
    return out;
  }

 private:
  int count_locked(Event e) const {
    int n = 0;
    for (auto& [ev, d] : events_) n += ev == e;
    return n;
  }
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::pair<Event, std::string>> events_;
};

inline Options options_for(const std::string& url) {
  Options o;
  o.servers = {url};
  o.connect_timeout = 2000ms;
  return o;
}

/// Expects fn to throw nervure::Error with the given code; returns its message.
template <typename Fn>
std::string expect_error(ErrorCode code, Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << "got " << error_name(e.code()) << ": " << e.what();
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected " << error_name(code) << ", got std::exception: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected " << error_name(code) << ", nothing was thrown";
  return {};
}

}  // namespace nervure::test

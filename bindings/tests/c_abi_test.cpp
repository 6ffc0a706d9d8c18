// The C ABI against a real server, through nervure.h only.
#include <gtest/gtest.h>

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "harness.hpp"
#include "nervure.h"

namespace {

struct Error {
  char* text = nullptr;
  ~Error() { nervure_free_string(text); }
  char** out() {
    nervure_free_string(text);
    text = nullptr;
    return &text;
  }
  std::string str() const { return text ? text : ""; }
};

nervure_connection* connect_to(const std::string& url, const char* name = "c-abi-test") {
  Error err;
  nervure_options* o = nullptr;
  EXPECT_EQ(nervure_options_create(&o, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_add_server(o, url.c_str(), err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_set_name(o, name, err.out()), NERVURE_OK);
  nervure_connection* c = nullptr;
  EXPECT_EQ(nervure_connect(o, &c, err.out()), NERVURE_OK) << err.str();
  nervure_options_destroy(&o);
  EXPECT_EQ(o, nullptr);
  return c;
}

void* token(uintptr_t t) { return reinterpret_cast<void*>(t); }

// Takes wakeups until the completion started with user_data arrives; returns
// the wakeup holding it (the caller destroys it).
nervure_wakeup* await_completion(nervure_connection* c, void* user_data, nervure_completion** out) {
  for (int i = 0; i < 100; ++i) {
    Error err;
    nervure_wakeup* w = nullptr;
    EXPECT_EQ(nervure_connection_take(c, 100, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_completion_count(w); ++k) {
      nervure_completion* done = nervure_wakeup_completion(w, k);
      if (nervure_completion_user_data(done) == user_data) {
        *out = done;
        return w;
      }
    }
    nervure_wakeup_destroy(&w);
  }
  return nullptr;
}

void flush(nervure_connection* c) {
  Error err;
  ASSERT_EQ(nervure_connection_flush(c, 2000, nullptr, token(999), err.out()), NERVURE_OK);
  nervure_completion* done = nullptr;
  nervure_wakeup* w = await_completion(c, token(999), &done);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_completion_status(done), NERVURE_OK);
  EXPECT_EQ(nervure_completion_error(done), nullptr);
  nervure_wakeup_destroy(&w);
}

// Answers every request on subject with "re:" + its data, until stopped.
class Responder {
 public:
  Responder(const std::string& url, const char* subject) : conn_(connect_to(url, "responder")) {
    Error err;
    EXPECT_EQ(nervure_connection_subscribe(conn_, subject, "", 0, 0, 0, &sub_, err.out()), NERVURE_OK);
    flush(conn_);
    thread_ = std::thread([this] {
      while (!stop_) {
        Error e;
        nervure_message_batch* batch = nullptr;
        if (nervure_subscription_poll(sub_, 64, 50, &batch, e.out()) != NERVURE_OK) return;
        for (size_t i = 0; i < nervure_message_batch_count(batch); ++i) {
          size_t len = 0;
          auto data = static_cast<const char*>(nervure_message_data(batch, i, &len));
          std::string answer = "re:" + std::string(data, len);
          nervure_connection_publish(conn_, nervure_message_reply(batch, i), answer.data(), answer.size(), "",
                                     nullptr, e.out());
        }
        nervure_message_batch_destroy(&batch);
      }
    });
  }
  ~Responder() {
    stop_ = true;
    thread_.join();
    nervure_subscription_destroy(&sub_);
    nervure_connection_destroy(&conn_);
  }

 private:
  nervure_connection* conn_;
  nervure_subscription* sub_ = nullptr;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

class CAbi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new nervure::testing::Harness("single"); }
  static void TearDownTestSuite() { delete server_; }
  static nervure::testing::Harness* server_;
};
nervure::testing::Harness* CAbi::server_ = nullptr;

TEST_F(CAbi, PublishSubscribeInBatchesWithReadyIds) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  ASSERT_NE(c, nullptr);
  nervure_subscription* sub = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(c, "abi.>", "", 0, 0, 0, &sub, err.out()), NERVURE_OK);
  flush(c);

  nervure_headers* h = nullptr;
  ASSERT_EQ(nervure_headers_create(&h, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_headers_add(h, "Order-Id", "o-1", err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_headers_add(h, "Tag", "a", err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_headers_add(h, "Tag", "b", err.out()), NERVURE_OK);
  for (int i = 0; i < 100; ++i) {
    std::string data = std::to_string(i);
    ASSERT_EQ(nervure_connection_publish(c, "abi.orders", data.data(), data.size(), "", i == 0 ? h : nullptr,
                                         err.out()),
              NERVURE_OK);
  }
  nervure_headers_destroy(&h);
  EXPECT_EQ(h, nullptr);

  // The wakeup names the subscription that has messages.
  bool ready = false;
  for (int i = 0; i < 50 && !ready; ++i) {
    nervure_wakeup* w = nullptr;
    ASSERT_EQ(nervure_connection_take(c, 100, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_ready_count(w); ++k)
      ready |= nervure_wakeup_ready_id(w, k) == nervure_subscription_id(sub);
    nervure_wakeup_destroy(&w);
  }
  EXPECT_TRUE(ready);

  int received = 0;
  while (received < 100) {
    nervure_message_batch* batch = nullptr;
    ASSERT_EQ(nervure_subscription_poll(sub, 1000, 2000, &batch, err.out()), NERVURE_OK);
    size_t n = nervure_message_batch_count(batch);
    ASSERT_GT(n, 0u);
    for (size_t i = 0; i < n; ++i, ++received) {
      size_t len = 0;
      auto data = static_cast<const char*>(nervure_message_data(batch, i, &len));
      EXPECT_EQ(std::string(data, len), std::to_string(received));
      EXPECT_STREQ(nervure_message_subject(batch, i), "abi.orders");
      EXPECT_STREQ(nervure_message_reply(batch, i), "");
      EXPECT_EQ(nervure_message_status(batch, i), 0);
      if (received == 0) {
        ASSERT_EQ(nervure_message_headers_count(batch, i), 3u);
        const char *k, *v;
        ASSERT_EQ(nervure_message_headers_at(batch, i, 0, &k, &v), 1);
        EXPECT_STREQ(k, "Order-Id");
        EXPECT_STREQ(v, "o-1");
        ASSERT_EQ(nervure_message_headers_at(batch, i, 2, &k, &v), 1);
        EXPECT_STREQ(k, "Tag");
        EXPECT_STREQ(v, "b");
        EXPECT_EQ(nervure_message_headers_at(batch, i, 3, &k, &v), 0);
        EXPECT_EQ(k, nullptr);
      }
    }
    // Out of range is NULL or 0, never a crash.
    EXPECT_EQ(nervure_message_subject(batch, n), nullptr);
    size_t len = 7;
    EXPECT_EQ(nervure_message_data(batch, n, &len), nullptr);
    EXPECT_EQ(len, 0u);
    nervure_message_batch_destroy(&batch);
    EXPECT_EQ(batch, nullptr);
  }
  int64_t delivered = 0;
  ASSERT_EQ(nervure_subscription_delivered(sub, &delivered, err.out()), NERVURE_OK);
  EXPECT_EQ(delivered, 100);

  ASSERT_EQ(nervure_subscription_unsubscribe(sub, err.out()), NERVURE_OK);
  nervure_message_batch* none = nullptr;
  ASSERT_EQ(nervure_subscription_poll(sub, 10, 0, &none, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_message_batch_count(none), 0u);
  EXPECT_EQ(nervure_subscription_ended(sub), 1);
  nervure_message_batch_destroy(&none);
  nervure_subscription_destroy(&sub);
  EXPECT_EQ(sub, nullptr);
  nervure_connection_destroy(&c);
  EXPECT_EQ(c, nullptr);
  nervure_connection_destroy(&c);  // NULL: a no-op
}

// A subscription with a wake fd of its own signals it, not the connection's
// wakeup, when its queue turns non-empty and when it ends.
TEST_F(CAbi, SubscriptionWakeFdSignalsArrivalsAndTheEnd) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  ASSERT_NE(c, nullptr);
  nervure_subscription* sub = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(c, "abi.own", "", 0, 0, 0, &sub, err.out()), NERVURE_OK);
  const int fd = nervure_subscription_wake_fd(sub);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(nervure_subscription_wake_fd(sub), fd);
  EXPECT_EQ(nervure_subscription_wake_fd(nullptr), -1);
  flush(c);
  auto signalled = [fd] {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 2000) != 1) return false;
    uint64_t v = 0;
    return ::read(fd, &v, sizeof v) == static_cast<ssize_t>(sizeof v) && v > 0;
  };
  ASSERT_EQ(nervure_connection_publish(c, "abi.own", "x", 1, "", nullptr, err.out()), NERVURE_OK);
  ASSERT_TRUE(signalled());
  nervure_message_batch* batch = nullptr;
  ASSERT_EQ(nervure_subscription_poll(sub, 10, 0, &batch, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_message_batch_count(batch), 1u);
  nervure_message_batch_destroy(&batch);
  // Nothing about it in the connection's wakeup.
  nervure_wakeup* w = nullptr;
  ASSERT_EQ(nervure_connection_take(c, 0, &w, err.out()), NERVURE_OK);
  for (size_t k = 0; k < nervure_wakeup_ready_count(w); ++k)
    EXPECT_NE(nervure_wakeup_ready_id(w, k), nervure_subscription_id(sub));
  nervure_wakeup_destroy(&w);
  ASSERT_EQ(nervure_subscription_unsubscribe(sub, err.out()), NERVURE_OK);
  ASSERT_TRUE(signalled());
  EXPECT_EQ(nervure_subscription_ended(sub), 1);
  nervure_subscription_destroy(&sub);
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, RequestCompletesThroughTake) {
  Error err;
  Responder responder(server_->url(), "abi.svc");
  nervure_connection* c = connect_to(server_->url());

  ASSERT_EQ(nervure_connection_request(c, "abi.svc", "ping", 4, 2000, nullptr, nullptr, token(42), err.out()),
            NERVURE_OK);
  nervure_completion* done = nullptr;
  nervure_wakeup* w = await_completion(c, token(42), &done);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_completion_status(done), NERVURE_OK);
  nervure_message_batch* reply = nervure_completion_take_reply(done);
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(nervure_completion_take_reply(done), nullptr);  // taken once
  size_t len = 0;
  auto data = static_cast<const char*>(nervure_message_data(reply, 0, &len));
  EXPECT_EQ(std::string(data, len), "re:ping");
  nervure_message_batch_destroy(&reply);
  nervure_wakeup_destroy(&w);

  ASSERT_EQ(nervure_connection_request(c, "abi.nobody", "x", 1, 2000, nullptr, nullptr, token(43), err.out()),
            NERVURE_OK);
  w = await_completion(c, token(43), &done);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_completion_status(done), NERVURE_NO_RESPONDERS);
  EXPECT_STREQ(nervure_status_name(nervure_completion_status(done)), "NoRespondersError");
  EXPECT_NE(nervure_completion_error(done), nullptr);
  EXPECT_EQ(nervure_completion_take_reply(done), nullptr);
  nervure_wakeup_destroy(&w);
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, RequestCompletesThroughCallbackOnALibraryThread) {
  Error err;
  Responder responder(server_->url(), "abi.cb");
  nervure_connection* c = connect_to(server_->url());

  struct Result {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    nervure_status status = NERVURE_ERROR;
    std::string data;
    std::thread::id thread;
  } result;
  auto callback = [](void* user_data, nervure_completion* completion) {
    auto* r = static_cast<Result*>(user_data);
    std::lock_guard lock(r->mu);
    r->status = nervure_completion_status(completion);
    nervure_message_batch* reply = nervure_completion_take_reply(completion);
    size_t len = 0;
    auto data = static_cast<const char*>(nervure_message_data(reply, 0, &len));
    if (data) r->data.assign(data, len);
    nervure_message_batch_destroy(&reply);
    r->thread = std::this_thread::get_id();
    r->done = true;
    r->cv.notify_all();
  };
  ASSERT_EQ(nervure_connection_request(c, "abi.cb", "hello", 5, 2000, nullptr, callback, &result, err.out()),
            NERVURE_OK);
  {
    std::unique_lock lock(result.mu);
    ASSERT_TRUE(result.cv.wait_for(lock, std::chrono::seconds(5), [&] { return result.done; }));
  }
  EXPECT_EQ(result.status, NERVURE_OK);
  EXPECT_EQ(result.data, "re:hello");
  EXPECT_NE(result.thread, std::this_thread::get_id());

  // A callback completion never shows up in take.
  nervure_wakeup* w = nullptr;
  ASSERT_EQ(nervure_connection_take(c, 0, &w, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_wakeup_completion_count(w), 0u);
  nervure_wakeup_destroy(&w);
  nervure_connection_destroy(&c);
}

// A caller may read the socket itself while a reply is due; whichever thread
// reads it (the caller or the I/O thread), the request completes once.
TEST_F(CAbi, PollInputWhileAReplyIsDue) {
  Error err;
  Responder responder(server_->url(), "abi.poll");
  nervure_connection* c = connect_to(server_->url());
  EXPECT_EQ(nervure_connection_poll_input(nullptr), 0);
  struct Result {
    std::atomic<int> completions{0};
    std::atomic<bool> ok{false};
  };
  auto callback = [](void* user_data, nervure_completion* completion) {
    auto* r = static_cast<Result*>(user_data);
    r->ok = nervure_completion_status(completion) == NERVURE_OK;
    r->completions.fetch_add(1);
  };
  for (int i = 0; i < 20; ++i) {
    Result result;
    ASSERT_EQ(nervure_connection_request(c, "abi.poll", "x", 1, 2000, nullptr, callback, &result, err.out()),
              NERVURE_OK);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (result.completions.load() == 0 && std::chrono::steady_clock::now() < deadline) {
      const int read = nervure_connection_poll_input(c);
      EXPECT_TRUE(read == 0 || read == 1);
    }
    ASSERT_EQ(result.completions.load(), 1);
    EXPECT_TRUE(result.ok.load());
  }
  nervure_connection_destroy(&c);
}

// A caller may wait for the connection's socket to turn readable in its own
// event loop and then read it: every request completes once, whichever thread
// read its reply.
TEST_F(CAbi, InputFdTurnsReadableForTheCallerWhoPolls) {
  Error err;
  Responder responder(server_->url(), "abi.input_fd");
  nervure_connection* c = connect_to(server_->url());
  EXPECT_EQ(nervure_connection_input_fd(nullptr), -1);
  const int fd = nervure_connection_input_fd(c);
  ASSERT_GE(fd, 0);
  std::atomic<int> completions{0};
  auto callback = [](void* user_data, nervure_completion*) {
    static_cast<std::atomic<int>*>(user_data)->fetch_add(1);
  };
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(nervure_connection_request(c, "abi.input_fd", "x", 1, 2000, nullptr, callback, &completions, err.out()),
              NERVURE_OK);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (completions.load() == i && std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 1) == 1) nervure_connection_poll_input(c);
    }
    ASSERT_EQ(completions.load(), i + 1);
  }
  nervure_connection_close(c, err.out());
  EXPECT_EQ(nervure_connection_input_fd(c), -1);
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, AWaiterPollsForItsCompletionThenSleepsAsBefore) {
  Error err;
  Responder responder(server_->url(), "abi.polled");
  nervure_connection* c = connect_to(server_->url());

  int unset = 0, set = 1;
  EXPECT_EQ(nervure_poll_until_done(&set, 1000), 1);
  EXPECT_EQ(nervure_poll_until_done(&unset, 0), 0);
  EXPECT_EQ(nervure_poll_until_done(&set, -5), 1);  // no budget: the flag as it is
  EXPECT_EQ(nervure_poll_until_done(nullptr, 1000), 0);  // nothing to wait for
  EXPECT_EQ(nervure_poll_until_done(&unset, 2000), 0);  // nothing will set it: gives up within the budget

  struct Result {
    int done = 0;  // what the waiter polls
    std::mutex mu;
    std::condition_variable cv;
    std::string data;
  };
  auto callback = [](void* user_data, nervure_completion* completion) {
    auto* r = static_cast<Result*>(user_data);
    nervure_message_batch* reply = nervure_completion_take_reply(completion);
    size_t len = 0;
    auto data = static_cast<const char*>(nervure_message_data(reply, 0, &len));
    std::lock_guard lock(r->mu);
    if (data) r->data.assign(data, len);
    nervure_message_batch_destroy(&reply);
    __atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
    r->cv.notify_all();
  };
  for (int i = 0; i < 50; ++i) {  // polled for, or slept for when no CPU is spare: the reply comes either way
    Result result;
    const std::string body = "n" + std::to_string(i);
    ASSERT_EQ(nervure_connection_request(c, "abi.polled", body.data(), body.size(), 2000, nullptr, callback, &result,
                                         err.out()),
              NERVURE_OK);
    const int seen = nervure_poll_until_done(&result.done, 5'000'000);
    std::unique_lock lock(result.mu);
    if (seen) EXPECT_EQ(__atomic_load_n(&result.done, __ATOMIC_ACQUIRE), 1);
    ASSERT_TRUE(result.cv.wait_for(lock, std::chrono::seconds(5), [&] { return result.done != 0; }));
    EXPECT_EQ(result.data, "re:" + body);
  }
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, CancelledRequestNeverCompletes) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  nervure_subscription* silent = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(c, "abi.silent", "", 0, 0, 0, &silent, err.out()), NERVURE_OK);
  flush(c);
  ASSERT_EQ(nervure_connection_request(c, "abi.silent", "x", 1, 300, nullptr, nullptr, token(7), err.out()),
            NERVURE_OK);
  EXPECT_EQ(nervure_connection_cancel(c, token(7)), 1);       // still waiting for its reply
  EXPECT_EQ(nervure_connection_cancel(c, token(7)), 0);       // twice: harmless
  EXPECT_EQ(nervure_connection_cancel(c, token(123456)), 0);  // unknown: harmless
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(800);
  while (std::chrono::steady_clock::now() < deadline) {
    nervure_wakeup* w = nullptr;
    ASSERT_EQ(nervure_connection_take(c, 100, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_completion_count(w); ++k)
      EXPECT_NE(nervure_completion_user_data(nervure_wakeup_completion(w, k)), token(7));
    nervure_wakeup_destroy(&w);
  }
  nervure_subscription_destroy(&silent);
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, TimeoutAndSlowConsumer) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  nervure_subscription* sub = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(c, "abi.slow", "", 0, 10, 0, &sub, err.out()), NERVURE_OK);
  flush(c);
  for (int i = 0; i < 50; ++i) ASSERT_EQ(nervure_connection_publish(c, "abi.slow", "x", 1, "", nullptr, err.out()), NERVURE_OK);
  int64_t dropped = 0, pending = 0;
  for (int i = 0; i < 50 && dropped < 40; ++i) {
    ASSERT_EQ(nervure_subscription_dropped(sub, &dropped, err.out()), NERVURE_OK);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(nervure_subscription_pending(sub, &pending, err.out()), NERVURE_OK);
  EXPECT_EQ(dropped, 40);
  EXPECT_EQ(pending, 10);
  bool slow_event = false;
  for (int i = 0; i < 20 && !slow_event; ++i) {
    nervure_wakeup* w = nullptr;
    ASSERT_EQ(nervure_connection_take(c, 50, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_event_count(w); ++k) {
      const char* detail = nullptr;
      if (nervure_wakeup_event(w, k, &detail) == NERVURE_EVENT_SLOW_CONSUMER) {
        slow_event = true;
        EXPECT_NE(std::string(detail).find("abi.slow"), std::string::npos);
      }
    }
    nervure_wakeup_destroy(&w);
  }
  EXPECT_TRUE(slow_event);

  ASSERT_EQ(nervure_connection_request(c, "abi.slow", "x", 1, 100, nullptr, nullptr, token(5), err.out()),
            NERVURE_OK);
  nervure_completion* done = nullptr;
  nervure_wakeup* w = await_completion(c, token(5), &done);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_completion_status(done), NERVURE_TIMEOUT);
  nervure_wakeup_destroy(&w);
  nervure_subscription_destroy(&sub);
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, IntrospectionAndEvents) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  bool saw_connected = false, saw_closed = false;
  nervure_wakeup* first = nullptr;  // the connected event is queued before connect returns
  ASSERT_EQ(nervure_connection_take(c, 0, &first, err.out()), NERVURE_OK);
  for (size_t k = 0; k < nervure_wakeup_event_count(first); ++k)
    saw_connected |= nervure_wakeup_event(first, k, nullptr) == NERVURE_EVENT_CONNECTED;
  nervure_wakeup_destroy(&first);
  EXPECT_TRUE(saw_connected);
  int connected = 0;
  ASSERT_EQ(nervure_connection_is_connected(c, &connected, err.out()), NERVURE_OK);
  EXPECT_EQ(connected, 1);
  char* info = nullptr;
  ASSERT_EQ(nervure_connection_server_info(c, &info, err.out()), NERVURE_OK);
  EXPECT_NE(std::string(info).find("\"server_id\""), std::string::npos);
  nervure_free_string(info);
  char* url = nullptr;
  ASSERT_EQ(nervure_connection_connected_url(c, &url, err.out()), NERVURE_OK);
  EXPECT_NE(std::string(url).find(std::to_string(server_->ports().at(0))), std::string::npos);
  nervure_free_string(url);
  char* inbox = nullptr;
  ASSERT_EQ(nervure_connection_new_inbox(c, &inbox, err.out()), NERVURE_OK);
  EXPECT_EQ(std::string(inbox).rfind("_INBOX.", 0), 0u);
  nervure_free_string(inbox);
  int64_t max_payload = 0;
  ASSERT_EQ(nervure_connection_max_payload(c, &max_payload, err.out()), NERVURE_OK);
  EXPECT_GT(max_payload, 0);

  ASSERT_EQ(nervure_connection_publish(c, "abi.stats", "12345", 5, "", nullptr, err.out()), NERVURE_OK);
  flush(c);
  nervure_stats stats{};
  ASSERT_EQ(nervure_connection_stats(c, &stats, err.out()), NERVURE_OK);
  EXPECT_EQ(stats.out_msgs, 1u);
  EXPECT_EQ(stats.out_bytes, 5u);

  ASSERT_EQ(nervure_connection_close(c, err.out()), NERVURE_OK);
  int closed = 0;
  ASSERT_EQ(nervure_connection_is_closed(c, &closed, err.out()), NERVURE_OK);
  EXPECT_EQ(closed, 1);
  for (int i = 0; i < 20 && !saw_closed; ++i) {
    nervure_wakeup* w = nullptr;
    ASSERT_EQ(nervure_connection_take(c, 50, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_event_count(w); ++k)
      saw_closed |= nervure_wakeup_event(w, k, nullptr) == NERVURE_EVENT_CLOSED;
    nervure_wakeup_destroy(&w);
  }
  EXPECT_TRUE(saw_closed);
  EXPECT_STREQ(nervure_event_name(NERVURE_EVENT_RECONNECTED), "reconnected");
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, ErrorsComeBackAsStatusAndText) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  EXPECT_EQ(nervure_connection_publish(c, "bad subject", "x", 1, "", nullptr, err.out()), NERVURE_INVALID_SUBJECT);
  EXPECT_NE(err.str().find("bad subject"), std::string::npos);
  EXPECT_EQ(nervure_connection_publish(nullptr, "a", "x", 1, "", nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_connection_publish(c, "a", nullptr, 5, "", nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_connection_publish(c, nullptr, "x", 1, "", nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_connection_publish(c, "a", "x", 1, "", nullptr, nullptr), NERVURE_OK);  // error may be NULL
  EXPECT_EQ(nervure_connection_publish(c, "a b", "x", 1, "", nullptr, nullptr), NERVURE_INVALID_SUBJECT);
  EXPECT_EQ(nervure_connection_flush(c, -1, nullptr, nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  nervure_subscription* sub = nullptr;
  EXPECT_EQ(nervure_connection_subscribe(c, "a..b", "", 0, 0, 0, &sub, err.out()), NERVURE_INVALID_SUBJECT);
  EXPECT_EQ(sub, nullptr);
  int64_t unused = 0;
  EXPECT_EQ(nervure_last_error_int("err_code", &unused), 0);  // InvalidSubjectError has no fields
  EXPECT_EQ(nervure_last_error_text("remote_type"), nullptr);

  nervure_options* o = nullptr;
  ASSERT_EQ(nervure_options_create(&o, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_set_connect_timeout_ms(o, -1, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_options_set_max_pings_out(o, 0, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_options_set_max_reconnect_attempts(o, int64_t{1} << 40, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_options_set_connect_timeout_ms(o, 200, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_add_server(o, "nats://127.0.0.1:1", err.out()), NERVURE_OK);
  nervure_connection* none = nullptr;
  EXPECT_NE(nervure_connect(o, &none, err.out()), NERVURE_OK);
  EXPECT_EQ(none, nullptr);
  EXPECT_FALSE(err.str().empty());
  nervure_options_destroy(&o);
  nervure_options_destroy(&o);  // NULL: a no-op

  nervure_connection_close(c, err.out());
  EXPECT_EQ(nervure_connection_publish(c, "a", "x", 1, "", nullptr, err.out()), NERVURE_CONNECTION_CLOSED);
  EXPECT_STREQ(nervure_status_name(NERVURE_CONNECTION_CLOSED), "ConnectionClosedError");
  nervure_connection_destroy(&c);
}

TEST_F(CAbi, AuthorizationFailureIsItsOwnStatus) {
  nervure::testing::Harness token_server("token");
  Error err;
  nervure_options* o = nullptr;
  ASSERT_EQ(nervure_options_create(&o, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_options_add_server(o, token_server.url().c_str(), err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_options_set_token(o, "not-the-token", err.out()), NERVURE_OK);
  nervure_connection* c = nullptr;
  EXPECT_EQ(nervure_connect(o, &c, err.out()), NERVURE_AUTHORIZATION) << err.str();
  ASSERT_EQ(nervure_options_set_token(o, token_server.token().c_str(), err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_connect(o, &c, err.out()), NERVURE_OK) << err.str();
  nervure_options_destroy(&o);
  nervure_connection_destroy(&c);
}

// ---- JetStream and key-value through the C ABI ------------------------------------

namespace {
std::string take_json(char* text) {
  std::string s = text ? text : "";
  nervure_free_string(text);
  return s;
}
}  // namespace

TEST_F(CAbi, JetStreamStreamsPublishFetchAck) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  nervure_jetstream* js = nullptr;
  ASSERT_EQ(nervure_connection_jetstream(c, "", "", 5000, &js, err.out()), NERVURE_OK) << err.str();
  char* out = nullptr;
  nervure_jetstream_delete_stream(js, "CABI", nullptr);
  ASSERT_EQ(nervure_jetstream_add_stream(js, R"({"name":"CABI","subjects":["cabi.>"],"storage":"memory"})", &out,
                                         err.out()),
            NERVURE_OK)
      << err.str();
  EXPECT_NE(take_json(out).find("\"CABI\""), std::string::npos);
  // The same name with another config: the server's codes come through.
  EXPECT_EQ(nervure_jetstream_add_stream(js, R"({"name":"CABI","subjects":["other.>"]})", &out, err.out()),
            NERVURE_JETSTREAM_API);
  int64_t err_code = 0;
  EXPECT_EQ(nervure_last_error_int("err_code", &err_code), 1);
  EXPECT_EQ(err_code, 10058);
  EXPECT_EQ(nervure_jetstream_add_stream(js, "not json", &out, err.out()), NERVURE_INVALID_ARGUMENT);

  // Acknowledged publishes complete through take; the PubAck is JSON in the data.
  for (uintptr_t i = 1; i <= 3; ++i) {
    std::string data = "m" + std::to_string(i);
    ASSERT_EQ(nervure_jetstream_publish(js, "cabi.a", data.data(), data.size(), nullptr, "", "", -1, -1, "", 0, 0,
                                        nullptr, token(100 + i), err.out()),
              NERVURE_OK)
        << err.str();
    nervure_completion* done = nullptr;
    nervure_wakeup* w = await_completion(c, token(100 + i), &done);
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(nervure_completion_status(done), NERVURE_OK);
    nervure_message_batch* ack = nervure_completion_take_reply(done);
    size_t len = 0;
    auto json = static_cast<const char*>(nervure_message_data(ack, 0, &len));
    EXPECT_EQ(std::string(json, len), R"({"stream":"CABI","seq":)" + std::to_string(i) + R"(,"duplicate":false})");
    nervure_message_batch_destroy(&ack);
    nervure_wakeup_destroy(&w);
  }
  ASSERT_EQ(nervure_jetstream_publish(js, "nostream.a", "x", 1, nullptr, "", "", -1, -1, "", 0, 0, nullptr,
                                      token(200), err.out()),
            NERVURE_OK);
  nervure_completion* failed = nullptr;
  nervure_wakeup* w = await_completion(c, token(200), &failed);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_completion_status(failed), NERVURE_NO_RESPONDERS);
  nervure_wakeup_destroy(&w);
  EXPECT_EQ(nervure_jetstream_publish_async_complete(js, 5000, err.out()), NERVURE_OK);

  ASSERT_EQ(nervure_jetstream_add_consumer(js, "CABI", R"({"durable_name":"w","ack_policy":"explicit"})", &out,
                                           err.out()),
            NERVURE_OK)
      << err.str();
  take_json(out);
  nervure_subscription* fetched = nullptr;
  ASSERT_EQ(nervure_jetstream_fetch(js, "CABI", "w", 10, 1000, 0, &fetched, err.out()), NERVURE_OK) << err.str();
  nervure_message_batch* batch = nullptr;
  ASSERT_EQ(nervure_subscription_poll(fetched, 100, 0, &batch, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_message_batch_count(batch), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const char* reply = nervure_message_reply(batch, i);
    ASSERT_EQ(nervure_jetstream_metadata(js, reply, &out, err.out()), NERVURE_OK);
    EXPECT_NE(take_json(out).find("\"stream_seq\":" + std::to_string(i + 1)), std::string::npos);
    EXPECT_EQ(nervure_jetstream_ack(js, reply, "ack", 0, "", err.out()), NERVURE_OK);
  }
  nervure_message_batch_destroy(&batch);
  nervure_subscription_destroy(&fetched);
  // Only a $JS.ACK subject takes acknowledgements.
  EXPECT_EQ(nervure_jetstream_ack(js, "not.an.ack", "ack", 0, "", err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_NE(err.str().find("not.an.ack"), std::string::npos);

  // Key-value: a stale compare-and-set is JetStreamApiError 10071.
  nervure_key_value* kv = nullptr;
  nervure_jetstream_delete_key_value(js, "cabi", nullptr);
  ASSERT_EQ(nervure_jetstream_create_key_value(js, R"({"bucket":"cabi","history":3})", &kv, err.out()), NERVURE_OK)
      << err.str();
  uint64_t rev = 0;
  ASSERT_EQ(nervure_key_value_put(kv, "k", "v1", 2, &rev, err.out()), NERVURE_OK);
  EXPECT_EQ(rev, 1u);
  ASSERT_EQ(nervure_key_value_get(kv, "k", 0, &out, err.out()), NERVURE_OK);
  EXPECT_NE(take_json(out).find("djE="), std::string::npos);  // base64 of v1
  ASSERT_EQ(nervure_key_value_get(kv, "absent", 0, &out, err.out()), NERVURE_OK);
  EXPECT_EQ(take_json(out), "{}");
  EXPECT_EQ(nervure_key_value_update(kv, "k", "v2", 2, 5, &rev, err.out()), NERVURE_JETSTREAM_API);
  EXPECT_EQ(nervure_last_error_int("err_code", &err_code), 1);
  EXPECT_EQ(err_code, 10071);
  EXPECT_EQ(nervure_key_value_update(kv, "k", "v2", 2, 1, &rev, err.out()), NERVURE_OK);
  EXPECT_EQ(rev, 2u);
  nervure_key_value_destroy(&kv);
  EXPECT_EQ(kv, nullptr);
  nervure_key_value_destroy(&kv);  // NULL: a no-op
  EXPECT_EQ(nervure_jetstream_delete_key_value(js, "cabi", err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_jetstream_delete_stream(js, "CABI", err.out()), NERVURE_OK);
  nervure_jetstream_destroy(&js);
  EXPECT_EQ(js, nullptr);
  nervure_connection_close(c, err.out());
  nervure_connection_destroy(&c);
}

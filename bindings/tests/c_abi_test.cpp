// The C ABI against a real server, through nervure.h only.
#include <gtest/gtest.h>

#include <string>

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
};

nervure_connection* connect_to(const std::string& url) {
  Error err;
  nervure_options* o = nullptr;
  EXPECT_EQ(nervure_options_create(&o, err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_add_server(o, url.c_str(), err.out()), NERVURE_OK);
  EXPECT_EQ(nervure_options_set_name(o, "c-abi-test", err.out()), NERVURE_OK);
  nervure_connection* c = nullptr;
  EXPECT_EQ(nervure_connect(o, &c, err.out()), NERVURE_OK) << (err.text ? err.text : "");
  nervure_options_destroy(&o);
  EXPECT_EQ(o, nullptr);
  return c;
}

// Takes wakeups until the completion with this token arrives.
nervure_wakeup* await_completion(nervure_connection* c, uint64_t token, size_t* index) {
  for (int i = 0; i < 100; ++i) {
    Error err;
    nervure_wakeup* w = nullptr;
    EXPECT_EQ(nervure_connection_take(c, 100, &w, err.out()), NERVURE_OK);
    for (size_t k = 0; k < nervure_wakeup_completion_count(w); ++k)
      if (nervure_wakeup_completion_token(w, k) == token) {
        *index = k;
        return w;
      }
    nervure_wakeup_destroy(&w);
  }
  return nullptr;
}

}  // namespace

class CAbi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new nervure_harness::Harness("single"); }
  static void TearDownTestSuite() { delete server_; }
  static nervure_harness::Harness* server_;
};
nervure_harness::Harness* CAbi::server_ = nullptr;

TEST_F(CAbi, PublishSubscribeInBatches) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  ASSERT_NE(c, nullptr);
  nervure_subscription* sub = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(c, "abi.>", "", 0, 0, 0, &sub, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_connection_flush(c, 7, 2000, err.out()), NERVURE_OK);
  size_t idx;
  nervure_wakeup* w = await_completion(c, 7, &idx);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_wakeup_completion_status(w, idx), NERVURE_OK);
  nervure_wakeup_destroy(&w);

  nervure_headers* h = nullptr;
  ASSERT_EQ(nervure_headers_create(&h, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_headers_add(h, "Order-Id", "o-1", err.out()), NERVURE_OK);
  for (int i = 0; i < 100; ++i) {
    std::string data = std::to_string(i);
    ASSERT_EQ(nervure_connection_publish(c, "abi.orders", data.data(), data.size(), "", i == 0 ? h : nullptr, err.out()),
              NERVURE_OK);
  }
  nervure_headers_destroy(&h);
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
      if (received == 0) {
        ASSERT_EQ(nervure_message_header_count(batch, i), 1u);
        const char *k, *v;
        nervure_message_header(batch, i, 0, &k, &v);
        EXPECT_STREQ(k, "Order-Id");
        EXPECT_STREQ(v, "o-1");
      }
    }
    EXPECT_EQ(nervure_message_subject(batch, n), nullptr);  // out of range is NULL, not a crash
    nervure_message_batch_destroy(&batch);
  }
  nervure_subscription_destroy(&sub);
  nervure_connection_destroy(&c);
  EXPECT_EQ(c, nullptr);
}

TEST_F(CAbi, RequestCompletesThroughTake) {
  Error err;
  nervure_connection* responder = connect_to(server_->url());
  nervure_connection* c = connect_to(server_->url());
  nervure_subscription* sub = nullptr;
  ASSERT_EQ(nervure_connection_subscribe(responder, "abi.svc", "", 1, 0, 0, &sub, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_connection_flush(responder, 1, 2000, err.out()), NERVURE_OK);
  size_t idx;
  nervure_wakeup* w = await_completion(responder, 1, &idx);
  nervure_wakeup_destroy(&w);

  ASSERT_EQ(nervure_connection_request(c, 42, "abi.svc", "ping", 4, 2000, nullptr, err.out()), NERVURE_OK);
  nervure_message_batch* req = nullptr;
  ASSERT_EQ(nervure_subscription_poll(sub, 1, 2000, &req, err.out()), NERVURE_OK);
  ASSERT_EQ(nervure_message_batch_count(req), 1u);
  ASSERT_EQ(nervure_connection_publish(responder, nervure_message_reply(req, 0), "pong", 4, "", nullptr, err.out()),
            NERVURE_OK);
  nervure_message_batch_destroy(&req);

  w = await_completion(c, 42, &idx);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_wakeup_completion_status(w, idx), NERVURE_OK);
  nervure_message_batch* reply = nervure_wakeup_completion_take_reply(w, idx);
  ASSERT_NE(reply, nullptr);
  size_t len = 0;
  auto data = static_cast<const char*>(nervure_message_data(reply, 0, &len));
  EXPECT_EQ(std::string(data, len), "pong");
  nervure_message_batch_destroy(&reply);
  nervure_wakeup_destroy(&w);

  ASSERT_EQ(nervure_connection_request(c, 43, "abi.nobody", "x", 1, 2000, nullptr, err.out()), NERVURE_OK);
  w = await_completion(c, 43, &idx);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(nervure_wakeup_completion_status(w, idx), NERVURE_NO_RESPONDERS);
  EXPECT_STREQ(nervure_status_name(nervure_wakeup_completion_status(w, idx)), "NoRespondersError");
  nervure_wakeup_destroy(&w);
  nervure_subscription_destroy(&sub);
  nervure_connection_destroy(&c);
  nervure_connection_destroy(&responder);
}

TEST_F(CAbi, ErrorsComeBackAsStatusAndText) {
  Error err;
  nervure_connection* c = connect_to(server_->url());
  EXPECT_EQ(nervure_connection_publish(c, "bad subject", "x", 1, "", nullptr, err.out()), NERVURE_INVALID_SUBJECT);
  ASSERT_NE(err.text, nullptr);
  EXPECT_NE(std::string(err.text).find("bad subject"), std::string::npos);
  EXPECT_EQ(nervure_connection_publish(nullptr, "a", "x", 1, "", nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_connection_publish(c, "a", nullptr, 5, "", nullptr, err.out()), NERVURE_INVALID_ARGUMENT);
  nervure_options* o = nullptr;
  nervure_options_create(&o, err.out());
  EXPECT_EQ(nervure_options_set_connect_timeout_ms(o, -1, err.out()), NERVURE_INVALID_ARGUMENT);
  EXPECT_EQ(nervure_options_add_server(o, "nats://127.0.0.1:1", err.out()), NERVURE_OK);
  nervure_connection* none = nullptr;
  EXPECT_EQ(nervure_connect(o, &none, err.out()), NERVURE_NERVURE);
  EXPECT_EQ(none, nullptr);
  nervure_options_destroy(&o);
  nervure_connection_close(c, err.out());
  EXPECT_EQ(nervure_connection_publish(c, "a", "x", 1, "", nullptr, err.out()), NERVURE_CONNECTION_CLOSED);
  nervure_connection_destroy(&c);
}

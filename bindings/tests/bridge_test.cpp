// The language-neutral runtime without a server: error flattening (with the
// definition's error fields) and connect options by name.
#include <gtest/gtest.h>

#include "bridge.hpp"
#include "options.hpp"

using namespace nervure;
using bridge::OptionValue;

TEST(Bridge, DescribeKeepsCodeMessageAndDefinitionFields) {
  auto js = bridge::describe(std::make_exception_ptr(JetStreamApiError(404, 10059, "stream not found")));
  EXPECT_EQ(js.code, ErrorCode::jetstream_api);
  EXPECT_EQ(js.message, "stream not found");
  ASSERT_NE(js.field("code"), nullptr);
  EXPECT_EQ(js.field("code")->number, 404);
  ASSERT_NE(js.field("err_code"), nullptr);
  EXPECT_EQ(js.field("err_code")->number, 10059);
  EXPECT_FALSE(js.field("err_code")->is_text);

  auto actor = bridge::describe(std::make_exception_ptr(ActorError("ValueError", "bad amount")));
  EXPECT_EQ(actor.code, ErrorCode::actor);
  ASSERT_NE(actor.field("remote_type"), nullptr);
  EXPECT_TRUE(actor.field("remote_type")->is_text);
  EXPECT_EQ(actor.field("remote_type")->text, "ValueError");

  auto plain = bridge::describe(std::make_exception_ptr(Error(ErrorCode::no_responders, "nobody")));
  EXPECT_EQ(plain.code, ErrorCode::no_responders);
  EXPECT_TRUE(plain.fields.empty());
}

TEST(Bridge, DescribeNeverThrowsOnForeignExceptions) {
  auto std_error = bridge::describe(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_EQ(std_error.code, ErrorCode::nervure);
  EXPECT_EQ(std_error.message, "boom");
  auto oom = bridge::describe(std::make_exception_ptr(std::bad_alloc()));
  EXPECT_EQ(oom.code, ErrorCode::nervure);
  EXPECT_EQ(oom.message, "out of memory");
  auto odd = bridge::describe(std::make_exception_ptr(42));
  EXPECT_EQ(odd.code, ErrorCode::nervure);
  EXPECT_FALSE(odd.message.empty());
}

TEST(Bridge, OptionsByNameWithTypesAndRanges) {
  Options o;
  bridge::set_option(o, "name", OptionValue::of_text("svc"));
  bridge::set_option(o, "connect_timeout", OptionValue::of_ms(250));
  bridge::set_option(o, "ping_interval", OptionValue::of_int(1000));  // integers are milliseconds
  bridge::set_option(o, "tls_ca_file", OptionValue::of_text("/ca.pem"));
  bridge::set_option(o, "reconnect", OptionValue::of_bool(false));
  bridge::set_option(o, "max_reconnect_attempts", OptionValue::of_int(-1));
  bridge::set_option(o, "reconnect_buffer_size", OptionValue::of_int(1024));
  EXPECT_EQ(o.name, "svc");
  EXPECT_EQ(o.connect_timeout, Duration(250));
  EXPECT_EQ(o.ping_interval, Duration(1000));
  EXPECT_EQ(o.tls.ca_file, "/ca.pem");
  EXPECT_FALSE(o.reconnect.enabled);
  EXPECT_EQ(o.reconnect.max_attempts, -1);
  EXPECT_EQ(o.reconnect.buffer_size, 1024u);

  auto code_of = [&](const char* name, OptionValue v) {
    try {
      bridge::set_option(o, name, v);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::ok;
  };
  EXPECT_EQ(code_of("no_such_option", OptionValue::of_int(1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("name", OptionValue::of_int(1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("reconnect", OptionValue::of_text("yes")), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("connect_timeout", OptionValue::of_ms(-5)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("max_pings_out", OptionValue::of_int(0)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("reconnect_buffer_size", OptionValue::of_int(-1)), ErrorCode::invalid_argument);
  EXPECT_EQ(code_of("max_reconnect_attempts", OptionValue::of_int(int64_t{1} << 40)), ErrorCode::invalid_argument);
}

// JetStream streams and acknowledged publishing against a real server.
#include <atomic>
#include <set>
#include <thread>

#include "nervure/jetstream.hpp"
#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {
bool compat() {
  const char* v = std::getenv("NERVURE_TEST_COMPAT");
  return v && *v == '1';
}
}  // namespace

class JetStreamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() { delete server_; }
  void SetUp() override {
    nc_ = Connection::connect(options_for(server_->url()));
    js_ = std::make_unique<JetStream>(nc_);
  }
  static Harness* server_;
  std::shared_ptr<Connection> nc_;
  std::unique_ptr<JetStream> js_;
};
Harness* JetStreamTest::server_ = nullptr;

TEST_F(JetStreamTest, ApiLevelMatchesTheServer) {
  if (compat()) EXPECT_EQ(js_->api_level(), 0);
  else EXPECT_GE(js_->api_level(), 1);
  EXPECT_NE(js_->account_info().raw_json.find("\"api\""), std::string::npos);
}

TEST_F(JetStreamTest, StreamLifecycle) {
  StreamConfig c;
  c.name = "ORDERS";
  c.subjects = {"shop.orders.>"};
  c.max_age = std::chrono::hours(24);
  c.duplicate_window = std::chrono::minutes(1);
  auto info = js_->add_stream(c);
  EXPECT_EQ(info.config.name, "ORDERS");
  EXPECT_EQ(info.config.subjects, std::vector<std::string>{"shop.orders.>"});
  EXPECT_EQ(info.config.max_age, std::chrono::hours(24));
  EXPECT_EQ(info.state.messages, 0u);

  c.max_msgs = 1000;
  EXPECT_EQ(js_->update_stream(c).config.max_msgs, 1000);
  auto names = js_->stream_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "ORDERS"), names.end());
  EXPECT_EQ(js_->stream_names("shop.orders.order.created"), std::vector<std::string>{"ORDERS"});

  for (int i = 0; i < 5; ++i) js_->publish("shop.orders.order.created", "o-" + std::to_string(i));
  js_->publish("shop.orders.order.cancelled", "o-1");
  EXPECT_EQ(js_->stream_info("ORDERS").state.messages, 6u);
  EXPECT_EQ(js_->purge_stream("ORDERS", "shop.orders.order.cancelled"), 1u);
  if (!compat()) {
    EXPECT_EQ(js_->purge_stream("ORDERS", "", 2), 3u);
    EXPECT_EQ(js_->purge_stream("ORDERS"), 2u);
  } else {
    // nats-server 2.9 would purge one message more than asked when keeping N.
    expect_error(ErrorCode::not_supported_by_server, [&] { js_->purge_stream("ORDERS", "", 2); });
    EXPECT_EQ(js_->purge_stream("ORDERS"), 5u);
  }

  js_->delete_stream("ORDERS");
  try {
    js_->stream_info("ORDERS");
    ADD_FAILURE() << "the deleted stream still answers";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_EQ(e.err_code(), 10059);  // stream not found
  }
}

TEST_F(JetStreamTest, PublishAcknowledgesAndDeduplicates) {
  StreamConfig c;
  c.name = "PAYMENTS";
  c.subjects = {"shop.payments.>"};
  js_->add_stream(c);
  auto a = js_->publish("shop.payments.captured", "1", PublishOptions{.msg_id = "pay-1"});
  EXPECT_EQ(a.stream, "PAYMENTS");
  EXPECT_EQ(a.seq, 1u);
  EXPECT_FALSE(a.duplicate);
  auto again = js_->publish("shop.payments.captured", "1", PublishOptions{.msg_id = "pay-1"});
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.seq, 1u);
  EXPECT_EQ(js_->stream_info("PAYMENTS").state.messages, 1u);

  EXPECT_EQ(js_->publish("shop.payments.captured", "2", PublishOptions{.expected_last_seq = 1}).seq, 2u);
  try {
    js_->publish("shop.payments.captured", "3", PublishOptions{.expected_last_seq = 1});
    ADD_FAILURE() << "a stale expected_last_seq was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10071);  // wrong last sequence
  }
  try {
    js_->publish("shop.payments.captured", "4", PublishOptions{.expected_stream = "OTHER"});
    ADD_FAILURE() << "a wrong expected_stream was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 400);
  }
  js_->delete_stream("PAYMENTS");
}

TEST_F(JetStreamTest, StoredMessagesCanBeReadAndDeleted) {
  StreamConfig c;
  c.name = "STOCK";
  c.subjects = {"shop.stock.>"};
  js_->add_stream(c);
  Headers h;
  h.add("Sku", "kettle");
  js_->publish("shop.stock.kettle", std::string("12\0bytes", 8), PublishOptions{.headers = &h});
  js_->publish("shop.stock.mug", "40");
  js_->publish("shop.stock.kettle", "11");
  auto first = js_->get_msg("STOCK", 1);
  EXPECT_EQ(first.subject, "shop.stock.kettle");
  EXPECT_EQ(first.data, std::string("12\0bytes", 8));
  EXPECT_EQ(first.headers.get("sku"), "kettle");
  EXPECT_FALSE(first.time.empty());
  auto last = js_->get_last_msg("STOCK", "shop.stock.kettle");
  EXPECT_EQ(last.seq, 3u);
  EXPECT_EQ(last.data, "11");
  js_->delete_msg("STOCK", 2, true);
  try {
    js_->get_msg("STOCK", 2);
    ADD_FAILURE() << "a deleted message is still served";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 404);
  }
  expect_error(ErrorCode::invalid_argument, [&] { js_->get_msg("STOCK", 0); });
  js_->delete_stream("STOCK");
}

TEST_F(JetStreamTest, NoStreamForTheSubjectIsAClearError) {
  auto msg = expect_error(ErrorCode::no_responders, [&] { js_->publish("nothing.stores.this", "x"); });
  EXPECT_NE(msg.find("no stream matches subject 'nothing.stores.this'"), std::string::npos) << msg;
}

TEST_F(JetStreamTest, BadInputIsRejectedBeforeSending) {
  StreamConfig bad;
  bad.name = "has.dots";
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_stream(bad); });
  bad.name = "";
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_stream(bad); });
  bad.name = "OK";
  bad.subjects = {"a..b"};
  expect_error(ErrorCode::invalid_subject, [&] { js_->add_stream(bad); });
  StreamConfig dup;
  dup.name = "DUP";
  dup.subjects = {"dup.a"};
  js_->add_stream(dup);
  dup.subjects = {"dup.b"};
  dup.storage = StorageType::memory;  // storage cannot change: the server says why
  try {
    js_->update_stream(dup);
    ADD_FAILURE() << "changing storage was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 500 == e.status() ? 500 : 400);
    EXPECT_FALSE(std::string(e.what()).empty());
  }
  js_->delete_stream("DUP");
}

TEST_F(JetStreamTest, FeaturesAnOldServerWouldIgnoreAreRefused) {
  StreamConfig c;
  c.name = "TTL";
  c.subjects = {"ttl.>"};
  c.allow_msg_ttl = true;
  if (!compat()) {
    EXPECT_TRUE(js_->add_stream(c).config.allow_msg_ttl);
    EXPECT_GT(js_->publish("ttl.a", "x", PublishOptions{.ttl = std::chrono::seconds(60)}).seq, 0u);
    js_->delete_stream("TTL");
    return;
  }
  auto msg = expect_error(ErrorCode::not_supported_by_server, [&] { js_->add_stream(c); });
  EXPECT_NE(msg.find("2.9"), std::string::npos) << msg;
  expect_error(ErrorCode::invalid_argument, [&] {  // nothing was created
    try {
      js_->stream_info("TTL");
    } catch (const JetStreamApiError&) {
      throw Error(ErrorCode::invalid_argument, "absent, as it should be");
    }
  });
  StreamConfig plain;
  plain.name = "PLAIN";
  plain.subjects = {"plain.>"};
  js_->add_stream(plain);
  expect_error(ErrorCode::not_supported_by_server,
               [&] { js_->publish("plain.a", "x", PublishOptions{.ttl = std::chrono::seconds(60)}); });
  StreamConfig meta = plain;
  meta.metadata = {{"owner", "shop"}};
  expect_error(ErrorCode::not_supported_by_server, [&] { js_->update_stream(meta); });
  js_->delete_stream("PLAIN");
}

TEST(JetStreamContext, DomainAndPrefixChooseTheApiSubject) {
  Harness server("single");
  auto nc = Connection::connect(options_for(server.url()));
  auto spy = nc->subscribe("$JS.>");
  nc->flush(2s);
  JetStream in_domain(nc, JetStreamOptions{.domain = "hub", .timeout = 300ms});
  EXPECT_THROW(in_domain.api_level(), Error);  // nobody serves the hub domain here
  auto seen = spy->next(2s);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->subject, "$JS.hub.API.INFO");
  JetStream custom(nc, JetStreamOptions{.api_prefix = "$JS.API.", .timeout = 2s});
  EXPECT_GE(custom.api_level(), 0);
  expect_error(ErrorCode::invalid_argument, [&] { JetStream(std::shared_ptr<Connection>{}); });
}

TEST_F(JetStreamTest, AsyncPublishCompletesEveryMessage) {
  StreamConfig c;
  c.name = "ASYNC";
  c.subjects = {"async.>"};
  c.storage = StorageType::memory;
  js_->add_stream(c);
  std::vector<std::future<PubAck>> futures;
  for (int i = 0; i < 1000; ++i) futures.push_back(js_->publish_async("async.f", std::to_string(i)));
  std::atomic<int> callbacks{0};
  std::atomic<uint64_t> last_seq{0};
  for (int i = 0; i < 500; ++i)
    js_->publish_async("async.c", "x", PublishOptions{}, [&](PubAck&& ack, std::exception_ptr error) {
      if (!error) {
        ++callbacks;
        uint64_t prev = last_seq.load();
        while (ack.seq > prev && !last_seq.compare_exchange_weak(prev, ack.seq)) {
        }
      }
    });
  js_->publish_async_complete(10s);
  EXPECT_EQ(js_->publish_async_pending(), 0);
  std::set<uint64_t> seqs;
  for (auto& f : futures) seqs.insert(f.get().seq);
  EXPECT_EQ(seqs.size(), 1000u);
  EXPECT_EQ(*seqs.begin(), 1u);
  EXPECT_EQ(callbacks.load(), 500);
  EXPECT_EQ(last_seq.load(), 1500u);
  EXPECT_EQ(js_->stream_info("ASYNC").state.messages, 1500u);

  auto failed = js_->publish_async("nothing.here", "x");
  try {
    failed.get();
    ADD_FAILURE() << "a publish no stream takes was acknowledged";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::no_responders);
    EXPECT_NE(std::string(e.what()).find("no stream matches subject 'nothing.here'"), std::string::npos) << e.what();
  }
  js_->delete_stream("ASYNC");
}

TEST_F(JetStreamTest, AsyncWindowStallsAndLostAcksTimeOut) {
  // A plain subscriber takes the messages and never acknowledges: every ack is lost.
  auto sink = nc_->subscribe("blackhole.>");
  nc_->flush(2s);
  JetStreamOptions o;
  o.max_pending_acks = 4;
  o.stall_wait = 200ms;
  JetStream js(nc_, o);
  PublishOptions po;
  // Long enough that the lost acks are still pending while the window is
  // checked below, even on a loaded machine under TSan.
  po.timeout = 2s;
  std::vector<std::future<PubAck>> futures;
  for (int i = 0; i < 4; ++i) futures.push_back(js.publish_async("blackhole.x", "x", po));
  EXPECT_EQ(js.publish_async_pending(), 4);
  auto t0 = std::chrono::steady_clock::now();
  expect_error(ErrorCode::timeout, [&] { js.publish_async("blackhole.x", "x", po); });  // the window is full
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 150ms);
  expect_error(ErrorCode::timeout, [&] { js.publish_async_complete(50ms); });
  js.publish_async_complete(10s);
  for (auto& f : futures) expect_error(ErrorCode::timeout, [&] { f.get(); });
  EXPECT_EQ(js.publish_async_pending(), 0);
  EXPECT_EQ(sink->pending_msgs(), 4);
}

TEST_F(JetStreamTest, PublishExpectationsAndHeaders) {
  StreamConfig c;
  c.name = "EXPECT";
  c.subjects = {"expect.>"};
  js_->add_stream(c);
  Headers h;
  h.add("Trace", "abc");
  auto a = js_->publish("expect.a", "1", PublishOptions{.msg_id = "id-1", .headers = &h});
  EXPECT_EQ(js_->get_msg("EXPECT", a.seq).headers.get("Trace"), "abc");
  js_->publish("expect.b", "2");
  EXPECT_EQ(js_->publish("expect.a", "3", PublishOptions{.expected_last_subject_seq = 1}).seq, 3u);
  try {
    js_->publish("expect.a", "4", PublishOptions{.expected_last_subject_seq = 1});
    ADD_FAILURE() << "a stale expected_last_subject_seq was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10071);
  }
  js_->publish("expect.a", "5", PublishOptions{.msg_id = "id-5"});
  EXPECT_EQ(js_->publish("expect.a", "6", PublishOptions{.expected_last_msg_id = "id-5"}).seq, 5u);
  try {
    js_->publish("expect.a", "7", PublishOptions{.expected_last_msg_id = "id-5"});
    ADD_FAILURE() << "a stale expected_last_msg_id was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10070);
  }
  EXPECT_EQ(js_->publish("expect.a", "8", PublishOptions{.expected_stream = "EXPECT"}).stream, "EXPECT");
  expect_error(ErrorCode::invalid_argument,
               [&] { js_->publish("expect.a", "x", PublishOptions{.ttl = std::chrono::milliseconds(500)}); });
  js_->delete_stream("EXPECT");
}

TEST_F(JetStreamTest, DirectGetsServeStoredMessages) {
  StreamConfig c;
  c.name = "DIRECT";
  c.subjects = {"direct.>"};
  c.allow_direct = true;
  js_->add_stream(c);
  Headers h;
  h.add("Kind", "greeting");
  js_->publish("direct.a", "hello", PublishOptions{.headers = &h});
  js_->publish("direct.b", "world");
  js_->publish("direct.a", "again");
  auto spy = nc_->subscribe("$JS.API.DIRECT.GET.>");
  nc_->flush(2s);
  auto m = js_->get_msg("DIRECT", 1);
  EXPECT_EQ(m.stream, "DIRECT");
  EXPECT_EQ(m.subject, "direct.a");
  EXPECT_EQ(m.data, "hello");
  EXPECT_EQ(m.headers.get("Kind"), "greeting");
  EXPECT_FALSE(m.headers.get("Nats-Sequence").has_value());  // the direct get's own headers are not the message's
  EXPECT_EQ(m.time.back(), 'Z');
  EXPECT_EQ(m.time[10], 'T');
  EXPECT_EQ(js_->get_last_msg("DIRECT", "direct.a").data, "again");
  try {
    js_->get_msg("DIRECT", 99);
    ADD_FAILURE() << "a missing message was served";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_EQ(e.err_code(), 10037);
  }
  nc_->flush(2s);
  EXPECT_EQ(spy->pending_msgs(), 3) << "the gets did not go to the direct API";
  if (!compat()) {
    auto batch = js_->get_msgs("DIRECT", "direct.a", 1, 10);
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[1].data, "again");
    EXPECT_EQ(js_->get_msgs("DIRECT", "direct.b", 3, 10).size(), 0u);
    auto last = js_->get_last_msgs("DIRECT", {"direct.>"});
    ASSERT_EQ(last.size(), 2u);
    std::set<std::string> values{last[0].data, last[1].data};
    EXPECT_EQ(values, (std::set<std::string>{"world", "again"}));
  }
  js_->delete_stream("DIRECT");
}

TEST_F(JetStreamTest, PurgeUpToASequence) {
  StreamConfig c;
  c.name = "PURGE";
  c.subjects = {"purge.>"};
  js_->add_stream(c);
  for (int i = 0; i < 10; ++i) js_->publish("purge.x", std::to_string(i));
  EXPECT_EQ(js_->purge_stream("PURGE", PurgeOptions{.up_to_seq = 4}), 3u);
  EXPECT_EQ(js_->stream_info("PURGE").state.first_seq, 4u);
  expect_error(ErrorCode::invalid_argument, [&] { js_->purge_stream("PURGE", PurgeOptions{.keep = 1, .up_to_seq = 2}); });
  js_->delete_stream("PURGE");
}

TEST_F(JetStreamTest, ListingsPageThroughEveryStream) {
  StreamConfig c;
  c.storage = StorageType::memory;
  constexpr int kStreams = 300;  // the server answers STREAM.LIST 256 at a time
  for (int i = 0; i < kStreams; ++i) {
    c.name = "PAGE" + std::to_string(i);
    c.subjects = {"page." + std::to_string(i)};
    js_->add_stream(c);
  }
  auto names = js_->stream_names();
  auto infos = js_->streams();
  EXPECT_EQ(names.size(), static_cast<std::size_t>(kStreams));
  EXPECT_EQ(infos.size(), static_cast<std::size_t>(kStreams));
  std::set<std::string> unique;
  for (auto& i : infos) unique.insert(i.config.name);
  EXPECT_EQ(unique.size(), static_cast<std::size_t>(kStreams));
  EXPECT_EQ(js_->streams("page.7").size(), 1u);
  for (auto& n : names) js_->delete_stream(n);
}

TEST_F(JetStreamTest, MirrorsAndSources) {
  StreamConfig origin;
  origin.name = "ORIGIN";
  origin.subjects = {"origin.>"};
  js_->add_stream(origin);
  StreamConfig other = origin;
  other.name = "OTHER";
  other.subjects = {"other.>"};
  js_->add_stream(other);
  StreamConfig mirror;
  mirror.name = "MIRROR";
  mirror.mirror = StreamSource{.name = "ORIGIN"};
  auto mi = js_->add_stream(mirror);
  ASSERT_TRUE(mi.config.mirror);
  EXPECT_EQ(mi.config.mirror->name, "ORIGIN");
  StreamConfig sourced;
  sourced.name = "SOURCED";
  sourced.sources = {StreamSource{.name = "ORIGIN", .filter_subject = "origin.keep"}, StreamSource{.name = "OTHER"}};
  auto si = js_->add_stream(sourced);
  ASSERT_EQ(si.config.sources.size(), 2u);
  EXPECT_EQ(si.config.sources[0].filter_subject, "origin.keep");
  js_->publish("origin.keep", "1");
  js_->publish("origin.drop", "2");
  js_->publish("other.x", "3");
  auto wait_for = [&](const std::string& stream, uint64_t n) {
    for (int i = 0; i < 100 && js_->stream_info(stream).state.messages < n; ++i) std::this_thread::sleep_for(50ms);
    return js_->stream_info(stream).state.messages;
  };
  EXPECT_EQ(wait_for("MIRROR", 2), 2u);
  EXPECT_EQ(wait_for("SOURCED", 2), 2u);
  StreamConfig bad;
  bad.name = "BAD";
  bad.subjects = {"bad"};
  bad.mirror = StreamSource{.name = "ORIGIN"};
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_stream(bad); });
  for (auto n : {"MIRROR", "SOURCED", "OTHER", "ORIGIN"}) js_->delete_stream(n);
}

TEST_F(JetStreamTest, ConfigurationsCrossAsServerJson) {
  StreamConfig c;
  c.name = "JSON";
  c.subjects = {"json.>"};
  c.retention = RetentionPolicy::workqueue;
  c.max_age = 90s;
  c.discard = DiscardPolicy::new_;
  auto back = stream_config_from_json(to_json(c));
  EXPECT_EQ(back.name, "JSON");
  EXPECT_EQ(back.retention, RetentionPolicy::workqueue);
  EXPECT_EQ(back.max_age, 90s);
  EXPECT_EQ(back.discard, DiscardPolicy::new_);
  EXPECT_NE(to_json(c).find("\"retention\":\"workqueue\""), std::string::npos);
  ConsumerConfig cc;
  cc.durable_name = "d";
  cc.deliver_policy = DeliverPolicy::by_start_time;
  cc.opt_start_time = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  cc.ack_wait = 30s;
  auto cback = consumer_config_from_json(to_json(cc));
  EXPECT_EQ(cback.deliver_policy, DeliverPolicy::by_start_time);
  EXPECT_EQ(cback.opt_start_time, cc.opt_start_time);
  EXPECT_EQ(cback.ack_wait, 30s);
  EXPECT_NE(to_json(cc).find("2023-11-14T22:13:20"), std::string::npos) << to_json(cc);
  expect_error(ErrorCode::invalid_argument, [] { stream_config_from_json("[1]"); });
}

// JetStream consumers against a real server: management, pulls (fetch, next,
// consume), acknowledgements, ordered and push consumers, recovery after a
// restart, and the features 2.9 would ignore.
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

Options quick_reconnect(const std::string& url) {
  Options o = options_for(url);
  o.reconnect.wait = 100ms;
  o.reconnect.wait_max = 250ms;
  o.reconnect.jitter = 0ms;
  o.reconnect.max_attempts = -1;
  return o;
}

StreamConfig stream_config(const std::string& name, std::vector<std::string> subjects) {
  StreamConfig c;
  c.name = name;
  c.subjects = std::move(subjects);
  c.storage = StorageType::memory;
  return c;
}

ConsumerConfig durable(const std::string& name) {
  ConsumerConfig c;
  c.durable_name = name;
  return c;
}

// Reads n messages from a stream, failing the test when they do not come.
std::vector<JsMessage> take(MessageStream& s, std::size_t n, Duration each = 5s) {
  std::vector<JsMessage> out;
  while (out.size() < n) {
    auto m = s.next(each);
    if (!m) break;
    out.push_back(std::move(*m));
  }
  return out;
}

}  // namespace

class ConsumerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() { delete server_; }
  void SetUp() override {
    nc_ = Connection::connect(options_for(server_->url()));
    js_ = std::make_unique<JetStream>(nc_);
  }
  void TearDown() override {
    for (auto& s : js_->stream_names()) js_->delete_stream(s);
  }
  void publish_n(const std::string& subject, int n, int from = 0) {
    for (int i = from; i < from + n; ++i) js_->publish_async(subject, std::to_string(i));
    js_->publish_async_complete(10s);
  }
  static Harness* server_;
  std::shared_ptr<Connection> nc_;
  std::unique_ptr<JetStream> js_;
};
Harness* ConsumerTest::server_ = nullptr;

TEST_F(ConsumerTest, ManagementRoundTripsTheConfiguration) {
  js_->add_stream(stream_config("ORDERS", {"orders.>"}));
  ConsumerConfig c = durable("billing");
  c.description = "bills each order";
  c.filter_subject = "orders.created";
  c.ack_wait = 10s;
  c.max_deliver = 5;
  c.backoff = {1s, 2s};
  c.max_ack_pending = 100;
  c.max_waiting = 16;
  c.replay_policy = ReplayPolicy::instant;
  c.deliver_policy = DeliverPolicy::all;
  c.inactive_threshold = 1h;
  c.headers_only = false;
  auto info = js_->add_consumer("ORDERS", c);
  EXPECT_EQ(info.name, "billing");
  EXPECT_EQ(info.stream, "ORDERS");
  EXPECT_EQ(info.config.durable_name, "billing");
  EXPECT_EQ(info.config.description, "bills each order");
  EXPECT_EQ(info.config.filter_subject, "orders.created");
  EXPECT_EQ(info.config.ack_wait, 1s);  // with a backoff, the server waits its first step
  EXPECT_EQ(info.config.max_deliver, 5);
  EXPECT_EQ(info.config.backoff, (std::vector<Duration>{1s, 2s}));
  EXPECT_EQ(info.config.max_ack_pending, 100);
  EXPECT_EQ(info.config.ack_policy, AckPolicy::explicit_);

  // Creating it again unchanged is fine; creating it differently is not (2.10+).
  EXPECT_EQ(js_->add_consumer("ORDERS", c).name, "billing");
  c.description = "changed";
  if (!compat()) {
    EXPECT_THROW(js_->add_consumer("ORDERS", c), JetStreamApiError);
  }
  EXPECT_EQ(js_->update_consumer("ORDERS", c).config.description, "changed");
  auto missing = durable("nobody");
  try {
    js_->update_consumer("ORDERS", missing);
    ADD_FAILURE() << "updating a consumer that does not exist succeeded";
  } catch (const JetStreamApiError& e) {
    EXPECT_GT(e.err_code(), 0);
  }

  ConsumerConfig wildcard = durable("all");
  wildcard.filter_subject = "orders.>";
  js_->add_consumer("ORDERS", wildcard);
  auto names = js_->consumer_names("ORDERS");
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"all", "billing"}));
  EXPECT_EQ(js_->consumers("ORDERS").size(), 2u);
  js_->delete_consumer("ORDERS", "billing");
  try {
    js_->consumer_info("ORDERS", "billing");
    ADD_FAILURE() << "a deleted consumer still answers";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_EQ(e.err_code(), 10014);
  }
}

TEST_F(ConsumerTest, BadConsumerConfigurationsFailBeforeSending) {
  js_->add_stream(stream_config("S", {"s.>"}));
  ConsumerConfig c = durable("a.b");
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_consumer("S", c); });
  c = durable("x");
  c.name = "y";
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_consumer("S", c); });
  c = durable("x");
  c.deliver_policy = DeliverPolicy::by_start_sequence;
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_consumer("S", c); });
  c = durable("x");
  c.filter_subject = "s.a";
  c.filter_subjects = {"s.b"};
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_consumer("S", c); });
  c = durable("x");
  c.backoff = {1s, 2s};
  c.max_deliver = 2;
  expect_error(ErrorCode::invalid_argument, [&] { js_->add_consumer("S", c); });
  expect_error(ErrorCode::invalid_argument, [&] { js_->update_consumer("S", ConsumerConfig{}); });
  EXPECT_TRUE(js_->consumer_names("S").empty());
  try {
    js_->add_consumer("NOPE", durable("x"));
    ADD_FAILURE() << "a consumer on a missing stream was created";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10059);
  }
}

TEST_F(ConsumerTest, EphemeralConsumersAreNamedAndPullable) {
  js_->add_stream(stream_config("EPH", {"eph.>"}));
  publish_n("eph.a", 3);
  ConsumerConfig c;
  c.inactive_threshold = 30s;
  auto info = js_->add_consumer("EPH", c);
  EXPECT_FALSE(info.name.empty());
  EXPECT_TRUE(info.config.durable_name.empty());
  auto consumer = js_->pull_consumer("EPH", info.name);
  auto msgs = consumer.fetch(10, 500ms);
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[2].data(), "2");
  EXPECT_EQ(msgs[0].metadata().consumer, info.name);
}

TEST_F(ConsumerTest, DeliverPoliciesChooseTheFirstMessage) {
  js_->add_stream(stream_config("POL", {"pol.>"}));
  js_->publish("pol.a", "a1");
  js_->publish("pol.b", "b1");
  auto middle = std::chrono::system_clock::now();
  std::this_thread::sleep_for(20ms);
  js_->publish("pol.a", "a2");
  js_->publish("pol.b", "b2");
  auto first = [&](ConsumerConfig c) {
    c.ack_policy = AckPolicy::none;
    auto info = js_->add_consumer("POL", c);
    auto msgs = js_->pull_consumer("POL", info.name).fetch(10, 300ms);
    std::vector<std::string> out;
    for (auto& m : msgs) out.push_back(m.data());
    return out;
  };
  ConsumerConfig c;
  c.deliver_policy = DeliverPolicy::all;
  EXPECT_EQ(first(c), (std::vector<std::string>{"a1", "b1", "a2", "b2"}));
  c.deliver_policy = DeliverPolicy::last;
  EXPECT_EQ(first(c), (std::vector<std::string>{"b2"}));
  c.deliver_policy = DeliverPolicy::new_;
  EXPECT_TRUE(first(c).empty());
  c.deliver_policy = DeliverPolicy::by_start_sequence;
  c.opt_start_seq = 3;
  EXPECT_EQ(first(c), (std::vector<std::string>{"a2", "b2"}));
  c = ConsumerConfig{};
  c.deliver_policy = DeliverPolicy::by_start_time;
  c.opt_start_time = middle;
  EXPECT_EQ(first(c), (std::vector<std::string>{"a2", "b2"}));
  c = ConsumerConfig{};
  c.deliver_policy = DeliverPolicy::last_per_subject;
  c.filter_subject = "pol.>";
  EXPECT_EQ(first(c), (std::vector<std::string>{"a2", "b2"}));
  c = ConsumerConfig{};
  c.filter_subject = "pol.b";
  c.headers_only = true;
  auto msgs = first(c);
  EXPECT_EQ(msgs, (std::vector<std::string>{"", ""}));  // headers only: no payloads
}

TEST_F(ConsumerTest, FetchHonoursBatchExpiryNoWaitAndMaxBytes) {
  js_->add_stream(stream_config("F", {"f.>"}));
  publish_n("f.x", 25);
  js_->add_consumer("F", durable("reader"));
  auto consumer = js_->pull_consumer("F", "reader");
  auto batch = consumer.fetch(10, 2s);
  ASSERT_EQ(batch.size(), 10u);
  for (auto& m : batch) {
    EXPECT_EQ(m.reply().rfind("$JS.ACK.", 0), 0u);  // only stream messages, never statuses
    m.ack();
  }
  FetchOptions bytes;
  bytes.batch = 100;
  bytes.max_bytes = 200;  // a message counts subject, reply, headers and payload: about 60 bytes here
  bytes.expires = 1s;
  auto limited = consumer.fetch(bytes);
  EXPECT_GE(limited.size(), 1u);
  EXPECT_LT(limited.size(), 5u);
  for (auto& m : limited) m.ack();
  FetchOptions rest;
  rest.batch = 100;
  rest.no_wait = true;
  auto all = consumer.fetch(rest);
  EXPECT_EQ(all.size() + limited.size() + batch.size(), 25u);
  for (auto& m : all) m.ack_sync();
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(consumer.fetch(rest).empty());  // no_wait on nothing: at once
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
  t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(consumer.fetch(5, 300ms).empty());  // expires on nothing: after the expiry
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(waited, 250ms);
  EXPECT_LT(waited, 1500ms);
  expect_error(ErrorCode::timeout, [&] { consumer.next(200ms); });
  expect_error(ErrorCode::invalid_argument, [&] { consumer.fetch(0); });
  js_->publish("f.x", "late");
  EXPECT_EQ(consumer.next(2s).data(), "late");
}

TEST_F(ConsumerTest, AcknowledgementsDecideRedelivery) {
  js_->add_stream(stream_config("ACKS", {"acks.>"}));
  ConsumerConfig c = durable("worker");
  c.ack_wait = 1s;
  js_->add_consumer("ACKS", c);
  auto consumer = js_->pull_consumer("ACKS", "worker");
  auto before = std::chrono::system_clock::now();
  publish_n("acks.job", 4);

  auto msgs = consumer.fetch(4, 2s);
  ASSERT_EQ(msgs.size(), 4u);
  auto meta = msgs[0].metadata();
  EXPECT_EQ(meta.stream, "ACKS");
  EXPECT_EQ(meta.consumer, "worker");
  EXPECT_EQ(meta.stream_seq, 1u);
  EXPECT_EQ(meta.consumer_seq, 1u);
  EXPECT_EQ(meta.num_delivered, 1u);
  EXPECT_LE(meta.num_pending, 3u);  // the server counts it lazily: exact only at the end
  EXPECT_EQ(msgs[3].metadata().num_pending, 0u);
  auto stored_at = std::chrono::system_clock::time_point(std::chrono::nanoseconds(meta.timestamp_ns));
  EXPECT_LT(std::chrono::abs(stored_at - before), 10s);

  msgs[0].ack_sync();           // "0": done for good
  msgs[1].nak();                // "1": again at once
  msgs[2].term();               // "2": never again
  msgs[3].nak(300ms);           // "3": again after a pause
  msgs[2].ack();                // after a terminal ack, others are ignored
  EXPECT_TRUE(msgs[2].acknowledged());

  auto again = consumer.fetch(1, 2s);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].data(), "1");
  EXPECT_EQ(again[0].metadata().num_delivered, 2u);
  again[0].in_progress();  // still working: the ack wait restarts
  auto delayed = consumer.fetch(1, 2s);
  ASSERT_EQ(delayed.size(), 1u);
  EXPECT_EQ(delayed[0].data(), "3");
  again[0].ack();
  delayed[0].ack();
  EXPECT_TRUE(consumer.fetch(5, 1500ms).empty());  // nothing comes back after the ack wait
  auto info = consumer.info();
  EXPECT_EQ(info.num_ack_pending, 0);
  EXPECT_EQ(info.ack_floor.stream_seq, 4u);
}

TEST(AckSubject, BothTokenLayoutsParse) {
  auto v1 = parse_ack_subject("$JS.ACK.ORDERS.billing.2.10.7.1700000000000000000.5");
  EXPECT_EQ(v1.stream, "ORDERS");
  EXPECT_EQ(v1.consumer, "billing");
  EXPECT_EQ(v1.num_delivered, 2u);
  EXPECT_EQ(v1.stream_seq, 10u);
  EXPECT_EQ(v1.consumer_seq, 7u);
  EXPECT_EQ(v1.timestamp_ns, 1700000000000000000);
  EXPECT_EQ(v1.num_pending, 5u);
  EXPECT_TRUE(v1.domain.empty());
  auto v2 = parse_ack_subject("$JS.ACK.hub.ACCHASH.ORDERS.billing.1.11.8.1700000000000000001.0.RANDOM");
  EXPECT_EQ(v2.domain, "hub");
  EXPECT_EQ(v2.stream, "ORDERS");
  EXPECT_EQ(v2.stream_seq, 11u);
  EXPECT_EQ(v2.consumer_seq, 8u);
  EXPECT_EQ(v2.num_pending, 0u);
  auto no_domain = parse_ack_subject("$JS.ACK._.ACCHASH.S.C.1.2.3.4.5");
  EXPECT_TRUE(no_domain.domain.empty());
  EXPECT_EQ(no_domain.stream, "S");
  auto future = parse_ack_subject("$JS.ACK._.ACCHASH.S.C.1.2.3.4.5.tok.more.tokens");
  EXPECT_EQ(future.consumer_seq, 3u);
  expect_error(ErrorCode::invalid_argument, [] { parse_ack_subject("_INBOX.abc"); });
  expect_error(ErrorCode::invalid_argument, [] { parse_ack_subject("$JS.ACK.S.C.1.2.3.4"); });
  expect_error(ErrorCode::invalid_argument, [] { parse_ack_subject("$JS.ACK.S.C.1.2.3.4.5.6"); });
  expect_error(ErrorCode::invalid_argument, [] { parse_ack_subject("$JS.ACK.S.C.x.2.3.4.5"); });
}

TEST_F(ConsumerTest, ConsumeRefillsAndNeverHandsOutStatuses) {
  js_->add_stream(stream_config("C", {"c.>"}));
  js_->add_consumer("C", durable("eater"));
  publish_n("c.x", 600);
  ConsumeOptions o;
  o.max_messages = 50;  // many refills for 600 messages
  o.expires = 2s;
  std::atomic<int> warnings{0};
  o.on_error = [&](const Error&, bool) { ++warnings; };
  auto stream = js_->pull_consumer("C", "eater").consume(o);
  auto got = take(*stream, 600);
  ASSERT_EQ(got.size(), 600u);
  for (std::size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i].data(), std::to_string(i));
    got[i].ack();
  }
  // Idle now: the pull requests expire (408) and are renewed; none of it shows.
  std::this_thread::sleep_for(2500ms);
  publish_n("c.x", 10, 600);
  auto more = take(*stream, 10);
  ASSERT_EQ(more.size(), 10u);
  EXPECT_EQ(more[0].data(), "600");
  for (auto& m : more) m.ack();
  EXPECT_EQ(stream->delivered(), 610u);
  EXPECT_EQ(warnings.load(), 0);
  expect_error(ErrorCode::timeout, [&] { stream->next(100ms); });
  stream->stop();
  EXPECT_FALSE(stream->next(100ms).has_value());
  EXPECT_TRUE(stream->ended());
  EXPECT_EQ(stream->error(), nullptr);
}

TEST_F(ConsumerTest, ConsumeByBytesAndWithAHandler) {
  js_->add_stream(stream_config("H", {"h.>"}));
  js_->add_consumer("H", durable("h"));
  publish_n("h.x", 200);
  ConsumeOptions o;
  o.max_bytes = 4096;
  o.expires = 2s;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> seen;
  auto stream = js_->pull_consumer("H", "h").consume(
      [&](JsMessage&& m) {
        m.ack();
        std::lock_guard lock(mu);
        seen.push_back(m.data());
        cv.notify_all();
      },
      o);
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, 10s, [&] { return seen.size() == 200; })) << seen.size();
  lock.unlock();
  for (int i = 0; i < 200; ++i) EXPECT_EQ(seen[i], std::to_string(i));
  stream->drain(2s);
  EXPECT_TRUE(stream->ended());
  ConsumeOptions both;
  both.max_messages = 10;
  both.max_bytes = 10;
  expect_error(ErrorCode::invalid_argument, [&] { js_->pull_consumer("H", "h").consume(both); });
  ConsumeOptions short_expiry;
  short_expiry.expires = 100ms;
  expect_error(ErrorCode::invalid_argument, [&] { js_->pull_consumer("H", "h").consume(short_expiry); });
}

TEST_F(ConsumerTest, ConsumeEndsWhenItsConsumerIsDeleted) {
  js_->add_stream(stream_config("D", {"d.>"}));
  js_->add_consumer("D", durable("doomed"));
  ConsumeOptions o;
  o.expires = 2s;
  std::atomic<bool> terminal{false};
  o.on_error = [&](const Error&, bool is_terminal) {
    if (is_terminal) terminal = true;
  };
  auto stream = js_->pull_consumer("D", "doomed").consume(o);
  js_->publish("d.x", "one");
  auto first = stream->next(5s);
  ASSERT_TRUE(first);
  first->ack();
  js_->delete_consumer("D", "doomed");
  try {
    for (int i = 0; i < 100; ++i) (void)stream->next(100ms);
    ADD_FAILURE() << "consuming a deleted consumer did not end";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.status(), 409);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::timeout) ADD_FAILURE() << e.what();
    else ADD_FAILURE() << "consuming a deleted consumer did not end";
  }
  EXPECT_TRUE(stream->ended());
  EXPECT_TRUE(terminal.load());
}

TEST_F(ConsumerTest, PullConsumerHandlesRefuseTheWrongKind) {
  js_->add_stream(stream_config("K", {"k.>"}));
  ConsumerConfig push = durable("pusher");
  push.deliver_subject = "deliver.k";
  js_->add_consumer("K", push);
  expect_error(ErrorCode::invalid_argument, [&] { js_->pull_consumer("K", "pusher"); });
  js_->add_consumer("K", durable("puller"));
  expect_error(ErrorCode::invalid_argument, [&] { js_->push_subscribe("K", "puller"); });
  try {
    js_->pull_consumer("K", "missing");
    ADD_FAILURE() << "bound to a consumer that does not exist";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10014);
  }
}

TEST_F(ConsumerTest, OrderedConsumerRecoversFromALostConsumer) {
  js_->add_stream(stream_config("ORD", {"ord.>"}));
  publish_n("ord.a", 300);
  OrderedConsumerConfig oc;
  oc.filter_subjects = {"ord.a"};
  oc.consume.expires = 2s;  // heartbeats every second: a lost consumer is noticed within two
  auto stream = js_->ordered_consumer("ORD", oc);
  auto first = take(*stream, 300);
  ASSERT_EQ(first.size(), 300u);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(first[i].data(), std::to_string(i)) << "at " << i;
  // The server loses the consumer: its heartbeats stop, and the client makes
  // a new one that starts after stream sequence 300.
  auto lost = stream->consumer_name();
  js_->delete_consumer("ORD", lost);
  publish_n("ord.a", 5, 300);
  auto live = take(*stream, 5, 8s);
  ASSERT_EQ(live.size(), 5u);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(live[i].data(), std::to_string(300 + i));
  EXPECT_EQ(live[4].metadata().stream_seq, 305u);
  EXPECT_NE(stream->consumer_name(), lost);
  live[0].ack();  // ack policy none: ignored, not an error
  expect_error(ErrorCode::timeout, [&] { stream->next(200ms); });
  stream->stop();
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(js_->consumer_names("ORD").empty());  // the client removes what it made
}

TEST_F(ConsumerTest, OrderedConsumerOfNewMessagesLosesNoneWhenReplacedBeforeTheFirst) {
  js_->add_stream(stream_config("ORDNEW", {"ordnew.>"}));
  publish_n("ordnew.a", 3);  // before the consumer: not "new"
  OrderedConsumerConfig oc;
  oc.deliver_policy = DeliverPolicy::new_;
  oc.consume.expires = 2s;  // heartbeats every second: a lost consumer is noticed within two
  auto stream = js_->ordered_consumer("ORDNEW", oc);
  expect_error(ErrorCode::timeout, [&] { stream->next(300ms); });  // started, nothing new yet
  // Lost before it delivered anything; what is stored meanwhile is still new.
  auto lost = stream->consumer_name();
  js_->delete_consumer("ORDNEW", lost);
  publish_n("ordnew.a", 2, 3);
  auto live = take(*stream, 2, 8s);
  ASSERT_EQ(live.size(), 2u) << "a message stored while the consumer was replaced was skipped";
  EXPECT_EQ(live[0].data(), "3");
  EXPECT_EQ(live[1].metadata().stream_seq, 5u);
  EXPECT_NE(stream->consumer_name(), lost);
  stream->stop();
}

TEST_F(ConsumerTest, OrderedConsumerPassesFlowControlAsTheReaderTakes) {
  js_->add_stream(stream_config("ORDFC", {"ordfc.>"}));
  // 6 MiB: more than the server sends before it waits for flow control (2 MiB at first).
  const std::string payload(16 * 1024, 'x');
  for (int i = 0; i < 384; ++i) js_->publish_async("ordfc.x", payload);
  js_->publish_async_complete(10s);
  auto stream = js_->ordered_consumer("ORDFC");
  auto all = take(*stream, 384);
  ASSERT_EQ(all.size(), 384u);
  EXPECT_EQ(all.back().metadata().stream_seq, 384u);
  stream->stop();
}

TEST_F(ConsumerTest, OrderedConsumerEndsWhenTheStreamIsGone) {
  expect_error(ErrorCode::jetstream_api, [&] {
    auto s = js_->ordered_consumer("MISSING");
    (void)s->next(5s);
  });
  js_->add_stream(stream_config("GONE", {"gone.>"}));
  js_->publish("gone.a", "x");
  OrderedConsumerConfig oc;
  oc.consume.expires = 2s;
  auto stream = js_->ordered_consumer("GONE", oc);
  ASSERT_TRUE(stream->next(5s));
  js_->delete_stream("GONE");
  // Noticed when the heartbeats stop: the new consumer cannot be made.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  for (;;) {
    try {
      (void)stream->next(100ms);
    } catch (const JetStreamApiError& e) {
      EXPECT_EQ(e.err_code(), 10059);
      break;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::timeout) {
        ADD_FAILURE() << e.what();
        break;
      }
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "an ordered consumer outlived its stream";
      break;
    }
  }
}

TEST_F(ConsumerTest, PushConsumerAnswersFlowControl) {
  js_->add_stream(stream_config("P", {"p.>"}));
  const std::string payload(4096, 'x');
  for (int i = 0; i < 400; ++i) js_->publish_async("p.x", payload);
  js_->publish_async_complete(10s);
  ConsumerConfig c = durable("push");
  c.deliver_subject = nc_->new_inbox();
  c.flow_control = true;
  c.idle_heartbeat = 1s;
  c.ack_policy = AckPolicy::none;
  js_->add_consumer("P", c);
  std::atomic<int> warnings{0};
  auto stream = js_->push_subscribe("P", "push", [&](const Error&, bool) { ++warnings; });
  auto got = take(*stream, 400);
  ASSERT_EQ(got.size(), 400u);
  EXPECT_EQ(got.back().metadata().stream_seq, 400u);
  for (auto& m : got) EXPECT_EQ(m.data().size(), payload.size());
  std::this_thread::sleep_for(2500ms);  // heartbeats keep arriving: nothing to warn about
  EXPECT_EQ(warnings.load(), 0);
  stream->stop();
}

TEST_F(ConsumerTest, PausedConsumersAndSeveralFiltersOnNewServers) {
  if (compat()) GTEST_SKIP() << "nats-server 2.9 has neither; NotSupported is tested separately";
  js_->add_stream(stream_config("NEW", {"new.>"}));
  ConsumerConfig c = durable("multi");
  c.filter_subjects = {"new.a", "new.b"};
  c.metadata = {{"team", "shop"}};
  auto info = js_->add_consumer("NEW", c);
  EXPECT_EQ(info.config.filter_subjects, (std::vector<std::string>{"new.a", "new.b"}));
  EXPECT_EQ(info.config.metadata.at("team"), "shop");
  js_->publish("new.a", "a");
  js_->publish("new.c", "c");
  js_->publish("new.b", "b");
  auto msgs = js_->pull_consumer("NEW", "multi").fetch(5, 500ms);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[1].data(), "b");
  msgs[0].term("not needed");  // a reason is accepted from 2.10 on

  auto paused = js_->pause_consumer("NEW", "multi", std::chrono::system_clock::now() + 1h);
  EXPECT_TRUE(paused.paused);
  EXPECT_FALSE(js_->resume_consumer("NEW", "multi").paused);
}

// Gating: a 2.9 server would silently ignore these; nothing may be sent for them.
TEST(ConsumerOnOldServer, FeaturesItWouldIgnoreAreRefusedBeforeSending) {
  Harness old("single", {"--compat"});
  auto nc = Connection::connect(options_for(old.url()));
  JetStream js(nc);
  ASSERT_EQ(js.api_level(), 0);
  js.add_stream(stream_config("OLD", {"old.>"}));
  auto spy_conn = Connection::connect(options_for(old.url()));
  auto spy = spy_conn->subscribe("$JS.API.CONSUMER.>");
  spy_conn->flush(2s);

  ConsumerConfig multi = durable("multi");
  multi.filter_subjects = {"old.a", "old.b"};
  auto why = expect_error(ErrorCode::not_supported_by_server, [&] { js.add_consumer("OLD", multi); });
  EXPECT_NE(why.find("2.9"), std::string::npos) << why;
  ConsumerConfig meta = durable("meta");
  meta.metadata = {{"k", "v"}};
  expect_error(ErrorCode::not_supported_by_server, [&] { js.add_consumer("OLD", meta); });
  ConsumerConfig paused = durable("paused");
  paused.pause_until = std::chrono::system_clock::now() + 1h;
  expect_error(ErrorCode::not_supported_by_server, [&] { js.add_consumer("OLD", paused); });
  expect_error(ErrorCode::not_supported_by_server,
               [&] { js.pause_consumer("OLD", "x", std::chrono::system_clock::now()); });
  OrderedConsumerConfig ordered;
  ordered.filter_subjects = {"old.a", "old.b"};
  expect_error(ErrorCode::not_supported_by_server, [&] { js.ordered_consumer("OLD", ordered); });
  nc->flush(2s);
  spy_conn->flush(2s);
  EXPECT_EQ(spy->pending_msgs(), 0) << "a refused request reached the server";

  // What 2.9 does support works, and a TERM reason is refused on the message.
  ConsumerConfig plain = durable("plain");
  plain.filter_subjects = {"old.a"};  // a single filter is understood everywhere
  EXPECT_EQ(js.add_consumer("OLD", plain).config.filter_subject, "old.a");
  js.publish("old.a", "x");
  auto msgs = js.pull_consumer("OLD", "plain").fetch(1, 2s);
  ASSERT_EQ(msgs.size(), 1u);
  expect_error(ErrorCode::not_supported_by_server, [&] { msgs[0].term("why"); });
  msgs[0].term();
  expect_error(ErrorCode::not_supported_by_server, [&] { js.get_msgs("OLD", "old.a", 1, 5); });
  expect_error(ErrorCode::not_supported_by_server, [&] { js.get_last_msgs("OLD", {"old.>"}); });
}

TEST(ConsumerRecovery, ConsumeResumesAfterAServerRestart) {
  Harness server("single");
  auto nc = Connection::connect(quick_reconnect(server.url()));
  JetStream js(nc);
  StreamConfig sc = stream_config("DURABLE", {"dur.>"});
  sc.storage = StorageType::file;  // survives the restart
  js.add_stream(sc);
  js.add_consumer("DURABLE", durable("survivor"));
  for (int i = 0; i < 20; ++i) js.publish("dur.x", std::to_string(i));
  ConsumeOptions o;
  o.expires = 2s;
  o.idle_heartbeat = 500ms;
  o.max_messages = 10;
  std::atomic<int> warnings{0};
  o.on_error = [&](const Error&, bool terminal) {
    if (!terminal) ++warnings;
  };
  auto stream = js.pull_consumer("DURABLE", "survivor").consume(o);
  auto first = take(*stream, 20);
  ASSERT_EQ(first.size(), 20u);
  for (auto& m : first) m.ack_sync();

  server.restart(0);
  // Publishing retries until the stream is back.
  for (int i = 20; i < 40; ++i) {
    for (int attempt = 0;; ++attempt) {
      try {
        js.publish("dur.x", std::to_string(i));
        break;
      } catch (const Error& e) {
        ASSERT_LT(attempt, 100) << e.what();
        std::this_thread::sleep_for(100ms);
      }
    }
  }
  auto second = take(*stream, 20, 15s);
  ASSERT_EQ(second.size(), 20u);
  std::set<std::string> seen;
  for (auto& m : second) {
    seen.insert(m.data());
    EXPECT_EQ(m.metadata().num_delivered, 1u) << "an acknowledged message came back: " << m.data();
    m.ack();
  }
  EXPECT_EQ(seen.size(), 20u);
  EXPECT_EQ(*seen.begin(), "20");
  EXPECT_FALSE(stream->ended());
}

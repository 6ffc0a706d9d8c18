// Core client against one real nats-server: every operation and its failure path.
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "connection_impl.hpp"
#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

class ConnectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  std::shared_ptr<Connection> connect(Options o = {}) {
    o.servers = {server_->url()};
    return Connection::connect(o);
  }
  static Harness* server_;
};
Harness* ConnectionTest::server_ = nullptr;

TEST_F(ConnectionTest, ConnectsAndReportsServerInfo) {
  EventLog events;
  Options o;
  o.name = "info-test";
  o.on_event = events.callback();
  auto nc = connect(o);
  EXPECT_TRUE(nc->is_connected());
  auto info = nc->server_info();
  EXPECT_FALSE(info.server_id.empty());
  EXPECT_FALSE(info.version.empty());
  EXPECT_TRUE(info.headers);
  EXPECT_TRUE(info.jetstream);
  EXPECT_EQ(nc->max_payload(), info.max_payload);
  EXPECT_EQ(events.count(Event::connected), 1);
  EXPECT_NE(nc->connected_url().find(std::to_string(info.port)), std::string::npos);
  nc->close();
  EXPECT_TRUE(nc->is_closed());
  EXPECT_TRUE(events.wait_for(Event::closed, 2s));
}

TEST_F(ConnectionTest, BadUrlsAreInvalidArguments) {
  for (const char* url : {"", "http://localhost:4222", "nats://host:notaport", "nats://:4222", "nats://h:70000"}) {
    Options o;
    o.servers = {url};
    expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(o); });
  }
  Options none;
  none.servers.clear();
  expect_error(ErrorCode::invalid_argument, [&] { Connection::connect(none); });
}

TEST_F(ConnectionTest, UnreachableServerFailsFastWithItsAddress) {
  Options o;
  o.servers = {"nats://127.0.0.1:1"};
  auto started = std::chrono::steady_clock::now();
  auto msg = expect_error(ErrorCode::nervure, [&] { Connection::connect(o); });
  EXPECT_NE(msg.find("127.0.0.1:1"), std::string::npos) << msg;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST_F(ConnectionTest, PublishSubscribeWithHeaders) {
  auto nc = connect();
  auto sub = nc->subscribe("shop.orders.order.created");
  nc->flush(2s);
  Headers h;
  h.add("Order-Id", "o-1");
  h.add("Tag", "a");
  h.add("Tag", "b");
  nc->publish("shop.orders.order.created", "{\"qty\":2}", "", h);
  nc->publish("shop.orders.order.created", "plain");
  auto m = sub->next(2s);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->subject, "shop.orders.order.created");
  EXPECT_EQ(m->data, "{\"qty\":2}");
  EXPECT_TRUE(m->has_headers);
  EXPECT_EQ(m->headers.get("order-id"), "o-1");
  EXPECT_EQ(m->headers.values("Tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(m->headers.entries()[0].first, "Order-Id");
  auto plain = sub->next(2s);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_headers);
  EXPECT_EQ(plain->data, "plain");
}

TEST_F(ConnectionTest, BinaryAndEmptyPayloads) {
  auto nc = connect();
  auto sub = nc->subscribe("bin");
  nc->flush(2s);
  std::string binary("\0\r\n\xff MSG x 1 2\r\n", 16);
  nc->publish("bin", binary);
  nc->publish("bin", "");
  EXPECT_EQ(sub->next(2s)->data, binary);
  EXPECT_EQ(sub->next(2s)->data, "");
}

TEST_F(ConnectionTest, Wildcards) {
  auto nc = connect();
  auto star = nc->subscribe("shop.*.created");
  auto tail = nc->subscribe("shop.>");
  nc->flush(2s);
  nc->publish("shop.orders.created", "1");
  nc->publish("shop.orders.order.created", "2");
  EXPECT_EQ(star->next(2s)->data, "1");
  EXPECT_EQ(tail->next(2s)->data, "1");
  EXPECT_EQ(tail->next(2s)->data, "2");
  expect_error(ErrorCode::timeout, [&] { star->next(100ms); });
}

TEST_F(ConnectionTest, QueueGroupSharesMessages) {
  auto nc = connect();
  auto a = nc->subscribe("work", SubscribeOptions{.queue = "workers"});
  auto b = nc->subscribe("work", SubscribeOptions{.queue = "workers"});
  nc->flush(2s);
  for (int i = 0; i < 200; ++i) nc->publish("work", std::to_string(i));
  nc->flush(2s);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(a->pending_msgs() + b->pending_msgs(), 200);
  EXPECT_GT(a->pending_msgs(), 0);
  EXPECT_GT(b->pending_msgs(), 0);
}

TEST_F(ConnectionTest, AutoUnsubscribeAfterMaxMessages) {
  auto nc = connect();
  auto sub = nc->subscribe("auto", SubscribeOptions{.max_msgs = 3});
  auto later = nc->subscribe("auto");
  nc->flush(2s);
  for (int i = 0; i < 10; ++i) nc->publish("auto", std::to_string(i));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sub->next(2s)->data, std::to_string(i));
  EXPECT_FALSE(sub->next(500ms).has_value());  // ended, not timed out
  EXPECT_TRUE(sub->ended());
  later->auto_unsubscribe(12);  // 10 already in, 2 more allowed
  for (int i = 0; i < 5; ++i) nc->publish("auto", "x");
  nc->flush(2s);
  std::vector<Message> got;
  while (auto m = later->next(1s)) got.push_back(*m);
  EXPECT_EQ(got.size(), 12u);
}

TEST_F(ConnectionTest, UnsubscribeEndsIteration) {
  auto nc = connect();
  auto sub = nc->subscribe("unsub");
  nc->flush(2s);
  nc->publish("unsub", "before");
  nc->flush(2s);
  sub->unsubscribe();
  nc->publish("unsub", "after");
  nc->flush(2s);
  EXPECT_FALSE(sub->next(200ms).has_value());  // unsubscribe drops what was queued; drain keeps it
  EXPECT_TRUE(sub->ended());
  EXPECT_NO_THROW(sub->unsubscribe());  // twice is harmless
}

TEST_F(ConnectionTest, SlowConsumerDropsAndReports) {
  EventLog events;
  Options o;
  o.on_event = events.callback();
  auto nc = connect(o);
  auto sub = nc->subscribe("slow", SubscribeOptions{.pending_msgs_limit = 10});
  nc->flush(2s);
  for (int i = 0; i < 100; ++i) nc->publish("slow", "x");
  nc->flush(2s);
  EXPECT_TRUE(events.wait_for(Event::slow_consumer, 2s));
  EXPECT_EQ(sub->pending_msgs(), 10);
  EXPECT_EQ(sub->dropped(), 90);
  EXPECT_EQ(events.count(Event::slow_consumer), 1);  // one report per episode, not per message
  std::vector<Message> batch;
  EXPECT_EQ(sub->poll(batch, 100), 10u);
  for (int i = 0; i < 20; ++i) nc->publish("slow", "y");
  nc->flush(2s);
  EXPECT_TRUE(events.wait_for(Event::slow_consumer, 2s, 2));  // a new episode
}

TEST_F(ConnectionTest, PendingBytesLimit) {
  auto nc = connect();
  auto sub = nc->subscribe("bytes", SubscribeOptions{.pending_bytes_limit = 1000});
  nc->flush(2s);
  for (int i = 0; i < 20; ++i) nc->publish("bytes", std::string(100, 'x'));
  nc->flush(2s);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(sub->pending_bytes(), 1000);
  EXPECT_EQ(sub->dropped(), 10);
}

TEST_F(ConnectionTest, BatchesAndReadyNotifier) {
  auto nc = connect();
  auto sub = nc->subscribe("batch");
  std::atomic<int> wakeups{0};
  sub->set_ready_notifier([&] { wakeups.fetch_add(1); });
  nc->flush(2s);
  for (int i = 0; i < 1000; ++i) nc->publish("batch", std::to_string(i));
  nc->flush(2s);
  std::this_thread::sleep_for(50ms);
  std::vector<Message> out;
  std::size_t n = 0;
  while (n < 1000) {
    std::size_t got = sub->next_batch(out, 1000, 1s);
    ASSERT_GT(got, 0u);
    n += got;
  }
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(out[i].data, std::to_string(i));
  // The notifier fires when the queue turns non-empty, not once per message.
  EXPECT_GE(wakeups.load(), 1);
  EXPECT_LT(wakeups.load(), 1000);
}

// A consumer waiting in next_batch takes what arrives: the notifier (a
// binding's poller) is not woken for a message that consumer takes anyway.
TEST_F(ConnectionTest, ReadyNotifierStaysQuietWhileAConsumerWaits) {
  auto nc = connect();
  auto sub = nc->subscribe("waited");
  std::atomic<int> wakeups{0};
  sub->set_ready_notifier([&] { wakeups.fetch_add(1); });
  nc->flush(2s);
  std::vector<Message> got;
  std::thread consumer([&] { sub->next_batch(got, 10, 5s); });
  std::this_thread::sleep_for(200ms);  // the consumer is waiting by now
  nc->publish("waited", "taken");
  consumer.join();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, "taken");
  EXPECT_EQ(wakeups.load(), 0);
  nc->publish("waited", "queued");  // nobody waits: the notifier's cue
  nc->flush(2s);
  for (int i = 0; i < 200 && wakeups.load() == 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(wakeups.load(), 1);
}

// Consumers poll briefly before they sleep (spin_wait.hpp): a message that
// comes while next() or the dispatcher polls, and one that comes after they
// gave up and slept, both arrive, in order, once.
TEST_F(ConnectionTest, WaitersGetWhatArrivesWhileTheyPollAndAfterTheySlept) {
  auto nc = connect();
  auto publisher = connect();
  auto sub = nc->subscribe("spin.next");
  std::mutex mu;
  std::vector<std::string> handled;
  auto handler_sub = nc->subscribe("spin.handler", [&](Message&& m) {
    std::lock_guard lock(mu);
    handled.push_back(m.data);
  });
  nc->flush(2s);
  const std::vector<std::chrono::microseconds> gaps = {0us, 20us, 100us, 1000us, 30000us, 50us, 0us};
  std::thread sender([&] {
    for (std::size_t i = 0; i < gaps.size(); ++i) {
      std::this_thread::sleep_for(gaps[i]);
      publisher->publish("spin.next", std::to_string(i));
      publisher->publish("spin.handler", std::to_string(i));
      publisher->flush(2s);
    }
  });
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    auto m = sub->next(5s);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->data, std::to_string(i));
  }
  sender.join();
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mu);
      if (handled.size() >= gaps.size()) break;
    }
    std::this_thread::sleep_for(10ms);
  }
  std::lock_guard lock(mu);
  ASSERT_EQ(handled.size(), gaps.size());
  for (std::size_t i = 0; i < gaps.size(); ++i) EXPECT_EQ(handled[i], std::to_string(i));
  EXPECT_THROW(sub->next(30ms), Error);  // nothing more: a poll that finds nothing still times out
}

TEST_F(ConnectionTest, HandlerSubscriptionMayPublishAndUnsubscribe) {
  auto nc = connect();
  std::atomic<int> seen{0};
  std::shared_ptr<Subscription> self;
  std::mutex mu;
  auto echo = nc->subscribe("echo.in", [&](Message&& m) {
    nc->publish("echo.out", m.data);  // calling the connection from a handler must not deadlock
    if (seen.fetch_add(1) == 4) {
      std::lock_guard lock(mu);
      self->unsubscribe();
    }
  });
  {
    std::lock_guard lock(mu);
    self = echo;
  }
  auto out = nc->subscribe("echo.out");
  nc->flush(2s);
  for (int i = 0; i < 10; ++i) nc->publish("echo.in", std::to_string(i));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(out->next(2s)->data, std::to_string(i));
  nc->flush(2s);
  expect_error(ErrorCode::timeout, [&] { out->next(300ms); });
  EXPECT_EQ(seen.load(), 5);
}

TEST_F(ConnectionTest, HandlerExceptionIsReportedNotFatal) {
  EventLog events;
  Options o;
  o.on_event = events.callback();
  auto nc = connect(o);
  std::atomic<int> calls{0};
  auto sub = nc->subscribe("throws", [&](Message&&) {
    calls++;
    throw std::runtime_error("boom");
  });
  nc->flush(2s);
  nc->publish("throws", "1");
  nc->publish("throws", "2");
  EXPECT_TRUE(events.wait_for(Event::async_error, 2s, 2));
  EXPECT_NE(events.details(Event::async_error).find("boom"), std::string::npos);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_TRUE(nc->is_connected());
}

// The core's own routers (the actor host's calls) run their handler on the
// thread that read the message: in order, free to publish and to unsubscribe
// themselves, and an exception is reported like a dispatcher handler's.
TEST_F(ConnectionTest, HandlersOnTheReadingThreadKeepOrderPublishAndUnsubscribe) {
  EventLog events;
  Options o;
  o.on_event = events.callback();
  auto nc = connect(o);
  std::vector<int> seen;  // only the reading thread touches it until the end
  std::shared_ptr<Subscription> self;
  std::mutex mu;
  SubscribeOptions unlimited;
  unlimited.pending_msgs_limit = -1;
  unlimited.pending_bytes_limit = -1;
  auto routed = std::make_shared<Subscription>(nc->impl().subscribe(
      "routed", unlimited,
      [&](Message&& m) {
        const int n = std::stoi(m.data);
        if (n == 7) throw std::runtime_error("router boom");
        seen.push_back(n);
        nc->publish("routed.out", m.data);
        if (n == 1999) {
          std::lock_guard lock(mu);
          self->unsubscribe();
        }
      },
      detail::ConnectionImpl::HandlerThread::reader));
  {
    std::lock_guard lock(mu);
    self = routed;
  }
  auto out = nc->subscribe("routed.out");
  nc->flush(2s);
  for (int i = 0; i < 2100; ++i) nc->publish("routed", std::to_string(i));
  for (int i = 0; i < 2000; ++i) {
    if (i == 7) continue;
    ASSERT_EQ(out->next(5s)->data, std::to_string(i));
  }
  nc->flush(2s);
  expect_error(ErrorCode::timeout, [&] { out->next(300ms); });
  EXPECT_EQ(seen.size(), 1999u);
  EXPECT_TRUE(events.wait_for(Event::async_error, 2s));
  EXPECT_NE(events.details(Event::async_error).find("router boom"), std::string::npos);
  EXPECT_TRUE(nc->is_connected());
}

// While a requester polls, the socket's low-water mark keeps the I/O thread
// asleep; it must be lowered again whenever polling ends, or a reply (or any
// message) that comes after the polling would wait unread.
TEST_F(ConnectionTest, PollingLeavesTheSocketAsItFoundIt) {
  auto nc = connect();
  auto responder = connect();
  std::atomic<int> answered{0};
  auto sub = responder->subscribe("slow.echo", [&](Message&& m) {
    if (answered.fetch_add(1) % 2 == 1) std::this_thread::sleep_for(5ms);  // past any polling budget
    responder->publish(m.reply, m.data);
  });
  responder->flush(2s);
  auto low_water = [&] {
    int value = 0;
    socklen_t size = sizeof value;
    EXPECT_EQ(::getsockopt(nc->input_fd(), SOL_SOCKET, SO_RCVLOWAT, &value, &size), 0);
    return value;
  };
  for (int i = 0; i < 40; ++i) {
    const auto sent = std::chrono::steady_clock::now();
    EXPECT_EQ(nc->request("slow.echo", std::to_string(i), 2s).data, std::to_string(i));
    EXPECT_LT(std::chrono::steady_clock::now() - sent, 500ms);
    EXPECT_EQ(low_water(), 1);
  }
  auto late = nc->subscribe("late");  // next() polls, then sleeps; the message comes after
  std::thread publisher([&] {
    std::this_thread::sleep_for(20ms);
    responder->publish("late", "x");
  });
  EXPECT_EQ(late->next(2s)->data, "x");
  publisher.join();
  EXPECT_EQ(low_water(), 1);
}

TEST_F(ConnectionTest, RequestReply) {
  auto nc = connect();
  auto responder = nc->subscribe("shop.payments.authorise", [&](Message&& m) {
    Headers h;
    h.add("Status", "approved");
    nc->publish(m.reply, "ok:" + m.data, "", h);
  });
  nc->flush(2s);
  auto reply = nc->request("shop.payments.authorise", "42.00", 2s);
  EXPECT_EQ(reply.data, "ok:42.00");
  EXPECT_EQ(reply.headers.get("Status"), "approved");
  // Many at once through the one muxed inbox.
  std::vector<std::future<Message>> futures;
  for (int i = 0; i < 500; ++i) futures.push_back(nc->request_future("shop.payments.authorise", std::to_string(i), 5s));
  for (int i = 0; i < 500; ++i) EXPECT_EQ(futures[i].get().data, "ok:" + std::to_string(i));
}

TEST_F(ConnectionTest, RequestWithHeaders) {
  auto nc = connect();
  auto responder = nc->subscribe("hdr.req", [&](Message&& m) {
    nc->publish(m.reply, m.headers.get("Trace").value_or("none"));
  });
  nc->flush(2s);
  Headers h;
  h.add("Trace", "t-1");
  EXPECT_EQ(nc->request("hdr.req", "", 2s, &h).data, "t-1");
}

TEST_F(ConnectionTest, RequestErrors) {
  auto nc = connect();
  expect_error(ErrorCode::no_responders, [&] { nc->request("nobody.home", "x", 2s); });
  auto silent = nc->subscribe("silent");  // listens, never answers
  nc->flush(2s);
  auto started = std::chrono::steady_clock::now();
  expect_error(ErrorCode::timeout, [&] { nc->request("silent", "x", 200ms); });
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_GE(took, 190ms);
  EXPECT_LT(took, 1500ms);
  expect_error(ErrorCode::invalid_subject, [&] { nc->request("bad subject", "x", 1s); });
  expect_error(ErrorCode::invalid_argument, [&] { nc->request("ok", "x", 0ms); });
}

TEST_F(ConnectionTest, CancelledRequestNeverCompletes) {
  auto nc = connect();
  auto silent = nc->subscribe("cancel.me");
  nc->flush(2s);
  std::atomic<bool> called{false};
  auto id = nc->request_async("cancel.me", "x", 300ms, nullptr, [&](Message&&, std::exception_ptr) { called = true; });
  EXPECT_TRUE(nc->cancel_request(id));
  EXPECT_FALSE(nc->cancel_request(id));
  std::this_thread::sleep_for(500ms);
  EXPECT_FALSE(called.load());
}

TEST_F(ConnectionTest, CustomInboxPrefix) {
  Options o;
  o.inbox_prefix = "_MY.inbox";
  auto nc = connect(o);
  auto spy = nc->subscribe("_MY.inbox.>");
  auto responder = nc->subscribe("svc", [&](Message&& m) { nc->publish(m.reply, "pong"); });
  nc->flush(2s);
  EXPECT_EQ(nc->request("svc", "ping", 2s).data, "pong");
  auto seen = spy->next(2s);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->subject.rfind("_MY.inbox.", 0), 0u);
  EXPECT_EQ(nc->new_inbox().rfind("_MY.inbox.", 0), 0u);
  Options bad;
  bad.inbox_prefix = "has space";
  expect_error(ErrorCode::invalid_subject, [&] { connect(bad); });
}

TEST_F(ConnectionTest, EmptySubjectIsRejectedOnAFreshThread) {
  auto nc = connect();
  std::thread([&] { expect_error(ErrorCode::invalid_subject, [&] { nc->publish("", "x"); }); }).join();
}

TEST_F(ConnectionTest, ValidationErrors) {
  auto nc = connect();
  expect_error(ErrorCode::invalid_subject, [&] { nc->publish("", "x"); });
  expect_error(ErrorCode::invalid_subject, [&] { nc->publish("a b", "x"); });
  expect_error(ErrorCode::invalid_subject, [&] { nc->publish("a.*", "x"); });
  expect_error(ErrorCode::invalid_subject, [&] { nc->publish("ok", "x", "bad reply"); });
  expect_error(ErrorCode::invalid_subject, [&] { nc->subscribe("a..b"); });
  expect_error(ErrorCode::invalid_subject, [&] { nc->subscribe("ok", SubscribeOptions{.queue = "bad q"}); });
  expect_error(ErrorCode::invalid_argument, [&] { nc->subscribe("ok", SubscribeOptions{.max_msgs = -1}); });
  Headers bad;
  bad.add("Bad:Key", "v");
  expect_error(ErrorCode::invalid_argument, [&] { nc->publish("ok", "x", "", bad); });
  auto msg = expect_error(ErrorCode::max_payload,
                          [&] { nc->publish("big", std::string(static_cast<std::size_t>(nc->max_payload()) + 1, 'x')); });
  EXPECT_NE(msg.find(std::to_string(nc->max_payload())), std::string::npos);
  EXPECT_NO_THROW(nc->publish("big", std::string(static_cast<std::size_t>(nc->max_payload()) - 100, 'x')));
  EXPECT_NO_THROW(nc->flush(5s));
  EXPECT_TRUE(nc->is_connected());
}

TEST_F(ConnectionTest, OperationsOnAClosedConnection) {
  auto nc = connect();
  auto sub = nc->subscribe("closing");
  nc->close();
  EXPECT_TRUE(sub->ended());
  EXPECT_FALSE(sub->next(10ms).has_value());
  expect_error(ErrorCode::connection_closed, [&] { nc->publish("x", "y"); });
  expect_error(ErrorCode::connection_closed, [&] { nc->subscribe("x"); });
  expect_error(ErrorCode::connection_closed, [&] { nc->request("x", "y", 1s); });
  expect_error(ErrorCode::connection_closed, [&] { nc->flush(1s); });
  expect_error(ErrorCode::connection_closed, [&] { nc->drain(1s); });
  EXPECT_NO_THROW(nc->close());
}

TEST_F(ConnectionTest, CloseFailsPendingRequestsAndDeliversQueuedPublishes) {
  auto nc = connect();
  auto watcher = connect();
  auto sub = watcher->subscribe("last.words");
  watcher->flush(2s);
  auto silent = nc->subscribe("never.answers");
  nc->flush(2s);
  auto pending = nc->request_future("never.answers", "x", 10s);
  for (int i = 0; i < 1000; ++i) nc->publish("last.words", std::to_string(i));
  nc->close();
  EXPECT_THROW(pending.get(), Error);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(sub->next(2s)->data, std::to_string(i));
}

TEST_F(ConnectionTest, FlushIsARoundTrip) {
  auto nc = connect();
  auto other = connect();
  auto sub = other->subscribe("flushed");
  other->flush(2s);
  for (int i = 0; i < 100; ++i) nc->publish("flushed", "x");
  nc->flush(2s);
  EXPECT_GT(nc->rtt().count(), -1);
  std::promise<void> done;
  nc->flush_async(2s, [&](std::exception_ptr e) {
    if (e) done.set_exception(e);
    else done.set_value();
  });
  EXPECT_NO_THROW(done.get_future().get());
}

TEST_F(ConnectionTest, SubscriptionDrainDeliversWhatWasQueued) {
  auto nc = connect();
  auto sub = nc->subscribe("drain.sub");
  nc->flush(2s);
  for (int i = 0; i < 50; ++i) nc->publish("drain.sub", std::to_string(i));
  nc->flush(2s);
  std::thread consumer([&] {
    int n = 0;
    while (auto m = sub->next(5s)) EXPECT_EQ(m->data, std::to_string(n++));
    EXPECT_EQ(n, 50);
  });
  sub->drain(5s);
  consumer.join();
  EXPECT_TRUE(sub->ended());
}

TEST_F(ConnectionTest, SubscriptionDrainTimesOutWhenNobodyConsumes) {
  auto nc = connect();
  auto sub = nc->subscribe("drain.stuck");
  nc->flush(2s);
  nc->publish("drain.stuck", "x");
  nc->flush(2s);
  expect_error(ErrorCode::timeout, [&] { sub->drain(200ms); });
}

TEST_F(ConnectionTest, ConnectionDrainLetsHandlersFinish) {
  EventLog events;
  Options o;
  o.on_event = events.callback();
  auto nc = connect(o);
  auto out = connect();
  auto results = out->subscribe("drain.out");
  out->flush(2s);
  std::atomic<int> handled{0};
  auto sub = nc->subscribe("drain.in", [&](Message&& m) {
    std::this_thread::sleep_for(1ms);
    nc->publish("drain.out", m.data);
    handled++;
  });
  nc->flush(2s);
  for (int i = 0; i < 100; ++i) out->publish("drain.in", std::to_string(i));
  out->flush(2s);
  std::this_thread::sleep_for(20ms);
  nc->drain(10s);
  EXPECT_TRUE(nc->is_closed());
  EXPECT_TRUE(events.wait_for(Event::closed, 1s));
  EXPECT_EQ(handled.load(), 100);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(results->next(2s)->data, std::to_string(i));
}

TEST_F(ConnectionTest, NoEchoSuppressesOwnMessages) {
  Options o;
  o.no_echo = true;
  auto nc = connect(o);
  auto other = connect();
  auto mine = nc->subscribe("echo.test");
  auto theirs = other->subscribe("echo.test");
  nc->flush(2s);
  other->flush(2s);
  nc->publish("echo.test", "from me");
  nc->flush(2s);
  other->publish("echo.test", "from other");
  EXPECT_EQ(mine->next(2s)->data, "from other");  // its own message never came back
  EXPECT_EQ(theirs->next(2s)->data, "from me");
  EXPECT_EQ(theirs->next(2s)->data, "from other");  // echo is on for the other connection
}

TEST_F(ConnectionTest, StatsCount) {
  auto nc = connect();
  auto sub = nc->subscribe("stats");
  nc->flush(2s);
  for (int i = 0; i < 10; ++i) nc->publish("stats", "12345");
  for (int i = 0; i < 10; ++i) sub->next(2s);
  auto s = nc->stats();
  EXPECT_EQ(s.out_msgs, 10u);
  EXPECT_EQ(s.out_bytes, 50u);
  EXPECT_EQ(s.in_msgs, 10u);
  EXPECT_EQ(s.in_bytes, 50u);
  EXPECT_EQ(s.reconnects, 0u);
  EXPECT_EQ(sub->delivered(), 10);
}

TEST_F(ConnectionTest, ManyThreadsPublishAtOnce) {
  auto nc = connect();
  auto sub = nc->subscribe("mt", SubscribeOptions{.pending_msgs_limit = -1});
  nc->flush(2s);
  constexpr int kThreads = 8, kEach = 5000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) nc->publish("mt", std::to_string(t) + ":" + std::to_string(i));
    });
  for (auto& t : threads) t.join();
  nc->flush(5s);
  std::vector<int> next(kThreads, 0);
  std::vector<Message> batch;
  int total = 0;
  while (total < kThreads * kEach) {
    batch.clear();
    ASSERT_GT(sub->next_batch(batch, 10000, 5s), 0u);
    for (auto& m : batch) {
      auto colon = m.data.find(':');
      int t = std::stoi(m.data.substr(0, colon)), i = std::stoi(m.data.substr(colon + 1));
      ASSERT_EQ(i, next[t]) << "messages of one thread arrive in order";
      next[t]++;
      total++;
    }
  }
}

// A service that connects per job must not run out of descriptors: a closed
// and released connection gives back its socket, its I/O context and timers.
TEST_F(ConnectionTest, ClosedConnectionsGiveBackTheirDescriptors) {
  auto open_descriptors = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator());
  };
  auto cycle = [&] {
    auto nc = connect();
    auto sub = nc->subscribe("fd.check");
    nc->publish("fd.check", "x");
    EXPECT_TRUE(sub->next(2s));
    nc->close();
  };
  cycle();  // the first one may set up process-wide state
  const auto before = open_descriptors();
  for (int i = 0; i < 20; ++i) cycle();
  EXPECT_LE(open_descriptors(), before + 2);
}

// request() may poll for its reply before sleeping (Options::request_spin):
// replies sooner or later than the window, and none at all, behave the same.
TEST_F(ConnectionTest, RequestsAnswerWhetherTheyPollOrSleep) {
  for (auto spin : {std::chrono::microseconds(0), std::chrono::microseconds(200), std::chrono::microseconds(50000)}) {
    Options o;
    o.request_spin = spin;
    auto nc = connect(o);
    auto responder = connect();
    auto quick = responder->subscribe("spin.quick", [&](Message&& m) { responder->publish(m.reply, "now"); });
    auto slow = responder->subscribe("spin.slow", [&](Message&& m) {
      std::this_thread::sleep_for(20ms);
      responder->publish(m.reply, "later");
    });
    // A responder that never answers: with a slow one, a loaded machine (TSan)
    // could deliver its answer before the waiter saw its 5 ms deadline pass.
    auto silent = responder->subscribe("spin.silent", [](Message&&) {});
    responder->flush(2s);
    EXPECT_EQ(nc->request("spin.quick", "", 2s).data, "now");
    EXPECT_EQ(nc->request("spin.slow", "", 2s).data, "later");
    expect_error(ErrorCode::no_responders, [&] { nc->request("spin.nobody", "", 2s); });
    expect_error(ErrorCode::timeout, [&] { nc->request("spin.silent", "", 5ms); });
  }
  Options bad;
  bad.request_spin = std::chrono::microseconds(-1);
  expect_error(ErrorCode::invalid_argument, [&] { connect(bad); });
}

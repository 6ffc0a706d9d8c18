// Faults: servers restarted, killed, clustered nodes lost, lame duck. The client
// must reconnect, resubscribe and deliver what it promised.
#include <atomic>
#include <set>
#include <thread>

#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {
Options fast_reconnect(const std::vector<std::string>& urls, EventLog& events) {
  Options o;
  o.servers = urls;
  o.randomize = false;
  o.reconnect.wait = 100ms;
  o.reconnect.wait_max = 400ms;
  o.reconnect.jitter = 20ms;
  o.reconnect.max_attempts = -1;
  o.on_event = events.callback();
  return o;
}
// Interest crosses a cluster asynchronously: publish until the subscriber sees
// the message rather than guessing how long propagation takes.
bool delivered_across_cluster(Connection& publisher, Subscription& sub, const std::string& subject,
                              const std::string& payload) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    publisher.publish(subject, payload);
    publisher.flush(2s);
    try {
      while (auto m = sub.next(100ms))
        if (m->data == payload) return true;
    } catch (const Error&) {
    }
  }
  return false;
}
}  // namespace

TEST(Fault, RestartedServerResubscribesAndDeliversBufferedPublishes) {
  Harness server("single");
  EventLog events;
  auto nc = Connection::connect(fast_reconnect({server.url()}, events));
  auto sub = nc->subscribe("shop.orders.>");
  auto queued = nc->subscribe("shop.work", SubscribeOptions{.queue = "workers"});
  auto limited = nc->subscribe("shop.limited", SubscribeOptions{.max_msgs = 4});
  nc->flush(2s);
  nc->publish("shop.limited", "1");
  nc->publish("shop.limited", "2");
  nc->publish("shop.orders.a", "before");
  EXPECT_EQ(sub->next(2s)->data, "before");

  server.stop(0);
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s));
  EXPECT_FALSE(nc->is_connected());
  // Published while down: buffered, then sent after the subscriptions are back.
  for (int i = 0; i < 100; ++i) nc->publish("shop.orders.b", std::to_string(i));
  nc->publish("shop.work", "queued work");
  server.start(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s)) << events.details(Event::disconnected);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(sub->next(5s)->data, std::to_string(i));
  EXPECT_EQ(queued->next(5s)->data, "queued work");
  // The auto-unsubscribe count survives: two seen before, two more allowed.
  for (int i = 0; i < 5; ++i) nc->publish("shop.limited", "x");
  nc->flush(5s);
  int got = 0;
  while (limited->next(1s)) ++got;
  EXPECT_EQ(got, 4);
  EXPECT_EQ(nc->stats().reconnects, 1u);
}

TEST(Fault, KilledServerIsReconnectedAndRequestsWork) {
  Harness server("single");
  EventLog events;
  auto nc = Connection::connect(fast_reconnect({server.url()}, events));
  auto responder = nc->subscribe("shop.payments.authorise", [&](Message&& m) { nc->publish(m.reply, "approved"); });
  nc->flush(2s);
  EXPECT_EQ(nc->request("shop.payments.authorise", "1", 2s).data, "approved");
  server.kill(0);  // SIGKILL: no goodbye, the socket just dies
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s));
  server.start(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s));
  EXPECT_EQ(nc->request("shop.payments.authorise", "2", 5s).data, "approved");
}

// Waiting requesters read the socket themselves while they poll (poll_input):
// several of them, through a SIGKILL and a restart, must neither hang nor crash
// nor see a reply meant for another, and must work again after the reconnect.
TEST(Fault, PollingRequestersOutliveAKilledServer) {
  Harness server("single");
  EventLog events;
  auto nc = Connection::connect(fast_reconnect({server.url()}, events));
  EventLog responder_events;
  auto rc = Connection::connect(fast_reconnect({server.url()}, responder_events));
  auto responder = rc->subscribe("shop.payments.authorise", [&](Message&& m) { rc->publish(m.reply, "ok:" + m.data); });
  rc->flush(2s);

  std::atomic<bool> restarted{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> requesters;
  std::vector<int> after_restart(3, 0);
  for (int t = 0; t < 3; ++t)
    requesters.emplace_back([&, t] {
      const auto give_up = std::chrono::steady_clock::now() + 30s;
      for (int i = 0; after_restart[t] < 50 && std::chrono::steady_clock::now() < give_up; ++i) {
        const std::string body = std::to_string(t) + "." + std::to_string(i);
        try {
          if (nc->request("shop.payments.authorise", body, 500ms).data != "ok:" + body) ++wrong;
          else if (restarted) ++after_restart[t];
        } catch (const Error& e) {
          // Down or not yet resubscribed: these, and nothing else.
          if (e.code() != ErrorCode::timeout && e.code() != ErrorCode::no_responders &&
              e.code() != ErrorCode::nervure)
            ++wrong;
        }
      }
    });
  std::this_thread::sleep_for(300ms);
  server.kill(0);
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s));
  server.start(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s));
  ASSERT_TRUE(responder_events.wait_for(Event::reconnected, 10s));
  restarted = true;
  for (auto& r : requesters) r.join();
  EXPECT_EQ(wrong.load(), 0);
  for (int t = 0; t < 3; ++t) EXPECT_EQ(after_restart[t], 50) << "requester " << t;
}

TEST(Fault, FlushWaitsAcrossAReconnect) {
  Harness server("single");
  EventLog events;
  auto nc = Connection::connect(fast_reconnect({server.url()}, events));
  server.stop(0);
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s));
  std::thread restarter([&] {
    std::this_thread::sleep_for(300ms);
    server.start(0);
  });
  EXPECT_NO_THROW(nc->flush(10s));
  restarter.join();
}

TEST(Fault, ReconnectBufferFullIsAClearError) {
  Harness server("single");
  EventLog events;
  auto o = fast_reconnect({server.url()}, events);
  o.reconnect.buffer_size = 1024;
  auto nc = Connection::connect(o);
  server.stop(0);
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s));
  EXPECT_NO_THROW(nc->publish("x", std::string(500, 'a')));
  auto msg = expect_error(ErrorCode::nervure, [&] { nc->publish("x", std::string(600, 'a')); });
  EXPECT_NE(msg.find("reconnect buffer"), std::string::npos) << msg;
}

TEST(Fault, ReconnectDisabledClosesOnDisconnect) {
  Harness server("single");
  EventLog events;
  auto o = fast_reconnect({server.url()}, events);
  o.reconnect.enabled = false;
  auto nc = Connection::connect(o);
  server.stop(0);
  ASSERT_TRUE(events.wait_for(Event::closed, 5s));
  EXPECT_TRUE(nc->is_closed());
  expect_error(ErrorCode::connection_closed, [&] { nc->publish("x", "y"); });
}

TEST(Fault, GivesUpAfterMaxAttempts) {
  Harness server("single");
  EventLog events;
  auto o = fast_reconnect({server.url()}, events);
  o.reconnect.max_attempts = 2;
  auto nc = Connection::connect(o);
  server.stop(0);
  ASSERT_TRUE(events.wait_for(Event::closed, 10s)) << "never gave up";
  EXPECT_NE(events.details(Event::async_error).find("gave up"), std::string::npos);
}

TEST(Fault, ClusterFailoverToADiscoveredServer) {
  Harness cluster("cluster");
  EventLog events;
  // Only node 0 is configured: the others are learnt from INFO.
  auto nc = Connection::connect(fast_reconnect({cluster.urls()[0]}, events));
  // The first INFO may predate the routes' gossip; an asynchronous INFO follows.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (nc->servers().size() < 3u && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  EXPECT_GE(nc->servers().size(), 3u) << "the INFO's connect_urls were not learnt";
  auto other = Connection::connect(options_for(cluster.urls()[2]));
  auto sub = nc->subscribe("failover");
  nc->flush(2s);
  EXPECT_TRUE(delivered_across_cluster(*other, *sub, "failover", "before"));

  cluster.kill(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s)) << events.details(Event::disconnected);
  EXPECT_EQ(nc->connected_url().find(std::to_string(cluster.json()["ports"][0].get<int>())), std::string::npos);
  EXPECT_TRUE(delivered_across_cluster(*other, *sub, "failover", "after"));
}

TEST(Fault, LameDuckServerIsLeft) {
  Harness cluster("cluster");
  EventLog events;
  auto nc = Connection::connect(fast_reconnect({cluster.urls()[0]}, events));
  auto sub = nc->subscribe("ldm");
  nc->flush(2s);
  const std::string first = nc->connected_url();
  cluster.lame_duck(0);
  ASSERT_TRUE(events.wait_for(Event::lame_duck, 10s));
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s));
  EXPECT_NE(nc->connected_url(), first);
  auto other = Connection::connect(options_for(cluster.urls()[1]));
  EXPECT_TRUE(delivered_across_cluster(*other, *sub, "ldm", "still here"));
}

TEST(Fault, PublishingAndSubscribingThroughARestartLosesNothingBuffered) {
  Harness server("single");
  EventLog events;
  auto pub = Connection::connect(fast_reconnect({server.url()}, events));
  EventLog sub_events;
  auto subc = Connection::connect(fast_reconnect({server.url()}, sub_events));
  auto sub = subc->subscribe("stream.of.events", SubscribeOptions{.pending_msgs_limit = -1});
  subc->flush(2s);
  std::atomic<bool> stop{false};
  std::atomic<int> sent{0}, failed{0};
  std::thread publisher([&] {
    while (!stop) {
      try {
        pub->publish("stream.of.events", std::to_string(sent.load()));
        sent++;
      } catch (const Error&) {
        failed++;
      }
      std::this_thread::sleep_for(200us);
    }
  });
  std::this_thread::sleep_for(300ms);
  server.restart(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s));
  ASSERT_TRUE(sub_events.wait_for(Event::reconnected, 10s));
  std::this_thread::sleep_for(300ms);
  stop = true;
  publisher.join();
  pub->flush(5s);
  std::set<int> got;
  while (true) {
    try {
      auto m = sub->next(1s);
      if (!m) break;
      got.insert(std::stoi(m->data));
    } catch (const Error&) {
      break;
    }
  }
  EXPECT_EQ(failed.load(), 0);
  // Messages published after both sides were back must all arrive; the window
  // while the subscriber itself was away is at-most-once by NATS' design.
  int last = sent.load() - 1;
  for (int i = last - 50; i <= last; ++i) EXPECT_TRUE(got.count(i)) << "missing " << i;
}

TEST(Fault, StaleConnectionIsDetectedByPings) {
  Harness server("single");
  EventLog events;
  auto o = fast_reconnect({server.url()}, events);
  o.ping_interval = 100ms;
  o.max_pings_out = 2;
  auto nc = Connection::connect(o);
  server.pause(0);  // the socket stays open; nothing answers
  ASSERT_TRUE(events.wait_for(Event::disconnected, 5s)) << "a frozen server was not noticed";
  EXPECT_NE(events.details(Event::async_error).find("stale"), std::string::npos);
  server.resume(0);
  ASSERT_TRUE(events.wait_for(Event::reconnected, 10s));
  EXPECT_NO_THROW(nc->flush(2s));
}

TEST(Fault, FlushTimesOutAgainstAFrozenServer) {
  Harness server("single");
  auto nc = Connection::connect(options_for(server.url()));
  server.pause(0);
  expect_error(ErrorCode::timeout, [&] { nc->flush(200ms); });
  server.resume(0);
  EXPECT_NO_THROW(nc->flush(2s));
}

// Key-value buckets against a real server: bucket management, every key
// operation and its failures, watchers (also across a restart), compare-and-set
// under contention, per-key TTL, and what 2.9 must refuse.
#include <algorithm>
#include <atomic>
#include <future>
#include <thread>

#include "nervure/kv.hpp"
#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

namespace {

bool compat() {
  const char* v = std::getenv("NERVURE_TEST_COMPAT");
  return v && *v == '1';
}

KeyValueConfig bucket(const std::string& name, int history = 1) {
  KeyValueConfig c;
  c.bucket = name;
  c.history = history;
  c.storage = StorageType::memory;
  return c;
}

// Reads entries up to and including the end-of-initial-values marker.
std::vector<KeyValueEntry> initial(KvWatcher& w) {
  std::vector<KeyValueEntry> out;
  for (int i = 0; i < 10000; ++i) {
    auto e = w.next(5s);
    if (!e) return out;
    out.push_back(std::move(*e));
  }
  ADD_FAILURE() << "no end of the initial values";
  return out;
}

std::vector<std::string> keys_of(const std::vector<KeyValueEntry>& entries) {
  std::vector<std::string> out;
  for (auto& e : entries) out.push_back(e.key + "=" + e.value);
  return out;
}

}  // namespace

class KvTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() { delete server_; }
  void SetUp() override {
    nc_ = Connection::connect(options_for(server_->url()));
    js_ = std::make_unique<JetStream>(nc_);
  }
  void TearDown() override {
    for (auto& b : js_->key_value_names()) js_->delete_key_value(b);
  }
  static Harness* server_;
  std::shared_ptr<Connection> nc_;
  std::unique_ptr<JetStream> js_;
};
Harness* KvTest::server_ = nullptr;

TEST_F(KvTest, BucketLifecycle) {
  KeyValueConfig c = bucket("settings", 5);
  c.description = "shop settings";
  c.ttl = 1h;
  c.max_value_size = 1024;
  c.storage = StorageType::file;
  auto kv = js_->create_key_value(c);
  EXPECT_EQ(kv.bucket(), "settings");
  auto st = kv.status();
  EXPECT_EQ(st.bucket, "settings");
  EXPECT_EQ(st.history, 5);
  EXPECT_EQ(st.ttl, 1h);
  EXPECT_EQ(st.values, 0u);
  EXPECT_EQ(st.backing_store, "JetStream");
  EXPECT_FALSE(st.compressed);
  const auto& sc = st.stream_info.config;
  EXPECT_EQ(sc.name, "KV_settings");
  EXPECT_EQ(sc.subjects, std::vector<std::string>{"$KV.settings.>"});
  EXPECT_TRUE(sc.allow_rollup);
  EXPECT_TRUE(sc.deny_delete);
  EXPECT_TRUE(sc.allow_direct);
  EXPECT_EQ(sc.discard, DiscardPolicy::new_);
  EXPECT_EQ(sc.max_msg_size, 1024);
  EXPECT_EQ(sc.duplicate_window, 2min);

  c.history = 10;
  EXPECT_EQ(js_->update_key_value(c).status().history, 10);
  kv.put("theme", "dark");
  EXPECT_EQ(js_->key_value("settings").get("theme")->value, "dark");
  EXPECT_EQ(js_->key_value_names(), std::vector<std::string>{"settings"});
  std::string big(2048, 'x');
  EXPECT_THROW(kv.put("big", big), JetStreamApiError);

  js_->delete_key_value("settings");
  try {
    js_->key_value("settings");
    ADD_FAILURE() << "a deleted bucket still binds";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10059);
    EXPECT_NE(std::string(e.what()).find("settings"), std::string::npos);
  }
  expect_error(ErrorCode::invalid_argument, [&] { js_->create_key_value(bucket("has.dot")); });
  expect_error(ErrorCode::invalid_argument, [&] { js_->create_key_value(bucket("ok", 65)); });
  expect_error(ErrorCode::invalid_argument, [&] { js_->create_key_value(bucket("")); });
}

TEST_F(KvTest, PutGetDeletePurge) {
  auto kv = js_->create_key_value(bucket("carts", 10));
  auto r1 = kv.put("cart.1", "apple");
  auto r2 = kv.put("cart.1", "apple,pear");
  EXPECT_GT(r2, r1);
  auto e = kv.get("cart.1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->bucket, "carts");
  EXPECT_EQ(e->key, "cart.1");
  EXPECT_EQ(e->value, "apple,pear");
  EXPECT_EQ(e->revision, r2);
  EXPECT_EQ(e->operation, KvOperation::put);
  EXPECT_FALSE(e->created.empty());
  EXPECT_EQ(kv.get("cart.1", r1)->value, "apple");
  EXPECT_FALSE(kv.get("cart.2", r1).has_value());  // that revision belongs to another key
  EXPECT_FALSE(kv.get("cart.2").has_value());
  EXPECT_EQ(kv.put("cart.2", std::string("\0bin", 4)), r2 + 1);
  EXPECT_EQ(kv.get("cart.2")->value, std::string("\0bin", 4));

  kv.del("cart.1");
  EXPECT_FALSE(kv.get("cart.1").has_value());
  auto h = kv.history("cart.1");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].value, "apple");
  EXPECT_EQ(h[2].operation, KvOperation::del);

  kv.purge("cart.1");
  h = kv.history("cart.1");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].operation, KvOperation::purge);
  EXPECT_TRUE(kv.history("never.written").empty());

  expect_error(ErrorCode::invalid_argument, [&] { kv.put("", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { kv.put("a b", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { kv.put(".a", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { kv.put("a.*", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { kv.put("_kv.internal", "x"); });
  expect_error(ErrorCode::invalid_argument, [&] { kv.get("cart.1", 0); });
}

// The callback forms event loops use: the same results, delivered on a core thread.
TEST_F(KvTest, PutAsyncAndGetAsyncCompleteLikePutAndGet) {
  auto kv = js_->create_key_value(bucket("async_carts", 10));
  auto put = [&](const std::string& key, std::string_view value) {
    std::promise<uint64_t> done;
    kv.put_async(key, value, [&](uint64_t revision, std::exception_ptr error) {
      if (error) done.set_exception(error);
      else done.set_value(revision);
    });
    return done.get_future().get();
  };
  auto get = [&](const std::string& key, uint64_t revision) {
    std::promise<std::optional<KeyValueEntry>> done;
    kv.get_async(key, revision, [&](std::optional<KeyValueEntry>&& entry, std::exception_ptr error) {
      if (error) done.set_exception(error);
      else done.set_value(std::move(entry));
    });
    return done.get_future().get();
  };
  const auto r1 = put("cart.1", "apple");
  const auto r2 = put("cart.1", std::string("pear\0", 5));
  EXPECT_EQ(r2, r1 + 1);
  auto e = get("cart.1", 0);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->key, "cart.1");
  EXPECT_EQ(e->value, std::string("pear\0", 5));
  EXPECT_EQ(e->revision, r2);
  EXPECT_EQ(get("cart.1", r1)->value, "apple");
  EXPECT_FALSE(get("cart.2", r1).has_value());  // that revision belongs to another key
  EXPECT_FALSE(get("cart.2", 0).has_value());
  kv.del("cart.1");
  EXPECT_FALSE(get("cart.1", 0).has_value());
  expect_error(ErrorCode::invalid_argument, [&] { kv.put_async("a b", "x", [](uint64_t, std::exception_ptr) {}); });
  expect_error(ErrorCode::invalid_argument,
               [&] { kv.get_async("a.*", 0, [](std::optional<KeyValueEntry>&&, std::exception_ptr) {}); });
}

TEST_F(KvTest, CreateAndCompareAndSet) {
  auto kv = js_->create_key_value(bucket("locks", 5));
  auto r1 = kv.create("lock.a", "owner-1");
  try {
    kv.create("lock.a", "owner-2");
    ADD_FAILURE() << "created a key that exists";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10071);
  }
  auto r2 = kv.update("lock.a", "owner-1b", r1);
  try {
    kv.update("lock.a", "stale", r1);
    ADD_FAILURE() << "a stale revision was accepted";
  } catch (const JetStreamApiError& e) {
    EXPECT_EQ(e.err_code(), 10071);
  }
  EXPECT_THROW(kv.del("lock.a", r1), JetStreamApiError);
  kv.del("lock.a", r2);
  auto r3 = kv.create("lock.a", "owner-3");  // over a deleted key
  EXPECT_GT(r3, r2);
  EXPECT_EQ(kv.get("lock.a")->value, "owner-3");
  kv.purge("lock.a");
  EXPECT_GT(kv.create("lock.a", "owner-4"), r3);  // over a purged key
  EXPECT_THROW(kv.update("lock.b", "x", 1), JetStreamApiError);
  EXPECT_GT(kv.update("lock.b", "x", 0), 0u);  // revision 0: "must not exist yet"
}

TEST_F(KvTest, KeysAndFilters) {
  auto kv = js_->create_key_value(bucket("catalog", 3));
  EXPECT_TRUE(kv.keys().empty());
  kv.put("item.1", "a");
  kv.put("item.2", "b");
  kv.put("item.2", "b2");
  kv.put("price.1", "9");
  kv.put("gone", "x");
  kv.del("gone");
  auto keys = kv.keys();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"item.1", "item.2", "price.1"}));
  auto items = kv.keys({"item.*"});
  std::sort(items.begin(), items.end());
  EXPECT_EQ(items, (std::vector<std::string>{"item.1", "item.2"}));
  if (!compat()) {
    auto two = kv.keys({"item.1", "price.>"});
    std::sort(two.begin(), two.end());
    EXPECT_EQ(two, (std::vector<std::string>{"item.1", "price.1"}));
  }
}

TEST_F(KvTest, WatchersDeliverInitialValuesThenUpdates) {
  auto kv = js_->create_key_value(bucket("feed", 5));
  kv.put("a", "1");
  kv.put("b", "1");
  kv.put("a", "2");
  kv.put("c", "1");
  kv.del("c");

  auto latest = kv.watch();
  auto first = initial(*latest);
  EXPECT_EQ(keys_of(first), (std::vector<std::string>{"b=1", "a=2", "c="}));
  EXPECT_EQ(first[2].operation, KvOperation::del);
  EXPECT_EQ(first.back().delta, 0u);
  EXPECT_TRUE(latest->initial_done());

  KvWatchOptions history;
  history.include_history = true;
  history.ignore_deletes = true;
  auto all = kv.watch(">", history);
  EXPECT_EQ(keys_of(initial(*all)), (std::vector<std::string>{"a=1", "b=1", "a=2", "c=1"}));

  KvWatchOptions updates;
  updates.updates_only = true;
  auto news = kv.watch("a", updates);
  EXPECT_FALSE(news->next(2s).has_value());  // the initial values end at once
  EXPECT_FALSE(news->ended());

  KvWatchOptions meta;
  meta.meta_only = true;
  auto headers = kv.watch("b", meta);
  auto hb = initial(*headers);
  ASSERT_EQ(hb.size(), 1u);
  EXPECT_TRUE(hb[0].value.empty());

  kv.put("a", "3");
  kv.put("b", "2");
  auto u1 = latest->next(5s);
  ASSERT_TRUE(u1);
  EXPECT_EQ(u1->key + "=" + u1->value, "a=3");
  EXPECT_EQ(latest->next(5s)->key, "b");
  auto n1 = news->next(5s);
  ASSERT_TRUE(n1);
  EXPECT_EQ(n1->value, "3");
  // Purged only once the watchers have the updates: nats-server 2.9.10 (Debian's)
  // moves every consumer's cursor past a subject's purge, skipping what it had
  // not yet sent on other subjects too (fixed in nats-server#3838).
  kv.purge("a");
  auto purged = latest->next(5s);
  ASSERT_TRUE(purged);
  EXPECT_EQ(purged->operation, KvOperation::purge);
  EXPECT_EQ(news->next(5s)->operation, KvOperation::purge);
  expect_error(ErrorCode::timeout, [&] { news->next(200ms); });

  auto empty = js_->create_key_value(bucket("empty")).watch();
  EXPECT_FALSE(empty->next(2s).has_value());  // nothing stored: the marker comes at once
  empty->stop();
  EXPECT_TRUE(empty->ended());
  EXPECT_FALSE(empty->next(100ms).has_value());
  KvWatchOptions both;
  both.include_history = true;
  both.updates_only = true;
  expect_error(ErrorCode::invalid_argument, [&] { kv.watch(">", both); });
}

TEST_F(KvTest, CompareAndSetUnderContentionLosesNoUpdate) {
  js_->create_key_value(bucket("counters"));
  constexpr int kWriters = 4;
  constexpr int kIncrements = 50;
  std::atomic<int> conflicts{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      auto nc = Connection::connect(options_for(server_->url()));
      JetStream js(nc);
      auto kv = js.key_value("counters");
      for (int i = 0; i < kIncrements; ++i) {
        for (int attempt = 0; attempt < 1000; ++attempt) {
          auto current = kv.get("hits");
          int value = current ? std::stoi(current->value) : 0;
          try {
            if (current) kv.update("hits", std::to_string(value + 1), current->revision);
            else kv.create("hits", std::to_string(value + 1));
            break;
          } catch (const JetStreamApiError& e) {
            ASSERT_EQ(e.err_code(), 10071) << e.what();
            ++conflicts;
          }
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  auto kv = js_->key_value("counters");
  EXPECT_EQ(kv.get("hits")->value, std::to_string(kWriters * kIncrements));
  EXPECT_GT(conflicts.load(), 0) << "the writers never actually contended";
}

TEST_F(KvTest, PerKeyTtlAndLimitMarkers) {
  if (compat()) GTEST_SKIP() << "nats-server 2.9 has no per-message TTL; the refusal is tested separately";
  KeyValueConfig c = bucket("sessions", 3);
  c.limit_marker_ttl = 1s;
  auto kv = js_->create_key_value(c);
  EXPECT_EQ(kv.status().limit_marker_ttl, 1s);
  auto watcher = kv.watch();
  EXPECT_FALSE(watcher->next(2s).has_value());
  kv.create("session.1", "alice", 1s);
  kv.put("session.2", "bob");
  EXPECT_EQ(watcher->next(2s)->key, "session.1");
  EXPECT_EQ(watcher->next(2s)->key, "session.2");
  // The key expires; the server leaves a marker that watchers read as a purge.
  auto marker = watcher->next(5s);
  ASSERT_TRUE(marker);
  EXPECT_EQ(marker->key, "session.1");
  EXPECT_EQ(marker->operation, KvOperation::purge);
  EXPECT_FALSE(kv.get("session.1").has_value());
  EXPECT_EQ(kv.get("session.2")->value, "bob");
  kv.purge("session.2", 1s);
  EXPECT_EQ(watcher->next(2s)->operation, KvOperation::purge);

  auto plain = js_->create_key_value(bucket("plain"));
  EXPECT_THROW(plain.create("k", "v", 1s), JetStreamApiError);  // the bucket does not allow TTLs
  expect_error(ErrorCode::invalid_argument, [&] { kv.create("k", "v", 10ms); });
}

TEST(KvRecovery, WatcherResumesFromTheLastRevisionAfterARestart) {
  Harness server("single");
  Options o = options_for(server.url());
  o.reconnect.wait = 100ms;
  o.reconnect.wait_max = 250ms;
  o.reconnect.jitter = 0ms;
  o.reconnect.max_attempts = -1;
  auto nc = Connection::connect(o);
  JetStream js(nc);
  KeyValueConfig c = bucket("durable", 10);
  c.storage = StorageType::file;
  auto kv = js.create_key_value(c);
  KvWatchOptions wo;
  std::atomic<int> recoveries{0};
  wo.on_error = [&](const Error&, bool) { ++recoveries; };
  auto watcher = kv.watch(">", wo);
  EXPECT_FALSE(watcher->next(2s).has_value());
  for (int i = 0; i < 5; ++i) kv.put("k", std::to_string(i));
  uint64_t last = 0;
  for (int i = 0; i < 5; ++i) {
    auto e = watcher->next(5s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->value, std::to_string(i));
    last = e->revision;
  }
  server.restart(0);
  for (int i = 5; i < 10; ++i) {
    for (int attempt = 0;; ++attempt) {
      try {
        kv.put("k", std::to_string(i));
        break;
      } catch (const Error& e) {
        ASSERT_LT(attempt, 100) << e.what();
        std::this_thread::sleep_for(100ms);
      }
    }
  }
  for (int i = 5; i < 10; ++i) {
    auto e = watcher->next(15s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->value, std::to_string(i)) << "a change was lost or repeated across the restart";
    EXPECT_EQ(e->revision, last + 1);
    last = e->revision;
  }
  expect_error(ErrorCode::timeout, [&] { watcher->next(300ms); });
  EXPECT_GT(recoveries.load(), 0);  // it said it recovered
}

TEST(KvOnOldServer, FeaturesItWouldIgnoreAreRefusedBeforeSending) {
  Harness old("single", {"--compat"});
  auto nc = Connection::connect(options_for(old.url()));
  JetStream js(nc);
  ASSERT_EQ(js.api_level(), 0);
  auto spy_conn = Connection::connect(options_for(old.url()));
  auto spy = spy_conn->subscribe("$JS.API.STREAM.>");
  auto puts = spy_conn->subscribe("$KV.>");
  spy_conn->flush(2s);

  KeyValueConfig markers = bucket("markers");
  markers.limit_marker_ttl = 1s;
  auto why = expect_error(ErrorCode::not_supported_by_server, [&] { js.create_key_value(markers); });
  EXPECT_NE(why.find("2.11"), std::string::npos) << why;
  KeyValueConfig compressed = bucket("compressed");
  compressed.compression = true;
  expect_error(ErrorCode::not_supported_by_server, [&] { js.create_key_value(compressed); });
  KeyValueConfig meta = bucket("meta");
  meta.metadata = {{"k", "v"}};
  expect_error(ErrorCode::not_supported_by_server, [&] { js.create_key_value(meta); });
  nc->flush(2s);
  spy_conn->flush(2s);
  EXPECT_EQ(spy->pending_msgs(), 0) << "a refused bucket reached the server";

  // The rest of key-value works on 2.9, direct gets included.
  auto kv = js.create_key_value(bucket("basic", 3));
  auto rev = kv.put("a", "1");
  EXPECT_EQ(kv.get("a")->revision, rev);
  EXPECT_EQ(kv.update("a", "2", rev), rev + 1);
  spy_conn->flush(2s);
  std::vector<Message> drained;
  puts->poll(drained, 100);
  EXPECT_EQ(drained.size(), 2u);
  expect_error(ErrorCode::not_supported_by_server, [&] { kv.create("b", "x", 1s); });
  expect_error(ErrorCode::not_supported_by_server, [&] { kv.purge("a", 1s); });
  expect_error(ErrorCode::not_supported_by_server, [&] { kv.watch(std::vector<std::string>{"a", "b"}); });
  nc->flush(2s);
  spy_conn->flush(2s);
  EXPECT_EQ(puts->pending_msgs(), 0) << "a refused write reached the server";
  auto w = kv.watch();
  auto first = initial(*w);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].value, "2");
}

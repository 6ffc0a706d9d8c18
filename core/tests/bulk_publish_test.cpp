// The bulk publish path: a publisher that fills a buffer writes it itself and
// waits for room in the socket, and the tail of a burst still leaves without a
// flush. Against one real nats-server.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace nervure;
using namespace nervure::test;

class BulkPublishTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Harness("single"); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  std::shared_ptr<Connection> connect() { return Connection::connect(options_for(server_->url())); }
  static Harness* server_;
};
Harness* BulkPublishTest::server_ = nullptr;

namespace {
// 128 bytes that start with their sequence number.
std::string numbered(int i) {
  std::string s = std::to_string(i) + ":";
  s.resize(128, 'x');
  return s;
}

int number_of(const std::string& data) { return std::stoi(data.substr(0, data.find(':'))); }

// Receives n numbered messages and checks they come in order.
void expect_in_order(Subscription& sub, int n) {
  std::vector<Message> batch;
  int next = 0;
  while (next < n) {
    batch.clear();
    ASSERT_GT(sub.next_batch(batch, 10000, 10s), 0u) << "stopped at message " << next << " of " << n;
    for (auto& m : batch) ASSERT_EQ(number_of(m.data), next++);
  }
}
}  // namespace

// Many full buffers (the publisher writes each one, waiting for the server to
// read) while another thread's requests take the socket through the I/O thread
// in between: nothing is lost or reordered, every request is answered, and the
// last partial buffer arrives with no flush.
TEST_F(BulkPublishTest, FullBuffersAndRequestsShareTheSocketInOrder) {
  auto nc = connect();
  auto watcher = connect();
  auto sub = watcher->subscribe("bulk.data", SubscribeOptions{.pending_msgs_limit = -1, .pending_bytes_limit = -1});
  auto responder = watcher->subscribe("bulk.echo", [&](const Message& m) { watcher->publish(m.reply, m.data); });
  watcher->flush(2s);

  constexpr int kMessages = 200'000;  // ~30 MB of frames: hundreds of full buffers
  std::atomic<bool> publishing{true};
  std::atomic<int> answered{0};
  std::string request_error;
  std::thread requester([&] {
    try {
      for (int i = 0; publishing.load() || i < 20; ++i) {
        if (nc->request("bulk.echo", std::to_string(i), 10s).data != std::to_string(i)) break;
        answered.fetch_add(1);
      }
    } catch (const std::exception& e) {
      request_error = e.what();
    }
  });
  for (int i = 0; i < kMessages; ++i) nc->publish("bulk.data", numbered(i));
  publishing.store(false);
  expect_in_order(*sub, kMessages);
  requester.join();
  EXPECT_EQ(request_error, "");
  EXPECT_GE(answered.load(), 20);
}

// A burst a little over one buffer: the full buffer leaves with the publish
// that filled it, the rest with the tail flush, and a lone publish afterwards
// too; nobody calls flush.
TEST_F(BulkPublishTest, TheTailOfABurstAndALonePublishLeaveWithoutAFlush) {
  auto nc = connect();
  auto watcher = connect();
  auto sub = watcher->subscribe("bulk.tail");
  watcher->flush(2s);
  constexpr int kBurst = 700;  // ~100 KB of frames: one full buffer and a tail
  for (int i = 0; i < kBurst; ++i) nc->publish("bulk.tail", numbered(i));
  expect_in_order(*sub, kBurst);
  std::this_thread::sleep_for(20ms);  // the burst is over: its tail flush has backed off and gone quiet
  nc->publish("bulk.tail", numbered(kBurst));
  auto lone = sub->next(5s);
  ASSERT_TRUE(lone);
  EXPECT_EQ(number_of(lone->data), kBurst);
}

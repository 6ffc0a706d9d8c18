#pragma once
// The bridge between the core and a language runtime. Core threads never call
// into a language: completions, ready subscriptions and events are queued here
// and one eventfd is signalled; the language wakes once (asyncio reader, libuv
// poll, a Go poll call, a Java poller thread) and takes everything in a batch.
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nervure/nervure.hpp"

namespace nervure::bridge {

/// Outcome of an asynchronous operation, keyed by the caller's token.
struct Completion {
  uint64_t token = 0;
  ErrorCode error = ErrorCode::ok;
  std::string error_message;
  bool has_message = false;
  Message message;
};

struct EventRecord {
  Event event;
  std::string detail;
};

/// What one wake-up hands to the language side.
struct Batch {
  std::vector<Completion> completions;
  std::vector<uint64_t> ready_subscriptions;  // ids given at subscribe time
  std::vector<EventRecord> events;
};

class Bridge;

/// A subscription as the language sees it: an id the bridge reports when the
/// queue turns non-empty, and batch polling.
class BridgeSubscription {
 public:
  BridgeSubscription(std::shared_ptr<Subscription> sub, uint64_t id) : sub_(std::move(sub)), id_(id) {}
  uint64_t id() const { return id_; }
  Subscription& core() { return *sub_; }
  std::size_t poll(std::vector<Message>& out, std::size_t max) { return sub_->poll(out, max); }
  bool ended() const { return sub_->ended(); }

 private:
  std::shared_ptr<Subscription> sub_;
  uint64_t id_;
};

class Bridge : public std::enable_shared_from_this<Bridge> {
 public:
  /// Connects; events go to the queue. Throws nervure::Error.
  static std::shared_ptr<Bridge> connect(Options options);
  ~Bridge();

  Connection& connection() { return *conn_; }

  /// The fd to watch for readability; reading it is done by take().
  int wake_fd() const { return wake_fd_; }
  /// Clears the wake-up and returns everything queued since the last call.
  Batch take();

  std::shared_ptr<BridgeSubscription> subscribe(std::string_view subject, const SubscribeOptions& options);
  void request(uint64_t token, std::string_view subject, std::string_view data, Duration timeout,
               const Headers* headers);
  void cancel(uint64_t token);
  void flush(uint64_t token, Duration timeout);

 private:
  Bridge();
  void signal();
  void complete(Completion&& c);

  std::shared_ptr<Connection> conn_;
  int wake_fd_ = -1;
  std::mutex mu_;
  Batch pending_;
  bool signalled_ = false;
  uint64_t next_sub_id_ = 1;
  // Token -> core request id while in flight, for cancel. A reply can beat the
  // registration, so finished tokens are remembered until it happens.
  std::mutex requests_mu_;
  std::unordered_map<uint64_t, uint64_t> requests_;
  std::unordered_set<uint64_t> finished_early_;
};

}  // namespace nervure::bridge

#pragma once
// The bridge between the core and a language runtime, shared by every binding.
//
// Core threads never run language code. What they produce (completions of
// asynchronous operations, "this subscription has messages", connection
// events) goes into the connection's Inbox, which signals one eventfd per
// batch. The language wakes once (asyncio reader, libuv poll, a Go or Java
// poller blocked in take) and takes everything queued in one crossing, then
// pulls messages from ready subscriptions in batches.
//
// The C ABI can instead ask for a completion to be delivered by a direct call
// on the core thread (DirectCompletion); the inbox is then bypassed.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nervure/nervure.hpp"

namespace nervure::bridge {

/// A structured field of an error (JetStreamApiError.err_code, ActorError.remote_type).
struct ErrorField {
  std::string name;
  bool is_text = false;
  int64_t number = 0;
  std::string text;
};

/// A core error, flattened so that it can cross into any language.
struct ErrorInfo {
  ErrorCode code = ErrorCode::ok;
  std::string message;
  std::vector<ErrorField> fields;

  explicit operator bool() const { return code != ErrorCode::ok; }
  const ErrorField* field(std::string_view name) const;
};

/// Flattens whatever was thrown; never throws itself.
ErrorInfo describe(std::exception_ptr error) noexcept;
ErrorInfo describe(const std::exception& error) noexcept;
/// The definition's error fields of e (generated: errors.generated.cpp).
void error_fields(const Error& e, std::vector<ErrorField>& out);

/// Outcome of an asynchronous operation, keyed by the caller's token.
struct Completion {
  uint64_t token = 0;
  ErrorInfo error;
  bool has_message = false;
  Message message;
};

/// Delivers a completion on the core thread that produced it. It must not block.
using DirectCompletion = std::function<void(Completion&&)>;

class Inbox;
/// Routes a completion to the caller's direct callback or to the inbox; a
/// direct callback that throws never unwinds into a core thread.
void deliver(const std::shared_ptr<Inbox>& inbox, const DirectCompletion& direct, Completion&& c);
/// The completion of a failed operation.
Completion failed(uint64_t token, std::exception_ptr error);

/// Where an asynchronous operation reports: the token always; the inbox
/// unless direct is set.
struct AsyncTarget {
  uint64_t token = 0;
  DirectCompletion direct;
};

struct EventRecord {
  Event event;
  std::string detail;
};

/// What one wakeup hands to the language side.
struct Batch {
  std::vector<Completion> completions;
  std::vector<uint64_t> ready_sources;  // ids of subscriptions whose queue turned non-empty or ended
  std::vector<EventRecord> events;
};

/// The queue core threads write to. Callbacks registered with the core hold it
/// (not the Bridge), so the last reference to a Bridge is never dropped on a
/// core thread and the eventfd outlives every callback that may signal it.
class Inbox {
 public:
  Inbox();
  ~Inbox();
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  int fd() const { return fd_; }
  void post(Completion&& c);
  void post_ready(uint64_t source_id);
  void post_event(Event e, std::string detail);
  /// Clears the wakeup and returns everything queued since the last call.
  Batch take();

  // Requests in flight, token -> core request id, so that cancel can find them.
  void request_started(uint64_t token, uint64_t request_id);
  void request_finished(uint64_t token);
  bool forget_request(uint64_t token, uint64_t& request_id);

 private:
  void signal_locked();

  int fd_ = -1;
  std::mutex mu_;
  Batch pending_;
  bool signalled_ = false;
  // A reply can beat request_started; its token is remembered until then.
  std::mutex requests_mu_;
  std::unordered_map<uint64_t, uint64_t> requests_;
  std::unordered_set<uint64_t> finished_early_;
};

/// A subscription as the language sees it: an id reported in Batch::ready_sources
/// when its queue turns non-empty (or it ends), and batch polling.
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

class Bridge {
 public:
  /// Connects (blocking); events go to the inbox. Throws nervure::Error.
  static std::shared_ptr<Bridge> connect(Options options);
  /// Closes the connection. Never runs on a core thread (see Inbox).
  ~Bridge();
  Bridge(const Bridge&) = delete;
  Bridge& operator=(const Bridge&) = delete;

  Connection& connection() { return *conn_; }
  const std::shared_ptr<Connection>& shared_connection() const { return conn_; }
  Inbox& inbox() { return *inbox_; }
  int wake_fd() const { return inbox_->fd(); }
  Batch take() { return inbox_->take(); }

  const std::shared_ptr<Inbox>& shared_inbox() const { return inbox_; }

  std::shared_ptr<BridgeSubscription> subscribe(std::string_view subject, const SubscribeOptions& options);
  /// Any core message source (a local queue, a consumer) as a source the
  /// language polls: reported ready through the inbox like a subscription.
  std::shared_ptr<BridgeSubscription> adopt(std::shared_ptr<Subscription> source);
  void request(AsyncTarget target, std::string_view subject, std::string_view data, Duration timeout,
               const Headers* headers);
  void flush(AsyncTarget target, Duration timeout);
  /// Gives up on a pending request: its completion never arrives.
  void cancel(uint64_t token);

 private:
  Bridge() = default;

  std::shared_ptr<Inbox> inbox_;
  std::shared_ptr<Connection> conn_;
  std::mutex sub_ids_mu_;
  uint64_t next_source_id_ = 1;
};

}  // namespace nervure::bridge

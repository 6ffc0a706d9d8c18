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
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
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
/// Completions a thread queues while it handles a connection's input are
/// announced once that input has all been handled (core/src/input_pass.hpp).
class Inbox : public std::enable_shared_from_this<Inbox> {
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
  /// Whether something is queued that take() has not returned yet.
  bool queued() const { return queued_.load(std::memory_order_acquire); }

  /// While held, what the calling thread itself posts is queued without a
  /// write to the eventfd: a loop's spinner reads sockets on the loop's thread
  /// and may take the batch itself, which spares the write, its read and the
  /// loop's own wait. Other threads' posts still write it. (LoopSpinner)
  void hold_own_signals();
  /// Ends hold_own_signals. With announce, a batch queued meanwhile without a
  /// write is announced now; without, the caller must take() it, and the
  /// result says whether there is one.
  bool release_own_signals(bool announce);

  /// A fresh id for a source of this connection (reported in Batch::ready_sources).
  uint64_t next_source_id() { return next_source_id_.fetch_add(1); }

  // Requests in flight, token -> core request id, so that cancel can find them.
  void request_started(uint64_t token, uint64_t request_id);
  void request_finished(uint64_t token);
  bool forget_request(uint64_t token, uint64_t& request_id);

  // Other operations whose completion someone awaits one at a time (actor calls,
  // JetStream publishes): the loop polls for them as for a request's reply.
  void awaited_started();
  void awaited_finished() { awaited_.fetch_sub(1, std::memory_order_release); }

  /// How long the language's loop may poll for a reply after a request starts (loop_spin.hpp).
  void set_spin_budget(std::chrono::microseconds budget) { spin_budget_ = budget; }
  /// The connection whose socket the loop's spinner reads while it polls
  /// (Connection::poll_input): the reply then skips the I/O thread's wake-up.
  /// Set once, before the loop polls.
  void set_input(std::weak_ptr<Connection> connection) { input_ = std::move(connection); }
  std::shared_ptr<Connection> input() const { return input_.lock(); }
  /// Until when a request in flight is worth polling for; the past when none is.
  std::chrono::steady_clock::time_point spin_until() const {
    if (in_flight_.load(std::memory_order_acquire) == 0 && awaited_.load(std::memory_order_acquire) <= 0) return {};
    return std::chrono::steady_clock::time_point(
        std::chrono::steady_clock::duration(spin_until_.load(std::memory_order_relaxed)));
  }

 private:
  void signal_locked(bool completion);
  void write_locked();
  void announce();  // the eventfd write signal_locked left to the end of an input pass
  void extend_spin();  // the loop may poll for spin_budget_ from now

  int fd_ = -1;
  std::mutex mu_;
  Batch pending_;
  bool signalled_ = false;  // a wakeup is due for what is queued: written, or held by quiet_thread_
  bool written_ = false;     // the eventfd holds a count that take() must read
  std::thread::id quiet_thread_{};
  std::atomic<bool> queued_{false};
  // A reply can beat request_started; its token is remembered until then.
  std::mutex requests_mu_;
  std::unordered_map<uint64_t, uint64_t> requests_;
  std::unordered_set<uint64_t> finished_early_;
  std::atomic<std::size_t> in_flight_{0};  // requests_.size(), read without the lock
  std::atomic<std::int64_t> awaited_{0};
  std::atomic<std::chrono::steady_clock::rep> spin_until_{0};
  std::chrono::microseconds spin_budget_{0};
  std::atomic<uint64_t> next_source_id_{1};
  std::weak_ptr<Connection> input_;
};

/// Any other source of messages a language polls like a subscription: a
/// JetStream consumer, a key-value watch, an actor host's turns. Each hook runs
/// on the language's thread.
struct SourceHooks {
  std::string name;  // what subject() reports
  /// Moves up to max messages into out, waiting up to wait for the first.
  std::function<std::size_t(std::vector<Message>& out, std::size_t max, Duration wait)> pull;
  std::function<bool()> ended;  // nothing more will come and nothing is left
  std::function<void()> stop;
  std::function<uint64_t()> delivered;
};

/// An eventfd a subscription signals when its queue turns non-empty or it ends
/// (see BridgeSubscription::own_wake_fd). Closed with the last holder.
class WakeFd {
 public:
  WakeFd();
  ~WakeFd();
  WakeFd(const WakeFd&) = delete;
  WakeFd& operator=(const WakeFd&) = delete;
  int fd() const { return fd_; }
  void signal();

 private:
  int fd_ = -1;
};

/// A source as the language sees it: an id reported in Batch::ready_sources
/// when it has messages (or ends), and batch polling.
class BridgeSubscription {
 public:
  BridgeSubscription(std::shared_ptr<Subscription> sub, uint64_t id) : sub_(std::move(sub)), id_(id) {}
  BridgeSubscription(SourceHooks hooks, uint64_t id) : hooks_(std::move(hooks)), id_(id) {}
  uint64_t id() const { return id_; }
  bool is_subscription() const { return sub_ != nullptr; }
  /// The core subscription; NervureError for sources that are not one.
  Subscription& core();
  const std::string& subject() const { return sub_ ? sub_->subject() : hooks_.name; }
  const std::string& queue() const;
  std::size_t poll(std::vector<Message>& out, std::size_t max) {
    return sub_ ? sub_->poll(out, max) : hooks_.pull(out, max, Duration(0));
  }
  std::size_t next_batch(std::vector<Message>& out, std::size_t max, Duration wait) {
    return sub_ ? sub_->next_batch(out, max, wait) : hooks_.pull(out, max, wait);
  }
  bool ended() const { return sub_ ? sub_->ended() : hooks_.ended(); }
  void unsubscribe() {
    if (sub_) sub_->unsubscribe();
    else hooks_.stop();
  }
  uint64_t delivered() const { return sub_ ? static_cast<uint64_t>(sub_->delivered()) : hooks_.delivered(); }
  /// From now on the subscription signals an eventfd of its own instead of its
  /// connection's inbox when its queue turns non-empty or it ends: a language
  /// that gives each subscription a waiter of its own (Go's goroutines in the
  /// network poller) is woken directly, not through the connection's wakeup.
  /// The same fd on every call; -1 for sources that are not core subscriptions.
  int own_wake_fd();

 private:
  std::shared_ptr<Subscription> sub_;
  SourceHooks hooks_;
  uint64_t id_;
  std::mutex wake_mu_;
  std::shared_ptr<WakeFd> wake_;
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
  /// Gives up on a pending request: its completion never arrives. True when
  /// that is certain; false when it may still come (it was on its way, or
  /// token is not a request).
  bool cancel(uint64_t token);

 private:
  Bridge() = default;

  std::shared_ptr<Inbox> inbox_;
  std::shared_ptr<Connection> conn_;
};

/// A request on conn whose reply completes target through inbox.
void request_via(const std::shared_ptr<Inbox>& inbox, Connection& conn, AsyncTarget target, std::string_view subject,
                 std::string_view data, Duration timeout);

}  // namespace nervure::bridge

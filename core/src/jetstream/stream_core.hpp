#pragma once
// The machinery every continuous reader shares: a thread that takes what the
// consumer's subscription received, lets a driver (pull, ordered, push) make
// sense of it, and hands the user's messages to a queue or a handler. The thread
// also ticks, so heartbeats are watched and reconnects noticed while nothing arrives.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "batch_queue.hpp"
#include "jetstream/ack_channel.hpp"
#include "jetstream/context.hpp"
#include "nervure/jetstream_consumer.hpp"

namespace nervure::detail {

class StreamCore : public std::enable_shared_from_this<StreamCore> {
 public:
  StreamCore(std::shared_ptr<JetStreamImpl> js, JsMessageHandler handler, ConsumeErrorHandler on_error);
  virtual ~StreamCore();

  /// Starts the thread; the driver's start() runs on it first.
  void launch();

  // The reader's side.
  std::size_t take(std::vector<JsMessage>& out, std::size_t max, Duration timeout);
  std::size_t poll(std::vector<JsMessage>& out, std::size_t max);
  void set_notifier(std::function<void()> notify);
  void stop();
  void drain(Duration timeout);
  bool ended() const;
  std::exception_ptr error() const;
  uint64_t delivered() const { return delivered_.load(); }
  std::string consumer_name() const;

 protected:
  // The driver's side, all on the stream's thread.
  virtual void start() = 0;                       // create or bind, subscribe, first pull
  virtual void on_message(Message&& m) = 0;       // everything the subscription received
  virtual void on_tick(std::chrono::steady_clock::time_point now) = 0;
  virtual void on_reconnect() = 0;
  virtual void on_stop() {}                       // last words (unsubscribe, delete what we made)
  /// Tick period while idle.
  virtual Duration tick_period() const { return Duration(100); }

  /// Replaces the subscription being read (the old one is unsubscribed).
  void use_subscription(std::shared_ptr<Subscription> sub);
  void deliver(Message&& m);
  void warn(const Error& e);
  /// Ends the stream with a terminal error (nullptr: a clean end).
  void finish(std::exception_ptr error);
  bool stopping() const { return stopping_.load(); }
  /// Messages queued and not yet taken by the reader (0 with a handler).
  std::size_t buffered() const;
  bool connected() const;
  void set_consumer_name(std::string name);

  std::shared_ptr<JetStreamImpl> js_;
  std::shared_ptr<AckChannel> acks_;

 private:
  void run();
  void unsubscribe_current();
  /// Moves what deliver() gathered to the reader's queue: one lock and one
  /// wake-up per batch, not per message.
  void hand_over();

  JsMessageHandler handler_;
  ConsumeErrorHandler on_error_;
  std::thread thread_;

  mutable std::mutex mu_;
  std::condition_variable reader_cv_;   // messages for the reader, or the end
  std::condition_variable worker_cv_;   // arrivals, room in the queue, stop
  BatchQueue<JsMessage> queue_;
  std::function<void()> notify_;
  bool arrivals_ = false;    // the subscription has something
  bool room_ = false;        // the reader took something
  bool ended_ = false;       // no more will be queued
  bool handler_busy_ = false;
  std::exception_ptr error_;
  std::string consumer_name_;
  std::shared_ptr<Subscription> sub_;  // the stream's thread only
  std::vector<JsMessage> outbox_;      // the stream's thread only
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> delivered_{0};
  uint64_t reconnects_seen_ = 0;
};

}  // namespace nervure::detail

#pragma once
// Windowed asynchronous publishing: each message is a request whose reply is
// the stream's acknowledgement. The window bounds the acknowledgements still
// outstanding; the connection's request deadline finds the lost ones.
#include <condition_variable>
#include <memory>
#include <mutex>

#include "connection_impl.hpp"
#include "jetstream/scheduler.hpp"
#include "nervure/jetstream.hpp"

namespace nervure::detail {

class AsyncPublisher : public std::enable_shared_from_this<AsyncPublisher> {
 public:
  AsyncPublisher(const std::shared_ptr<Connection>& nc, const JetStreamOptions& options);
  ~AsyncPublisher();

  /// Waits for room in the window (up to stall_wait), then sends.
  void publish(const std::string& subject, std::string_view data, Headers headers, Duration timeout,
               PubAckCallback done);
  void wait_complete(Duration timeout);
  int pending() const;

 private:
  struct Pending;
  void send(std::shared_ptr<Pending> p, ConnectionImpl::Send how);
  void on_reply(const std::shared_ptr<Pending>& p, Message&& reply, std::exception_ptr error);
  void finish(const std::shared_ptr<Pending>& p, PubAck&& ack, std::exception_ptr error);

  std::weak_ptr<Connection> nc_;
  const JetStreamOptions opts_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int inflight_ = 0;
  // Publishes whose acknowledgement has not yet been handed to its callback: a
  // caller that awaits each one publishes its next from that callback, before
  // inflight_ drops, and must still find itself alone.
  int unanswered_ = 0;
  Scheduler retries_;
};

}  // namespace nervure::detail

#pragma once
// The ordered consumer (ADR-17): an ephemeral, unacknowledged, in-memory push
// consumer the client owns, with flow control and idle heartbeats. Each
// message must follow the previous one by consumer sequence; on a gap, a lost
// consumer, missed heartbeats or a reconnect, a new consumer starts after the
// last stream sequence delivered, so the reader sees every message once and in order.
//
// Pushed rather than pulled (ADR-37 pulls): a pull request with an expiry and
// heartbeats makes the server read the clock twice per message it delivers,
// about a sixth of its work on a virtual machine, and the server is what
// limits a reader of a stream from end to end.
#include <functional>

#include "jetstream/pull_stream.hpp"
#include "jetstream/stream_core.hpp"

namespace nervure::detail {

class OrderedStream : public StreamCore {
 public:
  /// on_created runs (on the stream's thread) after each consumer is made;
  /// key-value watchers learn from it whether there is anything to catch up on.
  OrderedStream(std::shared_ptr<JetStreamImpl> js, std::string stream, OrderedConsumerConfig config,
                JsMessageHandler handler, std::function<void(const ConsumerInfo&)> on_created = nullptr);

 protected:
  void start() override;
  void on_message(Message&& m) override;
  void on_tick(std::chrono::steady_clock::time_point now) override;
  void on_reconnect() override;
  void on_stop() override;

 private:
  ConsumerConfig next_config(const std::string& deliver_subject);
  /// Subscribes a fresh inbox and makes a consumer that pushes to it; throws when it cannot.
  void create_consumer();
  /// Makes the next consumer; on failure (JetStream unavailable) tries again on a later tick.
  void recreate(const std::string& why);
  void delete_current();
  void on_data(Message&& m);
  void on_heartbeat(const Message& m);
  /// Flow control is answered once the reader has taken what came before the
  /// request: the server's window then bounds what waits in the client.
  void answer_flow_control();
  void answer(const std::string& subject);

  const std::string stream_;
  OrderedConsumerConfig config_;
  const Duration heartbeat_;
  std::function<void(const ConsumerInfo&)> on_created_;
  std::string base_name_;
  std::string consumer_;
  int serial_ = 0;
  uint64_t last_stream_seq_ = 0;
  bool resume_known_ = false;  // last_stream_seq_ says where a replacement starts (it may be 0)
  uint64_t last_consumer_seq_ = 0;
  uint64_t handed_ = 0;        // messages given to the reader or handler so far
  std::string flow_reply_;     // a flow control request not answered yet
  uint64_t flow_after_ = 0;    // answered once the reader has taken this many
  bool need_recreate_ = false;
  bool active_ = false;        // something arrived since the last tick
  std::chrono::steady_clock::time_point last_activity_{};
  std::chrono::steady_clock::time_point next_attempt_{};
  Duration backoff_{250};
};

}  // namespace nervure::detail

#pragma once
// The ordered consumer (ADR-17, over pulls as in ADR-37): an ephemeral,
// unacknowledged, in-memory consumer the client owns. Each message must follow
// the previous one by consumer sequence; on a gap, a lost consumer, missed
// heartbeats or a reconnect, a new consumer starts after the last stream
// sequence delivered, so the reader sees every message once and in order.
#include <functional>

#include "jetstream/pull_stream.hpp"

namespace nervure::detail {

class OrderedStream : public PullStream {
 public:
  /// on_created runs (on the stream's thread) after each consumer is made;
  /// key-value watchers learn from it whether there is anything to catch up on.
  OrderedStream(std::shared_ptr<JetStreamImpl> js, std::string stream, OrderedConsumerConfig config,
                JsMessageHandler handler, std::function<void(const ConsumerInfo&)> on_created = nullptr);

 protected:
  void start() override;
  void on_data(Message&& m) override;
  void on_lost(const std::string& why) override;
  void on_terminal_status(const Status& st) override;
  void on_reconnect() override;
  void on_tick(std::chrono::steady_clock::time_point now) override;
  void on_stop() override;

 private:
  ConsumerConfig next_config();
  /// Makes the next consumer; on failure (JetStream unavailable) tries again on a later tick.
  void recreate(const std::string& why);
  void delete_current();

  OrderedConsumerConfig config_;
  std::function<void(const ConsumerInfo&)> on_created_;
  std::string base_name_;
  int serial_ = 0;
  uint64_t last_stream_seq_ = 0;
  uint64_t last_consumer_seq_ = 0;
  bool need_recreate_ = false;
  std::chrono::steady_clock::time_point next_attempt_{};
  Duration backoff_{250};
};

}  // namespace nervure::detail

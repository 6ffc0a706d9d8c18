#pragma once
// Continuous pulling (ADR-37): keep enough pull requests outstanding to fill a
// buffer, refill at a threshold, watch idle heartbeats, re-pull after a
// reconnect, and end only on what cannot be recovered from.
#include "jetstream/stream_core.hpp"
#include "jetstream/status.hpp"

namespace nervure::detail {

struct PullSettings {
  int64_t batch = 500;
  int64_t max_bytes = 0;
  Duration expires{30000};
  Duration heartbeat{15000};
  int64_t threshold_msgs = 250;
  int64_t threshold_bytes = 0;
};

PullSettings pull_settings(const ConsumeOptions& o);

class PullStream : public StreamCore {
 public:
  PullStream(std::shared_ptr<JetStreamImpl> js, std::string stream, std::string consumer, bool ack_none,
             const ConsumeOptions& options, JsMessageHandler handler);

 protected:
  void start() override;
  void on_message(Message&& m) override;
  void on_tick(std::chrono::steady_clock::time_point now) override;
  void on_reconnect() override;

  /// A fresh subscription for pull replies, with nothing outstanding.
  void subscribe_fresh();
  void reset_pending();
  void pull_if_low();
  /// The consumer did not answer as expected: a heartbeat was missed or a pull
  /// found nobody. Ordered consumers recreate theirs; others check it still exists.
  virtual void on_lost(const std::string& why);
  /// 400, 409 Consumer Deleted and the like: the end, unless the driver can do better.
  virtual void on_terminal_status(const Status& st);
  /// A user message; ordered consumers check the sequence first.
  virtual void on_data(Message&& m);
  void verify_consumer();

  const std::string stream_;
  std::string consumer_;
  PullSettings settings_;
  std::string inbox_;
  int64_t pending_msgs_ = 0;
  int64_t pending_bytes_ = 0;
  std::chrono::steady_clock::time_point last_activity_;
  std::chrono::steady_clock::time_point pull_not_before_{};
  std::chrono::steady_clock::time_point next_verify_{};
  bool verifying_ = false;
  bool was_connected_ = true;
};

}  // namespace nervure::detail

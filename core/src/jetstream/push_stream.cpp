// Push consumers: the server sends to a deliver subject. The client answers
// flow control (also when a heartbeat says it is stalled), watches heartbeats
// and consumer sequence gaps, and ends when the consumer is gone.
#include "jetstream/ack_subject.hpp"
#include "jetstream/stream_core.hpp"
#include "jetstream/status.hpp"
#include "nervure/jetstream.hpp"

namespace nervure {
namespace detail {
namespace {

using steady = std::chrono::steady_clock;

class PushStream : public StreamCore {
 public:
  PushStream(std::shared_ptr<JetStreamImpl> js, ConsumerInfo info, JsMessageHandler handler, ConsumeErrorHandler on_error)
      : StreamCore(std::move(js), std::move(handler), std::move(on_error)), info_(std::move(info)) {
    acks_->ack_none = info_.config.ack_policy == AckPolicy::none;
  }

 protected:
  void start() override {
    acks_->term_reason_ok = js_->has_2_10();
    set_consumer_name(info_.name);
    SubscribeOptions o;
    o.queue = info_.config.deliver_group;
    use_subscription(js_->nc()->subscribe(info_.config.deliver_subject, o));
    last_activity_ = steady::now();
  }

  void on_message(Message&& m) override {
    last_activity_ = steady::now();
    Status st = classify(m);
    switch (st.kind) {
      case StatusKind::flow_control:
        answer(m.reply);
        return;
      case StatusKind::heartbeat:
        if (auto stalled = m.headers.get("Nats-Consumer-Stalled")) answer(*stalled);
        return;
      case StatusKind::data:
        break;
      default:
        warn(JetStreamApiError(st.code, 0, "push consumer '" + info_.name + "': " + st.description));
        return;
    }
    if (info_.config.deliver_group.empty()) {
      // Gaps only mean something when this subscriber sees every delivery.
      try {
        auto meta = parse_ack_subject_view(m.reply);
        if (last_consumer_seq_ && meta.consumer_seq > last_consumer_seq_ + 1)
          warn(Error(ErrorCode::nervure, "push consumer '" + info_.name + "' skipped from consumer sequence " +
                                             std::to_string(last_consumer_seq_) + " to " +
                                             std::to_string(meta.consumer_seq)));
        last_consumer_seq_ = meta.consumer_seq;
      } catch (const Error&) {
      }
    }
    deliver(std::move(m));
  }

  void on_tick(steady::time_point now) override {
    const Duration hb = info_.config.idle_heartbeat;
    if (hb.count() == 0) return;
    if (!connected()) {
      last_activity_ = now;
      return;
    }
    if (now - last_activity_ <= hb * 2) return;
    last_activity_ = now;
    warn(Error(ErrorCode::timeout, "push consumer '" + info_.name + "' missed its heartbeats"));
    try {
      js_->api("CONSUMER.INFO." + info_.stream + "." + info_.name);
    } catch (const JetStreamApiError& e) {
      if (e.err_code() == 10014 || e.err_code() == 10059)
        finish(std::make_exception_ptr(JetStreamApiError(
            e.status(), e.err_code(), "push consumer '" + info_.name + "' no longer exists: " + e.what())));
    } catch (const Error&) {
      // Unanswered: JetStream is busy or restarting; the next miss asks again.
    }
  }

  void on_reconnect() override { last_activity_ = steady::now(); }

 private:
  void answer(const std::string& subject) {
    if (subject.empty() || subject == last_answered_) return;
    try {
      js_->nc()->publish(subject, "");
      last_answered_ = subject;
    } catch (const Error& e) {
      warn(e);
    }
  }

  ConsumerInfo info_;
  steady::time_point last_activity_;
  uint64_t last_consumer_seq_ = 0;
  std::string last_answered_;
};

}  // namespace
}  // namespace detail

std::shared_ptr<MessageStream> JetStream::push_subscribe(const std::string& stream, const std::string& consumer,
                                                         ConsumeErrorHandler on_error) {
  return push_subscribe(stream, consumer, nullptr, std::move(on_error));
}

std::shared_ptr<MessageStream> JetStream::push_subscribe(const std::string& stream, const std::string& consumer,
                                                         JsMessageHandler handler, ConsumeErrorHandler on_error) {
  auto info = consumer_info(stream, consumer);
  if (info.config.deliver_subject.empty())
    throw Error(ErrorCode::invalid_argument, "consumer '" + consumer + "' is a pull consumer: use pull_consumer");
  auto core = std::make_shared<detail::PushStream>(impl_, std::move(info), std::move(handler), std::move(on_error));
  core->launch();
  return std::make_shared<MessageStream>(core);
}

}  // namespace nervure

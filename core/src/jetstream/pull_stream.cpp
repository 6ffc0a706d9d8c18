#include "jetstream/pull_stream.hpp"

#include "jetstream/util.hpp"

namespace nervure::detail {

namespace {
using steady = std::chrono::steady_clock;
constexpr int64_t kBytesModeBatch = 1000000;  // ADR-37: a large batch when max_bytes bounds the buffer
constexpr Duration kRetryPause{1000};          // between checks of a consumer that does not answer
constexpr int kNotFound = 10014;               // consumer not found
constexpr int kStreamNotFound = 10059;
}  // namespace

PullSettings pull_settings(const ConsumeOptions& o) {
  PullSettings s;
  if (o.max_messages < 0 || o.max_bytes < 0 || o.threshold_messages < 0 || o.threshold_bytes < 0)
    throw Error(ErrorCode::invalid_argument, "consume limits must not be negative");
  if (o.max_messages > 0 && o.max_bytes > 0)
    throw Error(ErrorCode::invalid_argument, "consume takes max_messages or max_bytes, not both");
  if (o.expires < Duration(1000)) throw Error(ErrorCode::invalid_argument, "consume's expires is at least 1 second");
  s.expires = o.expires;
  s.heartbeat = o.idle_heartbeat.count() > 0
                    ? o.idle_heartbeat
                    : std::clamp(Duration(o.expires.count() / 2), Duration(500), Duration(30000));
  if (s.heartbeat * 2 > s.expires)
    throw Error(ErrorCode::invalid_argument, "idle_heartbeat must be at most half of expires");
  if (o.max_bytes > 0) {
    s.max_bytes = o.max_bytes;
    s.batch = kBytesModeBatch;
    s.threshold_bytes = o.threshold_bytes > 0 ? o.threshold_bytes : o.max_bytes / 2;
    if (s.threshold_bytes > s.max_bytes) throw Error(ErrorCode::invalid_argument, "threshold_bytes exceeds max_bytes");
  } else {
    s.batch = o.max_messages > 0 ? o.max_messages : 500;
    s.threshold_msgs = o.threshold_messages > 0 ? o.threshold_messages : s.batch / 2;
    if (s.threshold_msgs > s.batch) throw Error(ErrorCode::invalid_argument, "threshold_messages exceeds max_messages");
  }
  return s;
}

PullStream::PullStream(std::shared_ptr<JetStreamImpl> js, std::string stream, std::string consumer, bool ack_none,
                       const ConsumeOptions& options, JsMessageHandler handler)
    : StreamCore(std::move(js), std::move(handler), options.on_error),
      stream_(std::move(stream)),
      consumer_(std::move(consumer)),
      settings_(pull_settings(options)) {
  acks_->ack_none = ack_none;
}

void PullStream::start() {
  acks_->term_reason_ok = js_->has_2_10();
  set_consumer_name(consumer_);
  subscribe_fresh();
  pull_if_low();
}

void PullStream::subscribe_fresh() {
  inbox_ = js_->nc()->new_inbox();
  SubscribeOptions o;
  o.pending_msgs_limit = -1;  // bounded by what we ask for, not by the connection's defaults
  o.pending_bytes_limit = -1;
  use_subscription(js_->nc()->subscribe(inbox_, o));
  reset_pending();
}

void PullStream::reset_pending() {
  pending_msgs_ = 0;
  pending_bytes_ = 0;
  last_activity_ = steady::now();
}

void PullStream::pull_if_low() {
  // Called after every message: decide before building anything.
  if (stopping() || !connected()) return;
  if (pull_not_before_ != steady::time_point{} && steady::now() < pull_not_before_) return;
  int64_t batch, bytes = 0;
  if (settings_.max_bytes > 0) {
    if (pending_bytes_ > settings_.threshold_bytes) return;
    bytes = settings_.max_bytes - pending_bytes_;
    batch = settings_.batch;
  } else {
    // What is queued for the reader counts as well: the buffer stays bounded
    // when the reader is slower than the server.
    const int64_t have = pending_msgs_ + static_cast<int64_t>(buffered());
    if (have > settings_.threshold_msgs) return;
    batch = settings_.batch - have;
    if (batch <= 0) return;
  }
  json request = {{"expires", to_nanos(settings_.expires)},
                  {"idle_heartbeat", to_nanos(settings_.heartbeat)},
                  {"batch", batch}};
  if (bytes > 0) request["max_bytes"] = bytes;
  try {
    js_->nc()->publish(js_->api_subject("CONSUMER.MSG.NEXT." + stream_ + "." + consumer_), request.dump(), inbox_);
  } catch (const Error& e) {
    warn(Error(e.code(), std::string("could not send a pull request: ") + e.what()));
    pull_not_before_ = steady::now() + kRetryPause;
    return;
  }
  if (pending_msgs_ == 0 && pending_bytes_ == 0) last_activity_ = steady::now();
  pending_msgs_ += batch;
  pending_bytes_ += bytes;
}

void PullStream::on_data(Message&& m) { deliver(std::move(m)); }

void PullStream::on_message(Message&& m) {
  last_activity_ = steady::now();
  Status st = classify(m);
  switch (st.kind) {
    case StatusKind::data:
      pending_msgs_ = std::max<int64_t>(0, pending_msgs_ - 1);
      if (settings_.max_bytes > 0) pending_bytes_ = std::max<int64_t>(0, pending_bytes_ - counted_bytes(m));
      on_data(std::move(m));
      break;
    case StatusKind::heartbeat:
    case StatusKind::flow_control:
      break;
    case StatusKind::pull_done:
      if (st.code == 409 && st.description.find("Leadership Change") != std::string::npos) {
        reset_pending();
      } else {
        pending_msgs_ = std::max<int64_t>(0, pending_msgs_ - st.pending_msgs);
        pending_bytes_ = std::max<int64_t>(0, pending_bytes_ - st.pending_bytes);
      }
      break;
    case StatusKind::warning:
      warn(JetStreamApiError(st.code, 0, "pull request refused: " + st.description));
      // Asking again at once would be refused again: wait a moment.
      reset_pending();
      pull_not_before_ = steady::now() + kRetryPause;
      break;
    case StatusKind::terminal:
      on_terminal_status(st);
      if (stopping()) return;
      break;
    case StatusKind::no_responders:
      on_lost("nobody answered a pull request (503): the consumer is gone or JetStream is not ready");
      pull_not_before_ = steady::now() + kRetryPause;  // not a hot loop of 503s
      break;
    case StatusKind::unknown:
      warn(Error(ErrorCode::nervure, "unexpected status " + std::to_string(st.code) + " " + st.description));
      break;
  }
  pull_if_low();
}

void PullStream::on_terminal_status(const Status& st) {
  finish(std::make_exception_ptr(
      JetStreamApiError(st.code, 0, "consumer '" + consumer_ + "' cannot be pulled from: " + st.description)));
}

void PullStream::on_lost(const std::string& why) {
  warn(Error(ErrorCode::timeout, "consumer '" + consumer_ + "': " + why));
  reset_pending();
  if (!verifying_) {
    verifying_ = true;
    next_verify_ = steady::now();
  }
}

void PullStream::verify_consumer() {
  try {
    js_->api("CONSUMER.INFO." + stream_ + "." + consumer_);
    verifying_ = false;
    reset_pending();
  } catch (const JetStreamApiError& e) {
    if (e.err_code() == kNotFound || e.err_code() == kStreamNotFound) {
      finish(std::make_exception_ptr(JetStreamApiError(
          e.status(), e.err_code(), "consumer '" + consumer_ + "' of stream '" + stream_ + "' no longer exists: " + e.what())));
      return;
    }
    warn(e);
    next_verify_ = steady::now() + kRetryPause;
  } catch (const Error& e) {
    // Not answered (JetStream restarting, leader election): ask again later.
    next_verify_ = steady::now() + kRetryPause;
  }
}

void PullStream::on_tick(steady::time_point now) {
  if (!connected()) {
    // Heartbeats pause while disconnected (ADR-37).
    was_connected_ = false;
    last_activity_ = now;
    return;
  }
  was_connected_ = true;
  if (now - last_activity_ > settings_.heartbeat * 2) {
    on_lost("no message or heartbeat for " + std::to_string((settings_.heartbeat * 2).count()) + " ms");
    last_activity_ = now;
  }
  if (verifying_ && now >= next_verify_) verify_consumer();
  pull_if_low();
}

void PullStream::on_reconnect() {
  // Requests outstanding on the old connection are lost with it (ADR-37).
  reset_pending();
  pull_not_before_ = {};
  pull_if_low();
}

}  // namespace nervure::detail

#include "jetstream/ordered_stream.hpp"

#include <charconv>

#include "jetstream/ack_channel.hpp"
#include "jetstream/ack_subject.hpp"

#include "jetstream/consumer_api.hpp"
#include "jetstream/status.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"
#include "nuid.hpp"
#include "protocol/validation.hpp"

namespace nervure::detail {

namespace {
using steady = std::chrono::steady_clock;
constexpr Duration kMaxBackoff{5000};

// Without heartbeats a lost consumer goes unnoticed: 5 s unless the caller's
// consume options ask for one (or for an expiry under 10 s, half of it).
constexpr Duration kDefaultHeartbeat{5000};
Duration heartbeat_of(const OrderedConsumerConfig& config) {
  const Duration from_options = pull_settings(config.consume).heartbeat;  // also validates them
  return config.consume.idle_heartbeat.count() > 0 ? from_options : std::min(from_options, kDefaultHeartbeat);
}

uint64_t header_u64(const Message& m, const char* key) {
  auto v = m.headers.get(key);
  uint64_t n = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), n);
  return n;
}
}  // namespace

OrderedStream::OrderedStream(std::shared_ptr<JetStreamImpl> js, std::string stream, OrderedConsumerConfig config,
                             JsMessageHandler handler, std::function<void(const ConsumerInfo&)> on_created)
    : StreamCore(std::move(js), std::move(handler), config.consume.on_error),
      stream_(std::move(stream)),
      config_(std::move(config)),
      heartbeat_(heartbeat_of(config_)),
      on_created_(std::move(on_created)),
      base_name_(next_nuid()) {
  acks_ = ack_none_channel();
  validate_name("stream name", stream_);
  for (auto& f : config_.filter_subjects) protocol::validate_subscribe_subject(f);
  if (config_.deliver_policy == DeliverPolicy::by_start_sequence && config_.opt_start_seq == 0)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_sequence needs opt_start_seq");
  if (config_.deliver_policy == DeliverPolicy::by_start_time && !config_.opt_start_time)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_time needs opt_start_time");
  if (config_.filter_subjects.size() > 1) js_->require_2_10("an ordered consumer with several filter subjects");
}

ConsumerConfig OrderedStream::next_config(const std::string& deliver_subject) {
  ConsumerConfig c;
  c.name = base_name_ + "_" + std::to_string(++serial_);
  c.deliver_subject = deliver_subject;
  c.flow_control = true;
  c.idle_heartbeat = heartbeat_;
  c.ack_policy = AckPolicy::none;
  c.max_deliver = 1;
  c.mem_storage = true;
  c.replicas = 1;
  c.inactive_threshold = config_.inactive_threshold;
  c.headers_only = config_.headers_only;
  c.replay_policy = config_.replay_policy;
  c.filter_subjects = config_.filter_subjects;
  if (resume_known_) {
    // Resume right after what the reader already has.
    c.deliver_policy = DeliverPolicy::by_start_sequence;
    c.opt_start_seq = last_stream_seq_ + 1;
  } else {
    c.deliver_policy = config_.deliver_policy;
    c.opt_start_seq = config_.opt_start_seq;
    c.opt_start_time = config_.opt_start_time;
  }
  return c;
}

void OrderedStream::create_consumer() {
  // The subscription comes first: the consumer pushes as soon as it exists.
  const std::string inbox = js_->nc()->new_inbox();
  SubscribeOptions o;
  o.pending_msgs_limit = -1;  // bounded by flow control, not by the connection's defaults
  o.pending_bytes_limit = -1;
  use_subscription(js_->nc()->subscribe(inbox, o));
  flow_reply_.clear();
  ConsumerInfo info;
  try {
    info = upsert_consumer(*js_, stream_, next_config(inbox), ConsumerAction::create);
  } catch (...) {
    use_subscription(nullptr);
    throw;
  }
  consumer_ = info.name;
  set_consumer_name(consumer_);
  // "Only new messages" means new since this first consumer: a replacement made
  // before anything arrived starts after the stream's end as it was then, not
  // as it is now (a message stored in between would be skipped).
  if (!resume_known_ && config_.deliver_policy == DeliverPolicy::new_) {
    last_stream_seq_ = info.delivered.stream_seq;
    resume_known_ = true;
  }
  last_consumer_seq_ = 0;
  last_activity_ = steady::now();
  if (on_created_) on_created_(info);
}

void OrderedStream::start() {
  // The first consumer must exist before the reader is told anything: errors
  // in the configuration (no such stream) end the stream at once.
  try {
    create_consumer();
  } catch (const Error& e) {
    // Unanswered or "temporarily unavailable" (an election in progress, a node
    // just died): self-healing applies to the first consumer as much as to its
    // replacements. Anything else is the caller's mistake and ends the stream.
    auto api = dynamic_cast<const JetStreamApiError*>(&e);
    const bool transient = api ? api->status() == 503 : e.code() == ErrorCode::timeout;
    if (!transient) throw;
    recreate(std::string("creating the first consumer failed: ") + e.what());
  }
}

void OrderedStream::delete_current() {
  if (consumer_.empty()) return;
  try {
    // Best effort: an ephemeral left behind goes after its inactive threshold.
    js_->nc()->publish(js_->api_subject("CONSUMER.DELETE." + stream_ + "." + consumer_), "");
  } catch (...) {
  }
}

void OrderedStream::recreate(const std::string& why) {
  if (!need_recreate_) {
    warn(Error(ErrorCode::nervure, "ordered consumer on '" + stream_ + "' restarts after stream sequence " +
                                       std::to_string(last_stream_seq_) + ": " + why));
    delete_current();
    need_recreate_ = true;
    backoff_ = Duration(250);
    next_attempt_ = steady::now();
    use_subscription(nullptr);
  }
  if (steady::now() < next_attempt_ || !connected()) return;
  try {
    create_consumer();
    need_recreate_ = false;
  } catch (const JetStreamApiError& e) {
    if (e.err_code() == 10059) {  // the stream itself is gone: nothing to read any more
      finish(std::current_exception());
      return;
    }
    warn(e);
    next_attempt_ = steady::now() + backoff_;
    backoff_ = std::min(backoff_ * 2, kMaxBackoff);
  } catch (const Error& e) {
    next_attempt_ = steady::now() + backoff_;
    backoff_ = std::min(backoff_ * 2, kMaxBackoff);
  }
}

void OrderedStream::on_message(Message&& m) {
  if (need_recreate_) return;
  active_ = true;  // the tick after this batch reads the clock, not every message
  if (!m.has_headers || m.headers.status() == 0) return on_data(std::move(m));
  Status st = classify(m);
  switch (st.kind) {
    case StatusKind::data:
      return on_data(std::move(m));
    case StatusKind::flow_control:
      flow_reply_ = m.reply;
      flow_after_ = handed_;
      return answer_flow_control();
    case StatusKind::heartbeat:
      return on_heartbeat(m);
    case StatusKind::terminal:
      return recreate("status " + std::to_string(st.code) + " " + st.description);
    default:
      warn(Error(ErrorCode::nervure, "ordered consumer on '" + stream_ + "': unexpected status " +
                                         std::to_string(st.code) + " " + st.description));
  }
}

void OrderedStream::on_data(Message&& m) {
  AckSubject meta;
  try {
    meta = parse_ack_subject_view(m.reply);
  } catch (const Error&) {
    return recreate("a message without delivery metadata");
  }
  if (meta.consumer != consumer_) return;  // left over from a consumer we replaced
  if (meta.consumer_seq != last_consumer_seq_ + 1)
    return recreate("consumer sequence " + std::to_string(meta.consumer_seq) + " after " +
                    std::to_string(last_consumer_seq_));
  last_consumer_seq_ = meta.consumer_seq;
  last_stream_seq_ = meta.stream_seq;
  resume_known_ = true;
  ++handed_;
  deliver(std::move(m));
}

void OrderedStream::on_heartbeat(const Message& m) {
  // A heartbeat names the last consumer sequence sent: behind it, messages were lost.
  if (m.headers.get("Nats-Last-Consumer")) {
    const uint64_t last = header_u64(m, "Nats-Last-Consumer");
    if (last != last_consumer_seq_)
      return recreate("the server sent up to consumer sequence " + std::to_string(last) + ", the last received is " +
                      std::to_string(last_consumer_seq_));
  }
  // Stalled on a flow control request: one we hold for the reader is answered
  // when the reader catches up; any other was lost on its way and is answered now.
  if (auto stalled = m.headers.get("Nats-Consumer-Stalled"); stalled && *stalled != flow_reply_) answer(*stalled);
}

void OrderedStream::answer_flow_control() {
  if (flow_reply_.empty() || delivered() < flow_after_) return;
  answer(flow_reply_);
  flow_reply_.clear();
}

void OrderedStream::answer(const std::string& subject) {
  try {
    js_->nc()->publish(subject, "");
  } catch (const Error& e) {
    warn(e);
  }
}

void OrderedStream::on_reconnect() { recreate("the connection was re-established"); }

void OrderedStream::on_tick(steady::time_point now) {
  if (need_recreate_) {
    recreate("");
    return;
  }
  answer_flow_control();
  if (active_) {
    active_ = false;
    last_activity_ = now;
  }
  if (!connected()) {
    last_activity_ = now;  // heartbeats pause while disconnected
    return;
  }
  if (now - last_activity_ > heartbeat_ * 2)
    recreate("no message or heartbeat for " + std::to_string((heartbeat_ * 2).count()) + " ms");
}

void OrderedStream::on_stop() { delete_current(); }

}  // namespace nervure::detail

namespace nervure {

std::shared_ptr<MessageStream> JetStream::ordered_consumer(const std::string& stream, OrderedConsumerConfig config) {
  return ordered_consumer(stream, nullptr, std::move(config));
}

std::shared_ptr<MessageStream> JetStream::ordered_consumer(const std::string& stream, JsMessageHandler handler,
                                                           OrderedConsumerConfig config) {
  auto core = std::make_shared<detail::OrderedStream>(impl_, stream, std::move(config), std::move(handler));
  core->launch();
  return std::make_shared<MessageStream>(core);
}

}  // namespace nervure

#include "jetstream/ordered_stream.hpp"

#include "jetstream/ack_subject.hpp"

#include "jetstream/consumer_api.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"
#include "nuid.hpp"
#include "protocol/validation.hpp"

namespace nervure::detail {

namespace {
using steady = std::chrono::steady_clock;
constexpr Duration kMaxBackoff{5000};
// An ordered consumer reads a stream from end to end: without limits of the
// caller's, a byte window keeps enough in flight to outrun the pull round trips
// (500 messages do not) while memory stays bounded whatever the message size.
constexpr int64_t kDefaultWindowBytes = 1 << 20;

ConsumeOptions with_window(ConsumeOptions o) {
  if (o.max_messages == 0 && o.max_bytes == 0) o.max_bytes = kDefaultWindowBytes;
  return o;
}
}  // namespace

OrderedStream::OrderedStream(std::shared_ptr<JetStreamImpl> js, std::string stream, OrderedConsumerConfig config,
                             JsMessageHandler handler, std::function<void(const ConsumerInfo&)> on_created)
    : PullStream(std::move(js), std::move(stream), "", true, with_window(config.consume), std::move(handler)),
      config_(std::move(config)),
      on_created_(std::move(on_created)),
      base_name_(next_nuid()) {
  validate_name("stream name", stream_);
  for (auto& f : config_.filter_subjects) protocol::validate_subscribe_subject(f);
  if (config_.deliver_policy == DeliverPolicy::by_start_sequence && config_.opt_start_seq == 0)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_sequence needs opt_start_seq");
  if (config_.deliver_policy == DeliverPolicy::by_start_time && !config_.opt_start_time)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_time needs opt_start_time");
  if (config_.filter_subjects.size() > 1) js_->require_2_10("an ordered consumer with several filter subjects");
}

ConsumerConfig OrderedStream::next_config() {
  ConsumerConfig c;
  c.name = base_name_ + "_" + std::to_string(++serial_);
  c.ack_policy = AckPolicy::none;
  c.max_deliver = 1;
  c.mem_storage = true;
  c.replicas = 1;
  c.inactive_threshold = config_.inactive_threshold;
  c.headers_only = config_.headers_only;
  c.replay_policy = config_.replay_policy;
  c.filter_subjects = config_.filter_subjects;
  if (last_stream_seq_ > 0) {
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

void OrderedStream::start() {
  acks_->term_reason_ok = js_->has_2_10();
  // The first consumer must exist before the reader is told anything: errors
  // in the configuration (no such stream) end the stream at once.
  ConsumerInfo info;
  try {
    info = upsert_consumer(*js_, stream_, next_config(), ConsumerAction::create);
  } catch (const Error& e) {
    // Unanswered or "temporarily unavailable" (an election in progress, a node
    // just died): self-healing applies to the first consumer as much as to its
    // replacements. Anything else is the caller's mistake and ends the stream.
    auto api = dynamic_cast<const JetStreamApiError*>(&e);
    const bool transient = api ? api->status() == 503 : e.code() == ErrorCode::timeout;
    if (!transient) throw;
    recreate(std::string("creating the first consumer failed: ") + e.what());
    return;
  }
  consumer_ = info.name;
  set_consumer_name(consumer_);
  last_consumer_seq_ = 0;
  if (on_created_) on_created_(info);
  subscribe_fresh();
  pull_if_low();
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
    auto info = upsert_consumer(*js_, stream_, next_config(), ConsumerAction::create);
    consumer_ = info.name;
    set_consumer_name(consumer_);
    last_consumer_seq_ = 0;
    need_recreate_ = false;
    if (on_created_) on_created_(info);
    subscribe_fresh();
    pull_if_low();
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

void OrderedStream::on_data(Message&& m) {
  if (need_recreate_) return;
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
  deliver(std::move(m));
}

void OrderedStream::on_lost(const std::string& why) { recreate(why); }

void OrderedStream::on_terminal_status(const Status& st) {
  recreate("status " + std::to_string(st.code) + " " + st.description);
}

void OrderedStream::on_reconnect() { recreate("the connection was re-established"); }

void OrderedStream::on_tick(steady::time_point now) {
  if (need_recreate_) {
    recreate("");
    return;
  }
  PullStream::on_tick(now);
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

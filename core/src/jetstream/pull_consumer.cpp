// One-shot pulls (fetch, next) run on the caller's thread; consume starts a PullStream.
#include "jetstream/pull_stream.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"

namespace nervure {

namespace {
using steady = std::chrono::steady_clock;
// The server ends a request at its expiry; the client waits a little longer so
// the server's own end (408 with the counts) is what normally finishes a fetch.
constexpr Duration kClientMargin{1000};
}  // namespace

PullConsumer::PullConsumer(std::shared_ptr<detail::JetStreamImpl> js, ConsumerInfo info)
    : js_(std::move(js)), info_(std::move(info)) {}

ConsumerInfo PullConsumer::info() {
  return detail::decode_consumer_info(js_->api("CONSUMER.INFO." + info_.stream + "." + info_.name));
}

std::vector<JsMessage> PullConsumer::fetch(int batch, Duration expires) {
  FetchOptions o;
  o.batch = batch;
  o.expires = expires;
  return fetch(o);
}

std::vector<JsMessage> PullConsumer::fetch(const FetchOptions& o) {
  if (o.batch <= 0) throw Error(ErrorCode::invalid_argument, "fetch needs a positive batch");
  if (!o.no_wait && o.expires.count() <= 0) throw Error(ErrorCode::invalid_argument, "fetch needs a positive expiry");
  if (o.max_bytes < 0) throw Error(ErrorCode::invalid_argument, "max_bytes must not be negative");
  Duration heartbeat = o.idle_heartbeat;
  if (heartbeat.count() == 0 && o.expires > Duration(30000)) heartbeat = Duration(5000);
  if (heartbeat.count() > 0 && heartbeat * 2 > o.expires)
    throw Error(ErrorCode::invalid_argument, "idle_heartbeat must be at most half of expires");

  auto channel = std::make_shared<detail::AckChannel>();
  channel->nc = js_->nc();
  channel->ack_none = info_.config.ack_policy == AckPolicy::none;
  channel->term_reason_ok = js_->has_2_10();

  auto& nc = js_->nc();
  const std::string inbox = nc->new_inbox();
  SubscribeOptions so;
  so.pending_msgs_limit = -1;
  so.pending_bytes_limit = -1;
  auto sub = nc->subscribe(inbox, so);
  struct Unsubscribe {
    std::shared_ptr<Subscription>& sub;
    ~Unsubscribe() {
      try {
        sub->unsubscribe();
      } catch (...) {
      }
    }
  } unsubscribe{sub};

  nlohmann::json request = {{"batch", o.batch}};
  if (o.no_wait) request["no_wait"] = true;
  else request["expires"] = detail::to_nanos(o.expires);
  if (o.max_bytes > 0) request["max_bytes"] = o.max_bytes;
  if (heartbeat.count() > 0) request["idle_heartbeat"] = detail::to_nanos(heartbeat);
  nc->publish(js_->api_subject("CONSUMER.MSG.NEXT." + info_.stream + "." + info_.name), request.dump(), inbox);

  std::vector<JsMessage> out;
  out.reserve(static_cast<std::size_t>(std::min(o.batch, 4096)));
  const auto deadline = steady::now() + (o.no_wait ? js_->options().timeout : o.expires + kClientMargin);
  auto last_activity = steady::now();
  std::vector<Message> got;
  while (static_cast<int>(out.size()) < o.batch) {
    auto now = steady::now();
    if (now >= deadline) break;
    auto wait = std::chrono::duration_cast<Duration>(deadline - now);
    if (heartbeat.count() > 0) {
      if (now - last_activity > heartbeat * 2) {
        if (!out.empty()) break;
        throw Error(ErrorCode::timeout, "fetch from consumer '" + info_.name + "' missed its heartbeats");
      }
      wait = std::min(wait, heartbeat);
    }
    got.clear();
    if (sub->next_batch(got, static_cast<std::size_t>(o.batch), std::max(wait, Duration(1))) == 0) {
      if (sub->ended()) throw Error(ErrorCode::connection_closed, "the connection closed during a fetch");
      continue;
    }
    last_activity = steady::now();
    for (auto& m : got) {
      detail::Status st = detail::classify(m);
      switch (st.kind) {
        case detail::StatusKind::data:
          out.emplace_back(std::move(m), channel);
          continue;
        case detail::StatusKind::heartbeat:
        case detail::StatusKind::flow_control:
          continue;
        case detail::StatusKind::pull_done:
          return out;
        case detail::StatusKind::no_responders:
          throw Error(ErrorCode::no_responders, "nobody serves consumer '" + info_.name + "' of stream '" +
                                                    info_.stream + "' (deleted, or JetStream not available)");
        default:
          if (!out.empty()) return out;
          throw JetStreamApiError(st.code, 0, "fetch from consumer '" + info_.name + "' failed: " + st.description);
      }
    }
  }
  return out;
}

JsMessage PullConsumer::next(Duration timeout) {
  auto msgs = fetch(1, timeout);
  if (msgs.empty())
    throw Error(ErrorCode::timeout, "no message from consumer '" + info_.name + "' within " +
                                        std::to_string(timeout.count()) + " ms");
  return std::move(msgs.front());
}

std::shared_ptr<MessageStream> PullConsumer::consume(ConsumeOptions options) { return consume(nullptr, std::move(options)); }

std::shared_ptr<MessageStream> PullConsumer::consume(JsMessageHandler handler, ConsumeOptions options) {
  auto core = std::make_shared<detail::PullStream>(js_, info_.stream, info_.name,
                                                   info_.config.ack_policy == AckPolicy::none, options,
                                                   std::move(handler));
  core->launch();
  return std::make_shared<MessageStream>(core);
}

MessageStream::MessageStream(std::shared_ptr<detail::StreamCore> core) : core_(std::move(core)) {}
MessageStream::~MessageStream() { core_->stop(); }

std::optional<JsMessage> MessageStream::next(Duration timeout) {
  std::vector<JsMessage> one;
  if (core_->take(one, 1, timeout) == 1) return std::move(one.front());
  if (core_->ended()) {
    if (auto error = core_->error()) std::rethrow_exception(error);
    return std::nullopt;
  }
  throw Error(ErrorCode::timeout, "no message within " + std::to_string(timeout.count()) + " ms");
}

std::size_t MessageStream::next_batch(std::vector<JsMessage>& out, std::size_t max, Duration timeout) {
  return core_->take(out, max, timeout);
}
std::size_t MessageStream::poll(std::vector<JsMessage>& out, std::size_t max) { return core_->poll(out, max); }
void MessageStream::set_ready_notifier(std::function<void()> notify) { core_->set_notifier(std::move(notify)); }
void MessageStream::stop() { core_->stop(); }
void MessageStream::drain(Duration timeout) { core_->drain(timeout); }
bool MessageStream::ended() const { return core_->ended(); }
std::exception_ptr MessageStream::error() const { return core_->error(); }
uint64_t MessageStream::delivered() const { return core_->delivered(); }
std::string MessageStream::consumer_name() const { return core_->consumer_name(); }

}  // namespace nervure

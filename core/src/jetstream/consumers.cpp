// Consumer management: the CONSUMER.* API.
#include "jetstream/consumer_api.hpp"
#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"
#include "nuid.hpp"
#include "protocol/validation.hpp"

namespace nervure {
namespace detail {
namespace {


bool has_wildcard(const std::string& subject) {
  std::size_t start = 0;
  for (;;) {
    auto dot = subject.find('.', start);
    auto tok = subject.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (tok == "*" || tok == ">") return true;
    if (dot == std::string::npos) return false;
    start = dot + 1;
  }
}

// The consumer's name and the request that makes it; checks everything a server
// could refuse or, worse, silently drop.
std::pair<std::string, ConsumerConfig> prepare(JetStreamImpl& js, const std::string& stream, ConsumerConfig c) {
  validate_name("stream name", stream);
  if (!c.durable_name.empty() && !c.name.empty() && c.durable_name != c.name)
    throw Error(ErrorCode::invalid_argument, "a durable consumer's name and durable_name must agree");
  if (!c.durable_name.empty()) validate_name("consumer name", c.durable_name);
  if (!c.name.empty()) validate_name("consumer name", c.name);
  if (c.name.empty()) c.name = c.durable_name.empty() ? next_nuid() : c.durable_name;
  if (!c.filter_subject.empty() && !c.filter_subjects.empty())
    throw Error(ErrorCode::invalid_argument, "give filter_subject or filter_subjects, not both");
  if (c.filter_subjects.size() == 1) {  // one filter is understood by every server
    c.filter_subject = c.filter_subjects.front();
    c.filter_subjects.clear();
  }
  if (!c.filter_subject.empty()) protocol::validate_subscribe_subject(c.filter_subject);
  for (auto& f : c.filter_subjects) protocol::validate_subscribe_subject(f);
  if (!c.deliver_subject.empty()) protocol::validate_publish_subject(c.deliver_subject);
  if (c.deliver_policy == DeliverPolicy::by_start_sequence && c.opt_start_seq == 0)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_sequence needs opt_start_seq");
  if (c.deliver_policy == DeliverPolicy::by_start_time && !c.opt_start_time)
    throw Error(ErrorCode::invalid_argument, "deliver_policy by_start_time needs opt_start_time");
  if (!c.backoff.empty() && c.max_deliver != 0 && c.max_deliver <= static_cast<int64_t>(c.backoff.size()))
    throw Error(ErrorCode::invalid_argument, "max_deliver must exceed the number of backoff steps");
  if (c.filter_subjects.size() > 1) js.require_2_10("several filter subjects (filter_subjects)");
  if (!c.metadata.empty()) js.require_2_10("consumer metadata");
  if (c.pause_until) js.require_level(1, "a paused consumer (pause_until)");
  return {c.name, std::move(c)};
}

}  // namespace

ConsumerInfo upsert_consumer(JetStreamImpl& js, const std::string& stream, const ConsumerConfig& config,
                             ConsumerAction action) {
  using Action = ConsumerAction;
  auto [name, c] = prepare(js, stream, config);
  json body = {{"stream_name", stream}, {"config", encode(c)}};
  if (js.has_2_10()) {
    if (action == Action::create) body["action"] = "create";
    if (action == Action::update) body["action"] = "update";
  } else if (action == Action::update) {
    // 2.9 knows no action and would create: make sure there is something to update.
    js.api("CONSUMER.INFO." + stream + "." + name);
  }
  // The filter in the subject lets permissions be granted per filter; a
  // wildcard cannot travel in a published subject, so those go without.
  std::string what = "CONSUMER.CREATE." + stream + "." + name;
  if (!c.filter_subject.empty() && !has_wildcard(c.filter_subject)) what += "." + c.filter_subject;
  return decode_consumer_info(js.api(what, body));
}

}  // namespace detail

ConsumerInfo JetStream::add_consumer(const std::string& stream, const ConsumerConfig& config) {
  return detail::upsert_consumer(*impl_, stream, config, detail::ConsumerAction::create);
}

ConsumerInfo JetStream::update_consumer(const std::string& stream, const ConsumerConfig& config) {
  if (config.name.empty() && config.durable_name.empty())
    throw Error(ErrorCode::invalid_argument, "name the consumer to update");
  return detail::upsert_consumer(*impl_, stream, config, detail::ConsumerAction::update);
}

ConsumerInfo JetStream::create_or_update_consumer(const std::string& stream, const ConsumerConfig& config) {
  return detail::upsert_consumer(*impl_, stream, config, detail::ConsumerAction::create_or_update);
}

ConsumerInfo JetStream::consumer_info(const std::string& stream, const std::string& name) {
  detail::validate_name("stream name", stream);
  detail::validate_name("consumer name", name);
  return detail::decode_consumer_info(impl_->api("CONSUMER.INFO." + stream + "." + name));
}

void JetStream::delete_consumer(const std::string& stream, const std::string& name) {
  detail::validate_name("stream name", stream);
  detail::validate_name("consumer name", name);
  impl_->api("CONSUMER.DELETE." + stream + "." + name);
}

ConsumerInfo JetStream::pause_consumer(const std::string& stream, const std::string& name, TimePoint until) {
  detail::validate_name("stream name", stream);
  detail::validate_name("consumer name", name);
  impl_->require_level(1, "pausing a consumer");
  impl_->api("CONSUMER.PAUSE." + stream + "." + name, {{"pause_until", detail::format_time(until)}});
  return consumer_info(stream, name);
}

ConsumerInfo JetStream::resume_consumer(const std::string& stream, const std::string& name) {
  detail::validate_name("stream name", stream);
  detail::validate_name("consumer name", name);
  impl_->require_level(1, "resuming a paused consumer");
  impl_->api("CONSUMER.PAUSE." + stream + "." + name, nlohmann::json::object());
  return consumer_info(stream, name);
}

PullConsumer JetStream::pull_consumer(const std::string& stream, const std::string& name) {
  auto info = consumer_info(stream, name);
  if (!info.config.deliver_subject.empty())
    throw Error(ErrorCode::invalid_argument, "consumer '" + name + "' is push based (it delivers to '" +
                                                 info.config.deliver_subject + "'): use push_subscribe");
  return PullConsumer(impl_, std::move(info));
}

}  // namespace nervure

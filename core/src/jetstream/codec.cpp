#include "jetstream/codec.hpp"

#include "jetstream/util.hpp"
#include "nervure/errors.hpp"

namespace nervure {
namespace detail {

namespace {

template <typename E>
struct Names;
template <>
struct Names<RetentionPolicy> {
  static constexpr const char* v[] = {"limits", "interest", "workqueue"};
};
template <>
struct Names<StorageType> {
  static constexpr const char* v[] = {"file", "memory"};
};
template <>
struct Names<DiscardPolicy> {
  static constexpr const char* v[] = {"old", "new"};
};
template <>
struct Names<Compression> {
  static constexpr const char* v[] = {"none", "s2"};
};
template <>
struct Names<DeliverPolicy> {
  static constexpr const char* v[] = {"all", "last", "new", "by_start_sequence", "by_start_time", "last_per_subject"};
};
template <>
struct Names<AckPolicy> {
  static constexpr const char* v[] = {"none", "all", "explicit"};
};
template <>
struct Names<ReplayPolicy> {
  static constexpr const char* v[] = {"instant", "original"};
};

template <typename E>
const char* name_of(E e) {
  return Names<E>::v[static_cast<int>(e)];
}

template <typename E>
E enum_of(const json& j, const char* key, E fallback) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return fallback;
  const auto& s = it->template get_ref<const std::string&>();
  for (std::size_t i = 0; i < std::size(Names<E>::v); ++i)
    if (s == Names<E>::v[i]) return static_cast<E>(i);
  return fallback;
}

template <typename T>
T get(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  try {
    return it->template get<T>();
  } catch (const json::exception&) {
    return fallback;
  }
}

Duration get_duration(const json& j, const char* key) { return from_nanos(get<int64_t>(j, key, 0)); }

std::optional<TimePoint> get_time(const json& j, const char* key) {
  auto s = get<std::string>(j, key, "");
  if (s.empty() || s.rfind("0001-01-01", 0) == 0) return std::nullopt;
  try {
    return parse_time(s);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::map<std::string, std::string> get_map(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_object())
    for (auto& [k, v] : it->items())
      if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

json encode_source(const StreamSource& s) {
  json j = {{"name", s.name}};
  if (s.opt_start_seq) j["opt_start_seq"] = s.opt_start_seq;
  if (s.opt_start_time) j["opt_start_time"] = format_time(*s.opt_start_time);
  if (!s.filter_subject.empty()) j["filter_subject"] = s.filter_subject;
  if (!s.external_api_prefix.empty())
    j["external"] = {{"api", s.external_api_prefix}, {"deliver", s.external_deliver_prefix}};
  return j;
}

StreamSource decode_source(const json& j) {
  StreamSource s;
  s.name = get<std::string>(j, "name", "");
  s.opt_start_seq = get<uint64_t>(j, "opt_start_seq", 0);
  s.opt_start_time = get_time(j, "opt_start_time");
  s.filter_subject = get<std::string>(j, "filter_subject", "");
  if (auto it = j.find("external"); it != j.end() && it->is_object()) {
    s.external_api_prefix = get<std::string>(*it, "api", "");
    s.external_deliver_prefix = get<std::string>(*it, "deliver", "");
  }
  return s;
}

ClusterInfo decode_cluster(const json& j) {
  ClusterInfo c;
  auto it = j.find("cluster");
  if (it == j.end() || !it->is_object()) return c;
  c.name = get<std::string>(*it, "name", "");
  c.leader = get<std::string>(*it, "leader", "");
  if (auto r = it->find("replicas"); r != it->end() && r->is_array())
    for (auto& peer : *r) c.replicas.push_back(get<std::string>(peer, "name", ""));
  return c;
}

SequenceInfo decode_seq(const json& j, const char* key) {
  SequenceInfo s;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return s;
  s.consumer_seq = get<uint64_t>(*it, "consumer_seq", 0);
  s.stream_seq = get<uint64_t>(*it, "stream_seq", 0);
  return s;
}

}  // namespace

json encode(const StreamConfig& c) {
  json j = {{"name", c.name},
            {"retention", name_of(c.retention)},
            {"storage", name_of(c.storage)},
            {"num_replicas", c.replicas},
            {"max_consumers", c.max_consumers},
            {"max_msgs", c.max_msgs},
            {"max_bytes", c.max_bytes},
            {"max_age", to_nanos(c.max_age)},
            {"max_msg_size", c.max_msg_size},
            {"max_msgs_per_subject", c.max_msgs_per_subject},
            {"discard", name_of(c.discard)},
            {"allow_rollup_hdrs", c.allow_rollup},
            {"deny_delete", c.deny_delete},
            {"deny_purge", c.deny_purge},
            {"allow_direct", c.allow_direct},
            {"mirror_direct", c.mirror_direct},
            {"sealed", c.sealed}};
  if (!c.subjects.empty()) j["subjects"] = c.subjects;
  if (!c.description.empty()) j["description"] = c.description;
  if (c.discard_new_per_subject) j["discard_new_per_subject"] = true;
  if (c.duplicate_window.count() > 0) j["duplicate_window"] = to_nanos(c.duplicate_window);
  if (c.no_ack) j["no_ack"] = true;
  if (c.mirror) j["mirror"] = encode_source(*c.mirror);
  if (!c.sources.empty()) {
    j["sources"] = json::array();
    for (auto& s : c.sources) j["sources"].push_back(encode_source(s));
  }
  if (c.placement) {
    json p = json::object();
    if (!c.placement->cluster.empty()) p["cluster"] = c.placement->cluster;
    if (!c.placement->tags.empty()) p["tags"] = c.placement->tags;
    j["placement"] = p;
  }
  if (c.republish) {
    j["republish"] = {{"src", c.republish->source}, {"dest", c.republish->destination}};
    if (c.republish->headers_only) j["republish"]["headers_only"] = true;
  }
  // Older servers reject an unknown compression value: send it only when asked for.
  if (c.compression != Compression::none) j["compression"] = name_of(c.compression);
  if (c.first_seq) j["first_seq"] = c.first_seq;
  if (!c.metadata.empty()) j["metadata"] = c.metadata;
  if (c.allow_msg_ttl) j["allow_msg_ttl"] = true;
  if (c.subject_delete_marker_ttl.count() > 0) j["subject_delete_marker_ttl"] = to_nanos(c.subject_delete_marker_ttl);
  return j;
}

StreamConfig decode_stream_config(const json& c) {
  StreamConfig s;
  s.name = get<std::string>(c, "name", "");
  s.description = get<std::string>(c, "description", "");
  s.subjects = get<std::vector<std::string>>(c, "subjects", {});
  s.retention = enum_of(c, "retention", RetentionPolicy::limits);
  s.storage = enum_of(c, "storage", StorageType::file);
  s.replicas = get<int>(c, "num_replicas", 1);
  s.max_consumers = get<int>(c, "max_consumers", -1);
  s.max_msgs = get<int64_t>(c, "max_msgs", -1);
  s.max_bytes = get<int64_t>(c, "max_bytes", -1);
  s.max_age = get_duration(c, "max_age");
  s.max_msg_size = get<int32_t>(c, "max_msg_size", -1);
  s.max_msgs_per_subject = get<int64_t>(c, "max_msgs_per_subject", -1);
  s.discard = enum_of(c, "discard", DiscardPolicy::old);
  s.discard_new_per_subject = get<bool>(c, "discard_new_per_subject", false);
  s.duplicate_window = get_duration(c, "duplicate_window");
  s.no_ack = get<bool>(c, "no_ack", false);
  s.allow_rollup = get<bool>(c, "allow_rollup_hdrs", false);
  s.deny_delete = get<bool>(c, "deny_delete", false);
  s.deny_purge = get<bool>(c, "deny_purge", false);
  s.allow_direct = get<bool>(c, "allow_direct", false);
  s.mirror_direct = get<bool>(c, "mirror_direct", false);
  s.sealed = get<bool>(c, "sealed", false);
  if (auto it = c.find("mirror"); it != c.end() && it->is_object()) s.mirror = decode_source(*it);
  if (auto it = c.find("sources"); it != c.end() && it->is_array())
    for (auto& src : *it) s.sources.push_back(decode_source(src));
  if (auto it = c.find("placement"); it != c.end() && it->is_object())
    s.placement = Placement{get<std::string>(*it, "cluster", ""), get<std::vector<std::string>>(*it, "tags", {})};
  if (auto it = c.find("republish"); it != c.end() && it->is_object())
    s.republish = RePublish{get<std::string>(*it, "src", ""), get<std::string>(*it, "dest", ""),
                            get<bool>(*it, "headers_only", false)};
  s.compression = enum_of(c, "compression", Compression::none);
  s.first_seq = get<uint64_t>(c, "first_seq", 0);
  s.metadata = get_map(c, "metadata");
  s.allow_msg_ttl = get<bool>(c, "allow_msg_ttl", false);
  s.subject_delete_marker_ttl = get_duration(c, "subject_delete_marker_ttl");
  return s;
}

json encode(const ConsumerConfig& c) {
  json j = {{"deliver_policy", name_of(c.deliver_policy)},
            {"ack_policy", name_of(c.ack_policy)},
            {"replay_policy", name_of(c.replay_policy)}};
  auto text = [&](const char* k, const std::string& v) {
    if (!v.empty()) j[k] = v;
  };
  auto num = [&](const char* k, int64_t v) {
    if (v != 0) j[k] = v;
  };
  auto dur = [&](const char* k, Duration d) {
    if (d.count() > 0) j[k] = to_nanos(d);
  };
  text("name", c.name);
  text("durable_name", c.durable_name);
  text("description", c.description);
  if (c.opt_start_seq) j["opt_start_seq"] = c.opt_start_seq;
  if (c.opt_start_time) j["opt_start_time"] = format_time(*c.opt_start_time);
  dur("ack_wait", c.ack_wait);
  num("max_deliver", c.max_deliver);
  if (!c.backoff.empty()) {
    j["backoff"] = json::array();
    for (auto d : c.backoff) j["backoff"].push_back(to_nanos(d));
  }
  text("filter_subject", c.filter_subject);
  if (!c.filter_subjects.empty()) j["filter_subjects"] = c.filter_subjects;
  if (c.rate_limit_bps) j["rate_limit_bps"] = c.rate_limit_bps;
  text("sample_freq", c.sample_freq);
  num("max_waiting", c.max_waiting);
  num("max_ack_pending", c.max_ack_pending);
  if (c.headers_only) j["headers_only"] = true;
  num("max_batch", c.max_batch);
  dur("max_expires", c.max_expires);
  num("max_bytes", c.max_bytes);
  text("deliver_subject", c.deliver_subject);
  text("deliver_group", c.deliver_group);
  if (c.flow_control) j["flow_control"] = true;
  dur("idle_heartbeat", c.idle_heartbeat);
  dur("inactive_threshold", c.inactive_threshold);
  j["num_replicas"] = c.replicas;
  if (c.mem_storage) j["mem_storage"] = true;
  if (!c.metadata.empty()) j["metadata"] = c.metadata;
  if (c.pause_until) j["pause_until"] = format_time(*c.pause_until);
  return j;
}

ConsumerConfig decode_consumer_config(const json& c) {
  ConsumerConfig s;
  s.name = get<std::string>(c, "name", "");
  s.durable_name = get<std::string>(c, "durable_name", "");
  s.description = get<std::string>(c, "description", "");
  s.deliver_policy = enum_of(c, "deliver_policy", DeliverPolicy::all);
  s.opt_start_seq = get<uint64_t>(c, "opt_start_seq", 0);
  s.opt_start_time = get_time(c, "opt_start_time");
  s.ack_policy = enum_of(c, "ack_policy", AckPolicy::explicit_);
  s.ack_wait = get_duration(c, "ack_wait");
  s.max_deliver = get<int64_t>(c, "max_deliver", 0);
  if (s.max_deliver < 0) s.max_deliver = 0;
  if (auto it = c.find("backoff"); it != c.end() && it->is_array())
    for (auto& d : *it)
      if (d.is_number()) s.backoff.push_back(from_nanos(d.get<int64_t>()));
  s.filter_subject = get<std::string>(c, "filter_subject", "");
  s.filter_subjects = get<std::vector<std::string>>(c, "filter_subjects", {});
  s.replay_policy = enum_of(c, "replay_policy", ReplayPolicy::instant);
  s.rate_limit_bps = get<uint64_t>(c, "rate_limit_bps", 0);
  s.sample_freq = get<std::string>(c, "sample_freq", "");
  s.max_waiting = get<int64_t>(c, "max_waiting", 0);
  s.max_ack_pending = get<int64_t>(c, "max_ack_pending", 0);
  s.headers_only = get<bool>(c, "headers_only", false);
  s.max_batch = get<int64_t>(c, "max_batch", 0);
  s.max_expires = get_duration(c, "max_expires");
  s.max_bytes = get<int64_t>(c, "max_bytes", 0);
  s.deliver_subject = get<std::string>(c, "deliver_subject", "");
  s.deliver_group = get<std::string>(c, "deliver_group", "");
  s.flow_control = get<bool>(c, "flow_control", false);
  s.idle_heartbeat = get_duration(c, "idle_heartbeat");
  s.inactive_threshold = get_duration(c, "inactive_threshold");
  s.replicas = get<int>(c, "num_replicas", 0);
  s.mem_storage = get<bool>(c, "mem_storage", false);
  s.metadata = get_map(c, "metadata");
  s.pause_until = get_time(c, "pause_until");
  return s;
}

StreamInfo decode_stream_info(const json& j) {
  StreamInfo info;
  info.raw_json = j.dump();
  if (auto it = j.find("config"); it != j.end() && it->is_object()) info.config = decode_stream_config(*it);
  if (auto it = j.find("state"); it != j.end() && it->is_object()) {
    const json& s = *it;
    info.state.messages = get<uint64_t>(s, "messages", 0);
    info.state.bytes = get<uint64_t>(s, "bytes", 0);
    info.state.first_seq = get<uint64_t>(s, "first_seq", 0);
    info.state.last_seq = get<uint64_t>(s, "last_seq", 0);
    info.state.consumer_count = get<int>(s, "consumer_count", 0);
    info.state.num_subjects = get<int64_t>(s, "num_subjects", 0);
    info.state.num_deleted = get<int64_t>(s, "num_deleted", 0);
  }
  info.cluster = decode_cluster(j);
  info.created = get<std::string>(j, "created", "");
  return info;
}

ConsumerInfo decode_consumer_info(const json& j) {
  ConsumerInfo info;
  info.raw_json = j.dump();
  info.stream = get<std::string>(j, "stream_name", "");
  info.name = get<std::string>(j, "name", "");
  if (auto it = j.find("config"); it != j.end() && it->is_object()) info.config = decode_consumer_config(*it);
  info.delivered = decode_seq(j, "delivered");
  info.ack_floor = decode_seq(j, "ack_floor");
  info.num_ack_pending = get<int64_t>(j, "num_ack_pending", 0);
  info.num_redelivered = get<int64_t>(j, "num_redelivered", 0);
  info.num_waiting = get<int64_t>(j, "num_waiting", 0);
  info.num_pending = get<uint64_t>(j, "num_pending", 0);
  info.push_bound = get<bool>(j, "push_bound", false);
  info.paused = get<bool>(j, "paused", false);
  info.cluster = decode_cluster(j);
  info.created = get<std::string>(j, "created", "");
  return info;
}

AccountInfo decode_account_info(const json& j) {
  AccountInfo a;
  a.raw_json = j.dump();
  a.memory = get<uint64_t>(j, "memory", 0);
  a.storage = get<uint64_t>(j, "storage", 0);
  a.streams = get<int64_t>(j, "streams", 0);
  a.consumers = get<int64_t>(j, "consumers", 0);
  a.domain = get<std::string>(j, "domain", "");
  if (auto it = j.find("api"); it != j.end() && it->is_object()) a.api_level = get<int>(*it, "level", 0);
  return a;
}

void throw_if_api_error(const json& j) {
  if (!j.is_object()) return;
  auto it = j.find("error");
  if (it == j.end() || !it->is_object()) return;
  throw JetStreamApiError(get<int>(*it, "code", 0), get<int>(*it, "err_code", 0),
                          get<std::string>(*it, "description", "JetStream API error"));
}

json parse_response(std::string_view body, const std::string& what) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw Error(ErrorCode::nervure, "JetStream answered " + what + " with something that is not a JSON object");
  throw_if_api_error(j);
  return j;
}

}  // namespace detail

std::string to_json(const StreamConfig& config) { return detail::encode(config).dump(); }
std::string to_json(const ConsumerConfig& config) { return detail::encode(config).dump(); }

StreamConfig stream_config_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error(ErrorCode::invalid_argument, "a stream configuration must be a JSON object");
  return detail::decode_stream_config(j);
}

ConsumerConfig consumer_config_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw Error(ErrorCode::invalid_argument, "a consumer configuration must be a JSON object");
  return detail::decode_consumer_config(j);
}

}  // namespace nervure

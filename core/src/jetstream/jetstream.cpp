#include "nervure/jetstream.hpp"

#include <nlohmann/json.hpp>

#include "protocol/headers_codec.hpp"
#include "protocol/parser.hpp"
#include "protocol/validation.hpp"

namespace nervure {
namespace detail {

using json = nlohmann::json;

namespace {
int64_t nanos(Duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); }
Duration from_nanos(int64_t ns) { return std::chrono::duration_cast<Duration>(std::chrono::nanoseconds(ns)); }

void validate_stream_name(const std::string& name) {
  if (name.empty()) throw Error(ErrorCode::invalid_argument, "stream name must not be empty");
  for (char c : name)
    if (c == '.' || c == '*' || c == '>' || c == ' ' || c == '\t' || c == '/' || c == '\\')
      throw Error(ErrorCode::invalid_argument, "stream name '" + name + "' may not contain '.', '*', '>', '/', '\\' or white space");
}

json config_json(const StreamConfig& c) {
  json j = {{"name", c.name},
            {"subjects", c.subjects},
            {"retention", c.retention},
            {"storage", c.storage},
            {"num_replicas", c.replicas},
            {"max_msgs", c.max_msgs},
            {"max_bytes", c.max_bytes},
            {"max_age", nanos(c.max_age)},
            {"max_msg_size", c.max_msg_size},
            {"max_msgs_per_subject", c.max_msgs_per_subject},
            {"discard", c.discard},
            {"allow_rollup_hdrs", c.allow_rollup},
            {"deny_delete", c.deny_delete},
            {"deny_purge", c.deny_purge},
            {"allow_direct", c.allow_direct}};
  if (c.duplicate_window.count() > 0) j["duplicate_window"] = nanos(c.duplicate_window);
  if (c.allow_msg_ttl) j["allow_msg_ttl"] = true;
  if (!c.metadata.empty()) j["metadata"] = c.metadata;
  return j;
}

StreamInfo info_from(const json& j, const std::string& raw) {
  StreamInfo info;
  info.raw_json = raw;
  const json& c = j.value("config", json::object());
  info.config.name = c.value("name", "");
  info.config.subjects = c.value("subjects", std::vector<std::string>{});
  info.config.retention = c.value("retention", "limits");
  info.config.storage = c.value("storage", "file");
  info.config.replicas = c.value("num_replicas", 1);
  info.config.max_msgs = c.value("max_msgs", int64_t{-1});
  info.config.max_bytes = c.value("max_bytes", int64_t{-1});
  info.config.max_age = from_nanos(c.value("max_age", int64_t{0}));
  info.config.max_msg_size = c.value("max_msg_size", int32_t{-1});
  info.config.max_msgs_per_subject = c.value("max_msgs_per_subject", int64_t{-1});
  info.config.discard = c.value("discard", "old");
  info.config.duplicate_window = from_nanos(c.value("duplicate_window", int64_t{0}));
  info.config.allow_rollup = c.value("allow_rollup_hdrs", false);
  info.config.deny_delete = c.value("deny_delete", false);
  info.config.deny_purge = c.value("deny_purge", false);
  info.config.allow_direct = c.value("allow_direct", false);
  info.config.allow_msg_ttl = c.value("allow_msg_ttl", false);
  if (c.contains("metadata") && c["metadata"].is_object())
    for (auto& [k, v] : c["metadata"].items())
      if (v.is_string()) info.config.metadata[k] = v.get<std::string>();
  const json& s = j.value("state", json::object());
  info.state.messages = s.value("messages", uint64_t{0});
  info.state.bytes = s.value("bytes", uint64_t{0});
  info.state.first_seq = s.value("first_seq", uint64_t{0});
  info.state.last_seq = s.value("last_seq", uint64_t{0});
  info.state.consumer_count = s.value("consumer_count", 0);
  return info;
}

std::string base64_decode(const std::string& in) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    auto v = kAlphabet.find(c);
    if (v == std::string::npos) throw Error(ErrorCode::nervure, "stored message is not valid base64");
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

StoredMessage stored_from(const json& j) {
  const json& m = j.value("message", json::object());
  StoredMessage out;
  out.subject = m.value("subject", "");
  out.seq = m.value("seq", uint64_t{0});
  out.data = base64_decode(m.value("data", ""));
  out.time = m.value("time", "");
  std::string hdrs = base64_decode(m.value("hdrs", ""));
  if (!hdrs.empty()) {
    try {
      protocol::decode_headers(hdrs, out.headers);
    } catch (const protocol::ProtocolError& e) {
      throw Error(ErrorCode::nervure, std::string("stored message has malformed headers: ") + e.what());
    }
  }
  return out;
}

// The server's API error as the one error type; everything else passes through.
void throw_if_api_error(const json& j) {
  if (!j.is_object() || !j.contains("error")) return;
  const json& e = j["error"];
  throw JetStreamApiError(e.value("code", 0), e.value("err_code", 0), e.value("description", "JetStream API error"));
}
}  // namespace

class JetStreamImpl {
 public:
  JetStreamImpl(std::shared_ptr<Connection> nc, JetStreamOptions o) : nc_(std::move(nc)), opts_(std::move(o)) {
    if (!nc_) throw Error(ErrorCode::invalid_argument, "JetStream needs a connection");
    if (!opts_.api_prefix.empty()) {
      prefix_ = opts_.api_prefix;
      while (!prefix_.empty() && prefix_.back() == '.') prefix_.pop_back();
    } else if (!opts_.domain.empty()) {
      prefix_ = "$JS." + opts_.domain + ".API";
    } else {
      prefix_ = "$JS.API";
    }
    protocol::validate_publish_subject(prefix_ + ".INFO");
  }

  json api(const std::string& what, const json& body = nullptr) {
    std::string payload = body.is_null() ? "" : body.dump();
    Message reply;
    try {
      reply = nc_->request(prefix_ + "." + what, payload, opts_.timeout);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::no_responders)
        throw Error(ErrorCode::no_responders, "JetStream is not available here (not enabled for this account, or "
                                              "no server answers " + prefix_ + ")");
      throw;
    }
    json j = json::parse(reply.data, nullptr, false);
    if (j.is_discarded()) throw Error(ErrorCode::nervure, "JetStream API answered " + what + " with invalid JSON");
    throw_if_api_error(j);
    return j;
  }

  int api_level() {
    if (api_level_ < 0) {
      json info = api("INFO");
      api_level_ = info.contains("api") && info["api"].is_object() ? info["api"].value("level", 0) : 0;
    }
    return api_level_;
  }

  void require_level(int level, const std::string& feature) {
    if (api_level() < level)
      throw Error(ErrorCode::not_supported_by_server,
                  feature + " needs JetStream API level " + std::to_string(level) + " (nats-server 2.11 or newer); "
                  "the connected server (" + nc_->server_info().version + ") is at level " +
                  std::to_string(api_level()) + " and would silently ignore it");
  }

  void check_config(const StreamConfig& c) {
    validate_stream_name(c.name);
    for (const auto& s : c.subjects) protocol::validate_subscribe_subject(s);
    if (c.allow_msg_ttl) require_level(1, "per-message TTL (allow_msg_ttl)");
    if (!c.metadata.empty()) require_level(1, "stream metadata");
  }

  std::shared_ptr<Connection> nc_;
  JetStreamOptions opts_;
  std::string prefix_;
  int api_level_ = -1;
};

}  // namespace detail

JetStream::JetStream(std::shared_ptr<Connection> connection, JetStreamOptions options)
    : impl_(std::make_unique<detail::JetStreamImpl>(std::move(connection), std::move(options))) {}
JetStream::~JetStream() = default;

int JetStream::api_level() { return impl_->api_level(); }
std::string JetStream::account_info() { return impl_->api("INFO").dump(); }

StreamInfo JetStream::add_stream(const StreamConfig& config) {
  impl_->check_config(config);
  auto j = impl_->api("STREAM.CREATE." + config.name, detail::config_json(config));
  return detail::info_from(j, j.dump());
}

StreamInfo JetStream::update_stream(const StreamConfig& config) {
  impl_->check_config(config);
  auto j = impl_->api("STREAM.UPDATE." + config.name, detail::config_json(config));
  return detail::info_from(j, j.dump());
}

StreamInfo JetStream::stream_info(const std::string& name) {
  detail::validate_stream_name(name);
  auto j = impl_->api("STREAM.INFO." + name);
  return detail::info_from(j, j.dump());
}

void JetStream::delete_stream(const std::string& name) {
  detail::validate_stream_name(name);
  impl_->api("STREAM.DELETE." + name);
}

uint64_t JetStream::purge_stream(const std::string& name, const std::string& subject, uint64_t keep) {
  detail::validate_stream_name(name);
  nlohmann::json body = nlohmann::json::object();
  if (!subject.empty()) body["filter"] = subject;
  if (keep > 0) body["keep"] = keep;
  auto j = impl_->api("STREAM.PURGE." + name, body);
  return j.value("purged", uint64_t{0});
}

std::vector<std::string> JetStream::stream_names(const std::string& subject) {
  std::vector<std::string> names;
  for (;;) {
    nlohmann::json body = {{"offset", names.size()}};
    if (!subject.empty()) body["subject"] = subject;
    auto j = impl_->api("STREAM.NAMES", body);
    auto page = j.contains("streams") && j["streams"].is_array() ? j["streams"].get<std::vector<std::string>>()
                                                                   : std::vector<std::string>{};
    names.insert(names.end(), page.begin(), page.end());
    if (page.empty() || names.size() >= j.value("total", uint64_t{0})) break;
  }
  return names;
}

StoredMessage JetStream::get_msg(const std::string& stream, uint64_t seq) {
  detail::validate_stream_name(stream);
  if (seq == 0) throw Error(ErrorCode::invalid_argument, "stream sequences start at 1");
  return detail::stored_from(impl_->api("STREAM.MSG.GET." + stream, {{"seq", seq}}));
}

StoredMessage JetStream::get_last_msg(const std::string& stream, const std::string& subject) {
  detail::validate_stream_name(stream);
  protocol::validate_subscribe_subject(subject);
  return detail::stored_from(impl_->api("STREAM.MSG.GET." + stream, {{"last_by_subj", subject}}));
}

void JetStream::delete_msg(const std::string& stream, uint64_t seq, bool erase) {
  detail::validate_stream_name(stream);
  if (seq == 0) throw Error(ErrorCode::invalid_argument, "stream sequences start at 1");
  impl_->api("STREAM.MSG.DELETE." + stream, {{"seq", seq}, {"no_erase", !erase}});
}

PubAck JetStream::publish(const std::string& subject, std::string_view data, const PublishOptions& o) {
  if (o.ttl.count() > 0) impl_->require_level(1, "per-message TTL (Nats-TTL)");
  Headers h = o.headers ? *o.headers : Headers{};
  if (!o.msg_id.empty()) h.set("Nats-Msg-Id", o.msg_id);
  if (!o.expected_stream.empty()) h.set("Nats-Expected-Stream", o.expected_stream);
  if (o.expected_last_seq) h.set("Nats-Expected-Last-Sequence", std::to_string(*o.expected_last_seq));
  if (o.expected_last_subject_seq)
    h.set("Nats-Expected-Last-Subject-Sequence", std::to_string(*o.expected_last_subject_seq));
  if (!o.expected_last_msg_id.empty()) h.set("Nats-Expected-Last-Msg-Id", o.expected_last_msg_id);
  if (o.ttl.count() > 0) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(o.ttl).count();
    if (seconds < 1) throw Error(ErrorCode::invalid_argument, "a message TTL is at least one second");
    h.set("Nats-TTL", std::to_string(seconds) + "s");
  }
  Message reply;
  try {
    reply = impl_->nc_->request(subject, data, o.timeout.value_or(impl_->opts_.timeout), h.empty() ? nullptr : &h);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::no_responders)
      throw Error(ErrorCode::no_responders, "no stream matches subject '" + subject + "'");
    throw;
  }
  auto j = nlohmann::json::parse(reply.data, nullptr, false);
  if (j.is_discarded()) throw Error(ErrorCode::nervure, "the publish acknowledgement is not valid JSON");
  detail::throw_if_api_error(j);
  return PubAck{j.value("stream", ""), j.value("seq", uint64_t{0}), j.value("duplicate", false), j.value("domain", "")};
}

}  // namespace nervure

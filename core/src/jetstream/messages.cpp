#include "jetstream/messages.hpp"

#include "jetstream/util.hpp"
#include "nervure/jetstream.hpp"
#include "protocol/headers_codec.hpp"
#include "protocol/parser.hpp"
#include "protocol/validation.hpp"

namespace nervure {
namespace detail {
namespace {

constexpr int kNoMessageFound = 10037;  // the server's err_code for a missing message

StoredMessage stored_from_api(const json& j) {
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

// Headers a direct get adds to describe the message, not part of it.
constexpr const char* kDirectHeaders[] = {"Nats-Stream",      "Nats-Subject",       "Nats-Sequence",
                                          "Nats-Time-Stamp",  "Nats-Num-Pending",   "Nats-Last-Sequence",
                                          "Nats-UpTo-Sequence"};

}  // namespace

StoredMessage stored_from_direct(Message&& reply) {
  const int status = reply.headers.status();
  if (status == 404) throw JetStreamApiError(404, kNoMessageFound, "no message found");
  if (status != 0)
    throw JetStreamApiError(status, 0, "direct get failed: " + std::to_string(status) + " " + reply.headers.description());
  StoredMessage out;
  out.stream = reply.headers.get("Nats-Stream").value_or("");
  out.subject = reply.headers.get("Nats-Subject").value_or("");
  out.seq = std::strtoull(reply.headers.get("Nats-Sequence").value_or("0").c_str(), nullptr, 10);
  out.time = go_time_to_rfc3339(reply.headers.get("Nats-Time-Stamp").value_or(""));
  if (out.subject.empty() || out.seq == 0) throw Error(ErrorCode::nervure, "a direct get reply lacks its Nats-Subject or Nats-Sequence");
  out.data = std::move(reply.data);
  out.headers = std::move(reply.headers);
  for (const char* h : kDirectHeaders) out.headers.remove(h);
  return out;
}

bool uses_direct(JetStreamImpl& js, const std::string& stream) {
  if (auto known = js.direct_allowed(stream)) return *known;
  auto info = decode_stream_info(js.api("STREAM.INFO." + stream));
  js.remember(info);
  return info.config.allow_direct;
}

StoredMessage get_stored(JetStreamImpl& js, const std::string& stream, const json& request) {
  if (uses_direct(js, stream)) {
    try {
      return stored_from_direct(js.api_raw("DIRECT.GET." + stream, request.dump()));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::no_responders) throw;
      js.forget_direct(stream);  // direct gets were switched off: ask the leader instead
    }
  }
  auto out = stored_from_api(js.api("STREAM.MSG.GET." + stream, request));
  out.stream = stream;
  return out;
}

void get_stored_async(std::shared_ptr<JetStreamImpl> js, const std::string& stream, const json& request,
                      StoredCallback done) {
  const auto timeout = js->options().timeout;
  auto& nc = *js->nc();
  if (js->direct_allowed(stream).value_or(false)) {
    nc.request_async(js->api_subject("DIRECT.GET." + stream), request.dump(), timeout, nullptr,
                     [js, stream, request, done = std::move(done)](Message&& reply, std::exception_ptr error) mutable {
                       if (error) {
                         try {
                           std::rethrow_exception(error);
                         } catch (const Error& e) {
                           if (e.code() == ErrorCode::no_responders) {
                             js->forget_direct(stream);  // direct gets were switched off: ask the leader instead
                             return get_stored_async(std::move(js), stream, request, std::move(done));
                           }
                         } catch (...) {
                         }
                         return done(StoredMessage{}, error);
                       }
                       StoredMessage out;
                       try {
                         out = stored_from_direct(std::move(reply));
                       } catch (...) {
                         return done(StoredMessage{}, std::current_exception());
                       }
                       done(std::move(out), nullptr);
                     });
    return;
  }
  const std::string what = "STREAM.MSG.GET." + stream;
  nc.request_async(js->api_subject(what), request.dump(), timeout, nullptr,
                   [stream, what, done = std::move(done)](Message&& reply, std::exception_ptr error) {
                     if (error) return done(StoredMessage{}, error);
                     StoredMessage out;
                     try {
                       out = stored_from_api(parse_response(reply.data, what));
                       out.stream = stream;
                     } catch (...) {
                       return done(StoredMessage{}, std::current_exception());
                     }
                     done(std::move(out), nullptr);
                   });
}

namespace {

// A batch or multi-subject direct get: messages until the 204 end-of-batch marker.
std::vector<StoredMessage> direct_batch(JetStreamImpl& js, const std::string& stream, const json& request) {
  if (!uses_direct(js, stream))
    throw Error(ErrorCode::invalid_argument, "stream '" + stream + "' does not allow direct gets (allow_direct)");
  auto& nc = js.nc();
  auto inbox = nc->new_inbox();
  auto sub = nc->subscribe(inbox);
  struct Unsub {
    std::shared_ptr<Subscription>& s;
    ~Unsub() {
      try {
        s->unsubscribe();
      } catch (...) {
      }
    }
  } unsub{sub};
  nc->publish(js.api_subject("DIRECT.GET." + stream), request.dump(), inbox);
  std::vector<StoredMessage> out;
  const auto deadline = std::chrono::steady_clock::now() + js.options().timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<Duration>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw Error(ErrorCode::timeout, "direct batch get from '" + stream + "' timed out");
    auto m = sub->next(left);
    if (!m) throw Error(ErrorCode::connection_closed, "connection closed during a direct batch get");
    int status = m->headers.status();
    if (status == 204) return out;                    // end of batch
    if (status == 404 && !out.empty()) return out;
    if (status == 404) return out;                    // nothing matched
    if (status == 503) throw Error(ErrorCode::no_responders, "no server answers direct gets for '" + stream + "'");
    out.push_back(stored_from_direct(std::move(*m)));
  }
}

}  // namespace
}  // namespace detail

StoredMessage JetStream::get_msg(const std::string& stream, uint64_t seq) {
  detail::validate_name("stream name", stream);
  if (seq == 0) throw Error(ErrorCode::invalid_argument, "stream sequences start at 1");
  return detail::get_stored(*impl_, stream, {{"seq", seq}});
}

StoredMessage JetStream::get_last_msg(const std::string& stream, const std::string& subject) {
  detail::validate_name("stream name", stream);
  protocol::validate_subscribe_subject(subject);
  return detail::get_stored(*impl_, stream, {{"last_by_subj", subject}});
}

std::vector<StoredMessage> JetStream::get_msgs(const std::string& stream, const std::string& subject, uint64_t start_seq,
                                               int batch) {
  detail::validate_name("stream name", stream);
  protocol::validate_subscribe_subject(subject);
  if (batch <= 0) throw Error(ErrorCode::invalid_argument, "batch must be positive");
  impl_->require_level(1, "batch direct get");
  return detail::direct_batch(*impl_, stream,
                              {{"seq", std::max<uint64_t>(1, start_seq)}, {"batch", batch}, {"next_by_subj", subject}});
}

std::vector<StoredMessage> JetStream::get_last_msgs(const std::string& stream, const std::vector<std::string>& subjects) {
  detail::validate_name("stream name", stream);
  if (subjects.empty()) throw Error(ErrorCode::invalid_argument, "name at least one subject");
  for (auto& s : subjects) protocol::validate_subscribe_subject(s);
  impl_->require_level(1, "multi-subject direct get (multi_last)");
  return detail::direct_batch(*impl_, stream, {{"multi_last", subjects}});
}

void JetStream::delete_msg(const std::string& stream, uint64_t seq, bool erase) {
  detail::validate_name("stream name", stream);
  if (seq == 0) throw Error(ErrorCode::invalid_argument, "stream sequences start at 1");
  impl_->api("STREAM.MSG.DELETE." + stream, {{"seq", seq}, {"no_erase", !erase}});
}

}  // namespace nervure

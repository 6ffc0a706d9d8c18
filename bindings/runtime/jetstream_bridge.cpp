#include "jetstream_bridge.hpp"

#include <deque>
#include <optional>
#include <string>

#include "nervure/jetstream_json.hpp"

namespace nervure::bridge {
namespace {

void append_json_string(std::string& out, const std::string& s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

// The acknowledgement of an asynchronous publish as the languages read it,
// written directly: building a JSON object and dumping it was the largest
// part of the I/O thread's work per acknowledgement after the core's own.
std::string pub_ack_json(const PubAck& ack) {
  std::string out;
  out.reserve(48 + ack.stream.size() + ack.domain.size());
  out += "{\"stream\":";
  append_json_string(out, ack.stream);
  out += ",\"seq\":";
  out += std::to_string(ack.seq);
  out += ack.duplicate ? ",\"duplicate\":true" : ",\"duplicate\":false";
  if (!ack.domain.empty()) {
    out += ",\"domain\":";
    append_json_string(out, ack.domain);
  }
  out += '}';
  return out;
}

}  // namespace

BridgeJetStream::BridgeJetStream(Bridge& bridge, JetStreamOptions options)
    : inbox_(bridge.shared_inbox()), conn_(bridge.shared_connection()), js_(conn_, std::move(options)) {}

std::shared_ptr<BridgeSubscription> BridgeJetStream::source(std::shared_ptr<MessageStream> stream, std::string name) {
  const uint64_t id = inbox_->next_source_id();
  stream->set_ready_notifier([inbox = inbox_, id] { inbox->post_ready(id); });
  auto delivered = std::make_shared<uint64_t>(0);
  SourceHooks hooks;
  hooks.name = std::move(name);
  hooks.pull = [stream, delivered](std::vector<Message>& out, std::size_t max, Duration wait) {
    std::vector<JsMessage> batch;
    std::size_t n = wait.count() > 0 ? stream->next_batch(batch, max, wait) : stream->poll(batch, max);
    for (auto& m : batch) out.push_back(std::move(m.message()));
    *delivered += n;
    return n;
  };
  hooks.ended = [stream] { return stream->ended(); };
  hooks.stop = [stream] { stream->stop(); };
  hooks.delivered = [delivered] { return *delivered; };
  return std::make_shared<BridgeSubscription>(std::move(hooks), id);
}

std::shared_ptr<BridgeSubscription> BridgeJetStream::fetched(std::vector<JsMessage> messages, std::string name) {
  auto left = std::make_shared<std::deque<JsMessage>>(std::make_move_iterator(messages.begin()),
                                                      std::make_move_iterator(messages.end()));
  const uint64_t total = left->size();
  SourceHooks hooks;
  hooks.name = std::move(name);
  hooks.pull = [left](std::vector<Message>& out, std::size_t max, Duration) {
    std::size_t n = 0;
    for (; n < max && !left->empty(); ++n) {
      out.push_back(std::move(left->front().message()));
      left->pop_front();
    }
    return n;
  };
  hooks.ended = [left] { return left->empty(); };
  hooks.stop = [left] { left->clear(); };
  hooks.delivered = [left, total] { return total - left->size(); };
  return std::make_shared<BridgeSubscription>(std::move(hooks), inbox_->next_source_id());
}

PullConsumer BridgeJetStream::pull_consumer(std::string_view stream, std::string_view name, bool& remembered) {
  std::pair<std::string, std::string> key{stream, name};
  {
    std::lock_guard lock(consumers_mu_);
    if (auto it = consumers_.find(key); it != consumers_.end()) {
      remembered = true;
      return it->second;
    }
  }
  remembered = false;
  PullConsumer consumer = js_.pull_consumer(key.first, key.second);  // a round trip: not under the lock
  std::lock_guard lock(consumers_mu_);
  consumers_.insert_or_assign(std::move(key), consumer);
  return consumer;
}

std::vector<JsMessage> BridgeJetStream::fetch(std::string_view stream, std::string_view consumer,
                                              const FetchOptions& options) {
  bool remembered = false;
  try {
    return pull_consumer(stream, consumer, remembered).fetch(options);
  } catch (const Error& e) {
    forget_consumer(stream, consumer);
    // A remembered consumer that was deleted elsewhere answers no pull. Looked
    // up again, it fails as a fetch without the handle would (not found), or
    // fetches from the consumer made since under that name.
    if (!remembered || e.code() != ErrorCode::no_responders) throw;
  }
  return pull_consumer(stream, consumer, remembered).fetch(options);
}

void BridgeJetStream::forget_consumer(std::string_view stream, std::string_view name) {
  std::lock_guard lock(consumers_mu_);
  if (!name.empty()) {
    consumers_.erase({std::string(stream), std::string(name)});
    return;
  }
  for (auto it = consumers_.begin(); it != consumers_.end();) {
    if (it->first.first == stream) it = consumers_.erase(it);
    else ++it;
  }
}

void BridgeJetStream::publish(AsyncTarget target, std::string_view subject, std::string_view data,
                              const PublishOptions& options) {
  js_.publish_async(std::string(subject), data, options,
                    [inbox = inbox_, target = std::move(target)](PubAck&& ack, std::exception_ptr error) {
                      inbox->awaited_finished();
                      if (error) return deliver(inbox, target.direct, failed(target.token, error));
                      Completion c;
                      c.token = target.token;
                      c.has_message = true;
                      c.message.data = pub_ack_json(ack);
                      deliver(inbox, target.direct, std::move(c));
                    });
  inbox_->awaited_started();
}

namespace {
// Completes target with text as the message data, or with the error.
void complete_with_text(const std::shared_ptr<Inbox>& inbox, const AsyncTarget& target, std::exception_ptr error,
                        std::string text) {
  inbox->awaited_finished();
  if (error) return deliver(inbox, target.direct, failed(target.token, error));
  Completion c;
  c.token = target.token;
  c.has_message = true;
  c.message.data = std::move(text);
  deliver(inbox, target.direct, std::move(c));
}
}  // namespace

std::string entry_json(const std::optional<KeyValueEntry>& entry) { return entry ? json_api::to_json(*entry) : "{}"; }

void BridgeKeyValue::put(AsyncTarget target, std::string_view key, std::string_view value) {
  kv_.put_async(std::string(key), value,
                [inbox = inbox_, target = std::move(target)](uint64_t revision, std::exception_ptr error) {
                  complete_with_text(inbox, target, error, error ? std::string() : std::to_string(revision));
                });
  inbox_->awaited_started();
}

void BridgeKeyValue::get(AsyncTarget target, std::string_view key, uint64_t revision) {
  kv_.get_async(std::string(key), revision,
                [inbox = inbox_, target = std::move(target)](std::optional<KeyValueEntry>&& entry, std::exception_ptr error) {
                  std::string text;
                  if (!error) {
                    try {
                      text = entry_json(entry);
                    } catch (...) {
                      error = std::current_exception();
                    }
                  }
                  complete_with_text(inbox, target, error, std::move(text));
                });
  inbox_->awaited_started();
}

std::shared_ptr<BridgeSubscription> BridgeKeyValue::watch(std::shared_ptr<KvWatcher> watcher, std::string name) {
  const uint64_t id = inbox_->next_source_id();
  watcher->set_ready_notifier([inbox = inbox_, id] { inbox->post_ready(id); });
  auto delivered = std::make_shared<uint64_t>(0);
  SourceHooks hooks;
  hooks.name = std::move(name);
  hooks.pull = [watcher, delivered](std::vector<Message>& out, std::size_t max, Duration wait) {
    std::size_t n = 0;
    while (n < max && !watcher->ended()) {
      std::optional<KeyValueEntry> entry;
      try {
        entry = watcher->next(n == 0 ? wait : Duration(0));
      } catch (const Error& e) {
        if (e.code() == ErrorCode::timeout) break;
        break;  // the watch ended with an error: ended() now says so
      }
      Message m;
      m.has_headers = true;
      if (!entry) {
        if (watcher->ended()) break;
        m.headers.add("KV-Initial-Done", "true");
      } else {
        m.subject = std::move(entry->key);
        m.data = std::move(entry->value);
        m.headers.add("KV-Operation", entry->operation == KvOperation::put   ? "PUT"
                                      : entry->operation == KvOperation::del ? "DEL"
                                                                             : "PURGE");
        m.headers.add("KV-Revision", std::to_string(entry->revision));
        m.headers.add("KV-Delta", std::to_string(entry->delta));
        m.headers.add("KV-Created", entry->created);
      }
      out.push_back(std::move(m));
      ++n;
    }
    *delivered += n;
    return n;
  };
  hooks.ended = [watcher] { return watcher->ended(); };
  hooks.stop = [watcher] { watcher->stop(); };
  hooks.delivered = [delivered] { return *delivered; };
  return std::make_shared<BridgeSubscription>(std::move(hooks), id);
}

}  // namespace nervure::bridge

#pragma once
// JetStream and key-value for the language packages: the core's consumers and
// watchers become sources polled like subscriptions (reported ready through the
// inbox), acknowledged publishes complete through the inbox.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "bridge.hpp"
#include "nervure/jetstream.hpp"
#include "nervure/jetstream_consumer.hpp"
#include "nervure/kv.hpp"

namespace nervure::bridge {

class BridgeJetStream {
 public:
  BridgeJetStream(Bridge& bridge, JetStreamOptions options);
  JetStream& js() { return js_; }
  Connection& connection() { return *conn_; }
  const std::shared_ptr<Inbox>& inbox() const { return inbox_; }

  /// A consumer's message stream as a source: messages keep their ack reply subject.
  std::shared_ptr<BridgeSubscription> source(std::shared_ptr<MessageStream> stream, std::string name);
  /// Messages already fetched, as a source that ends once they are taken.
  std::shared_ptr<BridgeSubscription> fetched(std::vector<JsMessage> messages, std::string name);
  /// Acknowledged publish completing through the inbox; the message data is the PubAck as JSON.
  void publish(AsyncTarget target, std::string_view subject, std::string_view data, const PublishOptions& options);

  /// A fetch from a pull consumer named by the languages. Its handle is
  /// looked up once (CONSUMER.INFO) and then remembered, as an application
  /// holds on to one: looking it up on every fetch made each fetch two round trips.
  std::vector<JsMessage> fetch(std::string_view stream, std::string_view consumer, const FetchOptions& options);
  /// The handle is looked up again next time (name empty: every consumer of
  /// the stream). For what changes or removes a consumer.
  void forget_consumer(std::string_view stream, std::string_view name);

 private:
  std::shared_ptr<Inbox> inbox_;
  std::shared_ptr<Connection> conn_;
  JetStream js_;
  /// The remembered handle, or a fresh one (remembered: whether it was).
  PullConsumer pull_consumer(std::string_view stream, std::string_view name, bool& remembered);

  std::mutex consumers_mu_;
  std::map<std::pair<std::string, std::string>, PullConsumer> consumers_;
};

/// An entry as the languages read it; "{}" when there is none.
std::string entry_json(const std::optional<KeyValueEntry>& entry);

class BridgeKeyValue {
 public:
  BridgeKeyValue(std::shared_ptr<Inbox> inbox, KeyValue kv) : inbox_(std::move(inbox)), kv_(std::move(kv)) {}
  KeyValue& kv() { return kv_; }
  /// put and get completing through the inbox, for event loops (the loop polls
  /// for them as for a request's reply): the message data is the revision in
  /// decimal, or entry_json of the entry.
  void put(AsyncTarget target, std::string_view key, std::string_view value);
  void get(AsyncTarget target, std::string_view key, uint64_t revision);
  /// Entries as messages: subject = key, data = value, headers KV-Operation,
  /// KV-Revision, KV-Delta, KV-Created; once the initial values are all
  /// delivered, one message with an empty subject and header KV-Initial-Done.
  std::shared_ptr<BridgeSubscription> watch(std::shared_ptr<KvWatcher> watcher, std::string name);

 private:
  std::shared_ptr<Inbox> inbox_;
  KeyValue kv_;
};

}  // namespace nervure::bridge

#pragma once
// JetStream over a connection: the $JS.API request/response protocol, streams,
// acknowledged publishing, consumers. A feature the connected server cannot
// honour raises NotSupportedByServerError before anything is sent.
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nervure/connection.hpp"
#include "nervure/jetstream_consumer.hpp"
#include "nervure/jetstream_message.hpp"
#include "nervure/jetstream_types.hpp"

namespace nervure {

namespace detail {
class JetStreamImpl;
}

class KeyValue;
struct KeyValueConfig;

/// Completion of an asynchronous publish. Runs on a core thread: it must not
/// block. On failure, error holds a nervure::Error and ack is empty.
using PubAckCallback = std::function<void(PubAck&& ack, std::exception_ptr error)>;

/// A cheap handle: copies share the context (its API level, its async window).
class JetStream {
 public:
  explicit JetStream(std::shared_ptr<Connection> connection, JetStreamOptions options = {});
  /// Another handle on the same context.
  explicit JetStream(std::shared_ptr<detail::JetStreamImpl> impl);
  ~JetStream();
  JetStream(const JetStream&) = default;
  JetStream& operator=(const JetStream&) = default;

  /// The server's JetStream API level (0 before nats-server 2.11), read once.
  int api_level();
  AccountInfo account_info();

  // Streams.
  StreamInfo add_stream(const StreamConfig& config);
  StreamInfo update_stream(const StreamConfig& config);
  StreamInfo stream_info(const std::string& name);
  void delete_stream(const std::string& name);
  /// Removes messages (see PurgeOptions); returns how many.
  uint64_t purge_stream(const std::string& name, const PurgeOptions& options = {});
  uint64_t purge_stream(const std::string& name, const std::string& subject, uint64_t keep = 0);
  /// Every stream (paged through), optionally only those bound to subject.
  std::vector<std::string> stream_names(const std::string& subject = "");
  std::vector<StreamInfo> streams(const std::string& subject = "");

  // Stored messages. Gets use the direct API when the stream allows it.
  StoredMessage get_msg(const std::string& stream, uint64_t seq);
  StoredMessage get_last_msg(const std::string& stream, const std::string& subject);
  /// Up to batch messages on subject from sequence start (direct batch get, API level 1).
  std::vector<StoredMessage> get_msgs(const std::string& stream, const std::string& subject, uint64_t start_seq,
                                      int batch);
  /// The last message of each subject (wildcards allowed; direct multi get, API level 1).
  std::vector<StoredMessage> get_last_msgs(const std::string& stream, const std::vector<std::string>& subjects);
  /// Removes one message; erase overwrites its bytes on disk as well.
  void delete_msg(const std::string& stream, uint64_t seq, bool erase = false);

  // Publishing.
  /// Publishes and waits for the stream's acknowledgement, retrying while the
  /// stream has no leader (options.publish_retry_*). A subject no stream takes
  /// fails with NoRespondersError ("no stream matches subject").
  PubAck publish(const std::string& subject, std::string_view data, const PublishOptions& options = {});
  /// Publishes without waiting; at most max_pending_acks outstanding (waits up
  /// to stall_wait for room, then TimeoutError). A lost acknowledgement fails
  /// with TimeoutError after the publish timeout.
  std::future<PubAck> publish_async(const std::string& subject, std::string_view data,
                                    const PublishOptions& options = {});
  void publish_async(const std::string& subject, std::string_view data, const PublishOptions& options,
                     PubAckCallback done);
  /// Waits until every asynchronous publish has its outcome; TimeoutError otherwise.
  void publish_async_complete(Duration timeout);
  int publish_async_pending() const;

  // Consumers.
  /// Creates a consumer (fails when one with another configuration exists).
  ConsumerInfo add_consumer(const std::string& stream, const ConsumerConfig& config);
  /// Changes an existing consumer (fails when there is none).
  ConsumerInfo update_consumer(const std::string& stream, const ConsumerConfig& config);
  ConsumerInfo create_or_update_consumer(const std::string& stream, const ConsumerConfig& config);
  ConsumerInfo consumer_info(const std::string& stream, const std::string& name);
  void delete_consumer(const std::string& stream, const std::string& name);
  std::vector<std::string> consumer_names(const std::string& stream);
  std::vector<ConsumerInfo> consumers(const std::string& stream);
  /// Pauses delivery until a time (API level 1); resume_consumer ends it.
  ConsumerInfo pause_consumer(const std::string& stream, const std::string& name, TimePoint until);
  ConsumerInfo resume_consumer(const std::string& stream, const std::string& name);

  /// Binds to an existing pull consumer.
  PullConsumer pull_consumer(const std::string& stream, const std::string& name);
  std::shared_ptr<MessageStream> ordered_consumer(const std::string& stream, OrderedConsumerConfig config = {});
  std::shared_ptr<MessageStream> ordered_consumer(const std::string& stream, JsMessageHandler handler,
                                                  OrderedConsumerConfig config = {});
  /// Receives from an existing push consumer (its deliver subject, and its
  /// deliver group as the queue), answering flow control and watching heartbeats.
  std::shared_ptr<MessageStream> push_subscribe(const std::string& stream, const std::string& consumer,
                                                ConsumeErrorHandler on_error = nullptr);
  std::shared_ptr<MessageStream> push_subscribe(const std::string& stream, const std::string& consumer,
                                                JsMessageHandler handler, ConsumeErrorHandler on_error = nullptr);

  // Key-value buckets (kv.hpp).
  KeyValue create_key_value(const KeyValueConfig& config);
  KeyValue update_key_value(const KeyValueConfig& config);
  KeyValue key_value(const std::string& bucket);
  void delete_key_value(const std::string& bucket);
  std::vector<std::string> key_value_names();

  std::shared_ptr<Connection> connection() const;
  const std::shared_ptr<detail::JetStreamImpl>& impl() const noexcept { return impl_; }

 private:
  std::shared_ptr<detail::JetStreamImpl> impl_;
};

}  // namespace nervure

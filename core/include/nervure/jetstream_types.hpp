#pragma once
// JetStream records: stream and consumer configurations and the server's
// answers about them. Field names follow the server's JSON API; durations are
// milliseconds; "0" or empty means "the server's default" unless noted.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "nervure/message.hpp"
#include "nervure/options.hpp"

namespace nervure {

using TimePoint = std::chrono::system_clock::time_point;

enum class RetentionPolicy { limits, interest, workqueue };
enum class StorageType { file, memory };
enum class DiscardPolicy { old, new_ };
enum class Compression { none, s2 };  // s2: nats-server 2.10 and newer
enum class DeliverPolicy { all, last, new_, by_start_sequence, by_start_time, last_per_subject };
enum class AckPolicy { none, all, explicit_ };
enum class ReplayPolicy { instant, original };

struct JetStreamOptions {
  std::string domain;      // $JS.<domain>.API
  std::string api_prefix;  // a custom prefix (imports across accounts); overrides domain
  Duration timeout{5000};  // each API request, and the default publish acknowledgement wait
  // Acknowledged publish: a 503 (no stream leader during an election) is retried.
  int publish_retry_attempts = 2;
  Duration publish_retry_wait{250};
  // Asynchronous publish: at most this many acknowledgements outstanding; a
  // publisher past the window waits up to stall_wait for room, then fails.
  int max_pending_acks = 256;
  Duration stall_wait{5000};
};

/// Where a mirror or a source reads from.
struct StreamSource {
  std::string name;
  uint64_t opt_start_seq = 0;
  std::optional<TimePoint> opt_start_time;
  std::string filter_subject;
  std::string external_api_prefix;      // another account or domain: its API prefix
  std::string external_deliver_prefix;
};

struct Placement {
  std::string cluster;
  std::vector<std::string> tags;
};

struct RePublish {
  std::string source;
  std::string destination;
  bool headers_only = false;
};

struct StreamConfig {
  std::string name;
  std::string description;
  std::vector<std::string> subjects;
  RetentionPolicy retention = RetentionPolicy::limits;
  StorageType storage = StorageType::file;
  int replicas = 1;
  int max_consumers = -1;
  int64_t max_msgs = -1;
  int64_t max_bytes = -1;
  Duration max_age{0};  // 0: unlimited
  int32_t max_msg_size = -1;
  int64_t max_msgs_per_subject = -1;
  DiscardPolicy discard = DiscardPolicy::old;
  bool discard_new_per_subject = false;
  Duration duplicate_window{0};  // 0: the server's default (2 minutes, or max_age when shorter)
  bool no_ack = false;
  bool allow_rollup = false;
  bool deny_delete = false;
  bool deny_purge = false;
  bool allow_direct = false;
  bool mirror_direct = false;
  bool sealed = false;
  std::optional<StreamSource> mirror;
  std::vector<StreamSource> sources;
  std::optional<Placement> placement;
  std::optional<RePublish> republish;
  Compression compression = Compression::none;    // nats-server 2.10+
  uint64_t first_seq = 0;                         // nats-server 2.10+
  std::map<std::string, std::string> metadata;    // nats-server 2.10+ (the server adds _nats.* keys)
  bool allow_msg_ttl = false;                     // per-message TTL: API level 1 (2.11+)
  Duration subject_delete_marker_ttl{0};          // API level 1 (2.11+)
};

struct StreamState {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  int consumer_count = 0;
  int64_t num_subjects = 0;
  int64_t num_deleted = 0;
};

struct ClusterInfo {
  std::string name;
  std::string leader;
  std::vector<std::string> replicas;  // peer names other than the leader
};

struct StreamInfo {
  StreamConfig config;
  StreamState state;
  ClusterInfo cluster;
  std::string created;   // RFC 3339
  std::string raw_json;  // the server's answer, for fields not modelled here
};

struct ConsumerConfig {
  std::string name;          // empty: the durable name, or a generated one for an ephemeral
  std::string durable_name;  // set: a durable consumer
  std::string description;
  DeliverPolicy deliver_policy = DeliverPolicy::all;
  uint64_t opt_start_seq = 0;                 // by_start_sequence
  std::optional<TimePoint> opt_start_time;    // by_start_time
  AckPolicy ack_policy = AckPolicy::explicit_;
  Duration ack_wait{0};
  int64_t max_deliver = 0;                    // 0: unlimited (the server's -1)
  std::vector<Duration> backoff;              // redelivery delays; needs max_deliver > len(backoff)
  std::string filter_subject;
  std::vector<std::string> filter_subjects;   // several filters: nats-server 2.10+
  ReplayPolicy replay_policy = ReplayPolicy::instant;
  uint64_t rate_limit_bps = 0;
  std::string sample_freq;
  int64_t max_waiting = 0;                    // pull: outstanding pull requests
  int64_t max_ack_pending = 0;
  bool headers_only = false;
  int64_t max_batch = 0;                      // pull: limits a single request
  Duration max_expires{0};
  int64_t max_bytes = 0;
  // Push consumers only.
  std::string deliver_subject;
  std::string deliver_group;
  bool flow_control = false;
  Duration idle_heartbeat{0};
  Duration inactive_threshold{0};             // ephemerals (and durables on 2.10+) are removed when idle this long
  int replicas = 0;                           // 0: the stream's
  bool mem_storage = false;
  std::map<std::string, std::string> metadata;  // nats-server 2.10+
  std::optional<TimePoint> pause_until;         // API level 1 (2.11+)
};

struct SequenceInfo {
  uint64_t consumer_seq = 0;
  uint64_t stream_seq = 0;
};

struct ConsumerInfo {
  std::string stream;
  std::string name;
  ConsumerConfig config;
  SequenceInfo delivered;
  SequenceInfo ack_floor;
  int64_t num_ack_pending = 0;
  int64_t num_redelivered = 0;
  int64_t num_waiting = 0;
  uint64_t num_pending = 0;
  bool push_bound = false;
  bool paused = false;
  ClusterInfo cluster;
  std::string created;  // RFC 3339
  std::string raw_json;
};

struct AccountInfo {
  uint64_t memory = 0;
  uint64_t storage = 0;
  int64_t streams = 0;
  int64_t consumers = 0;
  std::string domain;
  int api_level = 0;  // 0 for servers before 2.11
  std::string raw_json;
};

struct PublishOptions {
  std::string msg_id;  // Nats-Msg-Id: de-duplication within the stream's window
  std::string expected_stream;
  std::optional<uint64_t> expected_last_seq;
  std::optional<uint64_t> expected_last_subject_seq;
  std::string expected_last_msg_id;
  Duration ttl{0};                  // per-message TTL (stream must allow it; API level 1)
  std::optional<Duration> timeout;  // default: the context's
  const Headers* headers = nullptr;
};

struct PubAck {
  std::string stream;
  uint64_t seq = 0;
  bool duplicate = false;
  std::string domain;
};

/// A message as the stream stored it.
struct StoredMessage {
  std::string stream;
  std::string subject;
  uint64_t seq = 0;
  std::string data;
  Headers headers;
  std::string time;  // RFC 3339, UTC
};

/// Purge: everything, or only subject, keeping the newest keep, or below sequence.
struct PurgeOptions {
  std::string subject;
  uint64_t keep = 0;
  uint64_t up_to_seq = 0;  // removes messages with a lower sequence
};

/// The server's JSON for each record, for bindings that cross languages as JSON.
std::string to_json(const StreamConfig& config);
std::string to_json(const ConsumerConfig& config);
StreamConfig stream_config_from_json(const std::string& json);
ConsumerConfig consumer_config_from_json(const std::string& json);

}  // namespace nervure

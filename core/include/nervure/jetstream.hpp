#pragma once
// JetStream over a connection: the $JS.API request/response protocol, stream
// management and acknowledged publishing. Features the connected server cannot
// honour raise NotSupportedByServerError before anything is sent.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nervure/connection.hpp"

namespace nervure {

struct JetStreamOptions {
  std::string domain;      // $JS.<domain>.API
  std::string api_prefix;  // a custom prefix (imports across accounts); overrides domain
  Duration timeout{5000};  // each API request
};

struct StreamConfig {
  std::string name;
  std::vector<std::string> subjects;
  std::string retention = "limits";  // limits, interest, workqueue
  std::string storage = "file";      // file, memory
  int replicas = 1;
  int64_t max_msgs = -1;
  int64_t max_bytes = -1;
  Duration max_age{0};               // 0: unlimited
  int32_t max_msg_size = -1;
  int64_t max_msgs_per_subject = -1;
  std::string discard = "old";       // old, new
  Duration duplicate_window{0};      // 0: the server's default (2 minutes)
  bool allow_rollup = false;
  bool deny_delete = false;
  bool deny_purge = false;
  bool allow_direct = false;
  bool allow_msg_ttl = false;        // per-message TTL: API level 1 (server 2.11) and newer
  std::map<std::string, std::string> metadata;  // API level 1 and newer
};

struct StreamState {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  int consumer_count = 0;
};

struct StreamInfo {
  StreamConfig config;
  StreamState state;
  std::string raw_json;  // the server's answer, for fields not modelled here
};

struct PublishOptions {
  std::string msg_id;                          // Nats-Msg-Id: de-duplication within the window
  std::string expected_stream;
  std::optional<uint64_t> expected_last_seq;
  std::optional<uint64_t> expected_last_subject_seq;
  std::string expected_last_msg_id;
  Duration ttl{0};                             // per-message TTL (stream must allow it)
  std::optional<Duration> timeout;             // default: the context's
  const Headers* headers = nullptr;
};

/// A message as the stream stored it.
struct StoredMessage {
  std::string subject;
  uint64_t seq = 0;
  std::string data;
  Headers headers;
  std::string time;  // RFC 3339, as the server reports it
};

struct PubAck {
  std::string stream;
  uint64_t seq = 0;
  bool duplicate = false;
  std::string domain;
};

namespace detail {
class JetStreamImpl;
}

class JetStream {
 public:
  explicit JetStream(std::shared_ptr<Connection> connection, JetStreamOptions options = {});
  ~JetStream();

  /// The server's JetStream API level (0 for servers before 2.11), read once.
  int api_level();
  /// $JS.API.INFO as JSON.
  std::string account_info();

  StreamInfo add_stream(const StreamConfig& config);
  StreamInfo update_stream(const StreamConfig& config);
  StreamInfo stream_info(const std::string& name);
  void delete_stream(const std::string& name);
  /// Removes messages: all, or only those on subject, or keeping the newest keep. Returns how many.
  uint64_t purge_stream(const std::string& name, const std::string& subject = "", uint64_t keep = 0);
  /// Every stream name (paged through), optionally those bound to a subject.
  std::vector<std::string> stream_names(const std::string& subject = "");

  /// A stored message by sequence, or the last one on a subject.
  StoredMessage get_msg(const std::string& stream, uint64_t seq);
  StoredMessage get_last_msg(const std::string& stream, const std::string& subject);
  /// Removes one message; erase overwrites its bytes on disk as well.
  void delete_msg(const std::string& stream, uint64_t seq, bool erase = false);

  /// Publishes and waits for the stream's acknowledgement. A message no stream
  /// listens to fails with NoRespondersError ("no stream matches subject").
  PubAck publish(const std::string& subject, std::string_view data, const PublishOptions& options = {});

 private:
  std::unique_ptr<detail::JetStreamImpl> impl_;
};

}  // namespace nervure

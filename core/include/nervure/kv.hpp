#pragma once
// Key-value buckets on JetStream (ADR-8): a bucket is the stream KV_<bucket>,
// a key the subject $KV.<bucket>.<key>, a revision the stream sequence.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nervure/jetstream.hpp"

namespace nervure {

namespace detail {
class JetStreamImpl;
class KvWatchCore;
}  // namespace detail

struct KeyValueConfig {
  std::string bucket;             // letters, digits, '_' and '-'
  std::string description;
  int history = 1;                // values kept per key, 1 to 64
  Duration ttl{0};                // how long a value lives; 0: forever
  int32_t max_value_size = -1;
  int64_t max_bytes = -1;
  StorageType storage = StorageType::file;
  int replicas = 1;
  bool compression = false;       // nats-server 2.10+
  Duration limit_marker_ttl{0};   // markers for values removed by age, and per-key TTLs: API level 1 (2.11+)
  std::map<std::string, std::string> metadata;  // nats-server 2.10+
  std::optional<Placement> placement;
  std::optional<RePublish> republish;
};

enum class KvOperation { put, del, purge };

struct KeyValueEntry {
  std::string bucket;
  std::string key;
  std::string value;
  uint64_t revision = 0;
  uint64_t delta = 0;  // how many newer values a watcher's initial pass still has to deliver
  KvOperation operation = KvOperation::put;
  std::string created;  // RFC 3339, UTC
};

struct KeyValueStatus {
  std::string bucket;
  uint64_t values = 0;  // every stored value, history included
  int history = 1;
  Duration ttl{0};
  Duration limit_marker_ttl{0};
  bool compressed = false;
  std::string backing_store = "JetStream";
  uint64_t bytes = 0;
  std::map<std::string, std::string> metadata;
  StreamInfo stream_info;
};

struct KvWatchOptions {
  bool include_history = false;  // every stored value, not only the latest per key
  bool ignore_deletes = false;   // no delete or purge entries
  bool meta_only = false;        // entries without values
  bool updates_only = false;     // only changes made from now on
  ConsumeErrorHandler on_error;  // recoveries after reconnects and the like
};

/// Entries as they change. Entries are queued in the core; take them with next().
class KvWatcher {
 public:
  explicit KvWatcher(std::shared_ptr<detail::KvWatchCore> core);
  ~KvWatcher();  // stops
  KvWatcher(const KvWatcher&) = delete;
  KvWatcher& operator=(const KvWatcher&) = delete;

  /// The next entry. std::nullopt exactly once when the initial values have all
  /// been delivered (at once with updates_only or an empty bucket), and again
  /// for good once the watch has ended (ended() tells them apart). Throws the
  /// error that ended the watch, or TimeoutError when nothing came in time.
  std::optional<KeyValueEntry> next(Duration timeout);
  /// Called on a core thread when entries are waiting; it must only schedule work.
  void set_ready_notifier(std::function<void()> notify);
  bool initial_done() const;
  void stop();
  bool ended() const;

 private:
  std::shared_ptr<detail::KvWatchCore> core_;
};

class KeyValue {
 public:
  KeyValue(std::shared_ptr<detail::JetStreamImpl> js, const StreamInfo& info);

  const std::string& bucket() const noexcept { return bucket_; }

  /// Stores a value; returns its revision.
  uint64_t put(const std::string& key, std::string_view value);
  /// The current value; std::nullopt when the key is absent, deleted or purged.
  std::optional<KeyValueEntry> get(const std::string& key);
  /// A given revision of a key; std::nullopt when it is not (or no longer) stored.
  std::optional<KeyValueEntry> get(const std::string& key, uint64_t revision);
  /// put and get without waiting, for callers that must not block (an event
  /// loop): done runs once, on a core thread, with the result or the error.
  /// put_async goes the way of JetStream::publish_async (at most
  /// max_pending_acks outstanding); get_async reads as get does.
  using PutCallback = std::function<void(uint64_t revision, std::exception_ptr error)>;
  using GetCallback = std::function<void(std::optional<KeyValueEntry>&& entry, std::exception_ptr error)>;
  void put_async(const std::string& key, std::string_view value, PutCallback done);
  /// revision 0: the current value.
  void get_async(const std::string& key, uint64_t revision, GetCallback done);
  /// Stores only when the key is absent (or deleted); a TTL (per key, API level 1)
  /// needs a bucket with limit_marker_ttl. JetStreamApiError 10071 when it exists.
  uint64_t create(const std::string& key, std::string_view value, Duration ttl = Duration(0));
  /// Compare-and-set: stores only when the key's revision is still last_revision
  /// (JetStreamApiError 10071 otherwise).
  uint64_t update(const std::string& key, std::string_view value, uint64_t last_revision);
  /// Deletes the key, keeping its history; with last_revision, only if unchanged.
  void del(const std::string& key, std::optional<uint64_t> last_revision = std::nullopt);
  /// Deletes the key and its history, leaving a purge marker (which may carry a TTL).
  void purge(const std::string& key, Duration ttl = Duration(0));

  /// Keys with a current value, optionally matching filters (wildcards allowed).
  std::vector<std::string> keys(const std::vector<std::string>& filters = {});
  /// Every stored value of the key, oldest first, deletes and purges included.
  std::vector<KeyValueEntry> history(const std::string& key);
  /// Watches keys ("" or ">" for all; several filters need nats-server 2.10).
  std::shared_ptr<KvWatcher> watch(const std::string& keys = ">", KvWatchOptions options = {});
  std::shared_ptr<KvWatcher> watch(const std::vector<std::string>& keys, KvWatchOptions options = {});

  KeyValueStatus status();

 private:
  uint64_t publish(const std::string& key, std::string_view value, const PublishOptions& options);

  std::shared_ptr<detail::JetStreamImpl> js_;
  std::string bucket_;
  std::string stream_;
  std::string prefix_;  // $KV.<bucket>.
};

}  // namespace nervure

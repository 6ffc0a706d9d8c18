// Watching keys: an ordered consumer on the bucket's stream whose messages
// become entries, with the end of the initial values marked once (ADR-8).
// keys() and history() are watches read up to that mark.
#include <condition_variable>
#include <deque>
#include <mutex>

#include "jetstream/ordered_stream.hpp"
#include "jetstream/util.hpp"
#include "kv/kv_codec.hpp"
#include "nervure/kv.hpp"

namespace nervure {
namespace detail {

class KvWatchCore {
 public:
  void push(KeyValueEntry&& entry) { add(std::move(entry)); }
  void mark_initial_done() {
    {
      std::lock_guard lock(mu_);
      if (initial_done_) return;
      initial_done_ = true;
    }
    add(std::nullopt);
  }
  bool initial_done() const {
    std::lock_guard lock(mu_);
    return initial_done_;
  }
  void wake() {
    std::function<void()> notify;
    {
      std::lock_guard lock(mu_);
      notify = notify_;
    }
    cv_.notify_all();
    if (notify) notify();
  }

  std::optional<KeyValueEntry> next(Duration timeout) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, timeout, [&] { return !queue_.empty() || stream_->ended(); });
    if (!queue_.empty()) {
      auto item = std::move(queue_.front());
      queue_.pop_front();
      return item;
    }
    if (stream_->ended()) {
      if (auto error = stream_->error()) std::rethrow_exception(error);
      return std::nullopt;
    }
    throw Error(ErrorCode::timeout, "no key-value change within " + std::to_string(timeout.count()) + " ms");
  }

  void set_notifier(std::function<void()> notify) {
    bool now;
    {
      std::lock_guard lock(mu_);
      notify_ = notify;
      now = !queue_.empty();
    }
    if (now && notify) notify();
  }

  std::shared_ptr<MessageStream> stream_;

 private:
  void add(std::optional<KeyValueEntry>&& item) {
    std::function<void()> notify;
    {
      std::lock_guard lock(mu_);
      if (queue_.empty()) notify = notify_;
      queue_.push_back(std::move(item));
    }
    cv_.notify_all();
    if (notify) notify();
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::optional<KeyValueEntry>> queue_;
  bool initial_done_ = false;
  std::function<void()> notify_;
};

}  // namespace detail

KvWatcher::KvWatcher(std::shared_ptr<detail::KvWatchCore> core) : core_(std::move(core)) {}
KvWatcher::~KvWatcher() { stop(); }
std::optional<KeyValueEntry> KvWatcher::next(Duration timeout) { return core_->next(timeout); }
void KvWatcher::set_ready_notifier(std::function<void()> notify) { core_->set_notifier(std::move(notify)); }
bool KvWatcher::initial_done() const { return core_->initial_done(); }
void KvWatcher::stop() {
  core_->stream_->stop();
  core_->wake();
}
bool KvWatcher::ended() const { return core_->stream_->ended(); }

std::shared_ptr<KvWatcher> KeyValue::watch(const std::string& keys, KvWatchOptions options) {
  return watch(std::vector<std::string>{keys}, std::move(options));
}

std::shared_ptr<KvWatcher> KeyValue::watch(const std::vector<std::string>& keys, KvWatchOptions options) {
  if (options.include_history && options.updates_only)
    throw Error(ErrorCode::invalid_argument, "a watch takes include_history or updates_only, not both");
  OrderedConsumerConfig oc;
  for (auto& k : keys) {
    if (k.empty() || k == ">") {
      oc.filter_subjects.push_back(prefix_ + ">");
      continue;
    }
    detail::validate_key(k, true);
    oc.filter_subjects.push_back(prefix_ + k);
  }
  if (oc.filter_subjects.empty()) oc.filter_subjects.push_back(prefix_ + ">");
  oc.deliver_policy = options.include_history ? DeliverPolicy::all
                      : options.updates_only  ? DeliverPolicy::new_
                                              : DeliverPolicy::last_per_subject;
  oc.headers_only = options.meta_only;
  oc.consume.on_error = options.on_error;

  auto core = std::make_shared<detail::KvWatchCore>();
  std::weak_ptr<detail::KvWatchCore> weak = core;
  const bool updates_only = options.updates_only;
  const bool ignore_deletes = options.ignore_deletes;
  auto on_created = [weak, updates_only](const ConsumerInfo& info) {
    // Nothing to catch up on: the initial values are complete already.
    if (auto c = weak.lock(); c && (updates_only || info.num_pending == 0)) c->mark_initial_done();
  };
  auto handler = [weak, ignore_deletes, bucket = bucket_, prefix = prefix_](JsMessage&& m) {
    auto c = weak.lock();
    if (!c) return;
    auto meta = m.metadata();
    KeyValueEntry e;
    e.bucket = bucket;
    e.key = m.subject().rfind(prefix, 0) == 0 ? m.subject().substr(prefix.size()) : m.subject();
    e.revision = meta.stream_seq;
    e.delta = meta.num_pending;
    e.operation = detail::kv_operation(m.headers());
    e.created = detail::format_time(TimePoint(
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(meta.timestamp_ns))));
    e.value = std::move(m.message().data);
    if (!(ignore_deletes && e.operation != KvOperation::put)) c->push(std::move(e));
    if (meta.num_pending == 0) c->mark_initial_done();
  };
  auto stream = std::make_shared<detail::OrderedStream>(js_, stream_, std::move(oc), std::move(handler), on_created);
  core->stream_ = std::make_shared<MessageStream>(stream);
  core->stream_->set_ready_notifier([weak] {
    if (auto c = weak.lock()) c->wake();
  });
  stream->launch();
  return std::make_shared<KvWatcher>(core);
}

std::vector<std::string> KeyValue::keys(const std::vector<std::string>& filters) {
  KvWatchOptions o;
  o.ignore_deletes = true;
  o.meta_only = true;
  auto w = watch(filters.empty() ? std::vector<std::string>{">"} : filters, o);
  std::vector<std::string> out;
  for (;;) {
    auto e = w->next(js_->options().timeout);
    if (!e) break;
    out.push_back(std::move(e->key));
  }
  return out;
}

std::vector<KeyValueEntry> KeyValue::history(const std::string& key) {
  detail::validate_key(key, true);
  KvWatchOptions o;
  o.include_history = true;
  auto w = watch(key, o);
  std::vector<KeyValueEntry> out;
  for (;;) {
    auto e = w->next(js_->options().timeout);
    if (!e) break;
    out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace nervure

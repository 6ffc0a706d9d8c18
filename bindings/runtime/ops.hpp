#pragma once
// One function per operation of bindings/api/*.json, named object_operation:
// the single place that says what an operation does in terms of the core.
// Generated glue in every language calls these with arguments already
// converted to C++ views; durations arrive in milliseconds. Asynchronous
// operations take an AsyncTarget right after the object.
#include <cstdint>
#include <string>
#include <string_view>

#include "actor_host.hpp"
#include "bridge.hpp"
#include "jetstream_bridge.hpp"
#include "nervure/actors_json.hpp"
#include "nervure/jetstream_json.hpp"

namespace nervure::ops {

using bridge::AsyncTarget;
using bridge::Bridge;
using bridge::BridgeActorHost;
using bridge::BridgeJetStream;
using bridge::BridgeKeyValue;
using bridge::BridgeSubscription;

inline Duration ms(int64_t v) {
  if (v < 0) throw Error(ErrorCode::invalid_argument, "a duration must not be negative");
  return Duration(v);
}

// ---- connection -------------------------------------------------------------
inline void connection_publish(Bridge& c, std::string_view subject, std::string_view data, std::string_view reply,
                               const Headers* headers) {
  if (headers) c.connection().publish(subject, data, reply, *headers);
  else c.connection().publish(subject, data, reply);
}
inline std::shared_ptr<BridgeSubscription> connection_subscribe(Bridge& c, std::string_view subject,
                                                                std::string_view queue, int64_t max_msgs,
                                                                int64_t pending_msgs_limit,
                                                                int64_t pending_bytes_limit) {
  return c.subscribe(subject, SubscribeOptions{std::string(queue), max_msgs, pending_msgs_limit, pending_bytes_limit});
}
inline void connection_request(Bridge& c, AsyncTarget target, std::string_view subject, std::string_view data,
                               int64_t timeout_ms, const Headers* headers) {
  c.request(std::move(target), subject, data, ms(timeout_ms), headers);
}
inline void connection_flush(Bridge& c, AsyncTarget target, int64_t timeout_ms) {
  c.flush(std::move(target), ms(timeout_ms));
}
inline void connection_drain(Bridge& c, int64_t timeout_ms) { c.connection().drain(ms(timeout_ms)); }
inline void connection_close(Bridge& c) { c.connection().close(); }
inline bool connection_is_connected(Bridge& c) { return c.connection().is_connected(); }
inline bool connection_is_reconnecting(Bridge& c) { return c.connection().is_reconnecting(); }
inline bool connection_is_closed(Bridge& c) { return c.connection().is_closed(); }
inline Stats connection_stats(Bridge& c) { return c.connection().stats(); }
inline std::string connection_server_info(Bridge& c) { return c.connection().server_info().raw_json; }
inline std::string connection_connected_url(Bridge& c) { return c.connection().connected_url(); }
inline std::string connection_new_inbox(Bridge& c) { return c.connection().new_inbox(); }
inline int64_t connection_max_payload(Bridge& c) { return c.connection().max_payload(); }

// ---- subscription -----------------------------------------------------------
inline void subscription_unsubscribe(BridgeSubscription& s) { s.unsubscribe(); }
inline void subscription_drain(BridgeSubscription& s, int64_t timeout_ms) { s.core().drain(ms(timeout_ms)); }
inline void subscription_auto_unsubscribe(BridgeSubscription& s, int64_t max_msgs) {
  if (max_msgs <= 0) throw Error(ErrorCode::invalid_argument, "max_msgs must be positive");
  s.core().auto_unsubscribe(max_msgs);
}
inline void subscription_set_pending_limits(BridgeSubscription& s, int64_t msgs_limit, int64_t bytes_limit) {
  if (msgs_limit == 0 || bytes_limit == 0 || msgs_limit < -1 || bytes_limit < -1)
    throw Error(ErrorCode::invalid_argument, "pending limits are positive, or -1 for unlimited");
  s.core().set_pending_limits(msgs_limit, bytes_limit);
}
inline int64_t subscription_pending(BridgeSubscription& s) {
  return s.is_subscription() ? s.core().pending_msgs() : 0;  // other sources buffer upstream
}
inline int64_t subscription_pending_bytes(BridgeSubscription& s) {
  return s.is_subscription() ? s.core().pending_bytes() : 0;  // other sources buffer upstream
}
inline int64_t subscription_dropped(BridgeSubscription& s) {
  return s.is_subscription() ? s.core().dropped() : 0;  // other sources buffer upstream
}
inline int64_t subscription_delivered(BridgeSubscription& s) { return static_cast<int64_t>(s.delivered()); }

// ---- JetStream ----------------------------------------------------------------
inline std::shared_ptr<BridgeJetStream> connection_jetstream(Bridge& c, std::string_view domain,
                                                             std::string_view api_prefix, int64_t timeout_ms) {
  JetStreamOptions o;
  o.domain = domain;
  o.api_prefix = api_prefix;
  o.timeout = ms(timeout_ms);
  if (o.timeout.count() == 0) throw Error(ErrorCode::invalid_argument, "the JetStream timeout must be positive");
  return std::make_shared<BridgeJetStream>(c, std::move(o));
}
inline std::string jetstream_account_info(BridgeJetStream& j) { return j.js().account_info().raw_json; }
inline std::string jetstream_add_stream(BridgeJetStream& j, std::string_view config) {
  return j.js().add_stream(json_api::stream_config(config)).raw_json;
}
inline std::string jetstream_update_stream(BridgeJetStream& j, std::string_view config) {
  return j.js().update_stream(json_api::stream_config(config)).raw_json;
}
inline std::string jetstream_stream_info(BridgeJetStream& j, std::string_view name) {
  return j.js().stream_info(std::string(name)).raw_json;
}
inline void jetstream_delete_stream(BridgeJetStream& j, std::string_view name) {
  j.forget_consumer(name, "");
  j.js().delete_stream(std::string(name));
}
inline int64_t jetstream_purge_stream(BridgeJetStream& j, std::string_view name, std::string_view subject,
                                      int64_t keep, int64_t up_to_seq) {
  if (keep < 0 || up_to_seq < 0) throw Error(ErrorCode::invalid_argument, "keep and up_to_seq must not be negative");
  PurgeOptions o{std::string(subject), static_cast<uint64_t>(keep), static_cast<uint64_t>(up_to_seq)};
  return static_cast<int64_t>(j.js().purge_stream(std::string(name), o));
}
inline std::string jetstream_stream_names(BridgeJetStream& j, std::string_view subject) {
  return json_api::names_json(j.js().stream_names(std::string(subject)));
}
inline std::string jetstream_streams(BridgeJetStream& j, std::string_view subject) {
  std::vector<std::string> raw;
  for (auto& info : j.js().streams(std::string(subject))) raw.push_back(std::move(info.raw_json));
  return json_api::list_json("streams", raw);
}
inline std::string jetstream_get_msg(BridgeJetStream& j, std::string_view stream, int64_t seq,
                                     std::string_view last_by_subject) {
  if (!last_by_subject.empty()) return json_api::to_json(j.js().get_last_msg(std::string(stream), std::string(last_by_subject)));
  if (seq <= 0) throw Error(ErrorCode::invalid_argument, "get_msg needs a sequence (1 or more) or last_by_subject");
  return json_api::to_json(j.js().get_msg(std::string(stream), static_cast<uint64_t>(seq)));
}
inline void jetstream_delete_msg(BridgeJetStream& j, std::string_view stream, int64_t seq, bool erase) {
  if (seq <= 0) throw Error(ErrorCode::invalid_argument, "delete_msg needs a sequence (1 or more)");
  j.js().delete_msg(std::string(stream), static_cast<uint64_t>(seq), erase);
}
inline void jetstream_publish(BridgeJetStream& j, AsyncTarget target, std::string_view subject, std::string_view data,
                              const Headers* headers, std::string_view msg_id, std::string_view expected_stream,
                              int64_t expected_last_seq, int64_t expected_last_subject_seq,
                              std::string_view expected_last_msg_id, int64_t ttl_ms, int64_t timeout_ms) {
  PublishOptions o;
  o.msg_id = msg_id;
  o.expected_stream = expected_stream;
  if (expected_last_seq >= 0) o.expected_last_seq = static_cast<uint64_t>(expected_last_seq);
  if (expected_last_subject_seq >= 0) o.expected_last_subject_seq = static_cast<uint64_t>(expected_last_subject_seq);
  o.expected_last_msg_id = expected_last_msg_id;
  o.ttl = ms(ttl_ms);
  if (timeout_ms > 0) o.timeout = ms(timeout_ms);
  o.headers = headers;
  j.publish(std::move(target), subject, data, o);
}
inline void jetstream_publish_async_complete(BridgeJetStream& j, int64_t timeout_ms) {
  j.js().publish_async_complete(ms(timeout_ms));
}
inline std::string jetstream_add_consumer(BridgeJetStream& j, std::string_view stream, std::string_view config) {
  j.forget_consumer(stream, "");  // the name is inside config; a changed consumer is looked up again
  return j.js().add_consumer(std::string(stream), json_api::consumer_config(config)).raw_json;
}
inline std::string jetstream_update_consumer(BridgeJetStream& j, std::string_view stream, std::string_view config) {
  j.forget_consumer(stream, "");
  return j.js().update_consumer(std::string(stream), json_api::consumer_config(config)).raw_json;
}
inline std::string jetstream_consumer_info(BridgeJetStream& j, std::string_view stream, std::string_view name) {
  return j.js().consumer_info(std::string(stream), std::string(name)).raw_json;
}
inline void jetstream_delete_consumer(BridgeJetStream& j, std::string_view stream, std::string_view name) {
  j.forget_consumer(stream, name);
  j.js().delete_consumer(std::string(stream), std::string(name));
}
inline std::string jetstream_consumer_names(BridgeJetStream& j, std::string_view stream) {
  return json_api::names_json(j.js().consumer_names(std::string(stream)));
}
inline std::shared_ptr<BridgeSubscription> jetstream_fetch(BridgeJetStream& j, std::string_view stream,
                                                           std::string_view consumer, int64_t batch,
                                                           int64_t expires_ms, bool no_wait) {
  if (batch < 1) throw Error(ErrorCode::invalid_argument, "fetch needs a batch of 1 or more");
  FetchOptions o;
  o.batch = static_cast<int>(batch);
  o.expires = ms(expires_ms);
  o.no_wait = no_wait;
  return j.fetched(j.fetch(stream, consumer, o), std::string(stream) + "/" + std::string(consumer));
}
inline std::shared_ptr<BridgeSubscription> jetstream_consume(BridgeJetStream& j, std::string_view stream,
                                                             std::string_view consumer, int64_t max_messages,
                                                             int64_t expires_ms, int64_t idle_heartbeat_ms) {
  ConsumeOptions o;
  o.max_messages = static_cast<int>(max_messages);
  o.expires = ms(expires_ms);
  o.idle_heartbeat = ms(idle_heartbeat_ms);
  auto source = j.js().pull_consumer(std::string(stream), std::string(consumer)).consume(o);
  return j.source(std::move(source), std::string(stream) + "/" + std::string(consumer));
}
inline std::shared_ptr<BridgeSubscription> jetstream_ordered_consumer(BridgeJetStream& j, std::string_view stream,
                                                                      std::string_view filter_subject,
                                                                      std::string_view deliver_policy,
                                                                      int64_t opt_start_seq) {
  OrderedConsumerConfig o;
  if (!filter_subject.empty()) o.filter_subjects = {std::string(filter_subject)};
  if (deliver_policy == "all") o.deliver_policy = DeliverPolicy::all;
  else if (deliver_policy == "last") o.deliver_policy = DeliverPolicy::last;
  else if (deliver_policy == "new") o.deliver_policy = DeliverPolicy::new_;
  else if (deliver_policy == "last_per_subject") o.deliver_policy = DeliverPolicy::last_per_subject;
  else if (deliver_policy == "by_start_sequence") o.deliver_policy = DeliverPolicy::by_start_sequence;
  else throw Error(ErrorCode::invalid_argument, "deliver_policy is all, last, new, last_per_subject or by_start_sequence");
  if (opt_start_seq < 0) throw Error(ErrorCode::invalid_argument, "opt_start_seq must not be negative");
  o.opt_start_seq = static_cast<uint64_t>(opt_start_seq);
  return j.source(j.js().ordered_consumer(std::string(stream), o), std::string(stream) + "/ordered");
}
/// Only a $JS.ACK subject takes acknowledgements: anything else would publish "+ACK" to some other subject.
inline void check_ack_reply(std::string_view reply) {
  if (reply.empty()) throw Error(ErrorCode::invalid_argument, "this message has no reply subject to acknowledge");
  (void)parse_ack_subject(reply);  // InvalidArgumentError naming the subject
}
inline void jetstream_ack(BridgeJetStream& j, std::string_view reply, std::string_view kind, int64_t delay_ms,
                          std::string_view reason) {
  check_ack_reply(reply);
  std::string body;
  if (kind == "ack") body = "+ACK";
  else if (kind == "nak")
    body = delay_ms > 0 ? "-NAK {\"delay\":" + std::to_string(ms(delay_ms).count() * 1000000) + "}" : "-NAK";
  else if (kind == "in_progress") body = "+WPI";
  else if (kind == "term") {
    body = "+TERM";
    if (!reason.empty()) {
      const auto version = j.connection().server_info().version;
      int major = 0, minor = 0;
      std::sscanf(version.c_str(), "%d.%d", &major, &minor);
      if (major < 2 || (major == 2 && minor < 10))
        throw Error(ErrorCode::not_supported_by_server,
                    "a reason for +TERM needs nats-server 2.10 or newer; the connected server would drop it");
      body += " " + std::string(reason);
    }
  } else throw Error(ErrorCode::invalid_argument, "acknowledgement kind is ack, nak, term or in_progress");
  j.connection().publish(reply, body);
}
inline void jetstream_ack_sync(BridgeJetStream& j, AsyncTarget target, std::string_view reply, int64_t timeout_ms) {
  check_ack_reply(reply);
  bridge::request_via(j.inbox(), j.connection(), std::move(target), reply, "+ACK", ms(timeout_ms));
}
inline std::string jetstream_metadata(BridgeJetStream&, std::string_view reply) {
  return json_api::to_json(parse_ack_subject(reply));
}

// ---- key-value ----------------------------------------------------------------
inline std::shared_ptr<BridgeKeyValue> jetstream_create_key_value(BridgeJetStream& j, std::string_view config) {
  return std::make_shared<BridgeKeyValue>(j.inbox(), j.js().create_key_value(json_api::key_value_config(config)));
}
inline std::shared_ptr<BridgeKeyValue> jetstream_key_value(BridgeJetStream& j, std::string_view bucket) {
  return std::make_shared<BridgeKeyValue>(j.inbox(), j.js().key_value(std::string(bucket)));
}
inline void jetstream_delete_key_value(BridgeJetStream& j, std::string_view bucket) {
  j.js().delete_key_value(std::string(bucket));
}
inline std::string jetstream_key_value_names(BridgeJetStream& j) { return json_api::names_json(j.js().key_value_names()); }

inline std::string key_value_bucket(BridgeKeyValue& k) { return k.kv().bucket(); }
inline uint64_t key_value_put(BridgeKeyValue& k, std::string_view key, std::string_view value) {
  return k.kv().put(std::string(key), value);
}
inline std::string key_value_get(BridgeKeyValue& k, std::string_view key, int64_t revision) {
  if (revision < 0) throw Error(ErrorCode::invalid_argument, "revision must not be negative");
  auto entry = revision > 0 ? k.kv().get(std::string(key), static_cast<uint64_t>(revision)) : k.kv().get(std::string(key));
  return bridge::entry_json(entry);
}
// The loop forms of put and get ("loop_async" in bindings/README.md): the result is the message data's text.
inline void key_value_put_async(BridgeKeyValue& k, AsyncTarget target, std::string_view key, std::string_view value) {
  k.put(std::move(target), key, value);
}
inline void key_value_get_async(BridgeKeyValue& k, AsyncTarget target, std::string_view key, int64_t revision) {
  if (revision < 0) throw Error(ErrorCode::invalid_argument, "revision must not be negative");
  k.get(std::move(target), key, static_cast<uint64_t>(revision));
}
inline uint64_t key_value_create(BridgeKeyValue& k, std::string_view key, std::string_view value, int64_t ttl_ms) {
  return k.kv().create(std::string(key), value, ms(ttl_ms));
}
inline uint64_t key_value_update(BridgeKeyValue& k, std::string_view key, std::string_view value,
                                 uint64_t last_revision) {
  return k.kv().update(std::string(key), value, last_revision);
}
inline void key_value_delete(BridgeKeyValue& k, std::string_view key, int64_t last_revision) {
  std::optional<uint64_t> last;
  if (last_revision > 0) last = static_cast<uint64_t>(last_revision);
  k.kv().del(std::string(key), last);
}
inline void key_value_purge(BridgeKeyValue& k, std::string_view key, int64_t ttl_ms) {
  k.kv().purge(std::string(key), ms(ttl_ms));
}
inline std::string key_value_keys(BridgeKeyValue& k, std::string_view filter) {
  std::vector<std::string> filters;
  if (!filter.empty()) filters.emplace_back(filter);
  return json_api::names_json(k.kv().keys(filters));
}
inline std::string key_value_history(BridgeKeyValue& k, std::string_view key) {
  std::vector<std::string> raw;
  for (auto& e : k.kv().history(std::string(key))) raw.push_back(json_api::to_json(e));
  return json_api::list_json("entries", raw);
}
inline std::shared_ptr<BridgeSubscription> key_value_watch(BridgeKeyValue& k, std::string_view keys,
                                                           bool include_history, bool ignore_deletes, bool meta_only,
                                                           bool updates_only) {
  KvWatchOptions o;
  o.include_history = include_history;
  o.ignore_deletes = ignore_deletes;
  o.meta_only = meta_only;
  o.updates_only = updates_only;
  std::string filter = keys.empty() ? ">" : std::string(keys);
  return k.watch(k.kv().watch(filter, o), k.kv().bucket() + "/" + filter);
}
inline std::string key_value_status(BridgeKeyValue& k) { return json_api::to_json(k.kv().status()); }

// ---- actors -----------------------------------------------------------------
inline std::shared_ptr<BridgeActorHost> connection_actor_host(
    Bridge& c, int64_t idle_timeout_ms, int64_t call_timeout_ms, bool reentrancy, int64_t max_reentrancy_depth,
    int64_t lease_ttl_ms, int64_t partitions, int64_t workers, std::string_view host_id,
    std::string_view lease_bucket, std::string_view state_bucket) {
  ActorRuntimeOptions o;
  o.idle_timeout = ms(idle_timeout_ms);
  o.call_timeout = ms(call_timeout_ms);
  o.reentrancy = reentrancy;
  o.max_reentrancy_depth = static_cast<int>(max_reentrancy_depth);
  o.lease_ttl = ms(lease_ttl_ms);
  o.partitions = static_cast<int>(partitions);
  o.workers = static_cast<int>(workers);
  o.host_id = host_id;
  o.lease_bucket = lease_bucket;
  o.state_bucket = state_bucket;
  return std::make_shared<BridgeActorHost>(c, std::move(o));
}
inline void connection_actor_invoke(Bridge& c, AsyncTarget target, std::string_view actor_type,
                                    std::string_view actor_id, std::string_view method, std::string_view args,
                                    int64_t timeout_ms, int64_t partitions) {
  ActorCallOptions o;
  o.timeout = ms(timeout_ms);
  o.partitions = static_cast<int>(partitions);
  ActorProxy proxy(c.shared_connection(), std::string(actor_type), std::string(actor_id), o);
  bridge::invoke_actor(c, std::move(target), std::move(proxy), std::string(method), args, o.timeout);
}

inline void connection_actor_tell(Bridge& c, AsyncTarget target, std::string_view actor_type,
                                  std::string_view actor_id, std::string_view method, std::string_view args,
                                  std::string_view dedup_id, int64_t timeout_ms) {
  ActorCallOptions o;
  o.timeout = ms(timeout_ms);
  ActorProxy proxy(c.shared_connection(), std::string(actor_type), std::string(actor_id), o);
  bridge::tell_actor(c, std::move(target), std::move(proxy), std::string(method), args, std::string(dedup_id));
}

inline void actor_host_register_type(BridgeActorHost& h, std::string_view actor_type) {
  h.runtime().register_queued_type(std::string(actor_type));
}
inline void actor_host_start(BridgeActorHost& h) { h.runtime().start(); }
inline void actor_host_stop(BridgeActorHost& h, int64_t timeout_ms) { h.runtime().stop(ms(timeout_ms)); }
inline std::shared_ptr<BridgeSubscription> actor_host_turns(BridgeActorHost& h) { return h.turns(); }
inline std::string actor_host_host_id(BridgeActorHost& h) { return h.runtime().host_id(); }
inline ActorRuntimeStats actor_host_stats(BridgeActorHost& h) { return h.runtime().stats(); }
inline std::string actor_host_method_stats(BridgeActorHost& h) {
  return json_api::method_stats_json(h.runtime().method_stats());
}
inline void actor_host_complete(BridgeActorHost& h, uint64_t turn, std::string_view result,
                                std::string_view error_type, std::string_view error_message) {
  std::exception_ptr error;
  if (!error_type.empty())
    error = std::make_exception_ptr(ActorError(std::string(error_type), std::string(error_message)));
  h.runtime().complete_turn(turn, std::string(result), error);
}
inline std::string actor_host_state_get(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).get(std::string(key)).value_or(std::string());
}
inline bool actor_host_state_contains(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).contains(std::string(key));
}
inline void actor_host_state_set(BridgeActorHost& h, uint64_t turn, std::string_view key, std::string_view value) {
  h.context(turn).set(std::string(key), std::string(value));
}
inline bool actor_host_state_remove(BridgeActorHost& h, uint64_t turn, std::string_view key) {
  return h.context(turn).remove(std::string(key));
}
inline void actor_host_state_save(BridgeActorHost& h, uint64_t turn) { h.context(turn).save(); }
inline void actor_host_register_timer(BridgeActorHost& h, uint64_t turn, std::string_view name,
                                      std::string_view method, std::string_view due, std::string_view period,
                                      std::string_view args) {
  h.context(turn).register_timer(std::string(name), parse_schedule(due, period), std::string(method),
                                 std::string(args));
}
inline void actor_host_unregister_timer(BridgeActorHost& h, uint64_t turn, std::string_view name) {
  h.context(turn).unregister_timer(std::string(name));
}
inline void actor_host_register_reminder(BridgeActorHost& h, uint64_t turn, std::string_view name,
                                         std::string_view due, std::string_view period, std::string_view data) {
  h.context(turn).register_reminder(std::string(name), parse_schedule(due, period), std::string(data));
}
inline void actor_host_unregister_reminder(BridgeActorHost& h, uint64_t turn, std::string_view name) {
  h.context(turn).unregister_reminder(std::string(name));
}
inline void actor_host_invoke(BridgeActorHost& h, AsyncTarget target, uint64_t turn, std::string_view actor_type,
                              std::string_view actor_id, std::string_view method, std::string_view args,
                              int64_t timeout_ms) {
  h.invoke(std::move(target), turn, std::string(actor_type), std::string(actor_id), std::string(method), args,
           ms(timeout_ms));
}

}  // namespace nervure::ops

// generated from the definition in bindings/api/ by bindings/generator; do not edit
#include <cstring>

#include "node_bridge.hpp"

namespace nervure::node_bridge {

namespace {

[[maybe_unused]] napi_value js_bytes(napi_env env, std::string_view s) {
  napi_value v;
  check(env, napi_create_buffer_copy(env, s.size(), s.data(), nullptr, &v));
  return v;
}

}  // namespace

[[maybe_unused]] napi_value to_js_actor_stats(napi_env env, const ActorRuntimeStats& record) {
  napi_value o;
  check(env, napi_create_object(env, &o));
  set_named(env, o, "calls", js_uint(env, record.calls));
  set_named(env, o, "failedCalls", js_uint(env, record.failed_calls));
  set_named(env, o, "activations", js_uint(env, record.activations));
  set_named(env, o, "deactivations", js_uint(env, record.deactivations));
  set_named(env, o, "activeActors", js_int(env, record.active_actors));
  set_named(env, o, "ownedPartitions", js_int(env, record.owned_partitions));
  return o;
}

[[maybe_unused]] napi_value to_js_stats(napi_env env, const Stats& record) {
  napi_value o;
  check(env, napi_create_object(env, &o));
  set_named(env, o, "inMsgs", js_uint(env, record.in_msgs));
  set_named(env, o, "inBytes", js_uint(env, record.in_bytes));
  set_named(env, o, "outMsgs", js_uint(env, record.out_msgs));
  set_named(env, o, "outBytes", js_uint(env, record.out_bytes));
  set_named(env, o, "reconnects", js_uint(env, record.reconnects));
  return o;
}

// message: a batch in 5 columns, numbers and bytes in one ArrayBuffer.
napi_value pack_message(napi_env env, std::vector<Message>& items) {
  const std::size_t n = items.size();
  std::size_t total = 0;
  for (const auto& m : items) {
    total += m.data.size();
  }
  (void)total;
  napi_value batch, numbers_buffer, numbers;
  check(env, napi_create_array_with_length(env, 7, &batch));
  set_element(env, batch, 0, js_uint(env, n));
  const std::size_t numbers_size = 5 * n * sizeof(double);
  void* numbers_base = nullptr;
  check(env, napi_create_arraybuffer(env, numbers_size + total, &numbers_base, &numbers_buffer));
  check(env, napi_create_typedarray(env, napi_float64_array, 5 * n, numbers_buffer, 0, &numbers));
  set_element(env, batch, 1, numbers);
  char* base = static_cast<char*>(numbers_base) + numbers_size;
  (void)base;
  std::size_t offset = 0;
  (void)offset;
  {  // subject
    double* v = static_cast<double*>(numbers_base) + 0 * n;
    auto subject = [](const Message& m) -> std::string_view { return m.subject; };
    if (napi_value col_subject = js_string_column(env, items, subject, v)) set_element(env, batch, 2, col_subject);
  }
  {  // reply
    double* v = static_cast<double*>(numbers_base) + 1 * n;
    auto reply = [](const Message& m) -> std::string_view { return m.reply; };
    if (napi_value col_reply = js_string_column(env, items, reply, v)) set_element(env, batch, 3, col_reply);
  }
  {  // data
    double* v = static_cast<double*>(numbers_base) + 2 * n;
    for (auto& m : items) {
      if (!m.data.empty()) std::memcpy(base + offset, m.data.data(), m.data.size());
      *v++ = static_cast<double>(offset);
      offset += m.data.size();
      *v++ = static_cast<double>(offset);
    }
  }
  {  // headers
    napi_value col_headers = nullptr;
    uint32_t i = 0;
    for (auto& m : items) {
      if (!m.headers.entries().empty()) {
        if (!col_headers) check(env, napi_create_array_with_length(env, n, &col_headers));
        set_element(env, col_headers, i, js_headers(env, m.headers));
      }
      ++i;
    }
    if (col_headers) set_element(env, batch, 5, col_headers);
  }
  {  // status
    double* v = static_cast<double*>(numbers_base) + 4 * n;
    for (auto& m : items) {
      *v++ = static_cast<double>(m.headers.status());
    }
  }
  return batch;
}

[[maybe_unused]] napi_value pack_one_message(napi_env env, Message&& item) {
  std::vector<Message> one;
  one.push_back(std::move(item));
  return pack_message(env, one);
}

namespace {

// A host for actor types in this process. Register types, then start; turns arrive on turns().
napi_value connection_actor_host(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    int64_t idle_timeout = given(env, a.argv[1]) ? to_int(env, a.argv[1], "idle_timeout") : 3600000;
    int64_t call_timeout = given(env, a.argv[2]) ? to_int(env, a.argv[2], "call_timeout") : 60000;
    bool reentrancy = given(env, a.argv[3]) ? to_bool(env, a.argv[3], "reentrancy") : false;
    int64_t max_reentrancy_depth = given(env, a.argv[4]) ? to_int(env, a.argv[4], "max_reentrancy_depth") : 32;
    int64_t lease_ttl = given(env, a.argv[5]) ? to_int(env, a.argv[5], "lease_ttl") : 10000;
    int64_t partitions = given(env, a.argv[6]) ? to_int(env, a.argv[6], "partitions") : 32;
    int64_t workers = given(env, a.argv[7]) ? to_int(env, a.argv[7], "workers") : 4;
    Text host_id(env, a.argv[8], "host_id", "");
    Text lease_bucket(env, a.argv[9], "lease_bucket", "nervure-actor-leases");
    Text state_bucket(env, a.argv[10], "state_bucket", "nervure-actor-state");
    auto result = ops::connection_actor_host(self, idle_timeout, call_timeout, reentrancy, max_reentrancy_depth, lease_ttl, partitions, workers, std::string_view(host_id), std::string_view(lease_bucket), std::string_view(state_bucket));
    return wrap(env, std::move(result));
  });
}

// Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack.
napi_value connection_actor_invoke(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text actor_type(env, a.argv[2], "actor_type");
    Text actor_id(env, a.argv[3], "actor_id");
    Text method(env, a.argv[4], "method");
    Data args(env, a.argv[5], "args", "");
    int64_t timeout = given(env, a.argv[6]) ? to_int(env, a.argv[6], "timeout") : 5000;
    int64_t partitions = given(env, a.argv[7]) ? to_int(env, a.argv[7], "partitions") : 32;
    ops::connection_actor_invoke(self, ops::AsyncTarget{token, {}}, std::string_view(actor_type), std::string_view(actor_id), std::string_view(method), std::string_view(args), timeout, partitions);
    return js_undefined(env);
  });
}

// Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once.
napi_value connection_actor_tell(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text actor_type(env, a.argv[2], "actor_type");
    Text actor_id(env, a.argv[3], "actor_id");
    Text method(env, a.argv[4], "method");
    Data args(env, a.argv[5], "args", "");
    Text dedup_id(env, a.argv[6], "dedup_id", "");
    int64_t timeout = given(env, a.argv[7]) ? to_int(env, a.argv[7], "timeout") : 5000;
    ops::connection_actor_tell(self, ops::AsyncTarget{token, {}}, std::string_view(actor_type), std::string_view(actor_id), std::string_view(method), std::string_view(args), std::string_view(dedup_id), timeout);
    return js_undefined(env);
  });
}

// Publish a message; fire and forget.
napi_value connection_publish(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    Text subject(env, a.argv[1], "subject");
    Data data(env, a.argv[2], "data", "");
    Text reply(env, a.argv[3], "reply", "");
    std::optional<Headers> headers = to_headers(env, a.argv[4], "headers");
    ops::connection_publish(self, std::string_view(subject), std::string_view(data), std::string_view(reply), headers ? &*headers : nullptr);
    return js_undefined(env);
  });
}

// Subscribe to a subject (wildcards * and > allowed), optionally in a queue group.
napi_value connection_subscribe(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    Text subject(env, a.argv[1], "subject");
    Text queue(env, a.argv[2], "queue", "");
    int64_t max_msgs = given(env, a.argv[3]) ? to_int(env, a.argv[3], "max_msgs") : 0;
    int64_t pending_msgs_limit = given(env, a.argv[4]) ? to_int(env, a.argv[4], "pending_msgs_limit") : 0;
    int64_t pending_bytes_limit = given(env, a.argv[5]) ? to_int(env, a.argv[5], "pending_bytes_limit") : 0;
    auto result = ops::connection_subscribe(self, std::string_view(subject), std::string_view(queue), max_msgs, pending_msgs_limit, pending_bytes_limit);
    return wrap(env, std::move(result));
  });
}

// Send a request and wait for one reply.
napi_value connection_request(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text subject(env, a.argv[2], "subject");
    Data data(env, a.argv[3], "data", "");
    int64_t timeout = given(env, a.argv[4]) ? to_int(env, a.argv[4], "timeout") : 2000;
    std::optional<Headers> headers = to_headers(env, a.argv[5], "headers");
    ops::connection_request(self, ops::AsyncTarget{token, {}}, std::string_view(subject), std::string_view(data), timeout, headers ? &*headers : nullptr);
    return js_undefined(env);
  });
}

// Round trip to the server: everything published before has been processed.
napi_value connection_flush(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    uint64_t token = to_uint(env, a.argv[1], "token");
    int64_t timeout = given(env, a.argv[2]) ? to_int(env, a.argv[2], "timeout") : 10000;
    ops::connection_flush(self, ops::AsyncTarget{token, {}}, timeout);
    return js_undefined(env);
  });
}

// Drain every subscription, flush what was published, then close.
napi_value connection_drain(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::Bridge>(env, a.argv[0], "connection").ptr;
    int64_t timeout = given(env, a.argv[1]) ? to_int(env, a.argv[1], "timeout") : 30000;
    return run_blocking(env, "nervure.connection_drain", [self, timeout = std::move(timeout)]() mutable { ops::connection_drain(*self, timeout); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Close now; pending requests fail with ConnectionClosedError.
napi_value connection_close(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::Bridge>(env, a.argv[0], "connection").ptr;
    return run_blocking(env, "nervure.connection_close", [self]() mutable { ops::connection_close(*self); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Whether the connection is up.
napi_value connection_is_connected(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_is_connected(self);
    return js_bool(env, result);
  });
}

// Whether the connection is down and trying to come back.
napi_value connection_is_reconnecting(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_is_reconnecting(self);
    return js_bool(env, result);
  });
}

// Whether the connection was closed.
napi_value connection_is_closed(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_is_closed(self);
    return js_bool(env, result);
  });
}

// Messages and bytes in and out, reconnects.
napi_value connection_stats(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_stats(self);
    return to_js_stats(env, result);
  });
}

// The server's INFO.
napi_value connection_server_info(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_server_info(self);
    return js_string(env, result);
  });
}

// The server in use, or empty while disconnected.
napi_value connection_connected_url(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_connected_url(self);
    return js_string(env, result);
  });
}

// A fresh unique reply subject.
napi_value connection_new_inbox(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_new_inbox(self);
    return js_string(env, result);
  });
}

// Largest message the server accepts.
napi_value connection_max_payload(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    auto result = ops::connection_max_payload(self);
    return js_int(env, result);
  });
}

// A JetStream context (domain or API prefix for other domains and accounts).
napi_value connection_jetstream(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::Bridge>(env, a.argv[0], "connection");
    Text domain(env, a.argv[1], "domain", "");
    Text api_prefix(env, a.argv[2], "api_prefix", "");
    int64_t timeout = given(env, a.argv[3]) ? to_int(env, a.argv[3], "timeout") : 5000;
    auto result = ops::connection_jetstream(self, std::string_view(domain), std::string_view(api_prefix), timeout);
    return wrap(env, std::move(result));
  });
}

// Hosts an actor type (before start).
napi_value actor_host_register_type(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    Text actor_type(env, a.argv[1], "actor_type");
    ops::actor_host_register_type(self, std::string_view(actor_type));
    return js_undefined(env);
  });
}

// Creates the buckets if needed, takes partitions and starts serving.
napi_value actor_host_start(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host").ptr;
    return run_blocking(env, "nervure.actor_host_start", [self]() mutable { ops::actor_host_start(*self); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile.
napi_value actor_host_stop(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host").ptr;
    int64_t timeout = given(env, a.argv[1]) ? to_int(env, a.argv[1], "timeout") : 10000;
    return run_blocking(env, "nervure.actor_host_stop", [self, timeout = std::move(timeout)]() mutable { ops::actor_host_stop(*self, timeout); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate).
napi_value actor_host_turns(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    auto result = ops::actor_host_turns(self);
    return wrap(env, std::move(result));
  });
}

// Ends a turn with its result, or with an error the caller receives as ActorError.
napi_value actor_host_complete(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Data result(env, a.argv[2], "result", "");
    Text error_type(env, a.argv[3], "error_type", "");
    Text error_message(env, a.argv[4], "error_message", "");
    ops::actor_host_complete(self, turn, std::string_view(result), std::string_view(error_type), std::string_view(error_message));
    return js_undefined(env);
  });
}

// A state value during a turn; empty when absent (see state_contains).
napi_value actor_host_state_get(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text key(env, a.argv[2], "key");
    auto result = ops::actor_host_state_get(self, turn, std::string_view(key));
    return js_bytes(env, result);
  });
}

// Whether the actor's state has the key.
napi_value actor_host_state_contains(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text key(env, a.argv[2], "key");
    auto result = ops::actor_host_state_contains(self, turn, std::string_view(key));
    return js_bool(env, result);
  });
}

// Sets a state value; saved when the turn succeeds.
napi_value actor_host_state_set(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text key(env, a.argv[2], "key");
    Data value(env, a.argv[3], "value");
    ops::actor_host_state_set(self, turn, std::string_view(key), std::string_view(value));
    return js_undefined(env);
  });
}

// Removes a state value; true when it was there.
napi_value actor_host_state_remove(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text key(env, a.argv[2], "key");
    auto result = ops::actor_host_state_remove(self, turn, std::string_view(key));
    return js_bool(env, result);
  });
}

// Saves the state now rather than at the end of the turn.
napi_value actor_host_state_save(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host").ptr;
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    return run_blocking(env, "nervure.actor_host_state_save", [self, turn = std::move(turn)]() mutable { ops::actor_host_state_save(*self, turn); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Calls method as a turn after due, then every period, while the actor is active.
napi_value actor_host_register_timer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text name(env, a.argv[2], "name");
    Text method(env, a.argv[3], "method");
    Text due(env, a.argv[4], "due");
    Text period(env, a.argv[5], "period", "");
    Data args(env, a.argv[6], "args", "");
    ops::actor_host_register_timer(self, turn, std::string_view(name), std::string_view(method), std::string_view(due), std::string_view(period), std::string_view(args));
    return js_undefined(env);
  });
}

// Cancels a timer.
napi_value actor_host_unregister_timer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    Text name(env, a.argv[2], "name");
    ops::actor_host_unregister_timer(self, turn, std::string_view(name));
    return js_undefined(env);
  });
}

// A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn.
napi_value actor_host_register_reminder(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host").ptr;
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    std::string name = Text(env, a.argv[2], "name").str();
    std::string due = Text(env, a.argv[3], "due").str();
    std::string period = Text(env, a.argv[4], "period", "").str();
    std::string data = Data(env, a.argv[5], "data", "").str();
    return run_blocking(env, "nervure.actor_host_register_reminder", [self, turn = std::move(turn), name = std::move(name), due = std::move(due), period = std::move(period), data = std::move(data)]() mutable { ops::actor_host_register_reminder(*self, turn, std::string_view(name), std::string_view(due), std::string_view(period), std::string_view(data)); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Removes a reminder.
napi_value actor_host_unregister_reminder(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host").ptr;
    uint64_t turn = to_uint(env, a.argv[1], "turn");
    std::string name = Text(env, a.argv[2], "name").str();
    return run_blocking(env, "nervure.actor_host_unregister_reminder", [self, turn = std::move(turn), name = std::move(name)]() mutable { ops::actor_host_unregister_reminder(*self, turn, std::string_view(name)); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it).
napi_value actor_host_invoke(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    uint64_t token = to_uint(env, a.argv[1], "token");
    uint64_t turn = to_uint(env, a.argv[2], "turn");
    Text actor_type(env, a.argv[3], "actor_type");
    Text actor_id(env, a.argv[4], "actor_id");
    Text method(env, a.argv[5], "method");
    Data args(env, a.argv[6], "args", "");
    int64_t timeout = given(env, a.argv[7]) ? to_int(env, a.argv[7], "timeout") : 5000;
    ops::actor_host_invoke(self, ops::AsyncTarget{token, {}}, turn, std::string_view(actor_type), std::string_view(actor_id), std::string_view(method), std::string_view(args), timeout);
    return js_undefined(env);
  });
}

// This host's id.
napi_value actor_host_host_id(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    auto result = ops::actor_host_host_id(self);
    return js_string(env, result);
  });
}

// Counters of this host.
napi_value actor_host_stats(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    auto result = ops::actor_host_stats(self);
    return to_js_actor_stats(env, result);
  });
}

// Per-call metrics of this host by actor type and method.
napi_value actor_host_method_stats(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeActorHost>(env, a.argv[0], "actor_host");
    auto result = ops::actor_host_method_stats(self);
    return js_string(env, result);
  });
}

// Stop now; queued messages are dropped.
napi_value subscription_unsubscribe(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    ops::subscription_unsubscribe(self);
    return js_undefined(env);
  });
}

// Stop interest, let queued messages be consumed, then end.
napi_value subscription_drain(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription").ptr;
    int64_t timeout = given(env, a.argv[1]) ? to_int(env, a.argv[1], "timeout") : 30000;
    return run_blocking(env, "nervure.subscription_drain", [self, timeout = std::move(timeout)]() mutable { ops::subscription_drain(*self, timeout); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// End after this many messages in total (counting those already delivered).
napi_value subscription_auto_unsubscribe(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    int64_t max_msgs = to_int(env, a.argv[1], "max_msgs");
    ops::subscription_auto_unsubscribe(self, max_msgs);
    return js_undefined(env);
  });
}

// Change the queue limits; -1 unlimited.
napi_value subscription_set_pending_limits(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    int64_t msgs_limit = to_int(env, a.argv[1], "msgs_limit");
    int64_t bytes_limit = to_int(env, a.argv[2], "bytes_limit");
    ops::subscription_set_pending_limits(self, msgs_limit, bytes_limit);
    return js_undefined(env);
  });
}

// Messages queued, not yet consumed.
napi_value subscription_pending(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    auto result = ops::subscription_pending(self);
    return js_int(env, result);
  });
}

// Payload bytes queued, not yet consumed.
napi_value subscription_pending_bytes(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    auto result = ops::subscription_pending_bytes(self);
    return js_int(env, result);
  });
}

// Messages lost to the pending limits (slow consumer).
napi_value subscription_dropped(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    auto result = ops::subscription_dropped(self);
    return js_int(env, result);
  });
}

// Messages received so far.
napi_value subscription_delivered(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    auto result = ops::subscription_delivered(self);
    return js_int(env, result);
  });
}

// The account's JetStream usage and limits.
napi_value jetstream_account_info(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_account_info", [result, self]() mutable { *result = ops::jetstream_account_info(*self); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Creates a stream from its configuration (the server's JSON).
napi_value jetstream_add_stream(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string config = Text(env, a.argv[1], "config").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_add_stream", [result, self, config = std::move(config)]() mutable { *result = ops::jetstream_add_stream(*self, std::string_view(config)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Changes a stream's configuration.
napi_value jetstream_update_stream(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string config = Text(env, a.argv[1], "config").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_update_stream", [result, self, config = std::move(config)]() mutable { *result = ops::jetstream_update_stream(*self, std::string_view(config)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// A stream's configuration and state.
napi_value jetstream_stream_info(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string name = Text(env, a.argv[1], "name").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_stream_info", [result, self, name = std::move(name)]() mutable { *result = ops::jetstream_stream_info(*self, std::string_view(name)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Deletes a stream and its messages.
napi_value jetstream_delete_stream(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string name = Text(env, a.argv[1], "name").str();
    return run_blocking(env, "nervure.jetstream_delete_stream", [self, name = std::move(name)]() mutable { ops::jetstream_delete_stream(*self, std::string_view(name)); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many.
napi_value jetstream_purge_stream(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string name = Text(env, a.argv[1], "name").str();
    std::string subject = Text(env, a.argv[2], "subject", "").str();
    int64_t keep = given(env, a.argv[3]) ? to_int(env, a.argv[3], "keep") : 0;
    int64_t up_to_seq = given(env, a.argv[4]) ? to_int(env, a.argv[4], "up_to_seq") : 0;
    auto result = std::make_shared<int64_t>();
    return run_blocking(env, "nervure.jetstream_purge_stream", [result, self, name = std::move(name), subject = std::move(subject), keep = std::move(keep), up_to_seq = std::move(up_to_seq)]() mutable { *result = ops::jetstream_purge_stream(*self, std::string_view(name), std::string_view(subject), keep, up_to_seq); },
                        [result](napi_env env) { return js_int(env, (*result)); });
  });
}

// Every stream's name, optionally only those bound to subject.
napi_value jetstream_stream_names(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string subject = Text(env, a.argv[1], "subject", "").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_stream_names", [result, self, subject = std::move(subject)]() mutable { *result = ops::jetstream_stream_names(*self, std::string_view(subject)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Every stream's info, optionally only those bound to subject.
napi_value jetstream_streams(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string subject = Text(env, a.argv[1], "subject", "").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_streams", [result, self, subject = std::move(subject)]() mutable { *result = ops::jetstream_streams(*self, std::string_view(subject)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// A stored message by sequence, or the last one on a subject.
napi_value jetstream_get_msg(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    int64_t seq = given(env, a.argv[2]) ? to_int(env, a.argv[2], "seq") : 0;
    std::string last_by_subject = Text(env, a.argv[3], "last_by_subject", "").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_get_msg", [result, self, stream = std::move(stream), seq = std::move(seq), last_by_subject = std::move(last_by_subject)]() mutable { *result = ops::jetstream_get_msg(*self, std::string_view(stream), seq, std::string_view(last_by_subject)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Removes one stored message (erase overwrites it on disk).
napi_value jetstream_delete_msg(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    int64_t seq = to_int(env, a.argv[2], "seq");
    bool erase = given(env, a.argv[3]) ? to_bool(env, a.argv[3], "erase") : false;
    return run_blocking(env, "nervure.jetstream_delete_msg", [self, stream = std::move(stream), seq = std::move(seq), erase = std::move(erase)]() mutable { ops::jetstream_delete_msg(*self, std::string_view(stream), seq, erase); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate).
napi_value jetstream_publish(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text subject(env, a.argv[2], "subject");
    Data data(env, a.argv[3], "data", "");
    std::optional<Headers> headers = to_headers(env, a.argv[4], "headers");
    Text msg_id(env, a.argv[5], "msg_id", "");
    Text expected_stream(env, a.argv[6], "expected_stream", "");
    int64_t expected_last_seq = given(env, a.argv[7]) ? to_int(env, a.argv[7], "expected_last_seq") : -1;
    int64_t expected_last_subject_seq = given(env, a.argv[8]) ? to_int(env, a.argv[8], "expected_last_subject_seq") : -1;
    Text expected_last_msg_id(env, a.argv[9], "expected_last_msg_id", "");
    int64_t ttl = given(env, a.argv[10]) ? to_int(env, a.argv[10], "ttl") : 0;
    int64_t timeout = given(env, a.argv[11]) ? to_int(env, a.argv[11], "timeout") : 0;
    ops::jetstream_publish(self, ops::AsyncTarget{token, {}}, std::string_view(subject), std::string_view(data), headers ? &*headers : nullptr, std::string_view(msg_id), std::string_view(expected_stream), expected_last_seq, expected_last_subject_seq, std::string_view(expected_last_msg_id), ttl, timeout);
    return js_undefined(env);
  });
}

// Waits until every publish has its acknowledgement.
napi_value jetstream_publish_async_complete(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    int64_t timeout = given(env, a.argv[1]) ? to_int(env, a.argv[1], "timeout") : 5000;
    return run_blocking(env, "nervure.jetstream_publish_async_complete", [self, timeout = std::move(timeout)]() mutable { ops::jetstream_publish_async_complete(*self, timeout); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Creates a consumer from its configuration (the server's JSON).
napi_value jetstream_add_consumer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string config = Text(env, a.argv[2], "config").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_add_consumer", [result, self, stream = std::move(stream), config = std::move(config)]() mutable { *result = ops::jetstream_add_consumer(*self, std::string_view(stream), std::string_view(config)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Changes an existing consumer.
napi_value jetstream_update_consumer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string config = Text(env, a.argv[2], "config").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_update_consumer", [result, self, stream = std::move(stream), config = std::move(config)]() mutable { *result = ops::jetstream_update_consumer(*self, std::string_view(stream), std::string_view(config)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// A consumer's configuration and state.
napi_value jetstream_consumer_info(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string consumer = Text(env, a.argv[2], "consumer").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_consumer_info", [result, self, stream = std::move(stream), consumer = std::move(consumer)]() mutable { *result = ops::jetstream_consumer_info(*self, std::string_view(stream), std::string_view(consumer)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Deletes a consumer.
napi_value jetstream_delete_consumer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string consumer = Text(env, a.argv[2], "consumer").str();
    return run_blocking(env, "nervure.jetstream_delete_consumer", [self, stream = std::move(stream), consumer = std::move(consumer)]() mutable { ops::jetstream_delete_consumer(*self, std::string_view(stream), std::string_view(consumer)); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// The names of a stream's consumers.
napi_value jetstream_consumer_names(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_consumer_names", [result, self, stream = std::move(stream)]() mutable { *result = ops::jetstream_consumer_names(*self, std::string_view(stream)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Up to batch messages from a pull consumer, as a source that ends once they are taken.
napi_value jetstream_fetch(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string consumer = Text(env, a.argv[2], "consumer").str();
    int64_t batch = given(env, a.argv[3]) ? to_int(env, a.argv[3], "batch") : 1;
    int64_t expires = given(env, a.argv[4]) ? to_int(env, a.argv[4], "expires") : 5000;
    bool no_wait = given(env, a.argv[5]) ? to_bool(env, a.argv[5], "no_wait") : false;
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeSubscription>>();
    return run_blocking(env, "nervure.jetstream_fetch", [result, self, stream = std::move(stream), consumer = std::move(consumer), batch = std::move(batch), expires = std::move(expires), no_wait = std::move(no_wait)]() mutable { *result = ops::jetstream_fetch(*self, std::string_view(stream), std::string_view(consumer), batch, expires, no_wait); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// Continuous pull consumption as a source (stop it with unsubscribe).
napi_value jetstream_consume(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string consumer = Text(env, a.argv[2], "consumer").str();
    int64_t max_messages = given(env, a.argv[3]) ? to_int(env, a.argv[3], "max_messages") : 0;
    int64_t expires = given(env, a.argv[4]) ? to_int(env, a.argv[4], "expires") : 30000;
    int64_t idle_heartbeat = given(env, a.argv[5]) ? to_int(env, a.argv[5], "idle_heartbeat") : 0;
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeSubscription>>();
    return run_blocking(env, "nervure.jetstream_consume", [result, self, stream = std::move(stream), consumer = std::move(consumer), max_messages = std::move(max_messages), expires = std::move(expires), idle_heartbeat = std::move(idle_heartbeat)]() mutable { *result = ops::jetstream_consume(*self, std::string_view(stream), std::string_view(consumer), max_messages, expires, idle_heartbeat); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements.
napi_value jetstream_ordered_consumer(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string stream = Text(env, a.argv[1], "stream").str();
    std::string filter_subject = Text(env, a.argv[2], "filter_subject", "").str();
    std::string deliver_policy = Text(env, a.argv[3], "deliver_policy", "all").str();
    int64_t opt_start_seq = given(env, a.argv[4]) ? to_int(env, a.argv[4], "opt_start_seq") : 0;
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeSubscription>>();
    return run_blocking(env, "nervure.jetstream_ordered_consumer", [result, self, stream = std::move(stream), filter_subject = std::move(filter_subject), deliver_policy = std::move(deliver_policy), opt_start_seq = std::move(opt_start_seq)]() mutable { *result = ops::jetstream_ordered_consumer(*self, std::string_view(stream), std::string_view(filter_subject), std::string_view(deliver_policy), opt_start_seq); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress.
napi_value jetstream_ack(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream");
    Text reply(env, a.argv[1], "reply");
    Text kind(env, a.argv[2], "kind", "ack");
    int64_t delay = given(env, a.argv[3]) ? to_int(env, a.argv[3], "delay") : 0;
    Text reason(env, a.argv[4], "reason", "");
    ops::jetstream_ack(self, std::string_view(reply), std::string_view(kind), delay, std::string_view(reason));
    return js_undefined(env);
  });
}

// Acknowledges and waits for the server to confirm it.
napi_value jetstream_ack_sync(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text reply(env, a.argv[2], "reply");
    int64_t timeout = given(env, a.argv[3]) ? to_int(env, a.argv[3], "timeout") : 5000;
    ops::jetstream_ack_sync(self, ops::AsyncTarget{token, {}}, std::string_view(reply), timeout);
    return js_undefined(env);
  });
}

// Delivery metadata of a JetStream message, from its reply subject.
napi_value jetstream_metadata(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream");
    Text reply(env, a.argv[1], "reply");
    auto result = ops::jetstream_metadata(self, std::string_view(reply));
    return js_string(env, result);
  });
}

// Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata).
napi_value jetstream_create_key_value(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string config = Text(env, a.argv[1], "config").str();
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeKeyValue>>();
    return run_blocking(env, "nervure.jetstream_create_key_value", [result, self, config = std::move(config)]() mutable { *result = ops::jetstream_create_key_value(*self, std::string_view(config)); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// An existing bucket.
napi_value jetstream_key_value(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string bucket = Text(env, a.argv[1], "bucket").str();
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeKeyValue>>();
    return run_blocking(env, "nervure.jetstream_key_value", [result, self, bucket = std::move(bucket)]() mutable { *result = ops::jetstream_key_value(*self, std::string_view(bucket)); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// Deletes a bucket and its values.
napi_value jetstream_delete_key_value(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    std::string bucket = Text(env, a.argv[1], "bucket").str();
    return run_blocking(env, "nervure.jetstream_delete_key_value", [self, bucket = std::move(bucket)]() mutable { ops::jetstream_delete_key_value(*self, std::string_view(bucket)); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Every bucket's name.
napi_value jetstream_key_value_names(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeJetStream>(env, a.argv[0], "jetstream").ptr;
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.jetstream_key_value_names", [result, self]() mutable { *result = ops::jetstream_key_value_names(*self); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// The bucket's name.
napi_value key_value_bucket(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value");
    auto result = ops::key_value_bucket(self);
    return js_string(env, result);
  });
}

// Stores a value; returns its revision.
napi_value key_value_put(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    std::string value = Data(env, a.argv[2], "value").str();
    auto result = std::make_shared<uint64_t>();
    return run_blocking(env, "nervure.key_value_put", [result, self, key = std::move(key), value = std::move(value)]() mutable { *result = ops::key_value_put(*self, std::string_view(key), std::string_view(value)); },
                        [result](napi_env env) { return js_uint(env, (*result)); });
  });
}

// Stores a value; returns its revision. Completes through take() with the result as the message data's text.
napi_value key_value_put_async(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text key(env, a.argv[2], "key");
    Data value(env, a.argv[3], "value");
    ops::key_value_put_async(self, ops::AsyncTarget{token, {}}, std::string_view(key), std::string_view(value));
    return js_undefined(env);
  });
}

// The current value (or a given revision); an empty record when absent or deleted.
napi_value key_value_get(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    int64_t revision = given(env, a.argv[2]) ? to_int(env, a.argv[2], "revision") : 0;
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.key_value_get", [result, self, key = std::move(key), revision = std::move(revision)]() mutable { *result = ops::key_value_get(*self, std::string_view(key), revision); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// The current value (or a given revision); an empty record when absent or deleted. Completes through take() with the result as the message data's text.
napi_value key_value_get_async(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& self = unwrap<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value");
    uint64_t token = to_uint(env, a.argv[1], "token");
    Text key(env, a.argv[2], "key");
    int64_t revision = given(env, a.argv[3]) ? to_int(env, a.argv[3], "revision") : 0;
    ops::key_value_get_async(self, ops::AsyncTarget{token, {}}, std::string_view(key), revision);
    return js_undefined(env);
  });
}

// Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl.
napi_value key_value_create(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    std::string value = Data(env, a.argv[2], "value").str();
    int64_t ttl = given(env, a.argv[3]) ? to_int(env, a.argv[3], "ttl") : 0;
    auto result = std::make_shared<uint64_t>();
    return run_blocking(env, "nervure.key_value_create", [result, self, key = std::move(key), value = std::move(value), ttl = std::move(ttl)]() mutable { *result = ops::key_value_create(*self, std::string_view(key), std::string_view(value), ttl); },
                        [result](napi_env env) { return js_uint(env, (*result)); });
  });
}

// Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise).
napi_value key_value_update(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    std::string value = Data(env, a.argv[2], "value").str();
    uint64_t last_revision = to_uint(env, a.argv[3], "last_revision");
    auto result = std::make_shared<uint64_t>();
    return run_blocking(env, "nervure.key_value_update", [result, self, key = std::move(key), value = std::move(value), last_revision = std::move(last_revision)]() mutable { *result = ops::key_value_update(*self, std::string_view(key), std::string_view(value), last_revision); },
                        [result](napi_env env) { return js_uint(env, (*result)); });
  });
}

// Deletes the key, keeping its history; with last_revision, only if unchanged.
napi_value key_value_delete(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    int64_t last_revision = given(env, a.argv[2]) ? to_int(env, a.argv[2], "last_revision") : 0;
    return run_blocking(env, "nervure.key_value_delete", [self, key = std::move(key), last_revision = std::move(last_revision)]() mutable { ops::key_value_delete(*self, std::string_view(key), last_revision); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Deletes the key and its history, leaving a purge marker.
napi_value key_value_purge(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    int64_t ttl = given(env, a.argv[2]) ? to_int(env, a.argv[2], "ttl") : 0;
    return run_blocking(env, "nervure.key_value_purge", [self, key = std::move(key), ttl = std::move(ttl)]() mutable { ops::key_value_purge(*self, std::string_view(key), ttl); },
                        [](napi_env env) { return js_undefined(env); });
  });
}

// Keys with a current value, optionally matching a filter (wildcards allowed).
napi_value key_value_keys(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string filter = Text(env, a.argv[1], "filter", "").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.key_value_keys", [result, self, filter = std::move(filter)]() mutable { *result = ops::key_value_keys(*self, std::string_view(filter)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Every stored value of the key, oldest first.
napi_value key_value_history(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string key = Text(env, a.argv[1], "key").str();
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.key_value_history", [result, self, key = std::move(key)]() mutable { *result = ops::key_value_history(*self, std::string_view(key)); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

// Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered).
napi_value key_value_watch(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    std::string keys = Text(env, a.argv[1], "keys", "").str();
    bool include_history = given(env, a.argv[2]) ? to_bool(env, a.argv[2], "include_history") : false;
    bool ignore_deletes = given(env, a.argv[3]) ? to_bool(env, a.argv[3], "ignore_deletes") : false;
    bool meta_only = given(env, a.argv[4]) ? to_bool(env, a.argv[4], "meta_only") : false;
    bool updates_only = given(env, a.argv[5]) ? to_bool(env, a.argv[5], "updates_only") : false;
    auto result = std::make_shared<std::shared_ptr<nervure::bridge::BridgeSubscription>>();
    return run_blocking(env, "nervure.key_value_watch", [result, self, keys = std::move(keys), include_history = std::move(include_history), ignore_deletes = std::move(ignore_deletes), meta_only = std::move(meta_only), updates_only = std::move(updates_only)]() mutable { *result = ops::key_value_watch(*self, std::string_view(keys), include_history, ignore_deletes, meta_only, updates_only); },
                        [result](napi_env env) { return wrap(env, std::move((*result))); });
  });
}

// The bucket's state.
napi_value key_value_status(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto self = unwrap_handle<nervure::bridge::BridgeKeyValue>(env, a.argv[0], "key_value").ptr;
    auto result = std::make_shared<std::string>();
    return run_blocking(env, "nervure.key_value_status", [result, self]() mutable { *result = ops::key_value_status(*self); },
                        [result](napi_env env) { return js_string(env, (*result)); });
  });
}

}  // namespace

void register_api(napi_env env, napi_value exports) {
  export_function(env, exports, "connection_actor_host", connection_actor_host);
  export_function(env, exports, "connection_actor_invoke", connection_actor_invoke);
  export_function(env, exports, "connection_actor_tell", connection_actor_tell);
  export_function(env, exports, "connection_publish", connection_publish);
  export_function(env, exports, "connection_subscribe", connection_subscribe);
  export_function(env, exports, "connection_request", connection_request);
  export_function(env, exports, "connection_flush", connection_flush);
  export_function(env, exports, "connection_drain", connection_drain);
  export_function(env, exports, "connection_close", connection_close);
  export_function(env, exports, "connection_is_connected", connection_is_connected);
  export_function(env, exports, "connection_is_reconnecting", connection_is_reconnecting);
  export_function(env, exports, "connection_is_closed", connection_is_closed);
  export_function(env, exports, "connection_stats", connection_stats);
  export_function(env, exports, "connection_server_info", connection_server_info);
  export_function(env, exports, "connection_connected_url", connection_connected_url);
  export_function(env, exports, "connection_new_inbox", connection_new_inbox);
  export_function(env, exports, "connection_max_payload", connection_max_payload);
  export_function(env, exports, "connection_jetstream", connection_jetstream);
  export_function(env, exports, "actor_host_register_type", actor_host_register_type);
  export_function(env, exports, "actor_host_start", actor_host_start);
  export_function(env, exports, "actor_host_stop", actor_host_stop);
  export_function(env, exports, "actor_host_turns", actor_host_turns);
  export_function(env, exports, "actor_host_complete", actor_host_complete);
  export_function(env, exports, "actor_host_state_get", actor_host_state_get);
  export_function(env, exports, "actor_host_state_contains", actor_host_state_contains);
  export_function(env, exports, "actor_host_state_set", actor_host_state_set);
  export_function(env, exports, "actor_host_state_remove", actor_host_state_remove);
  export_function(env, exports, "actor_host_state_save", actor_host_state_save);
  export_function(env, exports, "actor_host_register_timer", actor_host_register_timer);
  export_function(env, exports, "actor_host_unregister_timer", actor_host_unregister_timer);
  export_function(env, exports, "actor_host_register_reminder", actor_host_register_reminder);
  export_function(env, exports, "actor_host_unregister_reminder", actor_host_unregister_reminder);
  export_function(env, exports, "actor_host_invoke", actor_host_invoke);
  export_function(env, exports, "actor_host_host_id", actor_host_host_id);
  export_function(env, exports, "actor_host_stats", actor_host_stats);
  export_function(env, exports, "actor_host_method_stats", actor_host_method_stats);
  export_function(env, exports, "subscription_unsubscribe", subscription_unsubscribe);
  export_function(env, exports, "subscription_drain", subscription_drain);
  export_function(env, exports, "subscription_auto_unsubscribe", subscription_auto_unsubscribe);
  export_function(env, exports, "subscription_set_pending_limits", subscription_set_pending_limits);
  export_function(env, exports, "subscription_pending", subscription_pending);
  export_function(env, exports, "subscription_pending_bytes", subscription_pending_bytes);
  export_function(env, exports, "subscription_dropped", subscription_dropped);
  export_function(env, exports, "subscription_delivered", subscription_delivered);
  export_function(env, exports, "jetstream_account_info", jetstream_account_info);
  export_function(env, exports, "jetstream_add_stream", jetstream_add_stream);
  export_function(env, exports, "jetstream_update_stream", jetstream_update_stream);
  export_function(env, exports, "jetstream_stream_info", jetstream_stream_info);
  export_function(env, exports, "jetstream_delete_stream", jetstream_delete_stream);
  export_function(env, exports, "jetstream_purge_stream", jetstream_purge_stream);
  export_function(env, exports, "jetstream_stream_names", jetstream_stream_names);
  export_function(env, exports, "jetstream_streams", jetstream_streams);
  export_function(env, exports, "jetstream_get_msg", jetstream_get_msg);
  export_function(env, exports, "jetstream_delete_msg", jetstream_delete_msg);
  export_function(env, exports, "jetstream_publish", jetstream_publish);
  export_function(env, exports, "jetstream_publish_async_complete", jetstream_publish_async_complete);
  export_function(env, exports, "jetstream_add_consumer", jetstream_add_consumer);
  export_function(env, exports, "jetstream_update_consumer", jetstream_update_consumer);
  export_function(env, exports, "jetstream_consumer_info", jetstream_consumer_info);
  export_function(env, exports, "jetstream_delete_consumer", jetstream_delete_consumer);
  export_function(env, exports, "jetstream_consumer_names", jetstream_consumer_names);
  export_function(env, exports, "jetstream_fetch", jetstream_fetch);
  export_function(env, exports, "jetstream_consume", jetstream_consume);
  export_function(env, exports, "jetstream_ordered_consumer", jetstream_ordered_consumer);
  export_function(env, exports, "jetstream_ack", jetstream_ack);
  export_function(env, exports, "jetstream_ack_sync", jetstream_ack_sync);
  export_function(env, exports, "jetstream_metadata", jetstream_metadata);
  export_function(env, exports, "jetstream_create_key_value", jetstream_create_key_value);
  export_function(env, exports, "jetstream_key_value", jetstream_key_value);
  export_function(env, exports, "jetstream_delete_key_value", jetstream_delete_key_value);
  export_function(env, exports, "jetstream_key_value_names", jetstream_key_value_names);
  export_function(env, exports, "key_value_bucket", key_value_bucket);
  export_function(env, exports, "key_value_put", key_value_put);
  export_function(env, exports, "key_value_put_async", key_value_put_async);
  export_function(env, exports, "key_value_get", key_value_get);
  export_function(env, exports, "key_value_get_async", key_value_get_async);
  export_function(env, exports, "key_value_create", key_value_create);
  export_function(env, exports, "key_value_update", key_value_update);
  export_function(env, exports, "key_value_delete", key_value_delete);
  export_function(env, exports, "key_value_purge", key_value_purge);
  export_function(env, exports, "key_value_keys", key_value_keys);
  export_function(env, exports, "key_value_history", key_value_history);
  export_function(env, exports, "key_value_watch", key_value_watch);
  export_function(env, exports, "key_value_status", key_value_status);
}

}  // namespace nervure::node_bridge

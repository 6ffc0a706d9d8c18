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

// A Float64Array of n numbers, written through *data.
[[maybe_unused]] napi_value float64_column(napi_env env, std::size_t n, double** data) {
  napi_value ab, column;
  void* p = nullptr;
  check(env, napi_create_arraybuffer(env, n * sizeof(double), &p, &ab));
  check(env, napi_create_typedarray(env, napi_float64_array, n, ab, 0, &column));
  *data = static_cast<double*>(p);
  return column;
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

// message: a batch in 5 columns, bytes in one Buffer.
napi_value pack_message(napi_env env, std::vector<Message>& items) {
  const std::size_t n = items.size();
  std::size_t total = 0;
  for (const auto& m : items) {
    total += m.data.size();
  }
  (void)total;
  napi_value batch, buffer;
  check(env, napi_create_array_with_length(env, 7, &batch));
  set_element(env, batch, 0, js_uint(env, n));
  char* base = nullptr;
  check(env, napi_create_buffer(env, total, reinterpret_cast<void**>(&base), &buffer));
  set_element(env, batch, 1, buffer);
  std::size_t offset = 0;
  (void)offset;
  {  // subject
    napi_value col_subject, values;
    double* v = nullptr;
    check(env, napi_create_array_with_length(env, 2, &col_subject));
    check(env, napi_create_array(env, &values));
    napi_value index = float64_column(env, n, &v);
    std::string_view last;
    uint32_t distinct = 0;
    for (auto& m : items) {
      if (distinct == 0 || m.subject != last) {
        set_element(env, values, distinct++, js_string(env, m.subject));
        last = m.subject;
      }
      *v++ = distinct - 1;
    }
    set_element(env, col_subject, 0, values);
    set_element(env, col_subject, 1, index);
    set_element(env, batch, 2, col_subject);
  }
  {  // reply
    napi_value col_reply, values;
    double* v = nullptr;
    check(env, napi_create_array_with_length(env, 2, &col_reply));
    check(env, napi_create_array(env, &values));
    napi_value index = float64_column(env, n, &v);
    std::string_view last;
    uint32_t distinct = 0;
    for (auto& m : items) {
      if (distinct == 0 || m.reply != last) {
        set_element(env, values, distinct++, js_string(env, m.reply));
        last = m.reply;
      }
      *v++ = distinct - 1;
    }
    set_element(env, col_reply, 0, values);
    set_element(env, col_reply, 1, index);
    set_element(env, batch, 3, col_reply);
  }
  {  // data
    double* v = nullptr;
    napi_value col_data = float64_column(env, 2 * n, &v);
    for (auto& m : items) {
      if (!m.data.empty()) std::memcpy(base + offset, m.data.data(), m.data.size());
      *v++ = static_cast<double>(offset);
      offset += m.data.size();
      *v++ = static_cast<double>(offset);
    }
    set_element(env, batch, 4, col_data);
  }
  {  // headers
    napi_value col_headers;
    check(env, napi_create_array_with_length(env, n, &col_headers));
    uint32_t i = 0;
    for (auto& m : items) {
      if (!m.headers.entries().empty()) set_element(env, col_headers, i, js_headers(env, m.headers));
      ++i;
    }
    set_element(env, batch, 5, col_headers);
  }
  {  // status
    double* v = nullptr;
    napi_value col_status = float64_column(env, n, &v);
    for (auto& m : items) {
      *v++ = static_cast<double>(m.headers.status());
    }
    set_element(env, batch, 6, col_status);
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
  export_function(env, exports, "subscription_unsubscribe", subscription_unsubscribe);
  export_function(env, exports, "subscription_drain", subscription_drain);
  export_function(env, exports, "subscription_auto_unsubscribe", subscription_auto_unsubscribe);
  export_function(env, exports, "subscription_set_pending_limits", subscription_set_pending_limits);
  export_function(env, exports, "subscription_pending", subscription_pending);
  export_function(env, exports, "subscription_pending_bytes", subscription_pending_bytes);
  export_function(env, exports, "subscription_dropped", subscription_dropped);
  export_function(env, exports, "subscription_delivered", subscription_delivered);
}

}  // namespace nervure::node_bridge

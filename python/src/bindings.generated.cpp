// generated from the definition in bindings/api/ by bindings/generator; do not edit
#include "py_bridge.hpp"

namespace nervure::py_bridge {
namespace {

PyObject* message_get_subject(PyObject* self, void*) {
  auto* o = reinterpret_cast<MsgObject*>(self);
  if (!o->cache[0]) {
    const auto& m = o->item;
    o->cache[0] = guard([&] { return PyUnicode_DecodeUTF8(m.subject.data(), static_cast<Py_ssize_t>(m.subject.size()), "surrogateescape"); });
    if (!o->cache[0]) return nullptr;
  }
  Py_INCREF(o->cache[0]);
  return o->cache[0];
}

PyObject* message_get_reply(PyObject* self, void*) {
  auto* o = reinterpret_cast<MsgObject*>(self);
  if (!o->cache[1]) {
    const auto& m = o->item;
    o->cache[1] = guard([&] { return PyUnicode_DecodeUTF8(m.reply.data(), static_cast<Py_ssize_t>(m.reply.size()), "surrogateescape"); });
    if (!o->cache[1]) return nullptr;
  }
  Py_INCREF(o->cache[1]);
  return o->cache[1];
}

PyObject* message_get_data(PyObject* self, void*) {
  auto* o = reinterpret_cast<MsgObject*>(self);
  if (!o->cache[2]) {
    const auto& m = o->item;
    o->cache[2] = guard([&] { return PyBytes_FromStringAndSize(m.data.data(), static_cast<Py_ssize_t>(m.data.size())); });
    if (!o->cache[2]) return nullptr;
  }
  Py_INCREF(o->cache[2]);
  return o->cache[2];
}

PyObject* message_get_headers(PyObject* self, void*) {
  auto* o = reinterpret_cast<MsgObject*>(self);
  if (!o->cache[3]) {
    const auto& m = o->item;
    o->cache[3] = guard([&] { return make_headers(m.headers); });
    if (!o->cache[3]) return nullptr;
  }
  Py_INCREF(o->cache[3]);
  return o->cache[3];
}

PyObject* message_get_status(PyObject* self, void*) {
  auto* o = reinterpret_cast<MsgObject*>(self);
  if (!o->cache[4]) {
    const auto& m = o->item;
    o->cache[4] = guard([&] { return PyLong_FromLongLong(m.headers.status()); });
    if (!o->cache[4]) return nullptr;
  }
  Py_INCREF(o->cache[4]);
  return o->cache[4];
}

PyObject* connection_publish_fast(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"subject", "data", "reply", "headers"};
  PyObject* a[4];
  if (!parse_args("publish", args, nargs, kwnames, names, 4, 1, a)) return nullptr;
  return guard([&]() -> PyObject* {
    auto& h = self_as<PyConnection>(self);
    std::string_view subject = text_view(a[0], "subject");
    std::string_view data = a[1] ? bytes_view(a[1], "data") : std::string_view("");
    std::string_view reply = a[2] ? text_view(a[2], "reply") : std::string_view("");
    std::optional<Headers> headers = a[3] ? to_headers(a[3]) : std::nullopt;
    {
      Unlocked unlocked;
      ops::connection_publish(*h.handle, subject, data, reply, headers ? &*headers : nullptr);
    }
    return done();
  });
}

PyMethodDef connection_publish_fast_def = {"publish", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(connection_publish_fast)), METH_FASTCALL | METH_KEYWORDS,
    "publish($self, /, subject, data=b'', reply='', headers=None)\n--\n\nPublish a message; fire and forget. Returns at once; awaiting the result is allowed."};

PyObject* connection_request_fast(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"token", "subject", "data", "timeout_ms", "headers"};
  PyObject* a[5];
  if (!parse_args("request", args, nargs, kwnames, names, 5, 2, a)) return nullptr;
  return guard([&]() -> PyObject* {
    auto& h = self_as<PyConnection>(self);
    uint64_t token = to_uint(a[0], "token");
    std::string_view subject = text_view(a[1], "subject");
    std::string_view data = a[2] ? bytes_view(a[2], "data") : std::string_view("");
    int64_t timeout = a[3] ? to_int(a[3], "timeout_ms") : 2000;
    std::optional<Headers> headers = a[4] ? to_headers(a[4]) : std::nullopt;
    {
      Unlocked unlocked;
      ops::connection_request(*h.handle, ops::AsyncTarget{token, {}}, subject, data, timeout, headers ? &*headers : nullptr);
    }
    Py_RETURN_NONE;
  });
}

PyMethodDef connection_request_fast_def = {"request", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(connection_request_fast)), METH_FASTCALL | METH_KEYWORDS,
    "request($self, /, token, subject, data=b'', timeout_ms=2000, headers=None)\n--\n\nSend a request and wait for one reply. Completes through take() with the token."};

}  // namespace

py::dict to_python(const ActorRuntimeStats& record) {
  py::dict d;
  d["calls"] = record.calls;
  d["failed_calls"] = record.failed_calls;
  d["activations"] = record.activations;
  d["deactivations"] = record.deactivations;
  d["active_actors"] = record.active_actors;
  d["owned_partitions"] = record.owned_partitions;
  return d;
}

py::dict to_python(const Stats& record) {
  py::dict d;
  d["in_msgs"] = record.in_msgs;
  d["in_bytes"] = record.in_bytes;
  d["out_msgs"] = record.out_msgs;
  d["out_bytes"] = record.out_bytes;
  d["reconnects"] = record.reconnects;
  return d;
}

PyGetSetDef message_getset[] = {
    {"subject", message_get_subject, nullptr, const_cast<char*>("Subject it was published to."), nullptr},
    {"reply", message_get_reply, nullptr, const_cast<char*>("Reply subject, empty when none."), nullptr},
    {"data", message_get_data, nullptr, const_cast<char*>("Payload."), nullptr},
    {"headers", message_get_headers, nullptr, const_cast<char*>("Headers in order, multi-valued, keys as sent."), nullptr},
    {"status", message_get_status, nullptr, const_cast<char*>("Status of a server-generated message (503 no responders, 408, 100...), 0 otherwise."), nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

void register_api(py::module_& m) {
  auto connection = py::class_<PyConnection>(m, "Connection", R"doc(A connection to a NATS system; reconnects by itself. Made by connect(servers, options).)doc");
  auto actor_host = py::class_<PyActorHost>(m, "ActorHost", R"doc(Hosts actor types whose turns run in this language: turns() delivers them in batches; each ends with complete().)doc");
  auto subscription = py::class_<PySubscription>(m, "Subscription", R"doc(Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches.)doc");
  auto jetstream = py::class_<PyJetstream>(m, "Jetstream", R"doc(A JetStream context.)doc");
  auto key_value = py::class_<PyKeyValue>(m, "KeyValue", R"doc(A key-value bucket.)doc");
  connection.def("actor_host", [](PyConnection& self, int64_t idle_timeout_ms, int64_t call_timeout_ms, bool reentrancy, int64_t max_reentrancy_depth, int64_t lease_ttl_ms, int64_t partitions, int64_t workers, std::string host_id, std::string lease_bucket, std::string state_bucket) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeActorHost> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_actor_host(*self.handle, idle_timeout_ms, call_timeout_ms, reentrancy, max_reentrancy_depth, lease_ttl_ms, partitions, workers, host_id, lease_bucket, state_bucket);
    }
    return py::cast(PyActorHost{std::move(result)});
  }, py::arg("idle_timeout_ms") = 3600000, py::arg("call_timeout_ms") = 60000, py::arg("reentrancy") = false, py::arg("max_reentrancy_depth") = 32, py::arg("lease_ttl_ms") = 10000, py::arg("partitions") = 32, py::arg("workers") = 4, py::arg("host_id") = std::string(""), py::arg("lease_bucket") = std::string("nervure-actor-leases"), py::arg("state_bucket") = std::string("nervure-actor-state"), R"doc(A host for actor types in this process. Register types, then start; turns arrive on turns().)doc");
  connection.def("actor_invoke", [](PyConnection& self, uint64_t token, std::string actor_type, std::string actor_id, std::string method, py::object args, int64_t timeout_ms, int64_t partitions) -> py::object {
    auto args_view = bytes_view(args, "args");
    {
      py::gil_scoped_release unlocked;
      ops::connection_actor_invoke(*self.handle, ops::AsyncTarget{token, {}}, actor_type, actor_id, method, args_view, timeout_ms, partitions);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("actor_type"), py::arg("actor_id"), py::arg("method"), py::arg("args") = py::bytes(""), py::arg("timeout_ms") = 5000, py::arg("partitions") = 32, R"doc(Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack.)doc");
  connection.def("actor_tell", [](PyConnection& self, uint64_t token, std::string actor_type, std::string actor_id, std::string method, py::object args, std::string dedup_id, int64_t timeout_ms) -> py::object {
    auto args_view = bytes_view(args, "args");
    {
      py::gil_scoped_release unlocked;
      ops::connection_actor_tell(*self.handle, ops::AsyncTarget{token, {}}, actor_type, actor_id, method, args_view, dedup_id, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("actor_type"), py::arg("actor_id"), py::arg("method"), py::arg("args") = py::bytes(""), py::arg("dedup_id") = std::string(""), py::arg("timeout_ms") = 5000, R"doc(Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once.)doc");
  install_fast(connection, &connection_publish_fast_def);
  connection.def("subscribe", [](PyConnection& self, std::string subject, std::string queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_subscribe(*self.handle, subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit);
    }
    return py::cast(PySubscription{std::move(result)});
  }, py::arg("subject"), py::arg("queue") = std::string(""), py::arg("max_msgs") = 0, py::arg("pending_msgs_limit") = 0, py::arg("pending_bytes_limit") = 0, R"doc(Subscribe to a subject (wildcards * and > allowed), optionally in a queue group.)doc");
  install_fast(connection, &connection_request_fast_def);
  connection.def("flush", [](PyConnection& self, uint64_t token, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::connection_flush(*self.handle, ops::AsyncTarget{token, {}}, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("timeout_ms") = 10000, R"doc(Round trip to the server: everything published before has been processed.)doc");
  connection.def("drain", [](PyConnection& self, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::connection_drain(*self.handle, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("timeout_ms") = 30000, R"doc(Drain every subscription, flush what was published, then close.)doc");
  connection.def("close", [](PyConnection& self) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::connection_close(*self.handle);
    }
    return py::object(py::none());
  }, R"doc(Close now; pending requests fail with ConnectionClosedError.)doc");
  connection.def("is_connected", [](PyConnection& self) -> py::object {
    bool result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_is_connected(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Whether the connection is up.)doc");
  connection.def("is_reconnecting", [](PyConnection& self) -> py::object {
    bool result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_is_reconnecting(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Whether the connection is down and trying to come back.)doc");
  connection.def("is_closed", [](PyConnection& self) -> py::object {
    bool result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_is_closed(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Whether the connection was closed.)doc");
  connection.def("stats", [](PyConnection& self) -> py::object {
    Stats result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_stats(*self.handle);
    }
    return py::object(to_python(result));
  }, R"doc(Messages and bytes in and out, reconnects.)doc");
  connection.def("server_info", [](PyConnection& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_server_info(*self.handle);
    }
    return py::cast(result);
  }, R"doc(The server's INFO.)doc");
  connection.def("connected_url", [](PyConnection& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_connected_url(*self.handle);
    }
    return py::cast(result);
  }, R"doc(The server in use, or empty while disconnected.)doc");
  connection.def("new_inbox", [](PyConnection& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_new_inbox(*self.handle);
    }
    return py::cast(result);
  }, R"doc(A fresh unique reply subject.)doc");
  connection.def("max_payload", [](PyConnection& self) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_max_payload(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Largest message the server accepts.)doc");
  connection.def("jetstream", [](PyConnection& self, std::string domain, std::string api_prefix, int64_t timeout_ms) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeJetStream> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::connection_jetstream(*self.handle, domain, api_prefix, timeout_ms);
    }
    return py::cast(PyJetstream{std::move(result)});
  }, py::arg("domain") = std::string(""), py::arg("api_prefix") = std::string(""), py::arg("timeout_ms") = 5000, R"doc(A JetStream context (domain or API prefix for other domains and accounts).)doc");
  actor_host.def("register_type", [](PyActorHost& self, std::string actor_type) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_register_type(*self.handle, actor_type);
    }
    return py::object(py::none());
  }, py::arg("actor_type"), R"doc(Hosts an actor type (before start).)doc");
  actor_host.def("start", [](PyActorHost& self) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_start(*self.handle);
    }
    return py::object(py::none());
  }, R"doc(Creates the buckets if needed, takes partitions and starts serving.)doc");
  actor_host.def("stop", [](PyActorHost& self, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_stop(*self.handle, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("timeout_ms") = 10000, R"doc(Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile.)doc");
  actor_host.def("turns", [](PyActorHost& self) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_turns(*self.handle);
    }
    return py::cast(PySubscription{std::move(result)});
  }, R"doc(The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate).)doc");
  actor_host.def("complete", [](PyActorHost& self, uint64_t turn, py::object result, std::string error_type, std::string error_message) -> py::object {
    auto result_view = bytes_view(result, "result");
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_complete(*self.handle, turn, result_view, error_type, error_message);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("result") = py::bytes(""), py::arg("error_type") = std::string(""), py::arg("error_message") = std::string(""), R"doc(Ends a turn with its result, or with an error the caller receives as ActorError.)doc");
  actor_host.def("state_get", [](PyActorHost& self, uint64_t turn, std::string key) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_state_get(*self.handle, turn, key);
    }
    return py::bytes(result);
  }, py::arg("turn"), py::arg("key"), R"doc(A state value during a turn; empty when absent (see state_contains).)doc");
  actor_host.def("state_contains", [](PyActorHost& self, uint64_t turn, std::string key) -> py::object {
    bool result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_state_contains(*self.handle, turn, key);
    }
    return py::cast(result);
  }, py::arg("turn"), py::arg("key"), R"doc(Whether the actor's state has the key.)doc");
  actor_host.def("state_set", [](PyActorHost& self, uint64_t turn, std::string key, py::object value) -> py::object {
    auto value_view = bytes_view(value, "value");
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_state_set(*self.handle, turn, key, value_view);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("key"), py::arg("value"), R"doc(Sets a state value; saved when the turn succeeds.)doc");
  actor_host.def("state_remove", [](PyActorHost& self, uint64_t turn, std::string key) -> py::object {
    bool result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_state_remove(*self.handle, turn, key);
    }
    return py::cast(result);
  }, py::arg("turn"), py::arg("key"), R"doc(Removes a state value; true when it was there.)doc");
  actor_host.def("state_save", [](PyActorHost& self, uint64_t turn) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_state_save(*self.handle, turn);
    }
    return py::object(py::none());
  }, py::arg("turn"), R"doc(Saves the state now rather than at the end of the turn.)doc");
  actor_host.def("register_timer", [](PyActorHost& self, uint64_t turn, std::string name, std::string method, std::string due, std::string period, py::object args) -> py::object {
    auto args_view = bytes_view(args, "args");
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_register_timer(*self.handle, turn, name, method, due, period, args_view);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("name"), py::arg("method"), py::arg("due"), py::arg("period") = std::string(""), py::arg("args") = py::bytes(""), R"doc(Calls method as a turn after due, then every period, while the actor is active.)doc");
  actor_host.def("unregister_timer", [](PyActorHost& self, uint64_t turn, std::string name) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_unregister_timer(*self.handle, turn, name);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("name"), R"doc(Cancels a timer.)doc");
  actor_host.def("register_reminder", [](PyActorHost& self, uint64_t turn, std::string name, std::string due, std::string period, py::object data) -> py::object {
    auto data_view = bytes_view(data, "data");
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_register_reminder(*self.handle, turn, name, due, period, data_view);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("name"), py::arg("due"), py::arg("period") = std::string(""), py::arg("data") = py::bytes(""), R"doc(A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn.)doc");
  actor_host.def("unregister_reminder", [](PyActorHost& self, uint64_t turn, std::string name) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_unregister_reminder(*self.handle, turn, name);
    }
    return py::object(py::none());
  }, py::arg("turn"), py::arg("name"), R"doc(Removes a reminder.)doc");
  actor_host.def("invoke", [](PyActorHost& self, uint64_t token, uint64_t turn, std::string actor_type, std::string actor_id, std::string method, py::object args, int64_t timeout_ms) -> py::object {
    auto args_view = bytes_view(args, "args");
    {
      py::gil_scoped_release unlocked;
      ops::actor_host_invoke(*self.handle, ops::AsyncTarget{token, {}}, turn, actor_type, actor_id, method, args_view, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("turn"), py::arg("actor_type"), py::arg("actor_id"), py::arg("method"), py::arg("args") = py::bytes(""), py::arg("timeout_ms") = 5000, R"doc(Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it).)doc");
  actor_host.def("host_id", [](PyActorHost& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_host_id(*self.handle);
    }
    return py::cast(result);
  }, R"doc(This host's id.)doc");
  actor_host.def("stats", [](PyActorHost& self) -> py::object {
    ActorRuntimeStats result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_stats(*self.handle);
    }
    return py::object(to_python(result));
  }, R"doc(Counters of this host.)doc");
  actor_host.def("method_stats", [](PyActorHost& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::actor_host_method_stats(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Per-call metrics of this host by actor type and method.)doc");
  subscription.def("unsubscribe", [](PySubscription& self) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::subscription_unsubscribe(*self.handle);
    }
    return py::object(py::none());
  }, R"doc(Stop now; queued messages are dropped.)doc");
  subscription.def("drain", [](PySubscription& self, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::subscription_drain(*self.handle, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("timeout_ms") = 30000, R"doc(Stop interest, let queued messages be consumed, then end.)doc");
  subscription.def("auto_unsubscribe", [](PySubscription& self, int64_t max_msgs) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::subscription_auto_unsubscribe(*self.handle, max_msgs);
    }
    return py::object(py::none());
  }, py::arg("max_msgs"), R"doc(End after this many messages in total (counting those already delivered).)doc");
  subscription.def("set_pending_limits", [](PySubscription& self, int64_t msgs_limit, int64_t bytes_limit) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::subscription_set_pending_limits(*self.handle, msgs_limit, bytes_limit);
    }
    return py::object(py::none());
  }, py::arg("msgs_limit"), py::arg("bytes_limit"), R"doc(Change the queue limits; -1 unlimited.)doc");
  subscription.def("pending", [](PySubscription& self) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::subscription_pending(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Messages queued, not yet consumed.)doc");
  subscription.def("pending_bytes", [](PySubscription& self) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::subscription_pending_bytes(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Payload bytes queued, not yet consumed.)doc");
  subscription.def("dropped", [](PySubscription& self) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::subscription_dropped(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Messages lost to the pending limits (slow consumer).)doc");
  subscription.def("delivered", [](PySubscription& self) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::subscription_delivered(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Messages received so far.)doc");
  jetstream.def("account_info", [](PyJetstream& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_account_info(*self.handle);
    }
    return py::cast(result);
  }, R"doc(The account's JetStream usage and limits.)doc");
  jetstream.def("add_stream", [](PyJetstream& self, std::string config) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_add_stream(*self.handle, config);
    }
    return py::cast(result);
  }, py::arg("config"), R"doc(Creates a stream from its configuration (the server's JSON).)doc");
  jetstream.def("update_stream", [](PyJetstream& self, std::string config) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_update_stream(*self.handle, config);
    }
    return py::cast(result);
  }, py::arg("config"), R"doc(Changes a stream's configuration.)doc");
  jetstream.def("stream_info", [](PyJetstream& self, std::string name) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_stream_info(*self.handle, name);
    }
    return py::cast(result);
  }, py::arg("name"), R"doc(A stream's configuration and state.)doc");
  jetstream.def("delete_stream", [](PyJetstream& self, std::string name) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_delete_stream(*self.handle, name);
    }
    return py::object(py::none());
  }, py::arg("name"), R"doc(Deletes a stream and its messages.)doc");
  jetstream.def("purge_stream", [](PyJetstream& self, std::string name, std::string subject, int64_t keep, int64_t up_to_seq) -> py::object {
    int64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_purge_stream(*self.handle, name, subject, keep, up_to_seq);
    }
    return py::cast(result);
  }, py::arg("name"), py::arg("subject") = std::string(""), py::arg("keep") = 0, py::arg("up_to_seq") = 0, R"doc(Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many.)doc");
  jetstream.def("stream_names", [](PyJetstream& self, std::string subject) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_stream_names(*self.handle, subject);
    }
    return py::cast(result);
  }, py::arg("subject") = std::string(""), R"doc(Every stream's name, optionally only those bound to subject.)doc");
  jetstream.def("streams", [](PyJetstream& self, std::string subject) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_streams(*self.handle, subject);
    }
    return py::cast(result);
  }, py::arg("subject") = std::string(""), R"doc(Every stream's info, optionally only those bound to subject.)doc");
  jetstream.def("get_msg", [](PyJetstream& self, std::string stream, int64_t seq, std::string last_by_subject) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_get_msg(*self.handle, stream, seq, last_by_subject);
    }
    return py::cast(result);
  }, py::arg("stream"), py::arg("seq") = 0, py::arg("last_by_subject") = std::string(""), R"doc(A stored message by sequence, or the last one on a subject.)doc");
  jetstream.def("delete_msg", [](PyJetstream& self, std::string stream, int64_t seq, bool erase) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_delete_msg(*self.handle, stream, seq, erase);
    }
    return py::object(py::none());
  }, py::arg("stream"), py::arg("seq"), py::arg("erase") = false, R"doc(Removes one stored message (erase overwrites it on disk).)doc");
  jetstream.def("publish", [](PyJetstream& self, uint64_t token, std::string subject, py::object data, py::object headers, std::string msg_id, std::string expected_stream, int64_t expected_last_seq, int64_t expected_last_subject_seq, std::string expected_last_msg_id, int64_t ttl_ms, int64_t timeout_ms) -> py::object {
    auto data_view = bytes_view(data, "data");
    auto headers_h = to_headers(headers);
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_publish(*self.handle, ops::AsyncTarget{token, {}}, subject, data_view, headers_h ? &*headers_h : nullptr, msg_id, expected_stream, expected_last_seq, expected_last_subject_seq, expected_last_msg_id, ttl_ms, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("subject"), py::arg("data") = py::bytes(""), py::arg("headers") = py::none(), py::arg("msg_id") = std::string(""), py::arg("expected_stream") = std::string(""), py::arg("expected_last_seq") = -1, py::arg("expected_last_subject_seq") = -1, py::arg("expected_last_msg_id") = std::string(""), py::arg("ttl_ms") = 0, py::arg("timeout_ms") = 0, R"doc(Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate).)doc");
  jetstream.def("publish_async_complete", [](PyJetstream& self, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_publish_async_complete(*self.handle, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("timeout_ms") = 5000, R"doc(Waits until every publish has its acknowledgement.)doc");
  jetstream.def("add_consumer", [](PyJetstream& self, std::string stream, std::string config) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_add_consumer(*self.handle, stream, config);
    }
    return py::cast(result);
  }, py::arg("stream"), py::arg("config"), R"doc(Creates a consumer from its configuration (the server's JSON).)doc");
  jetstream.def("update_consumer", [](PyJetstream& self, std::string stream, std::string config) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_update_consumer(*self.handle, stream, config);
    }
    return py::cast(result);
  }, py::arg("stream"), py::arg("config"), R"doc(Changes an existing consumer.)doc");
  jetstream.def("consumer_info", [](PyJetstream& self, std::string stream, std::string consumer) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_consumer_info(*self.handle, stream, consumer);
    }
    return py::cast(result);
  }, py::arg("stream"), py::arg("consumer"), R"doc(A consumer's configuration and state.)doc");
  jetstream.def("delete_consumer", [](PyJetstream& self, std::string stream, std::string consumer) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_delete_consumer(*self.handle, stream, consumer);
    }
    return py::object(py::none());
  }, py::arg("stream"), py::arg("consumer"), R"doc(Deletes a consumer.)doc");
  jetstream.def("consumer_names", [](PyJetstream& self, std::string stream) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_consumer_names(*self.handle, stream);
    }
    return py::cast(result);
  }, py::arg("stream"), R"doc(The names of a stream's consumers.)doc");
  jetstream.def("fetch", [](PyJetstream& self, std::string stream, std::string consumer, int64_t batch, int64_t expires_ms, bool no_wait) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_fetch(*self.handle, stream, consumer, batch, expires_ms, no_wait);
    }
    return py::cast(PySubscription{std::move(result)});
  }, py::arg("stream"), py::arg("consumer"), py::arg("batch") = 1, py::arg("expires_ms") = 5000, py::arg("no_wait") = false, R"doc(Up to batch messages from a pull consumer, as a source that ends once they are taken.)doc");
  jetstream.def("consume", [](PyJetstream& self, std::string stream, std::string consumer, int64_t max_messages, int64_t expires_ms, int64_t idle_heartbeat_ms) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_consume(*self.handle, stream, consumer, max_messages, expires_ms, idle_heartbeat_ms);
    }
    return py::cast(PySubscription{std::move(result)});
  }, py::arg("stream"), py::arg("consumer"), py::arg("max_messages") = 0, py::arg("expires_ms") = 30000, py::arg("idle_heartbeat_ms") = 0, R"doc(Continuous pull consumption as a source (stop it with unsubscribe).)doc");
  jetstream.def("ordered_consumer", [](PyJetstream& self, std::string stream, std::string filter_subject, std::string deliver_policy, int64_t opt_start_seq) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_ordered_consumer(*self.handle, stream, filter_subject, deliver_policy, opt_start_seq);
    }
    return py::cast(PySubscription{std::move(result)});
  }, py::arg("stream"), py::arg("filter_subject") = std::string(""), py::arg("deliver_policy") = std::string("all"), py::arg("opt_start_seq") = 0, R"doc(An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements.)doc");
  jetstream.def("ack", [](PyJetstream& self, std::string reply, std::string kind, int64_t delay_ms, std::string reason) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_ack(*self.handle, reply, kind, delay_ms, reason);
    }
    return py::object(py::none());
  }, py::arg("reply"), py::arg("kind") = std::string("ack"), py::arg("delay_ms") = 0, py::arg("reason") = std::string(""), R"doc(Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress.)doc");
  jetstream.def("ack_sync", [](PyJetstream& self, uint64_t token, std::string reply, int64_t timeout_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_ack_sync(*self.handle, ops::AsyncTarget{token, {}}, reply, timeout_ms);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("reply"), py::arg("timeout_ms") = 5000, R"doc(Acknowledges and waits for the server to confirm it.)doc");
  jetstream.def("metadata", [](PyJetstream& self, std::string reply) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_metadata(*self.handle, reply);
    }
    return py::cast(result);
  }, py::arg("reply"), R"doc(Delivery metadata of a JetStream message, from its reply subject.)doc");
  jetstream.def("create_key_value", [](PyJetstream& self, std::string config) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeKeyValue> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_create_key_value(*self.handle, config);
    }
    return py::cast(PyKeyValue{std::move(result)});
  }, py::arg("config"), R"doc(Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata).)doc");
  jetstream.def("key_value", [](PyJetstream& self, std::string bucket) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeKeyValue> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_key_value(*self.handle, bucket);
    }
    return py::cast(PyKeyValue{std::move(result)});
  }, py::arg("bucket"), R"doc(An existing bucket.)doc");
  jetstream.def("delete_key_value", [](PyJetstream& self, std::string bucket) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::jetstream_delete_key_value(*self.handle, bucket);
    }
    return py::object(py::none());
  }, py::arg("bucket"), R"doc(Deletes a bucket and its values.)doc");
  jetstream.def("key_value_names", [](PyJetstream& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::jetstream_key_value_names(*self.handle);
    }
    return py::cast(result);
  }, R"doc(Every bucket's name.)doc");
  key_value.def("bucket", [](PyKeyValue& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_bucket(*self.handle);
    }
    return py::cast(result);
  }, R"doc(The bucket's name.)doc");
  key_value.def("put", [](PyKeyValue& self, std::string key, py::object value) -> py::object {
    auto value_view = bytes_view(value, "value");
    uint64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_put(*self.handle, key, value_view);
    }
    return py::cast(result);
  }, py::arg("key"), py::arg("value"), R"doc(Stores a value; returns its revision.)doc");
  key_value.def("put_async", [](PyKeyValue& self, uint64_t token, std::string key, py::object value) -> py::object {
    auto value_view = bytes_view(value, "value");
    {
      py::gil_scoped_release unlocked;
      ops::key_value_put_async(*self.handle, ops::AsyncTarget{token, {}}, key, value_view);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("key"), py::arg("value"), R"doc(Stores a value; returns its revision. Completes through take() with the result as the message data's text.)doc");
  key_value.def("get", [](PyKeyValue& self, std::string key, int64_t revision) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_get(*self.handle, key, revision);
    }
    return py::cast(result);
  }, py::arg("key"), py::arg("revision") = 0, R"doc(The current value (or a given revision); an empty record when absent or deleted.)doc");
  key_value.def("get_async", [](PyKeyValue& self, uint64_t token, std::string key, int64_t revision) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::key_value_get_async(*self.handle, ops::AsyncTarget{token, {}}, key, revision);
    }
    return py::object(py::none());
  }, py::arg("token"), py::arg("key"), py::arg("revision") = 0, R"doc(The current value (or a given revision); an empty record when absent or deleted. Completes through take() with the result as the message data's text.)doc");
  key_value.def("create", [](PyKeyValue& self, std::string key, py::object value, int64_t ttl_ms) -> py::object {
    auto value_view = bytes_view(value, "value");
    uint64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_create(*self.handle, key, value_view, ttl_ms);
    }
    return py::cast(result);
  }, py::arg("key"), py::arg("value"), py::arg("ttl_ms") = 0, R"doc(Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl.)doc");
  key_value.def("update", [](PyKeyValue& self, std::string key, py::object value, uint64_t last_revision) -> py::object {
    auto value_view = bytes_view(value, "value");
    uint64_t result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_update(*self.handle, key, value_view, last_revision);
    }
    return py::cast(result);
  }, py::arg("key"), py::arg("value"), py::arg("last_revision"), R"doc(Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise).)doc");
  key_value.def("delete", [](PyKeyValue& self, std::string key, int64_t last_revision) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::key_value_delete(*self.handle, key, last_revision);
    }
    return py::object(py::none());
  }, py::arg("key"), py::arg("last_revision") = 0, R"doc(Deletes the key, keeping its history; with last_revision, only if unchanged.)doc");
  key_value.def("purge", [](PyKeyValue& self, std::string key, int64_t ttl_ms) -> py::object {
    {
      py::gil_scoped_release unlocked;
      ops::key_value_purge(*self.handle, key, ttl_ms);
    }
    return py::object(py::none());
  }, py::arg("key"), py::arg("ttl_ms") = 0, R"doc(Deletes the key and its history, leaving a purge marker.)doc");
  key_value.def("keys", [](PyKeyValue& self, std::string filter) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_keys(*self.handle, filter);
    }
    return py::cast(result);
  }, py::arg("filter") = std::string(""), R"doc(Keys with a current value, optionally matching a filter (wildcards allowed).)doc");
  key_value.def("history", [](PyKeyValue& self, std::string key) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_history(*self.handle, key);
    }
    return py::cast(result);
  }, py::arg("key"), R"doc(Every stored value of the key, oldest first.)doc");
  key_value.def("watch", [](PyKeyValue& self, std::string keys, bool include_history, bool ignore_deletes, bool meta_only, bool updates_only) -> py::object {
    std::shared_ptr<nervure::bridge::BridgeSubscription> result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_watch(*self.handle, keys, include_history, ignore_deletes, meta_only, updates_only);
    }
    return py::cast(PySubscription{std::move(result)});
  }, py::arg("keys") = std::string(""), py::arg("include_history") = false, py::arg("ignore_deletes") = false, py::arg("meta_only") = false, py::arg("updates_only") = false, R"doc(Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered).)doc");
  key_value.def("status", [](PyKeyValue& self) -> py::object {
    std::string result;
    {
      py::gil_scoped_release unlocked;
      result = ops::key_value_status(*self.handle);
    }
    return py::cast(result);
  }, R"doc(The bucket's state.)doc");
}

}  // namespace nervure::py_bridge

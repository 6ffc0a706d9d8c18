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
  auto subscription = py::class_<PySubscription>(m, "Subscription", R"doc(Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches.)doc");
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
}

}  // namespace nervure::py_bridge

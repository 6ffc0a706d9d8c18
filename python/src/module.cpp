// The nervure._core extension: handles, batch crossings and error translation.
// Operations themselves are registered by the generated bindings.generated.cpp.
#include "py_bridge.hpp"

#include "options.hpp"

namespace nervure::py_bridge {

std::string_view bytes_view(const py::object& data) {
  PyObject* o = data.ptr();
  if (PyBytes_Check(o)) return {PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o))};
  if (PyByteArray_Check(o)) return {PyByteArray_AS_STRING(o), static_cast<std::size_t>(PyByteArray_GET_SIZE(o))};
  if (PyUnicode_Check(o)) {
    Py_ssize_t n = 0;
    const char* s = PyUnicode_AsUTF8AndSize(o, &n);
    if (!s) throw py::error_already_set();
    return {s, static_cast<std::size_t>(n)};
  }
  if (PyMemoryView_Check(o)) {
    Py_buffer* b = PyMemoryView_GET_BUFFER(o);
    if (!PyBuffer_IsContiguous(b, 'C')) throw py::type_error("data must be a contiguous buffer");
    return {static_cast<const char*>(b->buf), static_cast<std::size_t>(b->len)};
  }
  if (o == Py_None) return {};
  throw py::type_error("data must be bytes, bytearray, memoryview or str, not " +
                       std::string(Py_TYPE(o)->tp_name));
}

std::optional<Headers> to_headers(const py::object& headers) {
  if (headers.is_none()) return std::nullopt;
  Headers h;
  auto add = [&](const py::handle& k, const py::handle& v) {
    if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
      for (auto item : v) h.add(py::str(k), py::str(item));
    } else {
      h.add(py::str(k), py::str(v));
    }
  };
  if (py::hasattr(headers, "items")) {
    for (auto kv : headers.attr("items")()) {
      auto pair = kv.cast<py::tuple>();
      add(pair[0], pair[1]);
    }
  } else {
    for (auto kv : headers) {
      auto pair = py::reinterpret_borrow<py::sequence>(kv);
      if (pair.size() != 2) throw py::value_error("headers must be a mapping or (key, value) pairs");
      add(pair[0], pair[1]);
    }
  }
  return h;
}

py::dict stats_dict(const Stats& s) {
  py::dict d;
  d["in_msgs"] = s.in_msgs;
  d["in_bytes"] = s.in_bytes;
  d["out_msgs"] = s.out_msgs;
  d["out_bytes"] = s.out_bytes;
  d["reconnects"] = s.reconnects;
  return d;
}

namespace {

py::object g_error_for_code;  // nervure._errors.error_for_code

py::list header_list(const Headers& h) {
  py::list out;
  for (const auto& [k, v] : h.entries()) out.append(py::make_tuple(k, v));
  return out;
}

py::object message_object(Message&& m, const std::shared_ptr<bridge::Bridge>& b) {
  return py::cast(PyMessage{std::move(m), b});
}

}  // namespace

}  // namespace nervure::py_bridge

using namespace nervure;
using namespace nervure::py_bridge;

PYBIND11_MODULE(_core, m) {
  m.doc() = "nervure's native core; use the nervure package, not this module.";
  g_error_for_code = py::module_::import("nervure._errors").attr("error_for_code");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      py::object exc = g_error_for_code(static_cast<int>(e.code()), e.what());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    }
  });

  py::class_<PyMessage>(m, "Msg", "A received message.")
      .def_property_readonly("subject", [](const PyMessage& s) { return s.msg.subject; })
      .def_property_readonly("reply", [](const PyMessage& s) { return s.msg.reply; })
      .def_property_readonly("data", [](const PyMessage& s) { return py::bytes(s.msg.data); })
      .def_property_readonly("header_pairs", [](const PyMessage& s) { return header_list(s.msg.headers); },
                             "Headers as (key, value) pairs, in order, keys as sent.")
      .def_property_readonly("status", [](const PyMessage& s) { return s.msg.headers.status(); })
      .def("respond", [](PyMessage& s, py::object data, py::object headers) {
             if (s.msg.reply.empty())
               throw Error(ErrorCode::invalid_argument, "this message has no reply subject to respond to");
             auto h = to_headers(headers);
             auto view = bytes_view(data);
             py::gil_scoped_release unlocked;
             ops::connection_publish(*s.bridge, s.msg.reply, view, "", h ? &*h : nullptr);
           },
           py::arg("data") = py::bytes(), py::arg("headers") = py::none(), "Publish a reply to this message.")
      .def("__repr__", [](const PyMessage& s) {
        return "<Msg subject=" + s.msg.subject + " reply=" + s.msg.reply + " data=" +
               std::to_string(s.msg.data.size()) + " bytes>";
      });

  auto connection = py::class_<PyConnection>(m, "Connection");
  connection
      .def("wake_fd", [](PyConnection& c) { return c.bridge->wake_fd(); })
      .def("take", [](PyConnection& c) {
             bridge::Batch b;
             {
               py::gil_scoped_release unlocked;
               b = c.bridge->take();
             }
             py::list completions, ready, events;
             for (auto& x : b.completions) {
               py::object reply = x.has_message ? message_object(std::move(x.message), c.bridge) : py::none();
               completions.append(py::make_tuple(x.token, static_cast<int>(x.error), x.error_message, reply));
             }
             for (auto id : b.ready_subscriptions) ready.append(id);
             for (auto& e : b.events) events.append(py::make_tuple(static_cast<int>(e.event), e.detail));
             return py::make_tuple(completions, ready, events);
           },
           "Everything queued since the last wakeup: (completions, ready subscription ids, events).")
      .def("cancel", [](PyConnection& c, uint64_t token) { c.bridge->cancel(token); });

  auto subscription = py::class_<PySubscription>(m, "Subscription");
  subscription
      .def_property_readonly("id", [](PySubscription& s) { return s.sub->id(); })
      .def_property_readonly("subject", [](PySubscription& s) { return s.sub->core().subject(); })
      .def_property_readonly("queue", [](PySubscription& s) { return s.sub->core().queue(); })
      .def("ended", [](PySubscription& s) { return s.sub->ended(); })
      .def("poll", [](PySubscription& s, std::size_t max, std::shared_ptr<bridge::Bridge> b) {
             std::vector<Message> batch;
             {
               py::gil_scoped_release unlocked;
               s.sub->poll(batch, max);
             }
             py::list out(batch.size());
             for (std::size_t i = 0; i < batch.size(); ++i) out[i] = message_object(std::move(batch[i]), b);
             return out;
           },
           py::arg("max"), py::arg("bridge"));

  m.def("bridge_of", [](PyConnection& c) { return c.bridge; });
  py::class_<bridge::Bridge, std::shared_ptr<bridge::Bridge>>(m, "_Bridge");

  m.def("connect", [](std::vector<std::string> servers, py::dict options) {
          Options o;
          if (!servers.empty()) o.servers = servers;
          for (auto [k, v] : options) {
            std::string name = py::str(k);
            if (v.is_none()) continue;
            if (py::isinstance<py::bool_>(v)) bridge::set_option(o, name, "", 0, v.cast<bool>());
            else if (py::isinstance<py::int_>(v)) bridge::set_option(o, name, "", v.cast<int64_t>(), false);
            else if (py::isinstance<py::str>(v)) bridge::set_option(o, name, v.cast<std::string>(), 0, false);
            else throw Error(ErrorCode::invalid_argument, "option " + name + " has an unsupported type");
          }
          py::gil_scoped_release unlocked;
          return PyConnection{bridge::Bridge::connect(std::move(o))};
        },
        py::arg("servers"), py::arg("options"), "Connect (blocking); the asyncio layer runs it in a thread.");

  register_operations(connection, subscription);
}

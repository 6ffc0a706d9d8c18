// The nervure._core extension. The classes and operations of the definition
// are registered by the generated bindings.generated.cpp; this file adds what
// is not an operation: connecting, the wakeup hand-over, batch polling.
#include "loop_spin.hpp"
#include "py_bridge.hpp"

namespace nervure::py_bridge {
namespace {

// Pulls up to max queued messages in one crossing. A METH_FASTCALL method: it
// runs once per batch on the hottest path there is.
PyObject* subscription_poll(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"max", "connection"};
  PyObject* a[2];
  if (!parse_args("poll", args, nargs, kwnames, names, 2, 2, a)) return nullptr;
  return guard([&]() -> PyObject* {
    auto& sub = self_as<PySubscription>(self);
    const auto max = static_cast<std::size_t>(to_uint(a[0], "max"));
    std::vector<Message> batch;
    batch.reserve(std::min<std::size_t>(max, 4096));
    {
      Unlocked unlocked;
      sub.handle->poll(batch, max);
    }
    PyObject* list = PyList_New(static_cast<Py_ssize_t>(batch.size()));
    if (!list) return nullptr;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      PyObject* msg = make_msg(std::move(batch[i]), a[1]);
      if (!msg) {
        Py_DECREF(list);
        return nullptr;
      }
      PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), msg);
    }
    return list;
  });
}

PyMethodDef poll_def = {"poll", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(subscription_poll)),
                        METH_FASTCALL | METH_KEYWORDS,
                        "poll($self, /, max, connection)\n--\n\n"
                        "Moves up to max queued messages into a list without waiting."};

// Everything queued since the last wakeup, as (completions, ready ids, events):
// completions are (token, exception or None, reply Msg or None).
PyObject* connection_take(PyObject* self, PyObject* const*, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs != 0 || kwnames) {
    PyErr_SetString(PyExc_TypeError, "take() takes no arguments");
    return nullptr;
  }
  return guard([&]() -> PyObject* {
    auto& conn = self_as<PyConnection>(self);
    bridge::Batch b;
    {
      Unlocked unlocked;
      b = conn.handle->take();
    }
    py::list completions(b.completions.size()), ready(b.ready_sources.size()), events(b.events.size());
    for (std::size_t i = 0; i < b.completions.size(); ++i) {
      auto& c = b.completions[i];
      py::object error = py::none(), reply = py::none();
      if (c.error) error = py::reinterpret_steal<py::object>(make_error(c.error));
      if (c.has_message) {
        reply = py::reinterpret_steal<py::object>(make_msg(std::move(c.message), self));
        if (!reply) throw py::error_already_set();
      }
      completions[i] = py::make_tuple(c.token, std::move(error), std::move(reply));
    }
    for (std::size_t i = 0; i < b.ready_sources.size(); ++i) ready[i] = py::int_(b.ready_sources[i]);
    for (std::size_t i = 0; i < b.events.size(); ++i)
      events[i] = py::make_tuple(static_cast<int>(b.events[i].event), py::str(b.events[i].detail));
    return py::make_tuple(completions, ready, events).release().ptr();
  });
}

PyMethodDef take_def = {"take", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(connection_take)),
                        METH_FASTCALL | METH_KEYWORDS,
                        "take($self, /)\n--\n\n"
                        "Everything queued since the last wakeup: (completions, ready subscription ids, events)."};

PyConnection connect(const std::vector<std::string>& servers, const py::dict& options) {
  Options o;
  if (!servers.empty()) o.servers = servers;
  for (auto [k, v] : options) {
    auto name = std::string(text_view(k.ptr(), "an option name"));
    if (v.is_none()) continue;
    if (PyBool_Check(v.ptr())) bridge::set_option(o, name, bridge::OptionValue::of_bool(v.ptr() == Py_True));
    else if (PyLong_Check(v.ptr())) bridge::set_option(o, name, bridge::OptionValue::of_int(to_int(v.ptr(), name.c_str())));
    else if (PyUnicode_Check(v.ptr())) bridge::set_option(o, name, bridge::OptionValue::of_text(text_view(v.ptr(), "")));
    else throw Error(ErrorCode::invalid_argument, "option " + name + " has an unsupported type");
  }
  py::gil_scoped_release unlocked;
  return PyConnection{bridge::Bridge::connect(std::move(o))};
}

}  // namespace
}  // namespace nervure::py_bridge

using namespace nervure;
using namespace nervure::py_bridge;

PYBIND11_MODULE(_core, m) {
  m.doc() = "nervure's native part; use the nervure package, not this module.";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      set_error(bridge::describe(e));
    }
  });

  register_message_type(m);
  register_api(m);

  auto connection = py::reinterpret_borrow<py::class_<PyConnection>>(m.attr("Connection"));
  connection
      .def("wake_fd", [](PyConnection& c) { return c.handle->wake_fd(); },
           "The eventfd that turns readable when take() has something.")
      .def("cancel", [](PyConnection& c, uint64_t token) {
             py::gil_scoped_release unlocked;
             c.handle->cancel(token);
           },
           py::arg("token"), "Gives up on a pending request; its completion never arrives.");

  install_fast(connection, &take_def);

  auto subscription = py::reinterpret_borrow<py::class_<PySubscription>>(m.attr("Subscription"));
  subscription.def_property_readonly("id", [](PySubscription& s) { return s.handle->id(); })
      .def_property_readonly("subject", [](PySubscription& s) { return s.handle->subject(); })
      .def_property_readonly("queue", [](PySubscription& s) { return s.handle->queue(); })
      .def("ended", [](PySubscription& s) {
        py::gil_scoped_release unlocked;
        return s.handle->ended();
      });
  install_fast(subscription, &poll_def);

  // Busy-polls the event loop while a reply is due (loop_spin.hpp; nervure._spin installs it).
  py::class_<bridge::LoopSpinner>(m, "LoopSpinner")
      .def(py::init<>())
      .def("add", [](bridge::LoopSpinner& s, PyConnection& c) { s.add(c.handle->shared_inbox()); }, py::arg("connection"))
      .def("remove", [](bridge::LoopSpinner& s, PyConnection& c) { s.remove(c.handle->shared_inbox().get()); },
           py::arg("connection"))
      .def("spin",
           [](bridge::LoopSpinner& s, int fd, double max_wait) -> py::object {
             if (!s.wanted()) return py::none();  // the common case, decided without giving up the GIL
             std::vector<int> ready;
             double spent;
             {
               py::gil_scoped_release unlocked;
               auto limit = max_wait < 0 ? std::chrono::nanoseconds(-1)
                                         : std::chrono::nanoseconds(static_cast<int64_t>(max_wait * 1e9));
               spent = std::chrono::duration<double>(s.spin(fd, limit, &ready)).count();
             }
             return py::make_tuple(spent, py::cast(ready));
           },
           py::arg("fd"), py::arg("max_wait"),
           "Polls fd (the loop's epoll descriptor) while a request of one of the connections is due, "
           "at most max_wait seconds (negative: no limit of its own). None when it did not; else the "
           "seconds spent and the wake descriptors of the connections whose batch the polling queued "
           "and did not announce: the loop must report them ready (their reader takes the batch).");

  m.def("connect", &connect, py::arg("servers"), py::arg("options"),
        "Connects (blocking, without the GIL); the asyncio layer runs it in a thread.");
}

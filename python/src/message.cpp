// nervure.Msg, a plain CPython type rather than a pybind11 class: one is made
// per received message, so it must cost an allocation and a move, nothing more.
// Its field getters are generated from the definition's message record.
#include <cstring>

#include "py_bridge.hpp"

namespace nervure::py_bridge {
namespace {

PyTypeObject* g_msg_type = nullptr;
PyObject* g_done = nullptr;

void msg_dealloc(PyObject* self) {
  auto* m = reinterpret_cast<MsgObject*>(self);
  for (PyObject*& cached : m->cache) Py_CLEAR(cached);
  Py_CLEAR(m->conn);
  m->item.~Message();
  PyTypeObject* type = Py_TYPE(self);
  type->tp_free(self);
  Py_DECREF(type);  // instances of heap types own a reference to their type
}

PyObject* msg_respond(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"data", "headers"};
  PyObject* a[2];
  if (!parse_args("respond", args, nargs, kwnames, names, 2, 0, a)) return nullptr;
  return guard([&]() -> PyObject* {
    auto* m = reinterpret_cast<MsgObject*>(self);
    if (m->item.reply.empty())
      throw Error(ErrorCode::invalid_argument, "this message has no reply subject to respond to");
    if (!m->conn) throw Error(ErrorCode::connection_closed, "this message has no connection to respond on");
    auto& conn = self_as<PyConnection>(m->conn);
    auto data = a[0] ? bytes_view(a[0], "data") : std::string_view();
    auto headers = a[1] ? to_headers(a[1]) : std::nullopt;
    {
      Unlocked unlocked;
      ops::connection_publish(*conn.handle, m->item.reply, data, {}, headers ? &*headers : nullptr);
    }
    return done();
  });
}

PyObject* msg_repr(PyObject* self) {
  const auto& m = reinterpret_cast<MsgObject*>(self)->item;
  return PyUnicode_FromFormat("<Msg subject='%s' reply='%s' data=%zu bytes>", m.subject.c_str(), m.reply.c_str(),
                              m.data.size());
}

PyMethodDef msg_methods[] = {
    {"respond", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(msg_respond)),
     METH_FASTCALL | METH_KEYWORDS,
     "respond($self, /, data=b'', headers=None)\n--\n\n"
     "Publish a reply to this message. Returns at once; awaiting the result is allowed."},
    {nullptr, nullptr, 0, nullptr}};

PyType_Slot msg_slots[] = {{Py_tp_dealloc, reinterpret_cast<void*>(msg_dealloc)},
                           {Py_tp_getset, message_getset},
                           {Py_tp_methods, msg_methods},
                           {Py_tp_repr, reinterpret_cast<void*>(msg_repr)},
                           {Py_tp_doc, const_cast<char*>("A received message: subject, reply, data, headers, "
                                                         "status; respond() answers a request.")},
                           {0, nullptr}};
PyType_Spec msg_spec = {"nervure.Msg", sizeof(MsgObject), 0, Py_TPFLAGS_DEFAULT, msg_slots};

// The already-done awaitable: its __await__ is an exhausted iterator.
PyObject* done_await(PyObject*) {
  PyObject* empty = PyTuple_New(0);
  if (!empty) return nullptr;
  PyObject* it = PyObject_GetIter(empty);
  Py_DECREF(empty);
  return it;
}
PyObject* done_repr(PyObject*) { return PyUnicode_FromString("<done>"); }
PyType_Slot done_slots[] = {{Py_am_await, reinterpret_cast<void*>(done_await)},
                            {Py_tp_repr, reinterpret_cast<void*>(done_repr)},
                            {0, nullptr}};
PyType_Spec done_spec = {"nervure._core.Done", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, done_slots};

}  // namespace

PyObject* make_msg(Message&& m, PyObject* conn) {
  auto* o = reinterpret_cast<MsgObject*>(g_msg_type->tp_alloc(g_msg_type, 0));
  if (!o) return nullptr;
  new (&o->item) Message(std::move(m));  // tp_alloc zeroed the rest
  Py_XINCREF(conn);
  o->conn = conn;
  return reinterpret_cast<PyObject*>(o);
}

PyObject* make_headers(const Headers& h) {
  static PyObject* headers_class = [] {
    PyObject* mod = PyImport_ImportModule("nervure._message");
    PyObject* c = mod ? PyObject_GetAttrString(mod, "Headers") : nullptr;
    Py_XDECREF(mod);
    return c;  // kept for the life of the interpreter
  }();
  if (!headers_class) throw py::error_already_set();
  py::list pairs(h.entries().size());
  std::size_t i = 0;
  for (const auto& [k, v] : h.entries()) {
    pairs[i++] = py::make_tuple(py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(k.data(), k.size(), "replace")),
                                py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(v.data(), v.size(), "replace")));
  }
  PyObject* out = PyObject_CallOneArg(headers_class, pairs.ptr());
  if (!out) throw py::error_already_set();
  return out;
}

PyObject* done() {
  Py_INCREF(g_done);
  return g_done;
}

void register_message_type(py::module_& m) {
  g_msg_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&msg_spec));
  if (!g_msg_type) throw py::error_already_set();
  m.add_object("Msg", reinterpret_cast<PyObject*>(g_msg_type));
  auto* done_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&done_spec));
  if (!done_type) throw py::error_already_set();
  g_done = done_type->tp_alloc(done_type, 0);
  if (!g_done) throw py::error_already_set();
  m.add_object("DONE", g_done);
}

}  // namespace nervure::py_bridge

// Arguments in, errors out: the conversions every generated wrapper uses.
#include <cstring>

#include "py_bridge.hpp"

namespace nervure::py_bridge {
namespace {

// Borrowed for the life of the interpreter: module objects are never freed
// before the extension, and keeping them in plain pointers avoids destructors
// running after Python is finalized.
PyObject* g_error_for_code = nullptr;

PyObject* error_for_code() {
  if (!g_error_for_code) {
    PyObject* mod = PyImport_ImportModule("nervure._errors");
    if (!mod) throw py::error_already_set();
    g_error_for_code = PyObject_GetAttrString(mod, "error_for_code");
    Py_DECREF(mod);
    if (!g_error_for_code) throw py::error_already_set();
  }
  return g_error_for_code;
}

}  // namespace

std::string_view bytes_view(PyObject* o, const char* what) {
  if (PyBytes_CheckExact(o)) return {PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o))};
  if (PyByteArray_Check(o)) return {PyByteArray_AS_STRING(o), static_cast<std::size_t>(PyByteArray_GET_SIZE(o))};
  if (PyUnicode_Check(o)) return text_view(o, what);
  if (PyBytes_Check(o)) return {PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o))};
  if (PyMemoryView_Check(o)) {
    Py_buffer* b = PyMemoryView_GET_BUFFER(o);
    if (!PyBuffer_IsContiguous(b, 'C')) throw py::type_error(std::string(what) + " must be a contiguous buffer");
    return {static_cast<const char*>(b->buf), static_cast<std::size_t>(b->len)};
  }
  if (o == Py_None) return {};
  throw py::type_error(std::string(what) + " must be bytes, bytearray, memoryview or str, not " +
                       Py_TYPE(o)->tp_name);
}

std::string_view text_view(PyObject* o, const char* what) {
  if (!PyUnicode_Check(o)) throw py::type_error(std::string(what) + " must be str, not " + Py_TYPE(o)->tp_name);
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(o, &n);
  if (!s) throw py::error_already_set();
  return {s, static_cast<std::size_t>(n)};
}

int64_t to_int(PyObject* v, const char* what) {
  if (!PyLong_Check(v) || PyBool_Check(v)) throw py::type_error(std::string(what) + " must be int");
  long long n = PyLong_AsLongLong(v);
  if (n == -1 && PyErr_Occurred()) throw py::error_already_set();
  return n;
}

uint64_t to_uint(PyObject* v, const char* what) {
  if (!PyLong_Check(v) || PyBool_Check(v)) throw py::type_error(std::string(what) + " must be int");
  unsigned long long n = PyLong_AsUnsignedLongLong(v);
  if (n == static_cast<unsigned long long>(-1) && PyErr_Occurred()) throw py::error_already_set();
  return n;
}

bool to_bool(PyObject* v) {
  int r = PyObject_IsTrue(v);
  if (r < 0) throw py::error_already_set();
  return r == 1;
}

std::optional<Headers> to_headers(PyObject* headers) {
  if (headers == Py_None) return std::nullopt;
  Headers h;
  py::handle obj(headers);
  auto add = [&](py::handle k, py::handle v) {
    std::string key(text_view(k.ptr(), "a header name"));
    if (PyList_Check(v.ptr()) || PyTuple_Check(v.ptr())) {
      for (auto item : v) h.add(key, std::string(text_view(item.ptr(), "a header value")));
    } else {
      h.add(std::move(key), std::string(text_view(v.ptr(), "a header value")));
    }
  };
  if (PyDict_Check(headers)) {
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(headers, &pos, &k, &v)) add(k, v);
  } else if (py::hasattr(obj, "items") && !py::hasattr(obj, "pairs")) {
    for (auto kv : obj.attr("items")()) {
      auto pair = py::reinterpret_borrow<py::tuple>(kv);
      add(pair[0], pair[1]);
    }
  } else {
    // nervure.Headers (received headers) and plain (key, value) sequences keep every pair.
    py::object pairs = py::hasattr(obj, "pairs") ? obj.attr("pairs")() : py::reinterpret_borrow<py::object>(obj);
    for (auto kv : pairs) {
      if (!PySequence_Check(kv.ptr()) || PySequence_Size(kv.ptr()) != 2)
        throw py::type_error("headers must be a mapping or (key, value) pairs");
      auto pair = py::reinterpret_borrow<py::sequence>(kv);
      add(pair[0], pair[1]);
    }
  }
  return h;
}

PyObject* make_error(const bridge::ErrorInfo& error) {
  py::dict fields;
  for (const auto& f : error.fields) {
    if (f.is_text) fields[py::str(f.name)] = py::str(f.text);
    else fields[py::str(f.name)] = py::int_(f.number);
  }
  auto message = py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(error.message.data(), static_cast<Py_ssize_t>(error.message.size()), "replace"));
  if (!message) throw py::error_already_set();
  PyObject* exc = PyObject_CallFunction(error_for_code(), "iOO", static_cast<int>(error.code), message.ptr(),
                                        fields.ptr());
  if (!exc) throw py::error_already_set();
  return exc;
}

void set_error(const bridge::ErrorInfo& error) {
  try {
    PyObject* exc = make_error(error);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc)), exc);
    Py_DECREF(exc);
  } catch (py::error_already_set& e) {
    e.restore();  // could not even build the exception: raise why
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, error.message.c_str());
  }
}

bool parse_args(const char* function, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                const char* const* names, std::size_t count, std::size_t required, PyObject** out) {
  if (static_cast<std::size_t>(nargs) > count) {
    PyErr_Format(PyExc_TypeError, "%s() takes at most %zu arguments (%zd given)", function, count, nargs);
    return false;
  }
  for (std::size_t i = 0; i < count; ++i) out[i] = i < static_cast<std::size_t>(nargs) ? args[i] : nullptr;
  if (kwnames) {
    Py_ssize_t nk = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nk; ++k) {
      const char* key = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
      if (!key) return false;
      std::size_t i = 0;
      while (i < count && std::strcmp(names[i], key) != 0) ++i;
      if (i == count) {
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", function, key);
        return false;
      }
      if (out[i]) {
        PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", function, key);
        return false;
      }
      out[i] = args[nargs + k];
    }
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (!out[i]) {
      PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s'", function, names[i]);
      return false;
    }
  }
  return true;
}

void install_fast(py::handle cls, PyMethodDef* def) {
  PyObject* descr = PyDescr_NewMethod(reinterpret_cast<PyTypeObject*>(cls.ptr()), def);
  if (!descr) throw py::error_already_set();
  int rc = PyObject_SetAttrString(cls.ptr(), def->ml_name, descr);
  Py_DECREF(descr);
  if (rc != 0) throw py::error_already_set();
}

}  // namespace nervure::py_bridge

#pragma once
// What the generated glue (bindings.generated.cpp) builds on: argument
// conversion, error translation, GIL release and the fast calling convention
// used by hot operations. Hand-written, language-specific, operation-neutral.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string_view>

#include "bridge.hpp"
#include "ops.hpp"
#include "options.hpp"

namespace py = pybind11;

namespace nervure::py_bridge {

// ---- conversions (they throw py::type_error / py::value_error) -------------

/// bytes, bytearray, memoryview (contiguous) or str (as UTF-8); None is empty.
/// The view is valid while the object lives, which the caller guarantees.
std::string_view bytes_view(PyObject* data, const char* what);
/// A str, as UTF-8, without copying.
std::string_view text_view(PyObject* s, const char* what);
int64_t to_int(PyObject* v, const char* what);
uint64_t to_uint(PyObject* v, const char* what);
bool to_bool(PyObject* v);
/// None, a mapping (values may be lists of strings) or (key, value) pairs.
std::optional<Headers> to_headers(PyObject* headers);

inline std::string_view bytes_view(const py::object& o, const char* what) { return bytes_view(o.ptr(), what); }
inline std::optional<Headers> to_headers(const py::object& o) { return to_headers(o.ptr()); }

// ---- errors -----------------------------------------------------------------

/// Sets the Python exception for a core error: the class of its code from
/// nervure._errors, with the definition's fields as attributes.
void set_error(const bridge::ErrorInfo& error);
/// The exception object itself (for futures), a new reference.
PyObject* make_error(const bridge::ErrorInfo& error);

/// Runs body, turning any C++ exception into the Python exception it means.
/// Returns NULL with the error set, as CPython expects.
template <typename Body>
PyObject* guard(Body&& body) noexcept {
  try {
    return body();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (py::builtin_exception& e) {
    e.set_error();
  } catch (const std::exception& e) {
    set_error(bridge::describe(e));
  } catch (...) {
    set_error(bridge::describe(std::current_exception()));
  }
  return nullptr;
}

/// Releases the GIL for a call into the core, which may block and never needs
/// the GIL: core threads never run Python.
class Unlocked {
 public:
  Unlocked() : state_(PyEval_SaveThread()) {}
  ~Unlocked() { PyEval_RestoreThread(state_); }
  Unlocked(const Unlocked&) = delete;
  Unlocked& operator=(const Unlocked&) = delete;

 private:
  PyThreadState* state_;
};

// ---- the fast calling convention (METH_FASTCALL | METH_KEYWORDS) ----------

/// Fills out[0..count) from positional and keyword arguments; NULL where the
/// caller gave nothing. Raises TypeError like a Python function would.
bool parse_args(const char* function, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                const char* const* names, std::size_t count, std::size_t required, PyObject** out);

/// Adds a fast method to a pybind11 class. def must outlive the interpreter.
void install_fast(py::handle cls, PyMethodDef* def);

/// self's C++ handle; TypeError when self is something else.
template <typename T>
T& self_as(PyObject* self) {
  return py::handle(self).cast<T&>();
}

/// An awaitable that is already done: what publish and respond return, so
/// that both `nc.publish(...)` and `await nc.publish(...)` work. New reference.
PyObject* done();

// ---- messages ---------------------------------------------------------------

/// A received message as a Python object (nervure.Msg). conn is the
/// _core.Connection handle it came from (for respond), or NULL.
PyObject* make_msg(Message&& m, PyObject* conn);
/// Received headers as a nervure.Headers (ordered pairs, case-insensitive lookups).
PyObject* make_headers(const Headers& h);
void register_message_type(py::module_& m);

/// Registers the generated classes and operations (bindings.generated.cpp).
void register_api(py::module_& m);

}  // namespace nervure::py_bridge

#include "records.generated.hpp"  // handles and record layouts from the definition

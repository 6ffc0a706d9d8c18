#pragma once
// What the generated pybind11 glue (bindings.generated.cpp) builds on: the
// Python-side handles and argument conversions.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string_view>

#include "bridge.hpp"
#include "ops.hpp"

namespace py = pybind11;

namespace nervure::py_bridge {

struct PyConnection {
  std::shared_ptr<bridge::Bridge> bridge;
};

struct PySubscription {
  std::shared_ptr<bridge::BridgeSubscription> sub;
};

/// A received message. Python objects are made only for the fields read.
struct PyMessage {
  Message msg;
  std::shared_ptr<bridge::Bridge> bridge;  // for respond()
};

/// bytes, bytearray, memoryview or str (UTF-8) without copying where possible.
/// The view is valid while the object lives, which the caller guarantees.
std::string_view bytes_view(const py::object& data);

/// None, a mapping (values may be lists) or a sequence of (key, value) pairs.
std::optional<Headers> to_headers(const py::object& headers);

py::dict stats_dict(const Stats& s);

void register_operations(py::class_<PyConnection>& connection, py::class_<PySubscription>& subscription);

}  // namespace nervure::py_bridge

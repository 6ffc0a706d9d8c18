// generated from bindings/api/nervure.json by bindings/generator; do not edit
#include "py_bridge.hpp"

namespace nervure::py_bridge {

void register_operations(py::class_<PyConnection>& connection, py::class_<PySubscription>& subscription) {
  connection.def("publish", [](PyConnection& self, std::string subject, py::object data, std::string reply, py::object headers) {
    auto headers_headers = to_headers(headers);
    py::gil_scoped_release unlocked;
    nervure::ops::connection_publish(*self.bridge, subject, nervure::py_bridge::bytes_view(data), reply, headers_headers ? &*headers_headers : nullptr);
  }, py::arg("subject"), py::arg("data"), py::arg("reply") = std::string(""), py::arg("headers") = py::none(), R"doc(Publish a message; fire and forget.)doc");
  connection.def("subscribe", [](PyConnection& self, std::string subject, std::string queue, int64_t max_msgs, int64_t pending_msgs_limit, int64_t pending_bytes_limit) {
    py::gil_scoped_release unlocked;
    return PySubscription{nervure::ops::connection_subscribe(*self.bridge, subject, queue, max_msgs, pending_msgs_limit, pending_bytes_limit)};
  }, py::arg("subject"), py::arg("queue") = std::string(""), py::arg("max_msgs") = 0, py::arg("pending_msgs_limit") = 0, py::arg("pending_bytes_limit") = 0, R"doc(Subscribe to a subject (wildcards allowed), optionally in a queue group.)doc");
  connection.def("request", [](PyConnection& self, uint64_t token, std::string subject, py::object data, int64_t timeout_ms, py::object headers) {
    auto headers_headers = to_headers(headers);
    py::gil_scoped_release unlocked;
    nervure::ops::connection_request(*self.bridge, token, subject, nervure::py_bridge::bytes_view(data), timeout_ms, headers_headers ? &*headers_headers : nullptr);
  }, py::arg("token"), py::arg("subject"), py::arg("data"), py::arg("timeout_ms") = 2000, py::arg("headers") = py::none(), R"doc(Send a request and wait for one reply.)doc");
  connection.def("flush", [](PyConnection& self, uint64_t token, int64_t timeout_ms) {
    py::gil_scoped_release unlocked;
    nervure::ops::connection_flush(*self.bridge, token, timeout_ms);
  }, py::arg("token"), py::arg("timeout_ms") = 10000, R"doc(Round trip to the server: everything published before has been processed.)doc");
  connection.def("drain", [](PyConnection& self, int64_t timeout_ms) {
    py::gil_scoped_release unlocked;
    nervure::ops::connection_drain(*self.bridge, timeout_ms);
  }, py::arg("timeout_ms") = 30000, R"doc(Drain every subscription, flush, then close.)doc");
  connection.def("close", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    nervure::ops::connection_close(*self.bridge);
  }, R"doc(Close now; pending requests fail with ConnectionClosedError.)doc");
  connection.def("is_connected", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_is_connected(*self.bridge);
  }, R"doc(Whether the connection is up.)doc");
  connection.def("is_closed", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_is_closed(*self.bridge);
  }, R"doc(Whether the connection was closed.)doc");
  connection.def("stats", [](PyConnection& self) {
    Stats s;
    {
      py::gil_scoped_release unlocked;
      s = nervure::ops::connection_stats(*self.bridge);
    }
    return stats_dict(s);
  }, R"doc(Messages and bytes in and out, reconnects.)doc");
  connection.def("server_info", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_server_info(*self.bridge);
  }, R"doc(The server's INFO, as JSON.)doc");
  connection.def("connected_url", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_connected_url(*self.bridge);
  }, R"doc(The server in use, or empty while disconnected.)doc");
  connection.def("new_inbox", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_new_inbox(*self.bridge);
  }, R"doc(A fresh unique reply subject.)doc");
  connection.def("max_payload", [](PyConnection& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::connection_max_payload(*self.bridge);
  }, R"doc(Largest message the server accepts.)doc");
  subscription.def("unsubscribe", [](PySubscription& self) {
    py::gil_scoped_release unlocked;
    nervure::ops::subscription_unsubscribe(*self.sub);
  }, R"doc(Stop now; queued messages are dropped.)doc");
  subscription.def("drain", [](PySubscription& self, int64_t timeout_ms) {
    py::gil_scoped_release unlocked;
    nervure::ops::subscription_drain(*self.sub, timeout_ms);
  }, py::arg("timeout_ms") = 30000, R"doc(Stop interest, let queued messages be consumed, then end.)doc");
  subscription.def("auto_unsubscribe", [](PySubscription& self, int64_t max_msgs) {
    py::gil_scoped_release unlocked;
    nervure::ops::subscription_auto_unsubscribe(*self.sub, max_msgs);
  }, py::arg("max_msgs"), R"doc(End after this many messages in total.)doc");
  subscription.def("pending", [](PySubscription& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::subscription_pending(*self.sub);
  }, R"doc(Messages queued, not yet consumed.)doc");
  subscription.def("dropped", [](PySubscription& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::subscription_dropped(*self.sub);
  }, R"doc(Messages lost to the pending limits.)doc");
  subscription.def("delivered", [](PySubscription& self) {
    py::gil_scoped_release unlocked;
    return nervure::ops::subscription_delivered(*self.sub);
  }, R"doc(Messages received so far.)doc");
}

}  // namespace nervure::py_bridge

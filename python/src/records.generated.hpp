// generated from the definition in bindings/api/ by bindings/generator; do not edit
#pragma once
// Included by py_bridge.hpp.

namespace nervure::py_bridge {

/// _core.Connection: A connection to a NATS system; reconnects by itself. Made by connect(servers, options).
struct PyConnection {
  std::shared_ptr<nervure::bridge::Bridge> handle;
};

/// _core.ActorHost: Hosts actor types whose turns run in this language: turns() delivers them in batches; each ends with complete().
struct PyActorHost {
  std::shared_ptr<nervure::bridge::BridgeActorHost> handle;
};

/// _core.Subscription: Interest in a subject. Messages queue in the core, where the pending limits apply, and are taken in batches.
struct PySubscription {
  std::shared_ptr<nervure::bridge::BridgeSubscription> handle;
};

/// _core.Jetstream: A JetStream context.
struct PyJetstream {
  std::shared_ptr<nervure::bridge::BridgeJetStream> handle;
};

/// _core.KeyValue: A key-value bucket.
struct PyKeyValue {
  std::shared_ptr<nervure::bridge::BridgeKeyValue> handle;
};

py::dict to_python(const ActorRuntimeStats& record);

py::dict to_python(const Stats& record);

/// nervure.Msg: one item of a batch; fields become Python objects on first read.
struct MsgObject {
  PyObject_HEAD
  Message item;
  PyObject* conn;  // the _core.Connection it came from, or NULL
  PyObject* cache[5];
};
extern PyGetSetDef message_getset[];

}  // namespace nervure::py_bridge

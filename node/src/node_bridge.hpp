#pragma once
// What the generated N-API glue (bindings.generated.cpp) builds on: handles,
// argument conversion, error translation, running blocking calls off the JS
// thread. Hand-written, operation-neutral.
#include <node_api.h>
#include <uv.h>

#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bridge.hpp"
#include "loop_spin.hpp"
#include "ops.hpp"
#include "options.hpp"

namespace nervure::node_bridge {

/// Per-environment state (napi_set_instance_data).
struct ConnHandle;
struct EnvState {
  napi_ref error_factory = nullptr;
  std::vector<ConnHandle*> connections;  // live ones, closed at environment teardown
  bool torn_down = false;
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);
  // Polls the loop, right before libuv would sleep, while a request is due (loop_spin.hpp).
  bridge::LoopSpinner spinner;
  uv_prepare_t* before_sleep = nullptr;
  uv_idle_t* after_pass = nullptr;  // active for one loop iteration after a pass that ran out of rounds
};
EnvState& env_state(napi_env env);

/// Thrown when a JS exception is already pending: the guard returns at once.
struct JsPending {};

/// Throws JsPending when status is not napi_ok (making an Error if N-API did not).
void check(napi_env env, napi_status status);

/// The JS error for a core error: the NervureError subclass of its code, made
/// by the factory the JS layer registered (setErrorFactory), with its fields.
napi_value make_error(napi_env env, const bridge::ErrorInfo& error);
void throw_error(napi_env env, const bridge::ErrorInfo& error);

/// Runs body; no C++ exception escapes: it becomes the JS error it means.
template <typename Body>
napi_value guard(napi_env env, Body&& body) noexcept {
  try {
    return body();
  } catch (const JsPending&) {
  } catch (const std::exception& e) {
    throw_error(env, bridge::describe(e));
  } catch (...) {
    throw_error(env, bridge::describe(std::current_exception()));
  }
  return nullptr;
}

// ---- arguments ----------------------------------------------------------------

/// The call's arguments; missing ones are null handles, which every
/// conversion below reads as undefined.
struct Args {
  static constexpr std::size_t max = 12;
  napi_value argv[max];
  std::size_t argc = max;
  napi_value self = nullptr;
  Args(napi_env env, napi_callback_info info);
};

/// Not undefined and not null.
bool given(napi_env env, napi_value v);

/// UTF-8 text of a JS string, on the stack when short.
class Text {
 public:
  Text(napi_env env, napi_value v, const char* what);
  /// fallback when v is undefined or null.
  Text(napi_env env, napi_value v, const char* what, std::string_view fallback);
  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }
  std::string str() const { return std::string(view_); }

 private:
  void init(napi_env env, napi_value v, const char* what);
  char small_[256];
  std::string big_;
  std::string_view view_;
};

/// Bytes of a Buffer, a TypedArray, an ArrayBuffer, a DataView or a string
/// (UTF-8). Views into JS memory are valid during the call only.
class Data {
 public:
  Data(napi_env env, napi_value v, const char* what);
  Data(napi_env env, napi_value v, const char* what, std::string_view fallback);
  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }
  std::string str() const { return std::string(view_); }

 private:
  std::string owned_;
  std::string_view view_;
  bool absent_ = false;  // undefined, null or not passed
};

int64_t to_int(napi_env env, napi_value v, const char* what);
uint64_t to_uint(napi_env env, napi_value v, const char* what);
bool to_bool(napi_env env, napi_value v, const char* what);
/// A flat array [key, value, key, value, ...] (the JS layer normalises
/// objects, Maps and MsgHdrs to it); undefined or null is no headers.
std::optional<Headers> to_headers(napi_env env, napi_value v, const char* what);

// ---- values to JS -------------------------------------------------------------

napi_value js_undefined(napi_env env);
napi_value js_string(napi_env env, std::string_view s);
napi_value js_int(napi_env env, int64_t v);
napi_value js_uint(napi_env env, uint64_t v);
napi_value js_bool(napi_env env, bool v);
napi_value js_string_list(napi_env env, const std::vector<std::string>& v);
/// Headers as a flat array [key, value, ...], or undefined when there are none.
napi_value js_headers(napi_env env, const Headers& h);
void set_element(napi_env env, napi_value array, uint32_t i, napi_value v);
void set_named(napi_env env, napi_value object, const char* name, napi_value v);

/// A packed batch's string column (bindings.generated.cpp): one comparison
/// pass numbers each item's run of equal values into indices, one JS string
/// per run; a column of one value is that string itself, not an array.
/// nullptr for no items.
template <typename Item, typename Field>
napi_value js_string_column(napi_env env, const std::vector<Item>& items, Field field, double* indices) {
  if (items.empty()) return nullptr;
  thread_local std::vector<std::string_view> runs;  // no JS runs while it is in use
  runs.clear();
  for (const auto& item : items) {
    const std::string_view value = field(item);
    if (runs.empty() || value != runs.back()) runs.push_back(value);
    *indices++ = static_cast<double>(runs.size() - 1);
  }
  if (runs.size() == 1) return js_string(env, runs.front());
  napi_value column;
  check(env, napi_create_array_with_length(env, runs.size(), &column));
  for (uint32_t i = 0; i < runs.size(); ++i) set_element(env, column, i, js_string(env, runs[i]));
  return column;
}

// ---- handles --------------------------------------------------------------------

/// What a JS handle (an External) points to.
struct HandleBase {
  virtual ~HandleBase() = default;
};

template <typename T>
struct Handle : HandleBase {
  explicit Handle(std::shared_ptr<T> p) : ptr(std::move(p)) {}
  std::shared_ptr<T> ptr;
};

HandleBase* handle_base(napi_env env, napi_value v, const char* what);

template <typename T>
Handle<T>& unwrap_handle(napi_env env, napi_value v, const char* what) {
  auto* h = dynamic_cast<Handle<T>*>(handle_base(env, v, what));
  if (!h || !h->ptr) throw Error(ErrorCode::invalid_argument, std::string(what) + " is not a handle of the right kind");
  return *h;
}

template <typename T>
T& unwrap(napi_env env, napi_value v, const char* what) {
  return *unwrap_handle<T>(env, v, what).ptr;
}

napi_value wrap_base(napi_env env, HandleBase* h);

template <typename T>
napi_value wrap(napi_env env, std::shared_ptr<T> p) {
  return wrap_base(env, new Handle<T>(std::move(p)));
}

// ---- blocking calls -------------------------------------------------------------

/// Runs work on libuv's thread pool and returns a promise settled on the JS
/// thread: with done(env) when work returned, with the NervureError it threw otherwise.
napi_value run_blocking(napi_env env, const char* name, std::function<void()> work,
                        std::function<napi_value(napi_env)> done);

// ---- records --------------------------------------------------------------------

/// Packs a batch of messages for the JS layer (generated: bindings.generated.cpp).
napi_value pack_message(napi_env env, std::vector<Message>& items);
napi_value pack_one_message(napi_env env, Message&& item);

/// Registers the generated operations on exports (bindings.generated.cpp).
void register_api(napi_env env, napi_value exports);
/// Adds one function to exports.
void export_function(napi_env env, napi_value exports, const char* name, napi_callback fn);

}  // namespace nervure::node_bridge

// Conversions between JS values and the core's, error translation, handles
// and blocking calls for the generated glue.
#include <uv.h>

#include <algorithm>

#include "node_bridge.hpp"

namespace nervure::node_bridge {

EnvState& env_state(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  if (!data) {
    auto* s = new EnvState();
    napi_set_instance_data(
        env, s, [](napi_env, void* d, void*) { delete static_cast<EnvState*>(d); }, nullptr);
    return *s;
  }
  return *static_cast<EnvState*>(data);
}

void check(napi_env env, napi_status status) {
  if (status == napi_ok) return;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    const napi_extended_error_info* info = nullptr;
    napi_get_last_error_info(env, &info);
    napi_throw_error(env, nullptr, info && info->error_message ? info->error_message : "N-API call failed");
  }
  throw JsPending{};
}

napi_value make_error(napi_env env, const bridge::ErrorInfo& error) {
  napi_value message, code, fields, result = nullptr;
  napi_create_string_utf8(env, error.message.data(), error.message.size(), &message);
  napi_create_int32(env, static_cast<int32_t>(error.code), &code);
  napi_create_object(env, &fields);
  for (const auto& f : error.fields) {
    napi_value v;
    if (f.is_text) napi_create_string_utf8(env, f.text.data(), f.text.size(), &v);
    else napi_create_int64(env, f.number, &v);
    napi_set_named_property(env, fields, f.name.c_str(), v);
  }
  auto& st = env_state(env);
  napi_value factory = nullptr;
  if (st.error_factory) napi_get_reference_value(env, st.error_factory, &factory);
  if (factory) {
    napi_value global, argv[3] = {code, message, fields};
    napi_get_global(env, &global);
    if (napi_call_function(env, global, factory, 3, argv, &result) == napi_ok) return result;
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  napi_create_error(env, nullptr, message, &result);
  napi_set_named_property(env, result, "errorCode", code);
  return result;
}

void throw_error(napi_env env, const bridge::ErrorInfo& error) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw(env, make_error(env, error));
}

Args::Args(napi_env env, napi_callback_info info) {
  check(env, napi_get_cb_info(env, info, &argc, argv, &self, nullptr));
  // Arguments not passed are null handles: an omitted option costs no N-API call.
  for (std::size_t i = std::min(argc, max); i < max; ++i) argv[i] = nullptr;
}

bool given(napi_env env, napi_value v) {
  if (!v) return false;
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  return t != napi_undefined && t != napi_null;
}

static Error bad(const char* what, const char* expected) {
  return Error(ErrorCode::invalid_argument, std::string(what) + " must be " + expected);
}

Text::Text(napi_env env, napi_value v, const char* what) { init(env, v, what); }

void Text::init(napi_env env, napi_value v, const char* what) {
  std::size_t len = 0;
  if (napi_get_value_string_utf8(env, v, small_, sizeof small_, &len) != napi_ok) throw bad(what, "a string");
  if (len + 1 < sizeof small_) {
    view_ = std::string_view(small_, len);
    return;
  }
  check(env, napi_get_value_string_utf8(env, v, nullptr, 0, &len));
  big_.resize(len + 1);
  check(env, napi_get_value_string_utf8(env, v, big_.data(), big_.size(), &len));
  big_.resize(len);
  view_ = big_;
}

Text::Text(napi_env env, napi_value v, const char* what, std::string_view fallback) {
  if (!given(env, v)) {
    view_ = fallback;
    return;
  }
  init(env, v, what);
}

Data::Data(napi_env env, napi_value v, const char* what, std::string_view fallback) : Data(env, v, what) {
  if (absent_) view_ = fallback;
}

Data::Data(napi_env env, napi_value v, const char* what) {
  if (!v) {
    absent_ = true;
    return;
  }
  bool yes = false;
  void* p = nullptr;
  std::size_t len = 0;
  // Buffers (every ArrayBufferView in Node 20) first: the common case, two calls.
  if (napi_is_buffer(env, v, &yes) == napi_ok && yes) {
    check(env, napi_get_buffer_info(env, v, &p, &len));
    view_ = std::string_view(static_cast<const char*>(p), len);
    return;
  }
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  if (t == napi_undefined || t == napi_null) {
    absent_ = true;
    return;
  }
  if (t == napi_string) {
    Text text(env, v, what);
    owned_ = text.str();
    view_ = owned_;
    return;
  }
  if (napi_is_typedarray(env, v, &yes) == napi_ok && yes) {
    napi_typedarray_type type;
    std::size_t count = 0, offset = 0;
    napi_value ab;
    check(env, napi_get_typedarray_info(env, v, &type, &count, &p, &ab, &offset));
    static constexpr std::size_t width[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8};
    len = count * (static_cast<std::size_t>(type) < std::size(width) ? width[type] : 1);
  } else if (napi_is_arraybuffer(env, v, &yes) == napi_ok && yes) {
    check(env, napi_get_arraybuffer_info(env, v, &p, &len));
  } else if (napi_is_dataview(env, v, &yes) == napi_ok && yes) {
    napi_value ab;
    std::size_t offset = 0;
    check(env, napi_get_dataview_info(env, v, &len, &p, &ab, &offset));
  } else {
    throw bad(what, "a Buffer, a Uint8Array or a string");
  }
  view_ = std::string_view(static_cast<const char*>(p), len);
}

int64_t to_int(napi_env env, napi_value v, const char* what) {
  if (!v) throw bad(what, "a number");
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  if (t == napi_bigint) {
    int64_t r;
    bool lossless;
    check(env, napi_get_value_bigint_int64(env, v, &r, &lossless));
    if (!lossless) throw bad(what, "a 64-bit integer");
    return r;
  }
  if (t != napi_number) throw bad(what, "a number");
  double d;
  check(env, napi_get_value_double(env, v, &d));
  if (d != d || d < -9.2e18 || d > 9.2e18) throw bad(what, "a finite number");
  return static_cast<int64_t>(d);
}

uint64_t to_uint(napi_env env, napi_value v, const char* what) {
  int64_t r = to_int(env, v, what);
  if (r < 0) throw bad(what, "a non-negative number");
  return static_cast<uint64_t>(r);
}

bool to_bool(napi_env env, napi_value v, const char* what) {
  bool r;
  if (napi_get_value_bool(env, v, &r) != napi_ok) throw bad(what, "a boolean");
  return r;
}

std::optional<Headers> to_headers(napi_env env, napi_value v, const char* what) {
  if (!given(env, v)) return std::nullopt;
  bool is_array = false;
  check(env, napi_is_array(env, v, &is_array));
  if (!is_array) throw bad(what, "an array of [key, value] strings");
  uint32_t n = 0;
  check(env, napi_get_array_length(env, v, &n));
  if (n % 2) throw bad(what, "a flat array of keys and values");
  Headers h;
  for (uint32_t i = 0; i < n; i += 2) {
    napi_value k, val;
    check(env, napi_get_element(env, v, i, &k));
    check(env, napi_get_element(env, v, i + 1, &val));
    h.add(Text(env, k, what).str(), Text(env, val, what).str());
  }
  return h;
}

napi_value js_undefined(napi_env env) {
  napi_value v;
  napi_get_undefined(env, &v);
  return v;
}
napi_value js_string(napi_env env, std::string_view s) {
  napi_value v;
  check(env, napi_create_string_utf8(env, s.data(), s.size(), &v));
  return v;
}
napi_value js_int(napi_env env, int64_t i) {
  napi_value v;
  check(env, napi_create_int64(env, i, &v));
  return v;
}
napi_value js_uint(napi_env env, uint64_t i) {
  napi_value v;
  check(env, napi_create_double(env, static_cast<double>(i), &v));
  return v;
}
napi_value js_bool(napi_env env, bool b) {
  napi_value v;
  check(env, napi_get_boolean(env, b, &v));
  return v;
}
napi_value js_string_list(napi_env env, const std::vector<std::string>& list) {
  napi_value a;
  check(env, napi_create_array_with_length(env, list.size(), &a));
  for (uint32_t i = 0; i < list.size(); ++i) set_element(env, a, i, js_string(env, list[i]));
  return a;
}
napi_value js_headers(napi_env env, const Headers& h) {
  const auto& e = h.entries();
  if (e.empty()) return js_undefined(env);
  napi_value a;
  check(env, napi_create_array_with_length(env, e.size() * 2, &a));
  uint32_t i = 0;
  for (const auto& [k, v] : e) {
    set_element(env, a, i++, js_string(env, k));
    set_element(env, a, i++, js_string(env, v));
  }
  return a;
}
void set_element(napi_env env, napi_value array, uint32_t i, napi_value v) {
  check(env, napi_set_element(env, array, i, v));
}
void set_named(napi_env env, napi_value object, const char* name, napi_value v) {
  check(env, napi_set_named_property(env, object, name, v));
}

HandleBase* handle_base(napi_env env, napi_value v, const char* what) {
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  if (t != napi_external) throw Error(ErrorCode::invalid_argument, std::string(what) + " is not a nervure handle");
  void* p = nullptr;
  check(env, napi_get_value_external(env, v, &p));
  return static_cast<HandleBase*>(p);
}

napi_value wrap_base(napi_env env, HandleBase* h) {
  napi_value v;
  if (napi_create_external(
          env, h, [](napi_env, void* d, void*) { delete static_cast<HandleBase*>(d); }, nullptr, &v) != napi_ok) {
    delete h;
    check(env, napi_generic_failure);
  }
  return v;
}

namespace {
struct BlockingCall {
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  std::function<void()> run;
  std::function<napi_value(napi_env)> done;
  bridge::ErrorInfo error;
};
}  // namespace

napi_value run_blocking(napi_env env, const char* name, std::function<void()> work,
                        std::function<napi_value(napi_env)> done) {
  auto call = std::make_unique<BlockingCall>();
  call->run = std::move(work);
  call->done = std::move(done);
  napi_value promise, resource_name;
  check(env, napi_create_promise(env, &call->deferred, &promise));
  check(env, napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &resource_name));
  check(env, napi_create_async_work(
                 env, nullptr, resource_name,
                 [](napi_env, void* d) {
                   auto* c = static_cast<BlockingCall*>(d);
                   try {
                     c->run();
                   } catch (const std::exception& e) {
                     c->error = bridge::describe(e);
                   } catch (...) {
                     c->error = bridge::describe(std::current_exception());
                   }
                 },
                 [](napi_env env, napi_status status, void* d) {
                   std::unique_ptr<BlockingCall> c(static_cast<BlockingCall*>(d));
                   napi_delete_async_work(env, c->work);
                   if (status == napi_cancelled) {
                     c->error.code = ErrorCode::connection_closed;
                     c->error.message = "cancelled";
                   }
                   if (c->error) {
                     napi_reject_deferred(env, c->deferred, make_error(env, c->error));
                     return;
                   }
                   napi_value result = nullptr;
                   try {
                     result = c->done(env);
                   } catch (const std::exception& e) {
                     bool pending = false;
                     napi_is_exception_pending(env, &pending);
                     if (pending) napi_get_and_clear_last_exception(env, &result);
                     else result = make_error(env, bridge::describe(e));
                     napi_reject_deferred(env, c->deferred, result);
                     return;
                   } catch (const JsPending&) {
                     napi_get_and_clear_last_exception(env, &result);
                     napi_reject_deferred(env, c->deferred, result);
                     return;
                   }
                   napi_resolve_deferred(env, c->deferred, result);
                 },
                 call.get(), &call->work));
  check(env, napi_queue_async_work(env, call->work));
  call.release();
  return promise;
}

void export_function(napi_env env, napi_value exports, const char* name, napi_callback fn) {
  napi_value f;
  check(env, napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &f));
  check(env, napi_set_named_property(env, exports, name, f));
}

}  // namespace nervure::node_bridge

// The nervure addon. The operations of the definition are registered by the
// generated bindings.generated.cpp; this file adds what is not an operation:
// connecting, the wakeup hand-over (a libuv poll on the connection's eventfd,
// everything queued taken in one crossing), batch polling, teardown.
#include <uv.h>

#include <algorithm>

#include "node_bridge.hpp"

namespace nervure::node_bridge {

// A connection as the addon holds it: the bridge, the poll on its eventfd and
// the JS dispatch function every wakeup calls once.
struct ConnHandle : Handle<bridge::Bridge> {
  explicit ConnHandle(std::shared_ptr<bridge::Bridge> b) : Handle<bridge::Bridge>(std::move(b)) {}
  ~ConnHandle() override;

  napi_env env = nullptr;
  uv_poll_t* poll = nullptr;  // freed by its close callback
  napi_ref dispatch = nullptr;
  napi_async_context context = nullptr;
  std::shared_ptr<bool> env_alive;  // false once the environment is torn down

  void start(napi_env e, napi_value dispatch_fn);
  /// Stops watching (no more dispatch calls); the poll no longer keeps the loop alive.
  void stop();
  void deliver();
};

namespace {

void forget(EnvState& st, ConnHandle* c) {
  st.connections.erase(std::remove(st.connections.begin(), st.connections.end(), c), st.connections.end());
}

void on_readable(uv_poll_t* poll, int status, int events) {
  auto* c = static_cast<ConnHandle*>(poll->data);
  if (c) c->deliver();
}

// Delivers, right here, every batch the spinner's reading left queued. Returns
// whether there was one. JS may open or close connections meanwhile, so each
// connection is looked up again before its turn.
bool deliver_queued(EnvState& st) {
  thread_local std::vector<ConnHandle*> queued;
  queued.clear();
  for (auto* c : st.connections)
    if (c->poll && c->ptr->shared_inbox()->queued()) queued.push_back(c);
  for (auto* c : queued)
    if (std::find(st.connections.begin(), st.connections.end(), c) != st.connections.end() && c->poll) c->deliver();
  return !queued.empty();
}

// libuv runs prepare handles last before it polls for I/O with the timeout it
// then computes; a zero timeout means something is ready and nothing is spun.
// A reply the spin reads is delivered from here, without the loop's own
// wait, and the spin resumes for whatever request the JS it ran started;
// after a few rounds, or JS that ran long, the loop goes on, so check handles
// and the I/O threads are not held up.
void before_sleep(uv_prepare_t* prepare) {
  constexpr int kMaxRounds = 32;
  auto* st = static_cast<EnvState*>(prepare->data);
  if (!st || !st->spinner.wanted()) return;
  bridge::LoopSpinner::Pass pass(st->spinner);
  for (int round = 0; round < kMaxRounds; ++round) {
    if (round > 0) {
      if (prepare->data != st || !st->spinner.wanted()) return;  // data is null once the environment is torn down
      uv_update_time(prepare->loop);  // the JS that ran took time: timers may be due
    }
    const int timeout_ms = uv_backend_timeout(prepare->loop);
    if (timeout_ms == 0) return;
    pass.spin(uv_backend_fd(prepare->loop),
              timeout_ms < 0 ? std::chrono::nanoseconds(-1) : std::chrono::milliseconds(timeout_ms));
    const auto before = std::chrono::steady_clock::now();
    if (!deliver_queued(*st)) return;
    // Long JS ends the pass: the sockets' marks raised during it keep small
    // input from waking the core's I/O threads (for a blocking call on a worker thread).
    if (std::chrono::steady_clock::now() - before > std::chrono::milliseconds(1)) return;
  }
  // Out of rounds, with requests still going: the loop goes round once
  // without sleeping (an active idle handle makes its poll timeout zero), so
  // the next pass starts before the reply arrives. Sleeping in epoll instead
  // left the reply to an I/O thread and the eventfd, about 80 us more.
  uv_idle_start(st->after_pass, [](uv_idle_t* idle) { uv_idle_stop(idle); });
}

void watch_before_sleep(EnvState& st, uv_loop_t* loop) {
  if (st.before_sleep) return;
  auto* prepare = new uv_prepare_t;
  uv_prepare_init(loop, prepare);
  prepare->data = &st;
  uv_prepare_start(prepare, before_sleep);
  uv_unref(reinterpret_cast<uv_handle_t*>(prepare));  // it never keeps the process alive
  st.before_sleep = prepare;
  auto* idle = new uv_idle_t;
  uv_idle_init(loop, idle);
  uv_unref(reinterpret_cast<uv_handle_t*>(idle));
  st.after_pass = idle;
}

}  // namespace

void ConnHandle::start(napi_env e, napi_value dispatch_fn) {
  env = e;
  check(env, napi_create_reference(env, dispatch_fn, 1, &dispatch));
  napi_value name;
  check(env, napi_create_string_utf8(env, "nervure.connection", NAPI_AUTO_LENGTH, &name));
  check(env, napi_async_init(env, nullptr, name, &context));
  uv_loop_t* loop = nullptr;
  check(env, napi_get_uv_event_loop(env, &loop));
  poll = new uv_poll_t;
  if (uv_poll_init(loop, poll, ptr->wake_fd()) != 0) {
    delete poll;
    poll = nullptr;
    throw Error(ErrorCode::nervure, "cannot watch the connection's eventfd");
  }
  poll->data = this;
  if (uv_poll_start(poll, UV_READABLE, on_readable) != 0) throw Error(ErrorCode::nervure, "cannot poll the eventfd");
  auto& st = env_state(env);
  st.connections.push_back(this);
  env_alive = st.alive;
  st.spinner.add(ptr->shared_inbox());
  watch_before_sleep(st, loop);
}

void ConnHandle::stop() {
  if (poll && env_alive && *env_alive) env_state(env).spinner.remove(ptr->shared_inbox().get());
  if (poll) {
    poll->data = nullptr;
    uv_poll_stop(poll);
    if (env_alive && *env_alive) {
      uv_close(reinterpret_cast<uv_handle_t*>(poll), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
    } else {
      // Environment teardown: the addon may be unloaded before libuv runs
      // close callbacks, so none may point into it; the handle is left to the loop.
      uv_close(reinterpret_cast<uv_handle_t*>(poll), nullptr);
    }
    poll = nullptr;
  }
  if (env && env_alive && *env_alive) {
    if (dispatch) napi_delete_reference(env, dispatch);
    if (context) napi_async_destroy(env, context);
  }
  dispatch = nullptr;
  context = nullptr;
}

ConnHandle::~ConnHandle() {
  if (env && env_alive && *env_alive) forget(env_state(env), this);
  stop();
}

// One wakeup: everything queued since the last one, in one JS call:
// dispatch(completions, ready, events), completions flat as
// [token, error|null, packed reply|null, ...], events as [code, detail, ...],
// each undefined when empty.
void ConnHandle::deliver() {
  bridge::Batch b = ptr->take();
  if (b.completions.empty() && b.ready_sources.empty() && b.events.empty()) return;
  bool closed = false;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  try {
    // An empty part stays undefined: most wakeups carry one of the three.
    napi_value completions = js_undefined(env), ready = completions, events = completions;
    uint32_t i = 0;
    napi_value null;
    napi_get_null(env, &null);
    if (!b.completions.empty()) check(env, napi_create_array_with_length(env, b.completions.size() * 3, &completions));
    for (auto& c : b.completions) {
      set_element(env, completions, i++, js_uint(env, c.token));
      set_element(env, completions, i++, c.error ? make_error(env, c.error) : null);
      set_element(env, completions, i++, c.has_message ? pack_one_message(env, std::move(c.message)) : null);
    }
    if (!b.ready_sources.empty()) check(env, napi_create_array_with_length(env, b.ready_sources.size(), &ready));
    for (uint32_t j = 0; j < b.ready_sources.size(); ++j) set_element(env, ready, j, js_uint(env, b.ready_sources[j]));
    if (!b.events.empty()) check(env, napi_create_array_with_length(env, b.events.size() * 2, &events));
    i = 0;
    for (auto& ev : b.events) {
      if (ev.event == Event::closed) closed = true;
      set_element(env, events, i++, js_int(env, static_cast<int>(ev.event)));
      set_element(env, events, i++, js_string(env, ev.detail));
    }
    napi_value fn, recv, result;
    if (dispatch && napi_get_reference_value(env, dispatch, &fn) == napi_ok && fn) {
      napi_get_global(env, &recv);
      napi_value argv[3] = {completions, ready, events};
      // As a libuv callback would: microtasks (promise reactions) run after it.
      napi_status st = napi_make_callback(env, context, recv, fn, 3, argv, &result);
      if (st != napi_ok) {
        napi_value ignored;  // the JS dispatcher reports handler errors itself
        napi_get_and_clear_last_exception(env, &ignored);
      }
    }
  } catch (const JsPending&) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  } catch (...) {
  }
  napi_close_handle_scope(env, scope);
  if (closed) stop();  // a closed connection does not keep the process alive
}

namespace {

// connect(servers: string[], options: [name, value, ...], dispatch) -> Promise<handle>
napi_value connect(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto options = std::make_shared<Options>();
    uint32_t n = 0;
    bool is_array = false;
    check(env, napi_is_array(env, a.argv[0], &is_array));
    if (!is_array) throw Error(ErrorCode::invalid_argument, "servers must be an array of URLs");
    check(env, napi_get_array_length(env, a.argv[0], &n));
    std::vector<std::string> servers;
    for (uint32_t i = 0; i < n; ++i) {
      napi_value v;
      check(env, napi_get_element(env, a.argv[0], i, &v));
      servers.push_back(Text(env, v, "servers").str());
    }
    if (!servers.empty()) options->servers = servers;
    check(env, napi_get_array_length(env, a.argv[1], &n));
    for (uint32_t i = 0; i + 1 < n; i += 2) {
      napi_value k, v;
      check(env, napi_get_element(env, a.argv[1], i, &k));
      check(env, napi_get_element(env, a.argv[1], i + 1, &v));
      std::string name = Text(env, k, "option name").str();
      napi_valuetype t;
      check(env, napi_typeof(env, v, &t));
      if (t == napi_boolean) bridge::set_option(*options, name, bridge::OptionValue::of_bool(to_bool(env, v, "")));
      else if (t == napi_number) bridge::set_option(*options, name, bridge::OptionValue::of_int(to_int(env, v, name.c_str())));
      else if (t == napi_string) {
        Text text(env, v, name.c_str());
        bridge::set_option(*options, name, bridge::OptionValue::of_text(text.view()));
      } else if (t != napi_undefined && t != napi_null) {
        throw Error(ErrorCode::invalid_argument, "option " + name + " has an unsupported type");
      }
    }
    napi_ref dispatch;
    check(env, napi_create_reference(env, a.argv[2], 1, &dispatch));
    auto result = std::make_shared<std::shared_ptr<bridge::Bridge>>();
    return run_blocking(
        env, "nervure.connect", [options, result] { *result = bridge::Bridge::connect(std::move(*options)); },
        [result, dispatch](napi_env env) -> napi_value {
          napi_value fn;
          napi_get_reference_value(env, dispatch, &fn);
          napi_delete_reference(env, dispatch);
          auto* h = new ConnHandle(std::move(*result));
          napi_value handle = wrap_base(env, h);
          h->start(env, fn);
          return handle;
        });
  });
}

// poll(sub, max) -> packed batch (possibly empty)
napi_value subscription_poll(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& sub = unwrap<bridge::BridgeSubscription>(env, a.argv[0], "subscription");
    auto max = static_cast<std::size_t>(given(env, a.argv[1]) ? to_uint(env, a.argv[1], "max") : 1024);
    std::vector<Message> batch;
    batch.reserve(std::min<std::size_t>(max, 1024));
    sub.poll(batch, max);
    napi_value packed = pack_message(env, batch);
    if (batch.size() < max && sub.ended()) set_named(env, packed, "ended", js_bool(env, true));
    return packed;
  });
}

napi_value subscription_ended(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    return js_bool(env, unwrap<bridge::BridgeSubscription>(env, a.argv[0], "subscription").ended());
  });
}

napi_value subscription_id(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    return js_uint(env, unwrap<bridge::BridgeSubscription>(env, a.argv[0], "subscription").id());
  });
}

// The connection's own pending wakeup, delivered now (after close, so that
// the closed event arrives before close() resolves).
napi_value connection_deliver(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& h = dynamic_cast<ConnHandle&>(unwrap_handle<bridge::Bridge>(env, a.argv[0], "connection"));
    if (h.poll) h.deliver();
    return js_undefined(env);
  });
}

// Whether a live connection keeps the process alive (ref) or not (unref).
napi_value connection_ref(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& h = dynamic_cast<ConnHandle&>(unwrap_handle<bridge::Bridge>(env, a.argv[0], "connection"));
    if (h.poll) {
      if (to_bool(env, a.argv[1], "ref")) uv_ref(reinterpret_cast<uv_handle_t*>(h.poll));
      else uv_unref(reinterpret_cast<uv_handle_t*>(h.poll));
    }
    return js_undefined(env);
  });
}

napi_value connection_cancel(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    unwrap<bridge::Bridge>(env, a.argv[0], "connection").cancel(to_uint(env, a.argv[1], "token"));
    return js_undefined(env);
  });
}

napi_value subscription_subject(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    return js_string(env, unwrap<bridge::BridgeSubscription>(env, a.argv[0], "subscription").subject());
  });
}

napi_value set_error_factory(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    Args a(env, info);
    auto& st = env_state(env);
    if (st.error_factory) napi_delete_reference(env, st.error_factory);
    check(env, napi_create_reference(env, a.argv[0], 1, &st.error_factory));
    return js_undefined(env);
  });
}

// Environment teardown (worker exit, process exit): stop every poll and close
// every connection while the environment still exists; finalizers that run
// later make no N-API calls.
void teardown(void* arg) {
  auto* st = static_cast<EnvState*>(arg);
  auto conns = st->connections;
  st->connections.clear();
  *st->alive = false;  // from here on no N-API calls and no callbacks into the addon
  if (st->before_sleep) {
    st->before_sleep->data = nullptr;
    uv_prepare_stop(st->before_sleep);
    uv_close(reinterpret_cast<uv_handle_t*>(st->before_sleep), nullptr);  // as for the polls in stop()
    st->before_sleep = nullptr;
    uv_idle_stop(st->after_pass);
    uv_close(reinterpret_cast<uv_handle_t*>(st->after_pass), nullptr);
    st->after_pass = nullptr;
  }
  for (auto* c : conns) {
    c->stop();
    try {
      c->ptr->connection().close();
    } catch (...) {
    }
  }
  st->torn_down = true;
  *st->alive = false;
}

}  // namespace
}  // namespace nervure::node_bridge

using namespace nervure::node_bridge;

NAPI_MODULE_INIT() {
  return guard(env, [&]() -> napi_value {
    auto& st = env_state(env);
    check(env, napi_add_env_cleanup_hook(env, teardown, &st));
    export_function(env, exports, "connect", connect);
    export_function(env, exports, "subscription_poll", subscription_poll);
    export_function(env, exports, "subscription_ended", subscription_ended);
    export_function(env, exports, "subscription_id", subscription_id);
    export_function(env, exports, "subscription_subject", subscription_subject);
    export_function(env, exports, "connection_deliver", connection_deliver);
    export_function(env, exports, "connection_ref", connection_ref);
    export_function(env, exports, "connection_cancel", connection_cancel);
    export_function(env, exports, "setErrorFactory", set_error_factory);
    register_api(env, exports);
    return exports;
  });
}

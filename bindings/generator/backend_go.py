"""Go: the cgo glue of package nervure (go/), over the C ABI (nervure.h).

Two files, go/nervure.generated.go and the C it includes, go/shims.generated.h:

- C shims, one per operation: `nv_<object>_<op>(...)`
  calls `nervure_<object>_<op>` and returns a small struct by value (status,
  error text, the error's structured fields read on the same thread, and the
  result), so Go never hands C a pointer to Go memory holding results, and a
  call is one crossing.
- A fused batch reader per batch record (`nv_<type>_read`) that fills an array
  of views for a whole batch in one crossing, and a completion reader.
- Sentinel errors (`ErrTimeout`...) usable with errors.Is, the `*Error` every
  call returns, typed errors for errors that carry fields
  (`*JetStreamAPIError` with Code/ErrCode, `*ActorError`).
- Events, functional connect options (`WithName`, `WithReconnectWait`...),
  record types (`Stats`, `ServerInfo`, `Msg`...).
- One unexported raw wrapper per operation (`x.op<Name>(...)`) and, unless the
  hand-written layer gives the method its own Go idiom (HANDWRITTEN), the
  exported method with the default idiom of its kind: `call` and `blocking`
  return at once / block, `async` take a context.Context and block until the
  completion arrives (in a waiter whose eventfd the calling goroutine waits
  for in Go's network poller, or, when many wait at once, through the
  connection's poller) or ctx ends (the operation is cancelled). Each async
  operation also gets `start<Op>(w, op, ...)`, which only starts it (the
  hand-written PublishAsync completes through the poller with it). Operations that declare no errors and return a
  value (not a handle) return it without an error.
"""
from __future__ import annotations

import re

from model import Api, Operation, Type, banner, pascal, upper

OUT = "go/nervure.generated.go"
HEADER = "go/shims.generated.h"

# Objects whose Go type is written by hand (go/conn.go, go/sub.go): the struct
# has fields h (the C handle) and, except for the connection, conn.
GO_TYPE = {"connection": "Conn", "subscription": "Subscription", "message": "Msg", "jetstream": "JetStream"}
HANDWRITTEN_TYPES = {"connection", "subscription"}
# Operations whose exported method is hand-written (Go idiom differs).
HANDWRITTEN = {
    ("connection", "publish"), ("connection", "subscribe"), ("connection", "request"), ("connection", "flush"),
    ("connection", "drain"), ("connection", "close"), ("subscription", "unsubscribe"), ("subscription", "drain"),
    ("subscription", "auto_unsubscribe"), ("subscription", "set_pending_limits"), ("jetstream", "publish"),
}
# Record fields named as the official Go client names them.
FIELD_NAME = {("message", "headers"): "Header"}
INITIALISMS = {"Jetstream": "JetStream", "Kv": "KV", "Id": "ID", "Url": "URL", "Api": "API", "Json": "JSON", "Tls": "TLS", "Ca": "CA", "Http": "HTTP",
               "Ip": "IP", "Tcp": "TCP", "Uri": "URI", "Ttl": "TTL"}

GO_ARG = {"string": "string", "bytes": "[]byte", "int": "int", "uint": "uint64", "bool": "bool",
          "duration": "time.Duration", "headers": "Header"}
GO_FIELD = {"string": "string", "bytes": "[]byte", "int": "int64", "uint": "uint64", "bool": "bool",
            "duration": "time.Duration", "headers": "Header", "string_list": "[]string"}
C_PARAM = {"string": "const char* {n}", "bytes": "const char* {n}, size_t {n}_len", "int": "int64_t {n}",
           "uint": "uint64_t {n}", "duration": "int64_t {n}_ms", "bool": "int {n}",
           "headers": "const nervure_headers* {n}"}
C_ARGS = {"string": "{n}", "bytes": "{n}, {n}_len", "int": "{n}", "uint": "{n}", "duration": "{n}_ms", "bool": "{n}",
          "headers": "{n}"}
SCALAR_OUT_C = {"bool": ["int out"], "int": ["int64_t out"], "uint": ["uint64_t out"], "duration": ["int64_t out"],
                "string": ["char* out"], "bytes": ["char* out", "size_t out_len"]}
GO_RET = {"bool": "bool", "int": "int", "uint": "uint64", "duration": "time.Duration", "string": "string",
          "bytes": "[]byte"}
STRUCT_C_FIELD = {"int": "{n}", "uint": "{n}", "bool": "{n}", "duration": "{n}_ms"}


def go_name(snake_or_pascal: str) -> str:
    """connected_url -> ConnectedURL; JetStreamApiError -> JetStreamAPIError."""
    p = pascal(snake_or_pascal) if "_" in snake_or_pascal or snake_or_pascal.islower() else snake_or_pascal
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", p)
    return "".join(INITIALISMS.get(w, w) for w in words)


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def go_local(name: str) -> str:
    """api_prefix -> apiPrefix, ttl -> ttl, actor_id -> actorID."""
    head, *rest = name.split("_")
    n = head.lower() + (go_name("_".join(rest)) if rest else "")
    return n + "_" if n in {"type", "func", "range", "map", "chan", "go", "select", "default", "case"} else n


def go_type(name: str) -> str:
    return GO_TYPE.get(name, go_name(name))


def doc(text: str, name: str, indent: str = "") -> list[str]:
    """A Go doc comment that starts with the name, wrapped at ~100 columns."""
    words = [name, "-"] + text.strip().split() if text.strip() else [name]
    lines, cur = [], f"{indent}//"
    for w in words:
        if len(cur) + len(w) + 1 > 100 and cur != f"{indent}//":
            lines.append(cur)
            cur = f"{indent}//"
        cur += " " + w
    lines.append(cur)
    return lines


def go_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- C preamble --------------------------------------------------------------

def err_fields(api: Api) -> list[tuple[str, str, str, str]]:
    """(error name, field name, field type, C member) for every structured error field."""
    out = []
    for e in api.errors:
        for f in e.fields:
            if f.type not in ("string", "int", "uint", "bool", "duration"):
                raise SystemExit(f"backend_go: error {e.name}.{f.name}: the C ABI reads error fields as int or text")
            out.append((e.name, f.name, f.type, f"f_{upper(e.name).lower()}_{f.name}"))
    return out


def preamble(api: Api) -> list[str]:
    ef = err_fields(api)
    out = ["#include <errno.h>", "#include <stdint.h>", "#include <stdlib.h>", "#include <string.h>",
           "#include <poll.h>", "#include <sys/eventfd.h>", "#include <unistd.h>", "#include \"nervure.h\"", "",
           "// The outcome of a call: status, message and the structured fields of the error,",
           "// read on the thread that failed (the ABI keeps them per thread).",
           "typedef struct nv_err {", "  nervure_status status;", "  char* error;"]
    for _, _, t, m in ef:
        out.append(f"  {'char*' if t == 'string' else 'int64_t'} {m};")
    out += ["} nv_err;", "", "// After a failed call: the message moves to malloc'd memory (Go frees every nv_err",
            "// string with free) and the error's fields are read.",
            "static inline void nv_err_fields(nv_err* e) {",
            "  { char* s = e->error; e->error = s ? strdup(s) : NULL; nervure_free_string(s); }"]
    for _, f, t, m in ef:
        if t == "string":
            out.append(f'  {{ const char* s = nervure_last_error_text("{f}"); e->{m} = s ? strdup(s) : NULL; }}')
        else:
            out.append(f'  nervure_last_error_int("{f}", &e->{m});')
    out += ["}", "",
            "static inline void nv_completion_err(const nervure_completion* c, nv_err* e) {",
            "  e->status = nervure_completion_status(c);",
            "  if (e->status == NERVURE_OK) return;",
            "  { const char* s = nervure_completion_error(c); e->error = s ? strdup(s) : NULL; }"]
    for _, f, t, m in ef:
        if t == "string":
            out.append(f'  {{ const char* s = nervure_completion_error_text(c, "{f}"); '
                       f'e->{m} = s ? strdup(s) : NULL; }}')
        else:
            out.append(f'  nervure_completion_error_int(c, "{f}", &e->{m});')
    out += ["}", "",
            "// One completion of a wakeup, read in one crossing.",
            "// The reply's data too, for callers that need nothing else of it.",
            "typedef struct nv_completion_view {", "  uint64_t token;", "  nv_err e;",
            "  nervure_message_batch* reply;", "  const void* data;", "  size_t data_len;",
            "} nv_completion_view;", "",
            "static inline void nv_completion_read(nervure_wakeup* w, size_t i, nv_completion_view* v) {",
            "  nervure_completion* c = nervure_wakeup_completion(w, i);",
            "  memset(v, 0, sizeof *v);",
            "  v->token = (uint64_t)(uintptr_t)nervure_completion_user_data(c);",
            "  nv_completion_err(c, &v->e);",
            "  v->reply = nervure_completion_take_reply(c);",
            "  if (v->reply) v->data = nervure_message_data(v->reply, 0, &v->data_len);", "}", "",
            "// The first n completions of a wakeup into views, in one crossing.",
            "static inline void nv_completions_read(nervure_wakeup* w, nv_completion_view* views, size_t n) {",
            "  for (size_t i = 0; i < n; i++) nv_completion_read(w, i, &views[i]);", "}", "",
            "// Frees the replies nv_completions_read took, in one crossing.",
            "static inline void nv_completions_release(nv_completion_view* views, size_t n) {",
            "  for (size_t i = 0; i < n; i++) nervure_message_batch_destroy(&views[i].reply);", "}", "",
            "// Headers from one buffer of NUL-terminated key, value pairs: one crossing.",
            "static inline nv_err nv_headers_from(const char* kv, size_t pairs, nervure_headers** out) {",
            "  nv_err e; memset(&e, 0, sizeof e);",
            "  *out = NULL;",
            "  e.status = nervure_headers_create(out, &e.error);",
            "  for (size_t i = 0; e.status == NERVURE_OK && i < pairs; i++) {",
            "    const char* k = kv; kv += strlen(kv) + 1;",
            "    const char* v = kv; kv += strlen(kv) + 1;",
            "    e.status = nervure_headers_add(*out, k, v, &e.error);",
            "  }",
            "  if (e.status != NERVURE_OK) { nervure_headers_destroy(out); nv_err_fields(&e); }",
            "  return e;", "}", "",
            "static inline void nv_headers_free(nervure_headers* h) { nervure_headers_destroy(&h); }", "",
            "// Waits for the connection's next wakeup and says what it holds: one crossing.",
            "typedef struct nv_take_r {", "  nv_err e;", "  nervure_wakeup* w;",
            "  size_t completions, ready, events;", "} nv_take_r;",
            "static inline nv_take_r nv_take(nervure_connection* c, int64_t wait_ms) {",
            "  nv_take_r r; memset(&r, 0, sizeof r);",
            "  r.e.status = nervure_connection_take(c, wait_ms, &r.w, &r.e.error);",
            "  if (r.e.status != NERVURE_OK) return r;",
            "  r.completions = nervure_wakeup_completion_count(r.w);",
            "  r.ready = nervure_wakeup_ready_count(r.w);",
            "  r.events = nervure_wakeup_event_count(r.w);",
            "  return r;", "}", "",
            "typedef struct nv_connect_r { nv_err e; nervure_connection* out; } nv_connect_r;",
            "static inline nv_connect_r nv_connect(const nervure_options* o) {",
            "  nv_connect_r r; memset(&r, 0, sizeof r);",
            "  r.e.status = nervure_connect(o, &r.out, &r.e.error);",
            "  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);", "  return r;", "}", "",
            "typedef struct nv_poll_r { nv_err e; nervure_message_batch* out; } nv_poll_r;",
            "static inline nv_poll_r nv_poll(nervure_subscription* s, size_t max, int64_t wait_ms) {",
            "  nv_poll_r r; memset(&r, 0, sizeof r);",
            "  r.e.status = nervure_subscription_poll(s, max, wait_ms, &r.out, &r.e.error);",
            "  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);", "  return r;", "}", "",
            "// A waiter: an asynchronous operation completes into it on a library thread",
            "// (done callback), which then signals the waiter's eventfd. The calling",
            "// goroutine waits for that fd in Go's network poller (go/waiter.go); reading",
            "// the signal tells it the callback is done with the waiter. state: 0 pending,",
            "// 1 completed, 2 abandoned (the callback then frees the waiter, unsignalled).",
            "typedef struct nv_waiter {", "  int state;", "  int fd;", "  nv_err e;",
            "  nervure_message_batch* reply;", "} nv_waiter;",
            "static inline nv_waiter* nv_waiter_new(void) {",
            "  nv_waiter* w = (nv_waiter*)calloc(1, sizeof *w);", "  if (!w) return NULL;",
            "  w->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);",
            "  if (w->fd < 0) { free(w); return NULL; }", "  return w;", "}",
            "static inline void nv_waiter_free(nv_waiter* w) {",
            "  if (!w) return;", "  nervure_message_batch_destroy(&w->reply);", "  close(w->fd);", "  free(w);", "}",
            "// Ready for the next operation (the previous one's results were taken).",
            "static inline void nv_waiter_reset(nv_waiter* w) {",
            "  nervure_message_batch_destroy(&w->reply);", "  memset(&w->e, 0, sizeof w->e);",
            "  __atomic_store_n(&w->state, 0, __ATOMIC_RELEASE);", "}",
            "static void nv_waiter_done(void* user_data, nervure_completion* c) {",
            "  nv_waiter* w = (nv_waiter*)user_data;",
            "  nv_completion_err(c, &w->e);", "  w->reply = nervure_completion_take_reply(c);",
            "  int pending = 0;",
            "  if (!__atomic_compare_exchange_n(&w->state, &pending, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {",
            "    nv_waiter_free(w);  // abandoned", "    return;", "  }",
            "  uint64_t one = 1;  // the last touch: once it is read, the waiter is the caller's again",
            "  ssize_t n;", "  do n = write(w->fd, &one, sizeof one); while (n < 0 && errno == EINTR);", "}",
            "// Blocks until the signal of a completed waiter is written and takes it (the",
            "// callback is past its state change: microseconds at most).",
            "static inline void nv_waiter_take_signal(nv_waiter* w) {",
            "  uint64_t v;", "  struct pollfd p = {w->fd, POLLIN, 0};",
            "  while (read(w->fd, &v, sizeof v) != (ssize_t)sizeof v) poll(&p, 1, 10);", "}", "",
            "static inline int nv_cancel(nervure_connection* c, uint64_t token) {",
            "  return nervure_connection_cancel(c, (void*)(uintptr_t)token);", "}", "",
            "// Event i of a wakeup with its detail.",
            "typedef struct nv_event_r { nervure_event event; const char* detail; } nv_event_r;",
            "static inline nv_event_r nv_event(const nervure_wakeup* w, size_t i) {",
            "  nv_event_r r; r.event = nervure_wakeup_event(w, i, &r.detail); return r;", "}", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += batch_view(t)
    for obj in api.objects:
        for op in obj.operations:
            out += shim(api, op)
    return out


def batch_view(t: Type) -> list[str]:
    v = f"nv_{t.name}_view"
    out = [f"// A view of one {t.name} of a batch (pointers into the batch).", f"typedef struct {v} {{"]
    for f in t.fields:
        if f.type in ("string", "bytes"):
            out += [f"  const {'char' if f.type == 'string' else 'void'}* {f.name};", f"  size_t {f.name}_len;"]
        elif f.type == "headers":
            out.append(f"  size_t {f.name}_count;")
        elif f.type == "uint":
            out.append(f"  uint64_t {f.name};")
        else:
            out.append(f"  int64_t {f.name};")
    out += [f"}} {v};", "",
            f"static inline size_t nv_{t.name}_read(const nervure_{t.name}_batch* b, {v}* out, size_t max) {{",
            f"  size_t n = nervure_{t.name}_batch_count(b);", "  if (n > max) n = max;",
            "  for (size_t i = 0; i < n; i++) {"]
    for f in t.fields:
        fn = f"nervure_{t.name}_{f.name}"
        if f.type == "string":
            out += [f"    out[i].{f.name} = {fn}(b, i);",
                    f"    out[i].{f.name}_len = out[i].{f.name} ? strlen(out[i].{f.name}) : 0;"]
        elif f.type == "bytes":
            out.append(f"    out[i].{f.name} = {fn}(b, i, &out[i].{f.name}_len);")
        elif f.type == "headers":
            out.append(f"    out[i].{f.name}_count = {fn}_count(b, i);")
        else:
            out.append(f"    out[i].{f.name} = {fn}(b, i);")
    out += ["  }", "  return n;", "}", ""]
    for f in t.fields:
        if f.type == "headers":
            out += [f"// Keys and values of item i's {f.name}, in order: kv[2h], kv[2h+1].",
                    f"static inline void nv_{t.name}_{f.name}(const nervure_{t.name}_batch* b, size_t i, "
                    "const char** kv, size_t n) {",
                    f"  for (size_t h = 0; h < n; h++) nervure_{t.name}_{f.name}_at(b, i, h, &kv[2 * h], "
                    "&kv[2 * h + 1]);", "}", ""]
    return out


def c_outs(api: Api, op: Operation) -> list[str]:
    if op.kind == "async" or op.returns is None:
        return []
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        return SCALAR_OUT_C[op.returns]
    if kind == "struct":
        return [f"nervure_{op.returns} out"]
    if kind == "json":
        return ["char* out"]
    if kind == "object":
        return [f"nervure_{op.returns}* out"]
    raise SystemExit(f"backend_go: {op.object}.{op.name}: a {op.kind} operation returning a batch record")


def shim(api: Api, op: Operation) -> list[str]:
    name = f"nv_{op.object}_{op.name}"
    params = [f"nervure_{op.object}* self"] + [C_PARAM[a.type].format(n=a.name) for a in op.args]
    args = ["self"] + [C_ARGS[a.type].format(n=a.name) for a in op.args]
    if op.kind == "async":
        params += ["nv_waiter* w", "uint64_t token"]
        args += ["w ? nv_waiter_done : NULL", "w ? (void*)w : (void*)(uintptr_t)token"]
    outs = c_outs(api, op)
    out = [f"typedef struct {name}_r {{", "  nv_err e;"] + [f"  {o};" for o in outs] + [f"}} {name}_r;",
                                                                                        f"static inline {name}_r {name}({', '.join(params)}) {{",
                                                                                        f"  {name}_r r; memset(&r, 0, sizeof r);"]
    for o in outs:
        args.append("&r." + o.split()[-1])
    args.append("&r.e.error")
    out += [f"  r.e.status = nervure_{op.object}_{op.name}({', '.join(args)});",
            "  if (r.e.status != NERVURE_OK) nv_err_fields(&r.e);", "  return r;", "}", ""]
    return out


# ---- Go ------------------------------------------------------------------------

def errors_go(api: Api) -> list[str]:
    out = ["// ---- errors ----", "",
           "// Status is the code of an error of the one hierarchy (the C ABI's nervure_status).",
           "type Status int", "", "// The codes of the hierarchy.", "const ("]
    for e in api.errors:
        out.append(f"\t// Status{go_name(e.name).removesuffix('Error') or 'Nervure'} - {e.doc}")
        out.append(f"\tStatus{status_suffix(e)} Status = {e.code}")
    out += [")", "", "// String is the error's name in the hierarchy, e.g. \"NoRespondersError\".",
            "func (s Status) String() string {", "\tswitch s {"]
    for e in api.errors:
        out += [f"\tcase Status{status_suffix(e)}:", f"\t\treturn {go_string(e.name)}"]
    out += ["\t}", "\treturn \"NervureError\"", "}", "",
            "// parent is the code's parent in the hierarchy (false at the root).",
            "func (s Status) parent() (Status, bool) {", "\tswitch s {"]
    for e in api.errors:
        if e.parent:
            out += [f"\tcase Status{status_suffix(e)}:", f"\t\treturn Status{status_suffix(api.error(e.parent))}, true"]
    out += ["\t}", "\treturn 0, false", "}", "",
            "// isA tells whether an error of code s is a target (itself or a descendant).",
            "func (s Status) isA(target Status) bool {", "\tfor {", "\t\tif s == target {", "\t\t\treturn true",
            "\t\t}", "\t\tp, ok := s.parent()", "\t\tif !ok {", "\t\t\treturn false", "\t\t}", "\t\ts = p",
            "\t}", "}", "",
            "// sentinel is the value of the Err* variables: compare with errors.Is.",
            "type sentinel struct {", "\tstatus Status", "\tdoc    string", "}", "",
            "func (s *sentinel) Error() string { return \"nervure: \" + s.status.String() + \": \" + s.doc }", "",
            "// Is makes a sentinel match its descendants too (errors.Is(ErrTimeout, ErrNervure)).",
            "func (s *sentinel) Is(target error) bool {", "\tt, ok := target.(*sentinel)",
            "\treturn ok && s.status.isA(t.status)", "}", "",
            "// Sentinel errors, one per error of the hierarchy; every error a call returns",
            "// matches its own and its ancestors' with errors.Is.", "var ("]
    for e in api.errors:
        out += doc(e.doc, sentinel_name(e), "\t")
        out.append(f"\t{sentinel_name(e)} error = &sentinel{{Status{status_suffix(e)}, {go_string(e.doc)}}}")
    out += [")", "",
            "// Error is what a failing call returns (errors with fields have their own types).",
            "type Error struct {", "\t// Status is the error's code in the hierarchy.", "\tStatus Status",
            "\t// Message is the library's text.", "\tMessage string", "}", "",
            "// Error implements error.",
            "func (e *Error) Error() string { return \"nervure: \" + e.Status.String() + \": \" + e.Message }", "",
            "// Is matches the sentinel of the error's code and of its ancestors.",
            "func (e *Error) Is(target error) bool {", "\tt, ok := target.(*sentinel)",
            "\treturn ok && e.Status.isA(t.status)", "}", ""]
    for e in api.errors:
        if not e.fields:
            continue
        tn = go_name(e.name)
        out += doc(e.doc + " Match it with errors.Is(err, " + sentinel_name(e) + ") or errors.As.", tn)
        out += [f"type {tn} struct {{"]
        for f in e.fields:
            out += doc(f.doc, go_name(f.name), "\t")
            out.append(f"\t{go_name(f.name)} {GO_FIELD[f.type]}")
        out += ["\t// Message is the library's text.", "\tMessage string", "}", "",
                "// Error implements error.",
                f"func (e *{tn}) Error() string {{ return \"nervure: {e.name}: \" + e.Message }}", "",
                "// Is matches the sentinel of the error's code and of its ancestors.",
                f"func (e *{tn}) Is(target error) bool {{", "\tt, ok := target.(*sentinel)",
                f"\treturn ok && Status{status_suffix(e)}.isA(t.status)", "}", ""]
    out += ["// errorOf turns a failed outcome into the Go error, freeing the C strings.",
            "func errorOf(e *C.nv_err) error {", "\tif e.status == C.NERVURE_OK {", "\t\treturn nil", "\t}",
            "\tmsg := \"\"", "\tif e.error != nil {", "\t\tmsg = C.GoString(e.error)",
            "\t\tC.free(unsafe.Pointer(e.error))", "\t\te.error = nil", "\t}"]
    for _, _, t, m in err_fields(api):
        if t == "string":
            out += [f"\t{m} := \"\"", f"\tif e.{m} != nil {{", f"\t\t{m} = C.GoString(e.{m})",
                    f"\t\tC.free(unsafe.Pointer(e.{m}))", f"\t\te.{m} = nil", "\t}"]
    out += ["\tswitch Status(e.status) {"]
    for e in api.errors:
        if not e.fields:
            continue
        vals = []
        for f in e.fields:
            m = f"f_{upper(e.name).lower()}_{f.name}"
            conv = {"string": m, "bool": f"e.{m} != 0",
                    "duration": f"time.Duration(e.{m}) * time.Millisecond"}.get(f.type, f"{GO_FIELD[f.type]}(e.{m})")
            vals.append(f"{go_name(f.name)}: {conv}")
        out += [f"\tcase Status{status_suffix(e)}:",
                f"\t\treturn &{go_name(e.name)}{{{', '.join(vals)}, Message: msg}}"]
    out += ["\t}", "\treturn &Error{Status: Status(e.status), Message: msg}", "}", ""]
    return out


def status_suffix(e) -> str:
    return go_name(e.name).removesuffix("Error") or "Nervure"


def sentinel_name(e) -> str:
    return "Err" + (go_name(e.name).removesuffix("Error") or "Nervure")


def events_go(api: Api) -> list[str]:
    out = ["// ---- events ----", "", "// Event is what happened to a connection (see WithEventHandler).",
           "type Event int", "", "// The events of a connection.", "const ("]
    for ev in api.events:
        out += doc(ev.doc, f"Event{go_name(ev.name)}", "\t")
        out.append(f"\tEvent{go_name(ev.name)} Event = {ev.code}")
    out += [")", "", "// String is the event's stable name, e.g. \"reconnected\".", "func (e Event) String() string {",
            "\tswitch e {"]
    for ev in api.events:
        out += [f"\tcase Event{go_name(ev.name)}:", f"\t\treturn {go_string(ev.name)}"]
    out += ["\t}", "\treturn \"unknown\"", "}", ""]
    return out


def options_go(api: Api) -> list[str]:
    out = ["// ---- connect options ----", ""]
    for opt in api.connect_options:
        fn = f"With{go_name(opt.name)}"
        gt = {"string": "string", "int": "int", "bool": "bool", "duration": "time.Duration"}[opt.type]
        default = {"duration": f"{opt.default}ms"}.get(opt.type, repr(opt.default) if opt.type != "bool"
                                                       else str(opt.default).lower())
        if opt.type == "string":
            default = go_string(opt.default)
        out += doc(f"{opt.doc} Default: {default}.", fn)
        setter = f"nervure_options_set_{opt.name}" + ("_ms" if opt.type == "duration" else "")
        if opt.type == "string":
            body = [f"\t\tcs := C.CString(v)", "\t\tdefer C.free(unsafe.Pointer(cs))",
                    f"\t\treturn C.{setter}(o, cs, e)"]
        elif opt.type == "bool":
            body = [f"\t\treturn C.{setter}(o, cbool(v), e)"]
        elif opt.type == "int":
            body = [f"\t\treturn C.{setter}(o, C.int64_t(v), e)"]
        else:
            body = [f"\t\treturn C.{setter}(o, C.int64_t(v.Milliseconds()), e)"]
        out += [f"func {fn}(v {gt}) Option {{", "\treturn func(c *config) {",
                "\t\tc.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {"]
        out += ["\t" + b for b in body]
        out += ["\t\t})", "\t}", "}", ""]
    return out


def field_name(t: Type, f) -> str:
    return FIELD_NAME.get((t.name, f.name), go_name(f.name))


def records_go(api: Api) -> list[str]:
    out = ["// ---- records ----", ""]
    for t in api.types.values():
        tn = go_type(t.name)
        out += doc(t.doc, tn)
        out.append(f"type {tn} struct {{")
        for f in t.fields:
            out += doc(f.doc, field_name(t, f), "\t")
            tag = f" `json:\"{f.name}\"`" if t.encoding == "json" else ""
            out.append(f"\t{field_name(t, f)} {GO_FIELD[f.type]}{tag}")
        if t.encoding == "json":
            out += ["\t// Raw is the JSON as the library handed it over (every field the server sent).",
                    "\tRaw json.RawMessage `json:\"-\"`"]
        if t.encoding == "batch":
            out += ["", "\tconn *Conn"]
        out += ["}", ""]
        if t.encoding == "struct":
            out += [f"func {lower_first(tn)}From(s *C.nervure_{t.name}) {tn} {{", f"\tvar v {tn}"]
            for f in t.fields:
                cf = STRUCT_C_FIELD[f.type].format(n=f.name)
                conv = {"bool": f"s.{cf} != 0", "duration": f"time.Duration(s.{cf}) * time.Millisecond"}.get(
                    f.type, f"{GO_FIELD[f.type]}(s.{cf})")
                out.append(f"\tv.{go_name(f.name)} = {conv}")
            out += ["\treturn v", "}", ""]
        if t.encoding == "json":
            out += [f"func {lower_first(tn)}From(s *C.char) {tn} {{", f"\tvar v {tn}", "\tif s == nil {",
                    "\t\treturn v", "\t}", "\traw := C.GoString(s)", "\tC.nervure_free_string(s)",
                    "\t_ = json.Unmarshal([]byte(raw), &v)", "\tv.Raw = json.RawMessage(raw)", "\treturn v", "}", ""]
        if t.encoding == "batch":
            out += batch_reader_go(t)
    return out


def batch_reader_go(t: Type) -> list[str]:
    tn = go_type(t.name)
    v = f"C.nv_{t.name}_view"
    string_fields = [f.name for f in t.fields if f.type == "string"]
    out = [f"// {lower_first(tn)}Reader turns batches of {t.name} into Go values, one crossing per batch;",
           "// it keeps the last strings seen so that repeated ones are not allocated again.",
           f"type {lower_first(tn)}Reader struct {{", f"\tviews []{v}",
           f"\tlast  [{max(1, len(string_fields))}]string // by string field, in the order of the definition", "}", "",
           f"func (r *{lower_first(tn)}Reader) read(b *C.nervure_{t.name}_batch, conn *Conn) []{tn} {{",
           "\tif r.views == nil {", f"\t\tr.views = cArray[{v}](batchMax)", "\t}",
           "\tfirst := &r.views[0] // not in the call: see cArray",
           f"\tn := int(C.nv_{t.name}_read(b, first, C.size_t(len(r.views))))",
           "\tif n == 0 {", "\t\treturn nil", "\t}", f"\tout := make([]{tn}, n)"]
    byte_fields = [f for f in t.fields if f.type == "bytes"]
    if byte_fields:
        out += ["\ttotal := 0", "\tfor i := 0; i < n; i++ {"]
        out += [f"\t\ttotal += int(r.views[i].{f.name}_len)" for f in byte_fields]
        out += ["\t}", "\tslab := make([]byte, total)", "\toff := 0"]
    out += ["\tfor i := 0; i < n; i++ {", "\t\tv := &r.views[i]", "\t\tm := &out[i]", "\t\tm.conn = conn"]
    for f in t.fields:
        gf = field_name(t, f)
        if f.type == "string":
            out.append(f"\t\tm.{gf} = r.str({string_fields.index(f.name)}, v.{f.name}, v.{f.name}_len)")
        elif f.type == "bytes":
            out += [f"\t\tif l := int(v.{f.name}_len); l > 0 {{",
                    f"\t\t\tcopy(slab[off:off+l], unsafe.Slice((*byte)(v.{f.name}), l))",
                    f"\t\t\tm.{gf} = slab[off : off+l : off+l]", "\t\t\toff += l", "\t\t}"]
        elif f.type == "headers":
            out += [f"\t\tif hn := int(v.{f.name}_count); hn > 0 {{",
                    "\t\t\tkv := make([]*C.char, 2*hn)",
                    f"\t\t\tC.nv_{t.name}_{f.name}(b, C.size_t(i), &kv[0], C.size_t(hn))",
                    f"\t\t\tm.{gf} = make(Header, hn)", "\t\t\tfor h := 0; h < hn; h++ {",
                    "\t\t\t\tk := C.GoString(kv[2*h])",
                    f"\t\t\t\tm.{gf}[k] = append(m.{gf}[k], C.GoString(kv[2*h+1]))", "\t\t\t}", "\t\t}"]
        elif f.type == "bool":
            out.append(f"\t\tm.{gf} = v.{f.name} != 0")
        else:
            out.append(f"\t\tm.{gf} = {GO_FIELD[f.type]}(v.{f.name})")
    out += ["\t}", "\treturn out", "}", "",
            f"func (r *{lower_first(tn)}Reader) str(field int, p *C.char, n C.size_t) string {{",
            "\tif n == 0 {", "\t\treturn \"\"", "\t}", "\tb := unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))",
            "\tif s := r.last[field]; s == string(b) {", "\t\treturn s", "\t}",
            "\ts := string(b)", "\tr.last[field] = s", "\treturn s", "}", ""]
    return out


def objects_go(api: Api) -> list[str]:
    out = ["// ---- objects ----", ""]
    for obj in api.objects:
        if obj.name in HANDWRITTEN_TYPES:
            continue
        tn = go_type(obj.name)
        out += doc(obj.doc, tn)
        out += [f"type {tn} struct {{", f"\th    *C.nervure_{obj.name}", "\tconn *Conn", "}", "",
                f"func wrap{tn}(conn *Conn, h *C.nervure_{obj.name}) *{tn} {{",
                f"\tx := &{tn}{{h: h, conn: conn}}",
                "\t// The C ABI has no destroy call for this handle yet: it lives as long as the process.",
                "\treturn x", "}", ""]
    return out


def conn_of(op: Operation) -> str:
    return "x" if op.object == "connection" else "x.conn"


def go_params(op: Operation) -> list[str]:
    ps = [f"{go_local(a.name)} {GO_ARG[a.type]}" for a in op.args]
    return (["ctx context.Context"] + ps) if op.kind == "async" else ps


def go_result(api: Api, op: Operation) -> str:
    """The Go type of what the operation returns ('' for nothing)."""
    if op.returns is None:
        return ""
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        return GO_RET[op.returns]
    if kind in ("struct", "json"):
        return go_type(op.returns)
    return "*" + go_type(op.returns)


def raw_wrapper(api: Api, op: Operation) -> list[str]:
    tn = go_type(op.object)
    name = f"op{go_name(op.name)}"
    res = go_result(api, op)
    rets = f"({res}, error)" if res else "error"
    zero = zero_of(api, op)
    if op.kind == "async":
        return async_wrappers(api, op)
    out = [f"// {name} calls nervure_{op.object}_{op.name}: {op.doc}",
           f"func (x *{tn}) {name}({', '.join(go_params(op))}) {rets} {{"]
    fail = f"return {zero}, " if res else "return "
    out += [f"\tif x == nil || x.h == nil {{", f"\t\t{fail}&Error{{Status: StatusConnectionClosed, "
                                               f"Message: \"the handle was released\"}}", "\t}"]
    out += c_call(op, fail, [])
    out += ["\tif err := errorOf(&r.e); err != nil {", f"\t\t{fail}err", "\t}"]
    if not res:
        out += ["\treturn nil", "}", ""]
        return out
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        conv = {"bool": "r.out != 0", "int": "int(r.out)", "uint": "uint64(r.out)",
                "duration": "time.Duration(r.out) * time.Millisecond", "string": "takeString(r.out)",
                "bytes": "takeBytes(r.out, r.out_len)"}[op.returns]
    elif kind == "struct":
        conv = f"{lower_first(go_type(op.returns))}From(&r.out)"
    elif kind == "json":
        conv = f"{lower_first(go_type(op.returns))}From(r.out)"
    else:
        conv = f"wrap{go_type(op.returns)}({conn_of(op)}, r.out)"
    out += [f"\treturn {conv}, nil", "}", ""]
    return out


def c_call(op: Operation, fail: str, extra: list[str]) -> list[str]:
    """Converts the arguments and calls the operation's shim into r (extra: trailing C arguments)."""
    out = []
    cargs = ["x.h"]
    strs = [a for a in op.args if a.type == "string"]
    if strs:
        # NUL-terminated copies on the stack: the shims are noescape (see cgo_directives).
        out += ["\tvar sbArr [strStackBytes]byte", "\tsb := sbArr[:0]"]
        for a in strs:
            out.append(f"\tsb, {go_local(a.name)}Off := addStr(sb, {go_local(a.name)})")
    for a in op.args:
        n = go_local(a.name)
        if a.type == "headers":
            out += [f"\t{n}H, err := cHeaders({n})", "\tif err != nil {", f"\t\t{fail}err", "\t}",
                    f"\tif {n}H != nil {{", f"\t\tdefer C.nv_headers_free({n}H)", "\t}"]
    for a in op.args:
        n = go_local(a.name)
        if a.type == "string":
            cargs.append(f"strAt(sb, {n}Off)")
        elif a.type == "bytes":
            cargs += [f"bytesPtr({n})", f"C.size_t(len({n}))"]
        elif a.type == "int":
            cargs.append(f"C.int64_t({n})")
        elif a.type == "uint":
            cargs.append(f"C.uint64_t({n})")
        elif a.type == "duration":
            cargs.append(f"C.int64_t({n}.Milliseconds())")
        elif a.type == "bool":
            cargs.append(f"cbool({n})")
        elif a.type == "headers":
            cargs.append(f"{n}H")
    out.append(f"\tr := C.nv_{op.object}_{op.name}({', '.join(cargs + extra)})")
    return out


def cgo_directives(api: Api) -> list[str]:
    """Every operation's shim is noescape (C copies what it needs of the Go
    memory passed in before it returns, so that memory may live on the Go
    stack) and nocallback (the package exports nothing to C)."""
    out = []
    for obj in api.objects:
        for op in obj.operations:
            out += [f"// #cgo noescape nv_{op.object}_{op.name}", f"// #cgo nocallback nv_{op.object}_{op.name}"]
    return out


def async_wrappers(api: Api, op: Operation) -> list[str]:
    """start<Op> starts the operation with a completion target; op<Op> waits for it."""
    tn = go_type(op.object)
    res = go_result(api, op)
    zero = zero_of(api, op)
    c = conn_of(op)
    args = [go_local(a.name) for a in op.args]
    start = f"start{go_name(op.name)}"
    out = [f"// {start} starts nervure_{op.object}_{op.name}: it completes into w or, without",
           "// one, through the connection's poller with op's token.",
           f"func (x *{tn}) {start}({', '.join(['w *waiter', 'op *pendingOp'] + go_params(op)[1:])}) error {{",
           "\tif x == nil || x.h == nil {",
           "\t\treturn &Error{Status: StatusConnectionClosed, Message: \"the handle was released\"}", "\t}"]
    out += c_call(op, "return ", ["w.native()", "C.uint64_t(op.token)"])
    out += ["\treturn errorOf(&r.e)", "}", ""]
    name = f"op{go_name(op.name)}"
    rets = f"({res}, error)" if res else "error"
    fail = f"return {zero}, " if res else "return "
    out += [f"// {name} calls nervure_{op.object}_{op.name}: {op.doc}",
            f"func (x *{tn}) {name}({', '.join(go_params(op))}) {rets} {{",
            "\tif x == nil || x.h == nil {",
            f"\t\t{fail}&Error{{Status: StatusConnectionClosed, Message: \"the handle was released\"}}", "\t}",
            f"\tw, op := {c}.startAsync()",
            f"\tif err := x.{start}({', '.join(['w', 'op'] + args)}); err != nil {{",
            f"\t\t{c}.abortAsync(w, op)", f"\t\t{fail}err", "\t}"]
    if res:
        out += [f"\treturn {c}.finishAsync(ctx, w, op)"]
    else:
        out += [f"\t_, err := {c}.finishAsync(ctx, w, op)", "\treturn err"]
    out += ["}", ""]
    return out


def zero_of(api: Api, op: Operation) -> str:
    res = go_result(api, op)
    if not res:
        return ""
    if res.startswith("*") or res == "[]byte":
        return "nil"
    return {"bool": "false", "int": "0", "uint64": "0", "time.Duration": "0", "string": '""'}.get(res, res + "{}")


def public_method(api: Api, op: Operation) -> list[str]:
    tn = go_type(op.object)
    name = go_name(op.name)
    res = go_result(api, op)
    text = op.doc
    if op.kind == "async":
        text += " It blocks until the answer arrives or ctx ends (the operation is then cancelled)."
    elif op.kind == "blocking":
        text += " It blocks the calling goroutine."
    if op.errors:
        text += " Fails with " + ", ".join(sentinel_name(api.error(e)) for e in op.errors) + "."
    params = go_params(op)
    call_args = ", ".join(["ctx"] * (op.kind == "async") + [go_local(a.name) for a in op.args])
    out = doc(text, name)
    if res and not op.errors and api.returns_kind(op.returns) != "object":
        out += [f"func (x *{tn}) {name}({', '.join(params)}) {res} {{", f"\tv, _ := x.op{name}({call_args})",
                "\treturn v", "}", ""]
    else:
        rets = f"({res}, error)" if res else "error"
        out += [f"func (x *{tn}) {name}({', '.join(params)}) {rets} {{", f"\treturn x.op{name}({call_args})",
                "}", ""]
    return out


def defaults_go(api: Api) -> list[str]:
    out = ["// ---- defaults of the definition's arguments ----", ""]
    for obj in api.objects:
        for op in obj.operations:
            for a in op.args:
                if not a.has_default or a.type not in ("duration", "int"):
                    continue
                n = f"default{go_name(obj.name)}{go_name(op.name)}{go_name(a.name)}"
                v = f"{a.default} * time.Millisecond" if a.type == "duration" else str(a.default)
                out.append(f"const {n} = {v}")
    out.append("")
    return out


def generate(api: Api) -> dict[str, str]:
    h = [f"/* {banner('').strip()} */", "#ifndef NERVURE_GO_SHIMS_H", "#define NERVURE_GO_SHIMS_H",
         "#ifndef _GNU_SOURCE", "#define _GNU_SOURCE", "#endif", ""]
    h += preamble(api) + ["#endif", ""]
    go = [banner("//"), "", "package nervure", ""] + cgo_directives(api)
    go += ['// #include "shims.generated.h"', 'import "C"', "",
           "import (", '\t"context"', '\t"encoding/json"', '\t"time"', '\t"unsafe"', ")", "",
           "var (", "\t_ = context.Background", "\t_ = json.Unmarshal", ")", ""]
    go += errors_go(api) + events_go(api) + options_go(api) + records_go(api) + objects_go(api) + defaults_go(api)
    go += ["// ---- operations ----", ""]
    for obj in api.objects:
        for op in obj.operations:
            go += raw_wrapper(api, op)
            if (obj.name, op.name) not in HANDWRITTEN:
                go += public_method(api, op)
    return {OUT: "\n".join(go).rstrip() + "\n", HEADER: "\n".join(h)}

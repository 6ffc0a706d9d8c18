"""The C ABI: nervure.h and the glue that wraps each operation so no C++
exception crosses it. Hand-written runtime pieces live in bindings/c/src/runtime.cpp."""
from model import GENERATED, Api, Arg, Operation

C_ARG = {"string": "const char* {n}", "bytes": "const void* {n}, size_t {n}_len", "int": "int64_t {n}",
         "duration_ms": "int64_t {n}", "bool": "int {n}", "headers": "const nervure_headers* {n}"}
C_RET = {"bool": "int* out", "int": "int64_t* out", "string": "char** out", "json": "char** out",
         "stats": "nervure_stats* out", "subscription": "nervure_subscription** out"}
CPP_ARG = {"string": "nervure::cabi::text({n})", "bytes": "nervure::cabi::bytes({n}, {n}_len)", "int": "{n}",
           "duration_ms": "{n}", "bool": "{n} != 0", "headers": "nervure::cabi::headers({n})"}

RUNTIME_DECLS = """
/* ---- Runtime (hand-written in bindings/c/src/runtime.cpp) ---------------- */

/* Strings and buffers handed out by the library are freed by the library. */
NERVURE_API void nervure_free_string(char* s);
/* Stable name of a status ("NoRespondersError"); never freed. */
NERVURE_API const char* nervure_status_name(nervure_status status);

NERVURE_API nervure_status nervure_options_create(nervure_options** out, char** error);
NERVURE_API void nervure_options_destroy(nervure_options** options);
NERVURE_API nervure_status nervure_options_add_server(nervure_options* options, const char* url, char** error);

NERVURE_API nervure_status nervure_headers_create(nervure_headers** out, char** error);
NERVURE_API void nervure_headers_destroy(nervure_headers** headers);
NERVURE_API nervure_status nervure_headers_add(nervure_headers* headers, const char* key, const char* value, char** error);

/* Connects (blocking). Completions, ready subscriptions and events of this
   connection are collected until nervure_connection_take hands them over. */
NERVURE_API nervure_status nervure_connect(const nervure_options* options, nervure_connection** out, char** error);
/* Closes if needed and frees the handle; sets *connection to NULL. */
NERVURE_API void nervure_connection_destroy(nervure_connection** connection);
/* Becomes readable when nervure_connection_take has something to hand over. */
NERVURE_API int nervure_connection_wake_fd(const nervure_connection* connection);
/* Waits up to wait_ms (0: not at all) for completions, ready subscriptions or
   events, and hands over everything queued in one wakeup. */
NERVURE_API nervure_status nervure_connection_take(nervure_connection* connection, int64_t wait_ms,
                                                   nervure_wakeup** out, char** error);
/* Gives up on a pending request: its completion never arrives. */
NERVURE_API void nervure_connection_cancel(nervure_connection* connection, uint64_t token);
NERVURE_API void nervure_subscription_destroy(nervure_subscription** subscription);
/* The id this subscription has in wakeups' ready lists. */
NERVURE_API uint64_t nervure_subscription_id(const nervure_subscription* subscription);
/* Moves up to max queued messages into a batch, waiting up to wait_ms for the first. */
NERVURE_API nervure_status nervure_subscription_poll(nervure_subscription* subscription, size_t max, int64_t wait_ms,
                                                     nervure_message_batch** out, char** error);
/* True once the subscription has ended and its queue is empty. */
NERVURE_API int nervure_subscription_ended(const nervure_subscription* subscription);

NERVURE_API void nervure_wakeup_destroy(nervure_wakeup** wakeup);
NERVURE_API size_t nervure_wakeup_completion_count(const nervure_wakeup* wakeup);
/* Completion i: its token, its status and error text (owned by the wakeup), and
   for requests the reply as a one-message batch (NULL otherwise; the caller frees it). */
NERVURE_API uint64_t nervure_wakeup_completion_token(const nervure_wakeup* wakeup, size_t i);
NERVURE_API nervure_status nervure_wakeup_completion_status(const nervure_wakeup* wakeup, size_t i);
NERVURE_API const char* nervure_wakeup_completion_error(const nervure_wakeup* wakeup, size_t i);
NERVURE_API nervure_message_batch* nervure_wakeup_completion_take_reply(nervure_wakeup* wakeup, size_t i);
NERVURE_API size_t nervure_wakeup_ready_count(const nervure_wakeup* wakeup);
NERVURE_API uint64_t nervure_wakeup_ready_id(const nervure_wakeup* wakeup, size_t i);
NERVURE_API size_t nervure_wakeup_event_count(const nervure_wakeup* wakeup);
NERVURE_API nervure_event nervure_wakeup_event(const nervure_wakeup* wakeup, size_t i, const char** detail);

NERVURE_API void nervure_message_batch_destroy(nervure_message_batch** batch);
NERVURE_API size_t nervure_message_batch_count(const nervure_message_batch* batch);
/* Views into message i, valid until the batch is destroyed. */
NERVURE_API const char* nervure_message_subject(const nervure_message_batch* batch, size_t i);
NERVURE_API const char* nervure_message_reply(const nervure_message_batch* batch, size_t i);
NERVURE_API const void* nervure_message_data(const nervure_message_batch* batch, size_t i, size_t* len);
NERVURE_API size_t nervure_message_header_count(const nervure_message_batch* batch, size_t i);
NERVURE_API void nervure_message_header(const nervure_message_batch* batch, size_t i, size_t h, const char** key,
                                        const char** value);
NERVURE_API int nervure_message_status(const nervure_message_batch* batch, size_t i);
"""


def signature(obj: str, op: Operation) -> str:
    params = [f"nervure_{obj}* self"]
    if op.kind == "async":
        params.append("uint64_t token")
    params += [C_ARG[a.type].format(n=a.name) for a in op.args]
    if op.returns and op.kind != "async":
        params.append(C_RET[op.returns])
    params.append("char** error")
    return f"NERVURE_API nervure_status nervure_{obj}_{op.name}({', '.join(params)})"


def header(api: Api) -> str:
    out = [f"/* {GENERATED} */", "#ifndef NERVURE_H", "#define NERVURE_H", "",
           "/* The nervure C ABI. Every fallible call returns a status and, when error is",
           "   not NULL, sets *error to a message the caller frees with nervure_free_string.",
           "   Handles are opaque; each has a destroy call that takes a pointer to the handle",
           "   and sets it to NULL. Asynchronous operations take a caller token (use it as",
           "   user data) and complete through nervure_connection_take, so library threads",
           "   never call into the caller's code. */", "",
           "#include <stddef.h>", "#include <stdint.h>", "",
           "#ifdef __cplusplus", 'extern "C" {', "#endif", "",
           '#define NERVURE_API __attribute__((visibility("default")))', "",
           "typedef enum nervure_status {", "  NERVURE_OK = 0,"]
    for e in api.errors:
        upper = "".join("_" + c if c.isupper() else c.upper() for c in e["name"]).lstrip("_").replace("_ERROR", "")
        out.append(f"  NERVURE_{upper} = {e['code']}, /* {e['name']}: {e['doc']} */")
    out += ["} nervure_status;", "", "typedef enum nervure_event {"]
    for ev in api.events:
        out.append(f"  NERVURE_EVENT_{ev['name'].upper()} = {ev['code']},")
    out += ["} nervure_event;", "",
            "typedef struct nervure_options nervure_options;", "typedef struct nervure_connection nervure_connection;",
            "typedef struct nervure_subscription nervure_subscription;", "typedef struct nervure_headers nervure_headers;",
            "typedef struct nervure_wakeup nervure_wakeup;", "typedef struct nervure_message_batch nervure_message_batch;",
            "", "typedef struct nervure_stats {", "  uint64_t in_msgs, in_bytes, out_msgs, out_bytes, reconnects;",
            "} nervure_stats;", RUNTIME_DECLS, "/* ---- Connect options ---------------------------------------------------- */", ""]
    for opt in api.options:
        ctype = {"string": "const char*", "bool": "int", "int": "int64_t", "duration_ms": "int64_t"}[opt["type"]]
        out.append(f"/* {opt['doc']} Default: {opt['default']!r}. */")
        out.append(f"NERVURE_API nervure_status nervure_options_set_{opt['name']}(nervure_options* options, {ctype} value, char** error);")
    out += ["", "/* ---- Operations ---------------------------------------------------------- */", ""]
    for obj in api.objects:
        for op in obj.operations:
            out.append(f"/* {op.doc} */")
            out.append(signature(obj.name, op) + ";")
    out += ["", "#ifdef __cplusplus", "}", "#endif", "#endif /* NERVURE_H */", ""]
    return "\n".join(out)


def glue(api: Api) -> str:
    out = [f"// {GENERATED}", '#include "handles.hpp"', "", 'extern "C" {', ""]
    for opt in api.options:
        ctype = {"string": "const char*", "bool": "int", "int": "int64_t", "duration_ms": "int64_t"}[opt["type"]]
        call = {"string": 'nervure::cabi::text(value), 0, false', "bool": '"", 0, value != 0',
                "int": '"", value, false', "duration_ms": '"", value, false'}[opt["type"]]
        out += [f"nervure_status nervure_options_set_{opt['name']}(nervure_options* options, {ctype} value, char** error) {{",
                "  return nervure::cabi::guard(error, [&] {",
                '    nervure::cabi::require(options, "options");',
                f'    nervure::bridge::set_option(options->options, "{opt["name"]}", {call});',
                "  });", "}", ""]
    for obj in api.objects:
        target = "*self->bridge" if obj.name == "connection" else "*self->sub"
        for op in api_ops(obj):
            args = [CPP_ARG[a.type].format(n=a.name) for a in op.args]
            if op.kind == "async":
                args.insert(0, "token")
            call = f"nervure::ops::{obj.name}_{op.name}({', '.join([target] + args)})"
            body = ["  return nervure::cabi::guard(error, [&] {", f'    nervure::cabi::require(self, "{obj.name}");']
            for a in op.args:
                if a.type == "string" and not a.has_default:
                    body.append(f'    nervure::cabi::require({a.name}, "{a.name}");')
            if op.returns and op.kind != "async":
                body.append(f'    nervure::cabi::require(out, "out");')
                body.append(f"    nervure::cabi::put(out, {call});")
            else:
                body.append(f"    {call};")
            body += ["  });", "}", ""]
            out += [signature(obj.name, op).replace("NERVURE_API ", "") + " {"] + body
    out += ["}  // extern \"C\"", ""]
    return "\n".join(out)


def api_ops(obj):
    return obj.operations


def generate(api: Api) -> dict[str, str]:
    return {"bindings/c/include/nervure.h": header(api), "bindings/c/src/nervure_c.generated.cpp": glue(api)}

"""Java (JNI): the native declarations, the JNIEXPORT glue over the C ABI, the
exception hierarchy, the Options builder, the events and the records.

Outputs (java/, a Maven project):
  src/main/java/io/nervure/internal/NativeOps.java   one static native per operation and option
  src/main/java/io/nervure/internal/Records.java     batch decoders (one per batch record), struct readers
  src/main/java/io/nervure/<Error>Exception.java      the hierarchy of api.errors (XError -> XException)
  src/main/java/io/nervure/Options.java               the connect options as a builder
  src/main/java/io/nervure/Event.java                 the connection events
  src/main/java/io/nervure/<Struct>.java              struct records (Stats, ...)
  src/main/cpp/nervure_jni.generated.cpp              the JNIEXPORT functions, each inside one guard

Every JNI function runs its body in try/catch: a nervure_status other than OK
becomes a Java exception of the matching class (with its fields, read from the
last error of the thread), and a C++ exception becomes a NervureException, so
nothing C++ ever unwinds into the JVM. Durations cross as milliseconds (long);
the hand-written layer takes java.time.Duration. Asynchronous operations take a
token (long) as user_data and complete through nervure_connection_take, which
the per-connection dispatcher thread calls (hand-written: jni_runtime.cpp).
Batch records cross as one byte[] per batch, encoded by the generated
encode_<record>() and decoded by Records.decode<Record>().
"""
from pathlib import Path

from model import Api, Operation, Type, banner, camel, pascal, upper

TEMPLATES = Path(__file__).resolve().parent / "templates"
JAVA = "java/src/main/java/io/nervure"
PKG = "io.nervure"

J_ARG = {"string": "String", "bytes": "byte[]", "int": "long", "uint": "long", "duration": "long", "bool": "boolean",
         "headers": "String[]"}
JNI_ARG = {"string": "jstring", "bytes": "jbyteArray", "int": "jlong", "uint": "jlong", "duration": "jlong",
           "bool": "jboolean", "headers": "jobjectArray"}
J_SCALAR_RET = {"bool": "boolean", "int": "long", "uint": "long", "duration": "long", "string": "String",
                "bytes": "byte[]"}
JNI_SCALAR_RET = {"bool": "jboolean", "int": "jlong", "uint": "jlong", "duration": "jlong", "string": "jstring",
                  "bytes": "jbyteArray"}
JNI_ZERO = {"void": "", "jboolean": "JNI_FALSE", "jlong": "0", "jstring": "nullptr", "jbyteArray": "nullptr",
            "jlongArray": "nullptr"}
OPTION_J = {"string": "String", "bool": "boolean", "int": "long", "duration": "java.time.Duration"}


def exception_name(error_name: str) -> str:
    if error_name == "NervureError":
        return "NervureException"
    return error_name.removesuffix("Error") + "Exception"


def jni_name(method: str) -> str:
    return "Java_io_nervure_internal_NativeOps_" + method.replace("_", "_1")


def native_name(op: Operation) -> str:
    return camel(f"{op.object}_{op.name}")


def java_return(api: Api, op: Operation) -> tuple[str, str]:
    """(Java type, JNI type) of an operation's native."""
    if op.kind == "async" or op.returns is None:
        return "void", "void"
    kind = api.returns_kind(op.returns)
    if kind == "scalar":
        return J_SCALAR_RET[op.returns], JNI_SCALAR_RET[op.returns]
    if kind == "struct":
        return "long[]", "jlongArray"
    if kind == "json":
        return "String", "jstring"
    if kind == "batch":
        return "byte[]", "jbyteArray"
    return "long", "jlong"  # a new handle


def java_params(api: Api, op: Operation) -> list[str]:
    params = ["long self"] + [f"{J_ARG[a.type]} {camel(a.name)}" for a in op.args]
    if op.kind == "async":
        params.append("long token")
    return params


# Besides the hot ones: asynchronous operations whose Java caller usually blocks
# until they complete (ActorProxy.invoke, from outside a turn and inside one; tell;
# JetStream.publish).
AWAITED = {("connection", "actor_invoke"), ("actor_host", "invoke"), ("connection", "actor_tell"),
           ("jetstream", "publish")}


def has_sync(op: Operation) -> bool:
    """Hot and usually awaited asynchronous operations also get a blocking variant that waits
    in native code (one thread hand-over less than completing a future through the dispatcher)."""
    return op.kind == "async" and (op.hot or (op.object, op.name) in AWAITED)


def javadoc(text: str, indent: str = "  ") -> list[str]:
    text = text.replace("*/", "*&#47;")
    return [f"{indent}/** {text} */"]


# ---- NativeOps.java --------------------------------------------------------------

def native_ops(api: Api) -> str:
    out = [banner("//"), f"package {PKG}.internal;", "",
           "/** The JNI surface: one static native per operation and option of the definition.",
           " *  Handles are native pointers (long); durations are milliseconds; headers are",
           " *  alternating keys and values; asynchronous operations complete through take(). */",
           "public final class NativeOps {", "  private NativeOps() {}", "",
           "  static { NativeLoader.load(); }", "",
           "  // ---- runtime (hand-written in jni_runtime.cpp) ----",
           "  public static native String version();",
           "  public static native long optionsCreate();",
           "  public static native void optionsDestroy(long options);",
           "  public static native void optionsAddServer(long options, String url);",
           "  /** Connects (blocking); returns the connection handle. */",
           "  public static native long connect(long options);",
           "  public static native void connectionDestroy(long connection);",
           "  /** Waits up to waitMs and hands over completions, events and ready subscriptions as a Wakeup, or null. */",
           "  public static native Wakeup take(long connection, long waitMs);",
           "  public static native void connectionCancel(long connection, long token);",
           "  public static native void subscriptionDestroy(long subscription);",
           "  public static native long subscriptionId(long subscription);",
           "  public static native boolean subscriptionEnded(long subscription);",
           "  /** Up to max messages, waiting up to waitMs for the first; an encoded batch, or null when none came. */",
           "  public static native byte[] subscriptionPoll(long subscription, int max, long waitMs);",
           "", "  // ---- connect options ----"]
    for opt in api.connect_options:
        jt = {"string": "String", "bool": "boolean", "int": "long", "duration": "long"}[opt.type]
        out += javadoc(opt.doc)
        out.append(f"  public static native void optionsSet{pascal(opt.name)}(long options, {jt} value);")
    out += ["", "  // ---- operations ----"]
    for obj in api.objects:
        for op in obj.operations:
            jret, _ = java_return(api, op)
            doc = op.doc + (" Completes through take() with the token." if op.kind == "async" else "")
            out += javadoc(doc)
            out.append(f"  public static native {jret} {native_name(op)}({', '.join(java_params(api, op))});")
            if has_sync(op):
                out += javadoc(op.doc + " Waits in native code and returns the encoded reply batch (or null).")
                params = ", ".join(java_params(api, op)[:-1])
                out.append(f"  public static native byte[] {native_name(op)}Sync({params});")
    out += ["}", ""]
    return "\n".join(out)


# ---- Records.java ------------------------------------------------------------------

def records(api: Api) -> str:
    out = [banner("//"), f"package {PKG}.internal;", "",
           "import java.nio.ByteBuffer;", "import java.nio.ByteOrder;", "import java.nio.charset.StandardCharsets;",
           "import java.util.ArrayList;", "import java.util.List;", "",
           "/** Decoders of records that cross the boundary in batches (one byte[] per batch:",
           " *  a count, then per item its fields in order; strings and bytes as a 32-bit",
           " *  length then the bytes; headers as a count then key/value strings; numbers",
           " *  as 64-bit little-endian). */",
           "public final class Records {", "  private Records() {}", "",
           "  static String str(ByteBuffer b) {", "    int n = b.getInt();", "    if (n == 0) return \"\";",
           "    String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);",
           "    b.position(b.position() + n);", "    return s;", "  }", "",
           "  /** The last string decoded for one field: repeated subjects share one String. */",
           "  static final class Last {", "    int pos = -1;", "    int len;", "    String value;", "  }", "",
           "  static String str(ByteBuffer b, Last last) {", "    int n = b.getInt();", "    if (n == 0) return \"\";",
           "    int p = b.position();", "    byte[] a = b.array();", "    String s;",
           "    if (last.len == n && last.pos >= 0 && java.util.Arrays.equals(a, last.pos, last.pos + n, a, p, p + n)) {",
           "      s = last.value;", "    } else {", "      s = new String(a, p, n, StandardCharsets.UTF_8);",
           "      last.pos = p;", "      last.len = n;", "      last.value = s;", "    }", "    b.position(p + n);",
           "    return s;", "  }", "",
           "  static byte[] bytes(ByteBuffer b) {", "    int n = b.getInt();", "    byte[] d = new byte[n];",
           "    b.get(d);", "    return d;", "  }", "",
           "  static String[] headers(ByteBuffer b) {", "    int n = b.getInt();", "    if (n == 0) return null;",
           "    String[] kv = new String[2 * n];", "    for (int i = 0; i < 2 * n; i++) kv[i] = str(b);",
           "    return kv;", "  }", "",
           "  static List<String> strings(ByteBuffer b) {", "    int n = b.getInt();",
           "    List<String> l = new ArrayList<>(n);", "    for (int i = 0; i < n; i++) l.add(str(b));",
           "    return l;", "  }", ""]
    read = {"string": "str(b)", "bytes": "bytes(b)", "headers": "headers(b)", "int": "b.getLong()",
            "uint": "b.getLong()", "duration": "b.getLong()", "bool": "b.getLong() != 0",
            "string_list": "strings(b)"}
    jtype = {"string": "String", "bytes": "byte[]", "headers": "String[]", "int": "long", "uint": "long",
             "duration": "long", "bool": "boolean", "string_list": "List<String>"}
    for t in api.types.values():
        if t.encoding != "batch":
            continue
        P = pascal(t.name)
        params = ", ".join(f"{jtype[f.type]} {camel(f.name)}" for f in t.fields)
        out += [f"  /** Builds one item of a {t.name} batch: {t.doc.split('.')[0]}. */",
                "  @FunctionalInterface",
                f"  public interface {P}Factory<T> {{", f"    T make({params});", "  }", "",
                f"  /** Decodes an encoded {t.name} batch into out. */",
                f"  public static <T> void decode{P}(byte[] encoded, {P}Factory<T> factory, List<? super T> out) {{",
                "    ByteBuffer b = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);",
                "    int count = b.getInt();"]
        for f in t.fields:
            if f.type == "string":
                out.append(f"    Last last{pascal(f.name)} = new Last();")
        out.append("    for (int i = 0; i < count; i++) {")
        for f in t.fields:
            r = f"str(b, last{pascal(f.name)})" if f.type == "string" else read[f.type]
            out.append(f"      {jtype[f.type]} {camel(f.name)} = {r};")
        out += [f"      out.add(factory.make({', '.join(camel(f.name) for f in t.fields)}));", "    }", "  }", ""]
    out += ["}", ""]
    return "\n".join(out)


def struct_class(t: Type) -> str:
    P = pascal(t.name)
    jt = {"int": "long", "uint": "long", "bool": "boolean", "duration": "java.time.Duration"}
    comps = ", ".join(f"{jt[f.type]} {camel(f.name)}" for f in t.fields)
    out = [banner("//"), f"package {PKG};", "", "/**", f" * {t.doc}", " *"]
    for f in t.fields:
        out.append(f" * @param {camel(f.name)} {f.doc}")
    out += [" */", f"public record {P}({comps}) {{"]
    conv = []
    for i, f in enumerate(t.fields):
        if f.type == "bool":
            conv.append(f"v[{i}] != 0")
        elif f.type == "duration":
            conv.append(f"java.time.Duration.ofMillis(v[{i}])")
        else:
            conv.append(f"v[{i}]")
    out += ["  /** From the fields as the native layer hands them over, in order. */",
            f"  static {P} fromNative(long[] v) {{", f"    return new {P}({', '.join(conv)});", "  }", "}", ""]
    return "\n".join(out)


# ---- exceptions, events, options ----------------------------------------------

def exception_class(api: Api, e) -> str:
    name = exception_name(e.name)
    parent = "RuntimeException" if e.parent is None else exception_name(e.parent)
    jt = {"int": "long", "uint": "long", "string": "String", "bool": "boolean"}
    out = [banner("//"), f"package {PKG};", "", f"/** {e.doc} ({e.name}, code {e.code}) */",
           f"public class {name} extends {parent} {{", "  private static final long serialVersionUID = 1L;", ""]
    for f in e.fields:
        out.append(f"  private final {jt[f.type]} {camel(f.name)};")
    if e.fields:
        out.append("")
    params = ", ".join(["String message"] + [f"{jt[f.type]} {camel(f.name)}" for f in e.fields])
    out.append("  /** @param message what went wrong */")
    out.append(f"  public {name}({params}) {{")
    out.append("    super(message);")
    for f in e.fields:
        out.append(f"    this.{camel(f.name)} = {camel(f.name)};")
    out.append("  }")
    for f in e.fields:
        out += ["", f"  /** @return {f.doc} */", f"  public {jt[f.type]} {camel(f.name)}() {{",
                f"    return {camel(f.name)};", "  }"]
    out += ["", f"  /** @return the code every language shares for this error ({e.code}) */",
            "  public int errorCode() {", f"    return {e.code};", "  }", "",
            f"  /** @return the name every language shares for this error (\"{e.name}\") */",
            "  public String errorName() {", f"    return \"{e.name}\";", "  }"]
    if e.parent is None:
        out += ["", "  /** @param message what went wrong @param cause the underlying failure */",
                f"  public {name}(String message, Throwable cause) {{", "    super(message, cause);", "  }"]
    out += ["}", ""]
    return "\n".join(out)


def event_enum(api: Api) -> str:
    out = [banner("//"), f"package {PKG};", "", "/** What happened to a connection (see {@link EventListener}). */",
           "public enum Event {"]
    for i, ev in enumerate(api.events):
        sep = "," if i < len(api.events) - 1 else ";"
        out += javadoc(ev.doc)
        out.append(f"  {upper(ev.name)}({ev.code}, \"{ev.name}\"){sep}")
    out += ["", "  private final int code;", "  private final String wireName;", "",
            "  Event(int code, String wireName) {", "    this.code = code;", "    this.wireName = wireName;", "  }", "",
            "  /** @return the code every language shares */", "  public int code() {", "    return code;", "  }", "",
            "  /** @return the shared name, e.g. \"reconnected\" */", "  public String wireName() {",
            "    return wireName;", "  }", "",
            "  /** @param code a shared code @return its event, or null */", "  public static Event of(int code) {",
            "    for (Event e : values()) if (e.code == code) return e;", "    return null;", "  }", "}", ""]
    return "\n".join(out)


def options_class(api: Api) -> str:
    head = (TEMPLATES / "java_options_head.java").read_text()
    out = [banner("//"), head.rstrip(), ""]
    fields, setters, applies, getters = [], [], [], []
    for opt in api.connect_options:
        n = camel(opt.name)
        jt = OPTION_J[opt.type]
        if opt.type == "string":
            default = '"' + str(opt.default).replace("\\", "\\\\").replace('"', '\\"') + '"'
        elif opt.type == "bool":
            default = "true" if opt.default else "false"
        elif opt.type == "duration":
            default = f"java.time.Duration.ofMillis({opt.default})"
        else:
            default = f"{opt.default}L"
        fields.append(f"    private {jt} {n} = {default};")
        setters += ["", f"    /** {opt.doc} Default: {opt.default}{' ms' if opt.type == 'duration' else ''}.",
                    f"     * @param value the value @return this builder */",
                    f"    public Builder {n}({jt} value) {{"]
        if opt.type in ("string", "duration"):
            setters.append(f"      if (value == null) throw new NullPointerException(\"{n}\");")
        if opt.min is not None:
            setters.append(f"      if (value < {opt.min}) throw new InvalidArgumentException(\"{n} must be at least {opt.min}\");")
        setters += [f"      this.{n} = value;", "      return this;", "    }"]
        val = f"{n}.toMillis()" if opt.type == "duration" else n
        applies.append(f"    NativeOps.optionsSet{pascal(opt.name)}(handle, {val});")
        getters += [f"  /** @return {opt.doc} */", f"  public {jt} {n}() {{", f"    return {n};", "  }", ""]
    out += ["  // ---- generated from options.connect ----"]
    out += [f"  private final {OPTION_J[o.type]} {camel(o.name)};" for o in api.connect_options] + [""]
    out += getters
    out += ["  private Options(Builder b) {", "    this.servers = java.util.List.copyOf(b.servers);",
            "    this.eventListener = b.eventListener;"]
    out += [f"    this.{camel(o.name)} = b.{camel(o.name)};" for o in api.connect_options]
    out += ["  }", "", "  /** Sets every option on a native options handle. */", "  void applyTo(long handle) {",
            "    for (String s : servers) NativeOps.optionsAddServer(handle, s);"]
    out += applies
    out += ["  }", "", "  /** Builds {@link Options}; every setter returns the builder. */",
            "  public static final class Builder {",
            "    private final java.util.List<String> servers = new java.util.ArrayList<>();",
            "    private EventListener eventListener;"]
    out += fields
    out += ["", "    Builder() {}", "", "    /** Adds one server URL (nats://, tls://); several for a cluster.",
            "     * @param url the URL @return this builder */", "    public Builder server(String url) {",
            "      servers.add(java.util.Objects.requireNonNull(url, \"url\"));", "      return this;", "    }", "",
            "    /** Adds server URLs. @param urls the URLs @return this builder */",
            "    public Builder servers(String... urls) {", "      for (String u : urls) server(u);",
            "      return this;", "    }", "",
            "    /** Called on the connection's dispatcher thread for each event.",
            "     * @param listener the listener @return this builder */",
            "    public Builder eventListener(EventListener listener) {", "      this.eventListener = listener;",
            "      return this;", "    }"]
    out += setters
    out += ["", "    /** @return the options */", "    public Options build() {", "      return new Options(this);",
            "    }", "  }", "}", ""]
    return "\n".join(out)


# ---- the JNI glue ----------------------------------------------------------------

def cpp_name(a) -> str:
    """The C++ parameter of an argument: prefixed, so no argument name meets a local (status, error, out...)."""
    return "a_" + camel(a.name)


def cpp_arg(a) -> tuple[list[str], str]:
    """(lines that convert the Java argument, the C ABI argument expression)."""
    n = cpp_name(a)
    if a.type == "string":
        return [f"nervure::jni::Utf {n}_c(env, {n});"], f"{n}_c.get()"
    if a.type == "bytes":
        return [f"nervure::jni::Bytes {n}_c(env, {n});"], f"{n}_c.data(), {n}_c.size()"
    if a.type == "headers":
        return [f"nervure::jni::Headers {n}_c(env, {n});"], f"{n}_c.get()"
    if a.type == "bool":
        return [], f"{n} ? 1 : 0"
    if a.type == "uint":
        return [], f"static_cast<uint64_t>({n})"
    return [], f"static_cast<int64_t>({n})"


def jni_function(api: Api, op: Operation) -> list[str]:
    jret_java, jret = java_return(api, op)
    params = ["JNIEnv* env", "jclass", "jlong self"] + [f"{JNI_ARG[a.type]} {cpp_name(a)}" for a in op.args]
    if op.kind == "async":
        params.append("jlong token")
    body = []
    args = [f"reinterpret_cast<nervure_{op.object}*>(self)"]
    for a in op.args:
        lines, expr = cpp_arg(a)
        body += lines
        args.append(expr)
    if op.kind == "async":
        args += ["nullptr", "reinterpret_cast<void*>(static_cast<intptr_t>(token))"]
    ret_line = None
    kind = api.returns_kind(op.returns) if op.kind != "async" else "none"
    if kind == "scalar":
        r = op.returns
        if r == "bool":
            body.append("int out = 0;")
            args.append("&out")
            ret_line = "return out ? JNI_TRUE : JNI_FALSE;"
        elif r in ("int", "duration"):
            body.append("int64_t out = 0;")
            args.append("&out")
            ret_line = "return static_cast<jlong>(out);"
        elif r == "uint":
            body.append("uint64_t out = 0;")
            args.append("&out")
            ret_line = "return static_cast<jlong>(out);"
        elif r == "string":
            body.append("nervure::jni::OwnedText out;")
            args.append("&out.ptr")
            ret_line = "return out.to_java(env);"
        elif r == "bytes":
            body.append("nervure::jni::OwnedText out;")
            args += ["&out.ptr", "&out.len"]
            ret_line = "return out.to_bytes(env);"
    elif kind == "struct":
        t = api.types[op.returns]
        body.append(f"nervure_{t.name} out{{}};")
        args.append("&out")
        vals = ", ".join(f"static_cast<jlong>(out.{f.name}{'_ms' if f.type == 'duration' else ''})" for f in t.fields)
        ret_line = f"const jlong values[] = {{{vals}}};\n    return nervure::jni::long_array(env, values, {len(t.fields)});"
    elif kind == "json":
        body.append("nervure::jni::OwnedText out;")
        args.append("&out.ptr")
        ret_line = "return out.to_java(env);"
    elif kind == "batch":
        t = api.types[op.returns]
        body.append(f"nervure_{t.name}_batch* out = nullptr;")
        args.append("&out")
        ret_line = (f"jbyteArray encoded = encode_{t.name}(env, out);\n    nervure_{t.name}_batch_destroy(&out);\n"
                    "    return encoded;")
    elif kind == "object":
        body.append(f"nervure_{op.returns}* out = nullptr;")
        args.append("&out")
        ret_line = "return reinterpret_cast<jlong>(out);"
    args.append("&error")
    zero = JNI_ZERO[jret]
    fail = f"return {zero};" if zero else "return;"
    out = [f"// {op.object}.{op.name} ({op.kind})",
           f"JNIEXPORT {jret} JNICALL {jni_name(native_name(op))}({', '.join(params)}) {{",
           "  try {", "    char* error = nullptr;"]
    out += [f"    {line}" for line in body]
    out.append(f"    nervure_status status = nervure_{op.object}_{op.name}({', '.join(args)});")
    out.append(f"    if (status != NERVURE_OK) {{ nervure::jni::throw_status(env, status, error); {fail} }}")
    if ret_line:
        out += [f"    {line}" for line in ret_line.split("\n")]
    out += ["  } catch (...) {", "    nervure::jni::throw_current(env);", "  }", f"  {fail}" if zero else "", "}", ""]
    return [line for line in out if line != ""] + [""]


def jni_sync_function(api: Api, op: Operation) -> list[str]:
    params = ["JNIEnv* env", "jclass", "jlong self"] + [f"{JNI_ARG[a.type]} {cpp_name(a)}" for a in op.args]
    body = []
    args = [f"reinterpret_cast<nervure_{op.object}*>(self)"]
    for a in op.args:
        lines, expr = cpp_arg(a)
        body += lines
        args.append(expr)
    args += ["&nervure::jni::Waiter::done", "&waiter", "&error"]
    out = [f"// {op.object}.{op.name}, blocking: waits in native code for the completion",
           f"JNIEXPORT jbyteArray JNICALL {jni_name(native_name(op) + 'Sync')}({', '.join(params)}) {{",
           "  try {", "    char* error = nullptr;"]
    out += [f"    {line}" for line in body]
    out += ["    nervure::jni::Waiter waiter;",
            f"    nervure_status status = nervure_{op.object}_{op.name}({', '.join(args)});",
            "    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }",
            "    waiter.started();", "    return waiter.finish(env);",
            "  } catch (...) {", "    nervure::jni::throw_current(env);", "  }", "  return nullptr;", "}", ""]
    return out


def encoder(t: Type) -> list[str]:
    b = f"nervure_{t.name}"
    out = [f"// {t.name}: count, then per item its fields in order (Records.decode{pascal(t.name)}).",
           f"jbyteArray encode_{t.name}(JNIEnv* env, const {b}_batch* batch) {{",
           "  nervure::jni::Encoder e;", f"  const size_t count = {b}_batch_count(batch);",
           "  e.u32(static_cast<uint32_t>(count));", "  for (size_t i = 0; i < count; ++i) {"]
    for f in t.fields:
        fn = f"nervure_{t.name}_{f.name}"
        if f.type == "string":
            out.append(f"    e.str({fn}(batch, i));")
        elif f.type == "bytes":
            out += ["    {", "      size_t len = 0;", f"      const void* p = {fn}(batch, i, &len);",
                    "      e.bytes(p, len);", "    }"]
        elif f.type == "headers":
            out += ["    {", f"      const size_t n = {fn}_count(batch, i);",
                    "      e.u32(static_cast<uint32_t>(n));", "      for (size_t h = 0; h < n; ++h) {",
                    "        const char* k = nullptr;", "        const char* v = nullptr;",
                    f"        {fn}_at(batch, i, h, &k, &v);", "        e.str(k);", "        e.str(v);", "      }",
                    "    }"]
        else:
            out.append(f"    e.i64(static_cast<int64_t>({fn}(batch, i)));")
    out += ["  }", "  return e.to_java(env);", "}", ""]
    return out


def error_factory(api: Api) -> list[str]:
    jt = {"int": "J", "uint": "J", "string": "Ljava/lang/String;", "bool": "Z"}
    out = ["namespace {", "struct ErrorClass {", "  jclass cls = nullptr;", "  jmethodID ctor = nullptr;", "};",
           f"ErrorClass g_errors[{max(e.code for e in api.errors) + 1}];", "}  // namespace", "",
           "namespace nervure::jni {", "",
           "// Caches the exception classes and their constructors (called from JNI_OnLoad).",
           "bool init_errors(JNIEnv* env) {"]
    for e in api.errors:
        sig = "(Ljava/lang/String;" + "".join(jt[f.type] for f in e.fields) + ")V"
        out += [f"  g_errors[{e.code}].cls = global_class(env, \"io/nervure/{exception_name(e.name)}\");",
                f"  if (!g_errors[{e.code}].cls) return false;",
                f"  g_errors[{e.code}].ctor = env->GetMethodID(g_errors[{e.code}].cls, \"<init>\", \"{sig}\");",
                f"  if (!g_errors[{e.code}].ctor) return false;"]
    out += ["  return true;", "}", "", "void release_errors(JNIEnv* env) {",
            "  for (auto& e : g_errors) {", "    if (e.cls) env->DeleteGlobalRef(e.cls);", "    e = ErrorClass{};",
            "  }", "}", "",
            "// The Java exception for a status, with its fields.",
            "jthrowable make_error(JNIEnv* env, int status, const char* message, const ErrorFields& fields) {",
            f"  if (status < 0 || status >= {max(e.code for e in api.errors) + 1} || !g_errors[status].cls) status = 1;",
            "  jstring text = new_string(env, message ? message : nervure_status_name(static_cast<nervure_status>(status)));",
            "  if (!text) return nullptr;",
            "  jobject made = nullptr;", "  switch (status) {"]
    for e in api.errors:
        if not e.fields:
            continue
        out.append(f"    case {e.code}: {{")
        vals = []
        for f in e.fields:
            v = camel(f.name)
            if f.type in ("int", "uint", "bool"):
                out += [f"      int64_t {v} = 0;", f"      fields.get_int(\"{f.name}\", &{v});"]
                vals.append(f"static_cast<jlong>({v})" if f.type != "bool" else f"static_cast<jboolean>({v} != 0)")
            else:
                out += [f"      const char* {v}_c = fields.get_text(\"{f.name}\");",
                        f"      jstring {v} = new_string(env, {v}_c);"]
                vals.append(v)
        out.append(f"      made = env->NewObject(g_errors[status].cls, g_errors[status].ctor, text, {', '.join(vals)});")
        for f in e.fields:
            if f.type not in ("int", "uint", "bool"):
                out.append(f"      if ({camel(f.name)}) env->DeleteLocalRef({camel(f.name)});")
        out += ["      break;", "    }"]
    out += ["    default:", "      made = env->NewObject(g_errors[status].cls, g_errors[status].ctor, text);", "  }",
            "  env->DeleteLocalRef(text);", "  return static_cast<jthrowable>(made);", "}", ""]
    out += ["// Copies every error field a completion may carry (it is valid only during its callback).",
            "void capture_error_fields(const nervure_completion* completion, SnapshotFields& out) {"]
    seen = set()
    for e in api.errors:
        for f in e.fields:
            if f.name in seen:
                continue
            seen.add(f.name)
            if f.type in ("int", "uint", "bool"):
                out += ["  {", "    int64_t v = 0;",
                        f"    if (nervure_completion_error_int(completion, \"{f.name}\", &v)) out.ints.emplace_back(\"{f.name}\", v);",
                        "  }"]
            else:
                out += ["  {", f"    const char* v = nervure_completion_error_text(completion, \"{f.name}\");",
                        f"    if (v) out.texts.emplace_back(\"{f.name}\", v);", "  }"]
    if not seen:
        out += ["  (void)completion;", "  (void)out;"]
    out += ["}", "", "}  // namespace nervure::jni", ""]
    return out


def jni_glue(api: Api) -> str:
    out = [banner("//"), "// Every function runs inside try/catch: no C++ exception reaches the JVM.",
           '#include "jni_support.hpp"', "", '#include "nervure.h"', "", "#include <cstdint>", ""]
    out += error_factory(api)
    out += ["namespace nervure::jni {", ""]
    for t in api.types.values():
        if t.encoding == "batch":
            out += encoder(t)
    out += ["}  // namespace nervure::jni", "", "using namespace nervure::jni;", "", 'extern "C" {', ""]
    for opt in api.connect_options:
        jt = {"string": "jstring", "bool": "jboolean", "int": "jlong", "duration": "jlong"}[opt.type]
        setter = f"nervure_options_set_{opt.name}" + ("_ms" if opt.type == "duration" else "")
        if opt.type == "string":
            conv, val = ["    nervure::jni::Utf value_c(env, value);"], "value_c.get()"
        elif opt.type == "bool":
            conv, val = [], "value ? 1 : 0"
        else:
            conv, val = [], "static_cast<int64_t>(value)"
        out += [f"JNIEXPORT void JNICALL {jni_name('optionsSet' + pascal(opt.name))}(JNIEnv* env, jclass, jlong options, {jt} value) {{",
                "  try {", "    char* error = nullptr;"] + conv + [
                f"    nervure_status status = {setter}(reinterpret_cast<nervure_options*>(options), {val}, &error);",
                "    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);",
                "  } catch (...) {", "    nervure::jni::throw_current(env);", "  }", "}", ""]
    for obj in api.objects:
        for op in obj.operations:
            out += jni_function(api, op)
            if has_sync(op):
                out += jni_sync_function(api, op)
    out += ['}  // extern "C"', ""]
    return "\n".join(out)


def generate(api: Api) -> dict[str, str]:
    files = {
        f"{JAVA}/internal/NativeOps.java": native_ops(api),
        f"{JAVA}/internal/Records.java": records(api),
        f"{JAVA}/Event.java": event_enum(api),
        f"{JAVA}/Options.java": options_class(api),
        "java/src/main/cpp/nervure_jni.generated.cpp": jni_glue(api),
    }
    for e in api.errors:
        files[f"{JAVA}/{exception_name(e.name)}.java"] = exception_class(api, e)
    for t in api.types.values():
        if t.encoding == "struct":
            files[f"{JAVA}/{pascal(t.name)}.java"] = struct_class(t)
    return files

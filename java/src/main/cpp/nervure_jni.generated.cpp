// generated from the definition in bindings/api/ by bindings/generator; do not edit
// Every function runs inside try/catch: no C++ exception reaches the JVM.
#include "jni_support.hpp"

#include "nervure.h"

#include <cstdint>

namespace {
struct ErrorClass {
  jclass cls = nullptr;
  jmethodID ctor = nullptr;
};
ErrorClass g_errors[13];
}  // namespace

namespace nervure::jni {

// Caches the exception classes and their constructors (called from JNI_OnLoad).
bool init_errors(JNIEnv* env) {
  g_errors[1].cls = global_class(env, "io/nervure/NervureException");
  if (!g_errors[1].cls) return false;
  g_errors[1].ctor = env->GetMethodID(g_errors[1].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[1].ctor) return false;
  g_errors[2].cls = global_class(env, "io/nervure/ConnectionClosedException");
  if (!g_errors[2].cls) return false;
  g_errors[2].ctor = env->GetMethodID(g_errors[2].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[2].ctor) return false;
  g_errors[3].cls = global_class(env, "io/nervure/TimeoutException");
  if (!g_errors[3].cls) return false;
  g_errors[3].ctor = env->GetMethodID(g_errors[3].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[3].ctor) return false;
  g_errors[4].cls = global_class(env, "io/nervure/NoRespondersException");
  if (!g_errors[4].cls) return false;
  g_errors[4].ctor = env->GetMethodID(g_errors[4].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[4].ctor) return false;
  g_errors[5].cls = global_class(env, "io/nervure/InvalidSubjectException");
  if (!g_errors[5].cls) return false;
  g_errors[5].ctor = env->GetMethodID(g_errors[5].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[5].ctor) return false;
  g_errors[6].cls = global_class(env, "io/nervure/MaxPayloadException");
  if (!g_errors[6].cls) return false;
  g_errors[6].ctor = env->GetMethodID(g_errors[6].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[6].ctor) return false;
  g_errors[7].cls = global_class(env, "io/nervure/AuthorizationException");
  if (!g_errors[7].cls) return false;
  g_errors[7].ctor = env->GetMethodID(g_errors[7].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[7].ctor) return false;
  g_errors[8].cls = global_class(env, "io/nervure/SlowConsumerException");
  if (!g_errors[8].cls) return false;
  g_errors[8].ctor = env->GetMethodID(g_errors[8].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[8].ctor) return false;
  g_errors[9].cls = global_class(env, "io/nervure/JetStreamApiException");
  if (!g_errors[9].cls) return false;
  g_errors[9].ctor = env->GetMethodID(g_errors[9].cls, "<init>", "(Ljava/lang/String;JJ)V");
  if (!g_errors[9].ctor) return false;
  g_errors[10].cls = global_class(env, "io/nervure/NotSupportedByServerException");
  if (!g_errors[10].cls) return false;
  g_errors[10].ctor = env->GetMethodID(g_errors[10].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[10].ctor) return false;
  g_errors[11].cls = global_class(env, "io/nervure/ActorException");
  if (!g_errors[11].cls) return false;
  g_errors[11].ctor = env->GetMethodID(g_errors[11].cls, "<init>", "(Ljava/lang/String;Ljava/lang/String;)V");
  if (!g_errors[11].ctor) return false;
  g_errors[12].cls = global_class(env, "io/nervure/InvalidArgumentException");
  if (!g_errors[12].cls) return false;
  g_errors[12].ctor = env->GetMethodID(g_errors[12].cls, "<init>", "(Ljava/lang/String;)V");
  if (!g_errors[12].ctor) return false;
  return true;
}

void release_errors(JNIEnv* env) {
  for (auto& e : g_errors) {
    if (e.cls) env->DeleteGlobalRef(e.cls);
    e = ErrorClass{};
  }
}

// The Java exception for a status, with its fields.
jthrowable make_error(JNIEnv* env, int status, const char* message, const ErrorFields& fields) {
  if (status < 0 || status >= 13 || !g_errors[status].cls) status = 1;
  jstring text = new_string(env, message ? message : nervure_status_name(static_cast<nervure_status>(status)));
  if (!text) return nullptr;
  jobject made = nullptr;
  switch (status) {
    case 9: {
      int64_t code = 0;
      fields.get_int("code", &code);
      int64_t errCode = 0;
      fields.get_int("err_code", &errCode);
      made = env->NewObject(g_errors[status].cls, g_errors[status].ctor, text, static_cast<jlong>(code), static_cast<jlong>(errCode));
      break;
    }
    case 11: {
      const char* remoteType_c = fields.get_text("remote_type");
      jstring remoteType = new_string(env, remoteType_c);
      made = env->NewObject(g_errors[status].cls, g_errors[status].ctor, text, remoteType);
      if (remoteType) env->DeleteLocalRef(remoteType);
      break;
    }
    default:
      made = env->NewObject(g_errors[status].cls, g_errors[status].ctor, text);
  }
  env->DeleteLocalRef(text);
  return static_cast<jthrowable>(made);
}

// Copies every error field a completion may carry (it is valid only during its callback).
void capture_error_fields(const nervure_completion* completion, SnapshotFields& out) {
  {
    int64_t v = 0;
    if (nervure_completion_error_int(completion, "code", &v)) out.ints.emplace_back("code", v);
  }
  {
    int64_t v = 0;
    if (nervure_completion_error_int(completion, "err_code", &v)) out.ints.emplace_back("err_code", v);
  }
  {
    const char* v = nervure_completion_error_text(completion, "remote_type");
    if (v) out.texts.emplace_back("remote_type", v);
  }
}

}  // namespace nervure::jni

namespace nervure::jni {

// message: count, then per item its fields in order (Records.decodeMessage).
jbyteArray encode_message(JNIEnv* env, const nervure_message_batch* batch) {
  nervure::jni::Encoder e;
  const size_t count = nervure_message_batch_count(batch);
  e.u32(static_cast<uint32_t>(count));
  for (size_t i = 0; i < count; ++i) {
    e.str(nervure_message_subject(batch, i));
    e.str(nervure_message_reply(batch, i));
    {
      size_t len = 0;
      const void* p = nervure_message_data(batch, i, &len);
      e.bytes(p, len);
    }
    {
      const size_t n = nervure_message_headers_count(batch, i);
      e.u32(static_cast<uint32_t>(n));
      for (size_t h = 0; h < n; ++h) {
        const char* k = nullptr;
        const char* v = nullptr;
        nervure_message_headers_at(batch, i, h, &k, &v);
        e.str(k);
        e.str(v);
      }
    }
    e.i64(static_cast<int64_t>(nervure_message_status(batch, i)));
  }
  return e.to_java(env);
}

}  // namespace nervure::jni

using namespace nervure::jni;

extern "C" {

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetName(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_name(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetUser(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_user(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetPassword(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_password(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetToken(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_token(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetNkeySeed(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_nkey_seed(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetCredsFile(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_creds_file(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTls(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_tls(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsCaFile(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_tls_ca_file(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsCertFile(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_tls_cert_file(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsKeyFile(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_tls_key_file(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsVerify(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_tls_verify(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsVerifyHostname(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_tls_verify_hostname(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetTlsHandshakeFirst(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_tls_handshake_first(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetRandomize(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_randomize(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetConnectTimeout(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_connect_timeout_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnect(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetMaxReconnectAttempts(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_max_reconnect_attempts(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnectWait(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect_wait_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnectWaitMax(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect_wait_max_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnectJitter(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect_jitter_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnectJitterTls(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect_jitter_tls_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetReconnectBufferSize(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_reconnect_buffer_size(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetPingInterval(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_ping_interval_ms(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetMaxPingsOut(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_max_pings_out(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetNoEcho(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_no_echo(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetInboxPrefix(JNIEnv* env, jclass, jlong options, jstring value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf value_c(env, value);
    nervure_status status = nervure_options_set_inbox_prefix(reinterpret_cast<nervure_options*>(options), value_c.get(), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetIgnoreDiscoveredServers(JNIEnv* env, jclass, jlong options, jboolean value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_ignore_discovered_servers(reinterpret_cast<nervure_options*>(options), value ? 1 : 0, &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetPendingMsgsLimit(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_pending_msgs_limit(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_optionsSetPendingBytesLimit(JNIEnv* env, jclass, jlong options, jlong value) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_options_set_pending_bytes_limit(reinterpret_cast<nervure_options*>(options), static_cast<int64_t>(value), &error);
    if (status != NERVURE_OK) nervure::jni::throw_status(env, status, error);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.actor_host (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_connectionActorHost(JNIEnv* env, jclass, jlong self, jlong a_idleTimeout, jlong a_callTimeout, jboolean a_reentrancy, jlong a_maxReentrancyDepth, jlong a_leaseTtl, jlong a_partitions, jlong a_workers, jstring a_hostId, jstring a_leaseBucket, jstring a_stateBucket) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_hostId_c(env, a_hostId);
    nervure::jni::Utf a_leaseBucket_c(env, a_leaseBucket);
    nervure::jni::Utf a_stateBucket_c(env, a_stateBucket);
    nervure_actor_host* out = nullptr;
    nervure_status status = nervure_connection_actor_host(reinterpret_cast<nervure_connection*>(self), static_cast<int64_t>(a_idleTimeout), static_cast<int64_t>(a_callTimeout), a_reentrancy ? 1 : 0, static_cast<int64_t>(a_maxReentrancyDepth), static_cast<int64_t>(a_leaseTtl), static_cast<int64_t>(a_partitions), static_cast<int64_t>(a_workers), a_hostId_c.get(), a_leaseBucket_c.get(), a_stateBucket_c.get(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// connection.actor_invoke (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionActorInvoke(JNIEnv* env, jclass, jlong self, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jlong a_timeout, jlong a_partitions, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure_status status = nervure_connection_actor_invoke(reinterpret_cast<nervure_connection*>(self), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), static_cast<int64_t>(a_timeout), static_cast<int64_t>(a_partitions), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.actor_invoke, blocking: waits in native code for the completion
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_connectionActorInvokeSync(JNIEnv* env, jclass, jlong self, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jlong a_timeout, jlong a_partitions) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure::jni::Waiter waiter;
    nervure_status status = nervure_connection_actor_invoke(reinterpret_cast<nervure_connection*>(self), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), static_cast<int64_t>(a_timeout), static_cast<int64_t>(a_partitions), &nervure::jni::Waiter::done, &waiter, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    waiter.started();
    return waiter.finish(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.actor_tell (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionActorTell(JNIEnv* env, jclass, jlong self, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jstring a_dedupId, jlong a_timeout, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure::jni::Utf a_dedupId_c(env, a_dedupId);
    nervure_status status = nervure_connection_actor_tell(reinterpret_cast<nervure_connection*>(self), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), a_dedupId_c.get(), static_cast<int64_t>(a_timeout), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.actor_tell, blocking: waits in native code for the completion
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_connectionActorTellSync(JNIEnv* env, jclass, jlong self, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jstring a_dedupId, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure::jni::Utf a_dedupId_c(env, a_dedupId);
    nervure::jni::Waiter waiter;
    nervure_status status = nervure_connection_actor_tell(reinterpret_cast<nervure_connection*>(self), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), a_dedupId_c.get(), static_cast<int64_t>(a_timeout), &nervure::jni::Waiter::done, &waiter, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    waiter.started();
    return waiter.finish(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.publish (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionPublish(JNIEnv* env, jclass, jlong self, jstring a_subject, jbyteArray a_data, jstring a_reply, jobjectArray a_headers) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure::jni::Utf a_reply_c(env, a_reply);
    nervure::jni::Headers a_headers_c(env, a_headers);
    nervure_status status = nervure_connection_publish(reinterpret_cast<nervure_connection*>(self), a_subject_c.get(), a_data_c.data(), a_data_c.size(), a_reply_c.get(), a_headers_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.subscribe (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_connectionSubscribe(JNIEnv* env, jclass, jlong self, jstring a_subject, jstring a_queue, jlong a_maxMsgs, jlong a_pendingMsgsLimit, jlong a_pendingBytesLimit) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Utf a_queue_c(env, a_queue);
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_connection_subscribe(reinterpret_cast<nervure_connection*>(self), a_subject_c.get(), a_queue_c.get(), static_cast<int64_t>(a_maxMsgs), static_cast<int64_t>(a_pendingMsgsLimit), static_cast<int64_t>(a_pendingBytesLimit), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// connection.request (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionRequest(JNIEnv* env, jclass, jlong self, jstring a_subject, jbyteArray a_data, jlong a_timeout, jobjectArray a_headers, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure::jni::Headers a_headers_c(env, a_headers);
    nervure_status status = nervure_connection_request(reinterpret_cast<nervure_connection*>(self), a_subject_c.get(), a_data_c.data(), a_data_c.size(), static_cast<int64_t>(a_timeout), a_headers_c.get(), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.request, blocking: waits in native code for the completion
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_connectionRequestSync(JNIEnv* env, jclass, jlong self, jstring a_subject, jbyteArray a_data, jlong a_timeout, jobjectArray a_headers) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure::jni::Headers a_headers_c(env, a_headers);
    nervure::jni::Waiter waiter;
    nervure_status status = nervure_connection_request(reinterpret_cast<nervure_connection*>(self), a_subject_c.get(), a_data_c.data(), a_data_c.size(), static_cast<int64_t>(a_timeout), a_headers_c.get(), &nervure::jni::Waiter::done, &waiter, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    waiter.started();
    return waiter.finish(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.flush (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionFlush(JNIEnv* env, jclass, jlong self, jlong a_timeout, jlong token) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_connection_flush(reinterpret_cast<nervure_connection*>(self), static_cast<int64_t>(a_timeout), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.drain (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionDrain(JNIEnv* env, jclass, jlong self, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_connection_drain(reinterpret_cast<nervure_connection*>(self), static_cast<int64_t>(a_timeout), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.close (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_connectionClose(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_connection_close(reinterpret_cast<nervure_connection*>(self), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// connection.is_connected (call)
JNIEXPORT jboolean JNICALL Java_io_nervure_internal_NativeOps_connectionIsConnected(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int out = 0;
    nervure_status status = nervure_connection_is_connected(reinterpret_cast<nervure_connection*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return JNI_FALSE; }
    return out ? JNI_TRUE : JNI_FALSE;
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return JNI_FALSE;
}

// connection.is_reconnecting (call)
JNIEXPORT jboolean JNICALL Java_io_nervure_internal_NativeOps_connectionIsReconnecting(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int out = 0;
    nervure_status status = nervure_connection_is_reconnecting(reinterpret_cast<nervure_connection*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return JNI_FALSE; }
    return out ? JNI_TRUE : JNI_FALSE;
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return JNI_FALSE;
}

// connection.is_closed (call)
JNIEXPORT jboolean JNICALL Java_io_nervure_internal_NativeOps_connectionIsClosed(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int out = 0;
    nervure_status status = nervure_connection_is_closed(reinterpret_cast<nervure_connection*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return JNI_FALSE; }
    return out ? JNI_TRUE : JNI_FALSE;
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return JNI_FALSE;
}

// connection.stats (call)
JNIEXPORT jlongArray JNICALL Java_io_nervure_internal_NativeOps_connectionStats(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_stats out{};
    nervure_status status = nervure_connection_stats(reinterpret_cast<nervure_connection*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    const jlong values[] = {static_cast<jlong>(out.in_msgs), static_cast<jlong>(out.in_bytes), static_cast<jlong>(out.out_msgs), static_cast<jlong>(out.out_bytes), static_cast<jlong>(out.reconnects)};
        return nervure::jni::long_array(env, values, 5);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.server_info (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_connectionServerInfo(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_connection_server_info(reinterpret_cast<nervure_connection*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.connected_url (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_connectionConnectedUrl(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_connection_connected_url(reinterpret_cast<nervure_connection*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.new_inbox (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_connectionNewInbox(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_connection_new_inbox(reinterpret_cast<nervure_connection*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// connection.max_payload (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_connectionMaxPayload(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int64_t out = 0;
    nervure_status status = nervure_connection_max_payload(reinterpret_cast<nervure_connection*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// connection.jetstream (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_connectionJetstream(JNIEnv* env, jclass, jlong self, jstring a_domain, jstring a_apiPrefix, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_domain_c(env, a_domain);
    nervure::jni::Utf a_apiPrefix_c(env, a_apiPrefix);
    nervure_jetstream* out = nullptr;
    nervure_status status = nervure_connection_jetstream(reinterpret_cast<nervure_connection*>(self), a_domain_c.get(), a_apiPrefix_c.get(), static_cast<int64_t>(a_timeout), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// actor_host.register_type (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostRegisterType(JNIEnv* env, jclass, jlong self, jstring a_actorType) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure_status status = nervure_actor_host_register_type(reinterpret_cast<nervure_actor_host*>(self), a_actorType_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.start (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostStart(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_actor_host_start(reinterpret_cast<nervure_actor_host*>(self), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.stop (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostStop(JNIEnv* env, jclass, jlong self, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_actor_host_stop(reinterpret_cast<nervure_actor_host*>(self), static_cast<int64_t>(a_timeout), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.turns (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_actorHostTurns(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_actor_host_turns(reinterpret_cast<nervure_actor_host*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// actor_host.complete (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostComplete(JNIEnv* env, jclass, jlong self, jlong a_turn, jbyteArray a_result, jstring a_errorType, jstring a_errorMessage) {
  try {
    char* error = nullptr;
    nervure::jni::Bytes a_result_c(env, a_result);
    nervure::jni::Utf a_errorType_c(env, a_errorType);
    nervure::jni::Utf a_errorMessage_c(env, a_errorMessage);
    nervure_status status = nervure_actor_host_complete(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_result_c.data(), a_result_c.size(), a_errorType_c.get(), a_errorMessage_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.state_get (call)
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_actorHostStateGet(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_key) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_actor_host_state_get(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_key_c.get(), &out.ptr, &out.len, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_bytes(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// actor_host.state_contains (call)
JNIEXPORT jboolean JNICALL Java_io_nervure_internal_NativeOps_actorHostStateContains(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_key) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    int out = 0;
    nervure_status status = nervure_actor_host_state_contains(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_key_c.get(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return JNI_FALSE; }
    return out ? JNI_TRUE : JNI_FALSE;
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return JNI_FALSE;
}

// actor_host.state_set (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostStateSet(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_key, jbyteArray a_value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::Bytes a_value_c(env, a_value);
    nervure_status status = nervure_actor_host_state_set(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_key_c.get(), a_value_c.data(), a_value_c.size(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.state_remove (call)
JNIEXPORT jboolean JNICALL Java_io_nervure_internal_NativeOps_actorHostStateRemove(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_key) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    int out = 0;
    nervure_status status = nervure_actor_host_state_remove(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_key_c.get(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return JNI_FALSE; }
    return out ? JNI_TRUE : JNI_FALSE;
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return JNI_FALSE;
}

// actor_host.state_save (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostStateSave(JNIEnv* env, jclass, jlong self, jlong a_turn) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_actor_host_state_save(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.register_timer (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostRegisterTimer(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_name, jstring a_method, jstring a_due, jstring a_period, jbyteArray a_args) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Utf a_due_c(env, a_due);
    nervure::jni::Utf a_period_c(env, a_period);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure_status status = nervure_actor_host_register_timer(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_name_c.get(), a_method_c.get(), a_due_c.get(), a_period_c.get(), a_args_c.data(), a_args_c.size(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.unregister_timer (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostUnregisterTimer(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_name) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure_status status = nervure_actor_host_unregister_timer(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_name_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.register_reminder (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostRegisterReminder(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_name, jstring a_due, jstring a_period, jbyteArray a_data) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure::jni::Utf a_due_c(env, a_due);
    nervure::jni::Utf a_period_c(env, a_period);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure_status status = nervure_actor_host_register_reminder(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_name_c.get(), a_due_c.get(), a_period_c.get(), a_data_c.data(), a_data_c.size(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.unregister_reminder (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostUnregisterReminder(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_name) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure_status status = nervure_actor_host_unregister_reminder(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_name_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.invoke (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_actorHostInvoke(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jlong a_timeout, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure_status status = nervure_actor_host_invoke(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), static_cast<int64_t>(a_timeout), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// actor_host.invoke, blocking: waits in native code for the completion
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_actorHostInvokeSync(JNIEnv* env, jclass, jlong self, jlong a_turn, jstring a_actorType, jstring a_actorId, jstring a_method, jbyteArray a_args, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_actorType_c(env, a_actorType);
    nervure::jni::Utf a_actorId_c(env, a_actorId);
    nervure::jni::Utf a_method_c(env, a_method);
    nervure::jni::Bytes a_args_c(env, a_args);
    nervure::jni::Waiter waiter;
    nervure_status status = nervure_actor_host_invoke(reinterpret_cast<nervure_actor_host*>(self), static_cast<uint64_t>(a_turn), a_actorType_c.get(), a_actorId_c.get(), a_method_c.get(), a_args_c.data(), a_args_c.size(), static_cast<int64_t>(a_timeout), &nervure::jni::Waiter::done, &waiter, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    waiter.started();
    return waiter.finish(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// actor_host.host_id (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_actorHostHostId(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_actor_host_host_id(reinterpret_cast<nervure_actor_host*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// actor_host.stats (call)
JNIEXPORT jlongArray JNICALL Java_io_nervure_internal_NativeOps_actorHostStats(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_actor_stats out{};
    nervure_status status = nervure_actor_host_stats(reinterpret_cast<nervure_actor_host*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    const jlong values[] = {static_cast<jlong>(out.calls), static_cast<jlong>(out.failed_calls), static_cast<jlong>(out.activations), static_cast<jlong>(out.deactivations), static_cast<jlong>(out.active_actors), static_cast<jlong>(out.owned_partitions)};
        return nervure::jni::long_array(env, values, 6);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// actor_host.method_stats (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_actorHostMethodStats(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_actor_host_method_stats(reinterpret_cast<nervure_actor_host*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// subscription.unsubscribe (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_subscriptionUnsubscribe(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_subscription_unsubscribe(reinterpret_cast<nervure_subscription*>(self), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// subscription.drain (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_subscriptionDrain(JNIEnv* env, jclass, jlong self, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_subscription_drain(reinterpret_cast<nervure_subscription*>(self), static_cast<int64_t>(a_timeout), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// subscription.auto_unsubscribe (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_subscriptionAutoUnsubscribe(JNIEnv* env, jclass, jlong self, jlong a_maxMsgs) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_subscription_auto_unsubscribe(reinterpret_cast<nervure_subscription*>(self), static_cast<int64_t>(a_maxMsgs), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// subscription.set_pending_limits (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_subscriptionSetPendingLimits(JNIEnv* env, jclass, jlong self, jlong a_msgsLimit, jlong a_bytesLimit) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_subscription_set_pending_limits(reinterpret_cast<nervure_subscription*>(self), static_cast<int64_t>(a_msgsLimit), static_cast<int64_t>(a_bytesLimit), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// subscription.pending (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_subscriptionPending(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int64_t out = 0;
    nervure_status status = nervure_subscription_pending(reinterpret_cast<nervure_subscription*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// subscription.pending_bytes (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_subscriptionPendingBytes(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int64_t out = 0;
    nervure_status status = nervure_subscription_pending_bytes(reinterpret_cast<nervure_subscription*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// subscription.dropped (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_subscriptionDropped(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int64_t out = 0;
    nervure_status status = nervure_subscription_dropped(reinterpret_cast<nervure_subscription*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// subscription.delivered (call)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_subscriptionDelivered(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    int64_t out = 0;
    nervure_status status = nervure_subscription_delivered(reinterpret_cast<nervure_subscription*>(self), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.account_info (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamAccountInfo(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_account_info(reinterpret_cast<nervure_jetstream*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.add_stream (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamAddStream(JNIEnv* env, jclass, jlong self, jstring a_config) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_config_c(env, a_config);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_add_stream(reinterpret_cast<nervure_jetstream*>(self), a_config_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.update_stream (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamUpdateStream(JNIEnv* env, jclass, jlong self, jstring a_config) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_config_c(env, a_config);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_update_stream(reinterpret_cast<nervure_jetstream*>(self), a_config_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.stream_info (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamStreamInfo(JNIEnv* env, jclass, jlong self, jstring a_name) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_stream_info(reinterpret_cast<nervure_jetstream*>(self), a_name_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.delete_stream (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamDeleteStream(JNIEnv* env, jclass, jlong self, jstring a_name) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure_status status = nervure_jetstream_delete_stream(reinterpret_cast<nervure_jetstream*>(self), a_name_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.purge_stream (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamPurgeStream(JNIEnv* env, jclass, jlong self, jstring a_name, jstring a_subject, jlong a_keep, jlong a_upToSeq) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_name_c(env, a_name);
    nervure::jni::Utf a_subject_c(env, a_subject);
    int64_t out = 0;
    nervure_status status = nervure_jetstream_purge_stream(reinterpret_cast<nervure_jetstream*>(self), a_name_c.get(), a_subject_c.get(), static_cast<int64_t>(a_keep), static_cast<int64_t>(a_upToSeq), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.stream_names (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamStreamNames(JNIEnv* env, jclass, jlong self, jstring a_subject) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_stream_names(reinterpret_cast<nervure_jetstream*>(self), a_subject_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.streams (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamStreams(JNIEnv* env, jclass, jlong self, jstring a_subject) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_streams(reinterpret_cast<nervure_jetstream*>(self), a_subject_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.get_msg (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamGetMsg(JNIEnv* env, jclass, jlong self, jstring a_stream, jlong a_seq, jstring a_lastBySubject) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_lastBySubject_c(env, a_lastBySubject);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_get_msg(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), static_cast<int64_t>(a_seq), a_lastBySubject_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.delete_msg (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamDeleteMsg(JNIEnv* env, jclass, jlong self, jstring a_stream, jlong a_seq, jboolean a_erase) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure_status status = nervure_jetstream_delete_msg(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), static_cast<int64_t>(a_seq), a_erase ? 1 : 0, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.publish (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamPublish(JNIEnv* env, jclass, jlong self, jstring a_subject, jbyteArray a_data, jobjectArray a_headers, jstring a_msgId, jstring a_expectedStream, jlong a_expectedLastSeq, jlong a_expectedLastSubjectSeq, jstring a_expectedLastMsgId, jlong a_ttl, jlong a_timeout, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure::jni::Headers a_headers_c(env, a_headers);
    nervure::jni::Utf a_msgId_c(env, a_msgId);
    nervure::jni::Utf a_expectedStream_c(env, a_expectedStream);
    nervure::jni::Utf a_expectedLastMsgId_c(env, a_expectedLastMsgId);
    nervure_status status = nervure_jetstream_publish(reinterpret_cast<nervure_jetstream*>(self), a_subject_c.get(), a_data_c.data(), a_data_c.size(), a_headers_c.get(), a_msgId_c.get(), a_expectedStream_c.get(), static_cast<int64_t>(a_expectedLastSeq), static_cast<int64_t>(a_expectedLastSubjectSeq), a_expectedLastMsgId_c.get(), static_cast<int64_t>(a_ttl), static_cast<int64_t>(a_timeout), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.publish, blocking: waits in native code for the completion
JNIEXPORT jbyteArray JNICALL Java_io_nervure_internal_NativeOps_jetstreamPublishSync(JNIEnv* env, jclass, jlong self, jstring a_subject, jbyteArray a_data, jobjectArray a_headers, jstring a_msgId, jstring a_expectedStream, jlong a_expectedLastSeq, jlong a_expectedLastSubjectSeq, jstring a_expectedLastMsgId, jlong a_ttl, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_subject_c(env, a_subject);
    nervure::jni::Bytes a_data_c(env, a_data);
    nervure::jni::Headers a_headers_c(env, a_headers);
    nervure::jni::Utf a_msgId_c(env, a_msgId);
    nervure::jni::Utf a_expectedStream_c(env, a_expectedStream);
    nervure::jni::Utf a_expectedLastMsgId_c(env, a_expectedLastMsgId);
    nervure::jni::Waiter waiter;
    nervure_status status = nervure_jetstream_publish(reinterpret_cast<nervure_jetstream*>(self), a_subject_c.get(), a_data_c.data(), a_data_c.size(), a_headers_c.get(), a_msgId_c.get(), a_expectedStream_c.get(), static_cast<int64_t>(a_expectedLastSeq), static_cast<int64_t>(a_expectedLastSubjectSeq), a_expectedLastMsgId_c.get(), static_cast<int64_t>(a_ttl), static_cast<int64_t>(a_timeout), &nervure::jni::Waiter::done, &waiter, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    waiter.started();
    return waiter.finish(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.publish_async_complete (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamPublishAsyncComplete(JNIEnv* env, jclass, jlong self, jlong a_timeout) {
  try {
    char* error = nullptr;
    nervure_status status = nervure_jetstream_publish_async_complete(reinterpret_cast<nervure_jetstream*>(self), static_cast<int64_t>(a_timeout), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.add_consumer (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamAddConsumer(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_config) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_config_c(env, a_config);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_add_consumer(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_config_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.update_consumer (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamUpdateConsumer(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_config) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_config_c(env, a_config);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_update_consumer(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_config_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.consumer_info (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamConsumerInfo(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_consumer) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_consumer_c(env, a_consumer);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_consumer_info(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_consumer_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.delete_consumer (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamDeleteConsumer(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_consumer) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_consumer_c(env, a_consumer);
    nervure_status status = nervure_jetstream_delete_consumer(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_consumer_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.consumer_names (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamConsumerNames(JNIEnv* env, jclass, jlong self, jstring a_stream) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_consumer_names(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.fetch (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamFetch(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_consumer, jlong a_batch, jlong a_expires, jboolean a_noWait) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_consumer_c(env, a_consumer);
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_jetstream_fetch(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_consumer_c.get(), static_cast<int64_t>(a_batch), static_cast<int64_t>(a_expires), a_noWait ? 1 : 0, &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.consume (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamConsume(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_consumer, jlong a_maxMessages, jlong a_expires, jlong a_idleHeartbeat) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_consumer_c(env, a_consumer);
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_jetstream_consume(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_consumer_c.get(), static_cast<int64_t>(a_maxMessages), static_cast<int64_t>(a_expires), static_cast<int64_t>(a_idleHeartbeat), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.ordered_consumer (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamOrderedConsumer(JNIEnv* env, jclass, jlong self, jstring a_stream, jstring a_filterSubject, jstring a_deliverPolicy, jlong a_optStartSeq) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_stream_c(env, a_stream);
    nervure::jni::Utf a_filterSubject_c(env, a_filterSubject);
    nervure::jni::Utf a_deliverPolicy_c(env, a_deliverPolicy);
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_jetstream_ordered_consumer(reinterpret_cast<nervure_jetstream*>(self), a_stream_c.get(), a_filterSubject_c.get(), a_deliverPolicy_c.get(), static_cast<int64_t>(a_optStartSeq), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.ack (call)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamAck(JNIEnv* env, jclass, jlong self, jstring a_reply, jstring a_kind, jlong a_delay, jstring a_reason) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_reply_c(env, a_reply);
    nervure::jni::Utf a_kind_c(env, a_kind);
    nervure::jni::Utf a_reason_c(env, a_reason);
    nervure_status status = nervure_jetstream_ack(reinterpret_cast<nervure_jetstream*>(self), a_reply_c.get(), a_kind_c.get(), static_cast<int64_t>(a_delay), a_reason_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.ack_sync (async)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamAckSync(JNIEnv* env, jclass, jlong self, jstring a_reply, jlong a_timeout, jlong token) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_reply_c(env, a_reply);
    nervure_status status = nervure_jetstream_ack_sync(reinterpret_cast<nervure_jetstream*>(self), a_reply_c.get(), static_cast<int64_t>(a_timeout), nullptr, reinterpret_cast<void*>(static_cast<intptr_t>(token)), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.metadata (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamMetadata(JNIEnv* env, jclass, jlong self, jstring a_reply) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_reply_c(env, a_reply);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_metadata(reinterpret_cast<nervure_jetstream*>(self), a_reply_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// jetstream.create_key_value (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamCreateKeyValue(JNIEnv* env, jclass, jlong self, jstring a_config) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_config_c(env, a_config);
    nervure_key_value* out = nullptr;
    nervure_status status = nervure_jetstream_create_key_value(reinterpret_cast<nervure_jetstream*>(self), a_config_c.get(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.key_value (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_jetstreamKeyValue(JNIEnv* env, jclass, jlong self, jstring a_bucket) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_bucket_c(env, a_bucket);
    nervure_key_value* out = nullptr;
    nervure_status status = nervure_jetstream_key_value(reinterpret_cast<nervure_jetstream*>(self), a_bucket_c.get(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// jetstream.delete_key_value (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_jetstreamDeleteKeyValue(JNIEnv* env, jclass, jlong self, jstring a_bucket) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_bucket_c(env, a_bucket);
    nervure_status status = nervure_jetstream_delete_key_value(reinterpret_cast<nervure_jetstream*>(self), a_bucket_c.get(), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// jetstream.key_value_names (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_jetstreamKeyValueNames(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_jetstream_key_value_names(reinterpret_cast<nervure_jetstream*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// key_value.bucket (call)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_keyValueBucket(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_key_value_bucket(reinterpret_cast<nervure_key_value*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// key_value.put (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_keyValuePut(JNIEnv* env, jclass, jlong self, jstring a_key, jbyteArray a_value) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::Bytes a_value_c(env, a_value);
    uint64_t out = 0;
    nervure_status status = nervure_key_value_put(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), a_value_c.data(), a_value_c.size(), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// key_value.get (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_keyValueGet(JNIEnv* env, jclass, jlong self, jstring a_key, jlong a_revision) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_key_value_get(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), static_cast<int64_t>(a_revision), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// key_value.create (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_keyValueCreate(JNIEnv* env, jclass, jlong self, jstring a_key, jbyteArray a_value, jlong a_ttl) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::Bytes a_value_c(env, a_value);
    uint64_t out = 0;
    nervure_status status = nervure_key_value_create(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), a_value_c.data(), a_value_c.size(), static_cast<int64_t>(a_ttl), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// key_value.update (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_keyValueUpdate(JNIEnv* env, jclass, jlong self, jstring a_key, jbyteArray a_value, jlong a_lastRevision) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::Bytes a_value_c(env, a_value);
    uint64_t out = 0;
    nervure_status status = nervure_key_value_update(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), a_value_c.data(), a_value_c.size(), static_cast<uint64_t>(a_lastRevision), &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return static_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// key_value.delete (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_keyValueDelete(JNIEnv* env, jclass, jlong self, jstring a_key, jlong a_lastRevision) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure_status status = nervure_key_value_delete(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), static_cast<int64_t>(a_lastRevision), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// key_value.purge (blocking)
JNIEXPORT void JNICALL Java_io_nervure_internal_NativeOps_keyValuePurge(JNIEnv* env, jclass, jlong self, jstring a_key, jlong a_ttl) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure_status status = nervure_key_value_purge(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), static_cast<int64_t>(a_ttl), &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return; }
  } catch (...) {
    nervure::jni::throw_current(env);
  }
}

// key_value.keys (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_keyValueKeys(JNIEnv* env, jclass, jlong self, jstring a_filter) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_filter_c(env, a_filter);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_key_value_keys(reinterpret_cast<nervure_key_value*>(self), a_filter_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// key_value.history (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_keyValueHistory(JNIEnv* env, jclass, jlong self, jstring a_key) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_key_c(env, a_key);
    nervure::jni::OwnedText out;
    nervure_status status = nervure_key_value_history(reinterpret_cast<nervure_key_value*>(self), a_key_c.get(), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

// key_value.watch (blocking)
JNIEXPORT jlong JNICALL Java_io_nervure_internal_NativeOps_keyValueWatch(JNIEnv* env, jclass, jlong self, jstring a_keys, jboolean a_includeHistory, jboolean a_ignoreDeletes, jboolean a_metaOnly, jboolean a_updatesOnly) {
  try {
    char* error = nullptr;
    nervure::jni::Utf a_keys_c(env, a_keys);
    nervure_subscription* out = nullptr;
    nervure_status status = nervure_key_value_watch(reinterpret_cast<nervure_key_value*>(self), a_keys_c.get(), a_includeHistory ? 1 : 0, a_ignoreDeletes ? 1 : 0, a_metaOnly ? 1 : 0, a_updatesOnly ? 1 : 0, &out, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return 0; }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return 0;
}

// key_value.status (blocking)
JNIEXPORT jstring JNICALL Java_io_nervure_internal_NativeOps_keyValueStatus(JNIEnv* env, jclass, jlong self) {
  try {
    char* error = nullptr;
    nervure::jni::OwnedText out;
    nervure_status status = nervure_key_value_status(reinterpret_cast<nervure_key_value*>(self), &out.ptr, &error);
    if (status != NERVURE_OK) { nervure::jni::throw_status(env, status, error); return nullptr; }
    return out.to_java(env);
  } catch (...) {
    nervure::jni::throw_current(env);
  }
  return nullptr;
}

}  // extern "C"

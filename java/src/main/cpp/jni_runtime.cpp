// The hand-written natives: loading, options, connect, take (completions,
// events, ready subscriptions in one crossing) and polling message batches.
#include <exception>
#include <new>
#include <stdexcept>
#include <string>

#include "jni_support.hpp"

namespace {
JavaVM* g_vm = nullptr;
jclass g_wakeup = nullptr;
jmethodID g_wakeup_ctor = nullptr;
jclass g_object = nullptr;
jclass g_string = nullptr;
}  // namespace

namespace nervure::jni {

jclass global_class(JNIEnv* env, const char* name) {
  jclass local = env->FindClass(name);
  if (!local) return nullptr;
  auto global = static_cast<jclass>(env->NewGlobalRef(local));
  env->DeleteLocalRef(local);
  return global;
}

void throw_status(JNIEnv* env, nervure_status status, char* error) {
  if (!env->ExceptionCheck()) {
    jthrowable t = make_error(env, static_cast<int>(status), error, LastErrorFields{});
    if (t) {
      env->Throw(t);
      env->DeleteLocalRef(t);
    }
  }
  nervure_free_string(error);
}

void throw_current(JNIEnv* env) {
  if (env->ExceptionCheck()) return;
  const char* text = "unexpected native failure";
  try {
    throw;
  } catch (const std::bad_alloc&) {
    text = "out of native memory";
  } catch (const std::exception& e) {
    text = e.what();
  } catch (...) {
  }
  jthrowable t = make_error(env, NERVURE_ERROR, text, SnapshotFields{});
  if (t) env->Throw(t);
}

jlongArray long_array(JNIEnv* env, const jlong* values, jsize n) {
  jlongArray a = env->NewLongArray(n);
  if (a) env->SetLongArrayRegion(a, 0, n, values);
  return a;
}

Headers::Headers(JNIEnv* env, jobjectArray kv) {
  if (!kv) return;
  const jsize n = env->GetArrayLength(kv);
  if (n < 2) return;
  char* error = nullptr;
  if (nervure_headers_create(&h_, &error) != NERVURE_OK) {
    nervure_free_string(error);
    throw std::runtime_error("cannot create headers");
  }
  for (jsize i = 0; i + 1 < n; i += 2) {
    auto k = static_cast<jstring>(env->GetObjectArrayElement(kv, i));
    auto v = static_cast<jstring>(env->GetObjectArrayElement(kv, i + 1));
    {
      Utf key(env, k);
      Utf value(env, v);
      nervure_status st = nervure_headers_add(h_, key.get() ? key.get() : "", value.get() ? value.get() : "", &error);
      if (st != NERVURE_OK) {
        std::string text = error ? error : "bad header";
        nervure_free_string(error);
        env->DeleteLocalRef(k);
        env->DeleteLocalRef(v);
        throw std::invalid_argument(text);
      }
    }
    env->DeleteLocalRef(k);
    env->DeleteLocalRef(v);
  }
}

Waiter::~Waiter() {
  if (started_) wait();
  nervure_message_batch_destroy(&reply_);
}

void Waiter::done(void* self, nervure_completion* completion) {
  auto* w = static_cast<Waiter*>(self);
  std::lock_guard lock(w->mu_);
  w->status_ = nervure_completion_status(completion);
  if (w->status_ != NERVURE_OK) {
    const char* text = nervure_completion_error(completion);
    w->has_error_text_ = text != nullptr;
    if (text) w->error_ = text;
    capture_error_fields(completion, w->fields_);
  } else {
    w->reply_ = nervure_completion_take_reply(completion);
  }
  w->done_ = true;
  __atomic_store_n(&w->polled_done_, 1, __ATOMIC_RELEASE);
  w->cv_.notify_one();
}

void Waiter::wait() {
  // Replies come about a round trip later: poll for one (reading the sockets)
  // before sleeping, within the core's default request spin.
  constexpr int64_t kPollBudgetUs = 200;
  nervure_poll_until_done(&polled_done_, kPollBudgetUs);
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return done_; });
}

jbyteArray Waiter::finish(JNIEnv* env) {
  wait();
  started_ = false;
  if (status_ != NERVURE_OK) {
    jthrowable t = make_error(env, static_cast<int>(status_), has_error_text_ ? error_.c_str() : nullptr, fields_);
    if (t) env->Throw(t);
    return nullptr;
  }
  if (!reply_) return nullptr;
  return encode_message(env, reply_);
}

void utf16_to_utf8(const jchar* s, jsize n, std::vector<char>& out) {
  out.clear();
  out.reserve(static_cast<size_t>(n) * 3 + 1);
  for (jsize i = 0; i < n; ++i) {
    uint32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;  // a lone surrogate
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  out.push_back('\0');
}

jstring new_string(JNIEnv* env, const char* utf8) {
  if (!utf8) utf8 = "";
  const auto* p = reinterpret_cast<const unsigned char*>(utf8);
  bool plain = true;
  for (const unsigned char* q = p; *q; ++q) {
    if (*q >= 0xF0) {  // a 4-byte sequence: JNI's modified UTF-8 spells it differently
      plain = false;
      break;
    }
  }
  if (plain) return env->NewStringUTF(utf8);
  std::vector<jchar> u;
  while (*p) {
    uint32_t c = *p;
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (extra) c &= (0x3F >> extra);
    ++p;
    for (int k = 0; k < extra && (*p & 0xC0) == 0x80; ++k, ++p) c = (c << 6) | (*p & 0x3F);
    if (c >= 0x10000) {
      c -= 0x10000;
      u.push_back(static_cast<jchar>(0xD800 + (c >> 10)));
      u.push_back(static_cast<jchar>(0xDC00 + (c & 0x3FF)));
    } else {
      u.push_back(static_cast<jchar>(c));
    }
  }
  return env->NewString(u.data(), static_cast<jsize>(u.size()));
}

jstring OwnedText::to_java(JNIEnv* env) const { return new_string(env, ptr); }

jbyteArray OwnedText::to_bytes(JNIEnv* env) const {
  jbyteArray a = env->NewByteArray(static_cast<jsize>(len));
  if (a && len) env->SetByteArrayRegion(a, 0, static_cast<jsize>(len), reinterpret_cast<const jbyte*>(ptr));
  return a;
}

}  // namespace nervure::jni

using namespace nervure::jni;

#define NATIVE(ret, name) extern "C" JNIEXPORT ret JNICALL Java_io_nervure_internal_NativeOps_##name

extern "C" JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  g_vm = vm;
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) != JNI_OK) return JNI_ERR;
  if (!init_errors(env)) return JNI_ERR;
  g_wakeup = global_class(env, "io/nervure/internal/Wakeup");
  g_object = global_class(env, "java/lang/Object");
  g_string = global_class(env, "java/lang/String");
  if (!g_wakeup || !g_object || !g_string) return JNI_ERR;
  g_wakeup_ctor = env->GetMethodID(g_wakeup, "<init>", "([J[Ljava/lang/Object;[J[I[Ljava/lang/String;)V");
  if (!g_wakeup_ctor) return JNI_ERR;
  return JNI_VERSION_1_8;
}

extern "C" JNIEXPORT void JNICALL JNI_OnUnload(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) != JNI_OK) return;
  release_errors(env);
  for (jclass* c : {&g_wakeup, &g_object, &g_string}) {
    if (*c) env->DeleteGlobalRef(*c);
    *c = nullptr;
  }
}

NATIVE(jstring, version)(JNIEnv* env, jclass) { return env->NewStringUTF(nervure_version()); }

NATIVE(jlong, optionsCreate)(JNIEnv* env, jclass) {
  try {
    char* error = nullptr;
    nervure_options* out = nullptr;
    nervure_status st = nervure_options_create(&out, &error);
    if (st != NERVURE_OK) {
      throw_status(env, st, error);
      return 0;
    }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    throw_current(env);
  }
  return 0;
}

NATIVE(void, optionsDestroy)(JNIEnv*, jclass, jlong options) {
  auto* o = reinterpret_cast<nervure_options*>(options);
  nervure_options_destroy(&o);
}

NATIVE(void, optionsAddServer)(JNIEnv* env, jclass, jlong options, jstring url) {
  try {
    Utf u(env, url);
    char* error = nullptr;
    nervure_status st = nervure_options_add_server(reinterpret_cast<nervure_options*>(options), u.get(), &error);
    if (st != NERVURE_OK) throw_status(env, st, error);
  } catch (...) {
    throw_current(env);
  }
}

NATIVE(jlong, connect)(JNIEnv* env, jclass, jlong options) {
  try {
    char* error = nullptr;
    nervure_connection* out = nullptr;
    nervure_status st = nervure_connect(reinterpret_cast<const nervure_options*>(options), &out, &error);
    if (st != NERVURE_OK) {
      throw_status(env, st, error);
      return 0;
    }
    return reinterpret_cast<jlong>(out);
  } catch (...) {
    throw_current(env);
  }
  return 0;
}

NATIVE(void, connectionDestroy)(JNIEnv*, jclass, jlong connection) {
  auto* c = reinterpret_cast<nervure_connection*>(connection);
  nervure_connection_destroy(&c);
}

NATIVE(void, connectionCancel)(JNIEnv*, jclass, jlong connection, jlong token) {
  nervure_connection_cancel(reinterpret_cast<nervure_connection*>(connection),
                            reinterpret_cast<void*>(static_cast<intptr_t>(token)));
}

// Everything queued for the connection, in one crossing: completions (token
// and result: null, an encoded reply batch, or the exception), ready
// subscription ids and events. Null when nothing came within waitMs.
NATIVE(jobject, take)(JNIEnv* env, jclass, jlong connection, jlong wait_ms) {
  nervure_wakeup* w = nullptr;
  try {
    char* error = nullptr;
    nervure_status st =
        nervure_connection_take(reinterpret_cast<nervure_connection*>(connection), wait_ms, &w, &error);
    if (st != NERVURE_OK) {
      throw_status(env, st, error);
      return nullptr;
    }
    const size_t nc = nervure_wakeup_completion_count(w);
    const size_t nr = nervure_wakeup_ready_count(w);
    const size_t ne = nervure_wakeup_event_count(w);
    if (nc + nr + ne == 0) {
      nervure_wakeup_destroy(&w);
      return nullptr;
    }
    jlongArray tokens = env->NewLongArray(static_cast<jsize>(nc));
    jobjectArray results = env->NewObjectArray(static_cast<jsize>(nc), g_object, nullptr);
    jlongArray ready = env->NewLongArray(static_cast<jsize>(nr));
    jintArray codes = env->NewIntArray(static_cast<jsize>(ne));
    jobjectArray details = env->NewObjectArray(static_cast<jsize>(ne), g_string, nullptr);
    if (!tokens || !results || !ready || !codes || !details) {
      nervure_wakeup_destroy(&w);
      return nullptr;
    }
    for (size_t i = 0; i < nc; ++i) {
      nervure_completion* c = nervure_wakeup_completion(w, i);
      const jlong token = static_cast<jlong>(reinterpret_cast<intptr_t>(nervure_completion_user_data(c)));
      env->SetLongArrayRegion(tokens, static_cast<jsize>(i), 1, &token);
      // One local frame per completion: however many a wakeup holds, the
      // local references of building each result never pile up.
      if (env->PushLocalFrame(16) != 0) break;
      jobject result = nullptr;
      const nervure_status cs = nervure_completion_status(c);
      if (cs == NERVURE_OK) {
        nervure_message_batch* reply = nervure_completion_take_reply(c);
        if (reply) {
          result = encode_message(env, reply);
          nervure_message_batch_destroy(&reply);
        }
      } else {
        result = make_error(env, static_cast<int>(cs), nervure_completion_error(c), CompletionFields(c));
      }
      result = env->PopLocalFrame(result);
      if (env->ExceptionCheck()) break;
      if (result) {
        env->SetObjectArrayElement(results, static_cast<jsize>(i), result);
        env->DeleteLocalRef(result);
      }
    }
    for (size_t i = 0; i < nr; ++i) {
      const jlong id = static_cast<jlong>(nervure_wakeup_ready_id(w, i));
      env->SetLongArrayRegion(ready, static_cast<jsize>(i), 1, &id);
    }
    for (size_t i = 0; i < ne && !env->ExceptionCheck(); ++i) {
      const char* detail = nullptr;
      const jint code = static_cast<jint>(nervure_wakeup_event(w, i, &detail));
      env->SetIntArrayRegion(codes, static_cast<jsize>(i), 1, &code);
      jstring d = new_string(env, detail);
      if (d) {
        env->SetObjectArrayElement(details, static_cast<jsize>(i), d);
        env->DeleteLocalRef(d);
      }
    }
    nervure_wakeup_destroy(&w);
    if (env->ExceptionCheck()) return nullptr;
    return env->NewObject(g_wakeup, g_wakeup_ctor, tokens, results, ready, codes, details);
  } catch (...) {
    nervure_wakeup_destroy(&w);
    throw_current(env);
  }
  return nullptr;
}

NATIVE(void, subscriptionDestroy)(JNIEnv*, jclass, jlong subscription) {
  auto* s = reinterpret_cast<nervure_subscription*>(subscription);
  nervure_subscription_destroy(&s);
}

NATIVE(jlong, subscriptionId)(JNIEnv*, jclass, jlong subscription) {
  return static_cast<jlong>(nervure_subscription_id(reinterpret_cast<nervure_subscription*>(subscription)));
}

NATIVE(jboolean, subscriptionEnded)(JNIEnv*, jclass, jlong subscription) {
  return nervure_subscription_ended(reinterpret_cast<nervure_subscription*>(subscription)) ? JNI_TRUE : JNI_FALSE;
}

// Up to max messages in one encoded batch (Records.decodeMessage), waiting up
// to waitMs for the first; null when none came.
NATIVE(jbyteArray, subscriptionPoll)(JNIEnv* env, jclass, jlong subscription, jint max, jlong wait_ms) {
  nervure_message_batch* batch = nullptr;
  try {
    char* error = nullptr;
    nervure_status st = nervure_subscription_poll(reinterpret_cast<nervure_subscription*>(subscription),
                                                  static_cast<size_t>(max), wait_ms, &batch, &error);
    if (st != NERVURE_OK) {
      throw_status(env, st, error);
      return nullptr;
    }
    jbyteArray out = nullptr;
    if (nervure_message_batch_count(batch) > 0) out = encode_message(env, batch);
    nervure_message_batch_destroy(&batch);
    return out;
  } catch (...) {
    nervure_message_batch_destroy(&batch);
    throw_current(env);
  }
  return nullptr;
}

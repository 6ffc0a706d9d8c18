// Helpers shared by the generated JNI glue (nervure_jni.generated.cpp) and the
// hand-written runtime natives (jni_runtime.cpp): argument conversion without
// heap allocation for small values, owned results, batch encoding, errors.
#pragma once

#include <jni.h>

#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "nervure.h"

namespace nervure::jni {

// A global reference to a class, or null with a pending NoClassDefFoundError.
jclass global_class(JNIEnv* env, const char* name);

// The structured fields of an error (JetStreamApiError.code...), wherever they live.
struct ErrorFields {
  virtual ~ErrorFields() = default;
  virtual bool get_int(const char* name, int64_t* out) const = 0;
  virtual const char* get_text(const char* name) const = 0;
};

// Of the last failing call on this thread.
struct LastErrorFields final : ErrorFields {
  bool get_int(const char* name, int64_t* out) const override { return nervure_last_error_int(name, out) != 0; }
  const char* get_text(const char* name) const override { return nervure_last_error_text(name); }
};

// Of a completion, while it is valid.
struct CompletionFields final : ErrorFields {
  explicit CompletionFields(const nervure_completion* c) : c(c) {}
  bool get_int(const char* name, int64_t* out) const override {
    return nervure_completion_error_int(c, name, out) != 0;
  }
  const char* get_text(const char* name) const override { return nervure_completion_error_text(c, name); }
  const nervure_completion* c;
};

// Copied out of a completion (which is valid only during its callback).
struct SnapshotFields final : ErrorFields {
  bool get_int(const char* name, int64_t* out) const override {
    for (const auto& [k, v] : ints)
      if (k == name) return *out = v, true;
    return false;
  }
  const char* get_text(const char* name) const override {
    for (const auto& [k, v] : texts)
      if (k == name) return v.c_str();
    return nullptr;
  }
  std::vector<std::pair<std::string, int64_t>> ints;
  std::vector<std::pair<std::string, std::string>> texts;
};

// Generated from the definition's errors (nervure_jni.generated.cpp).
bool init_errors(JNIEnv* env);
void release_errors(JNIEnv* env);
jthrowable make_error(JNIEnv* env, int status, const char* message, const ErrorFields& fields);
void capture_error_fields(const nervure_completion* completion, SnapshotFields& out);
jbyteArray encode_message(JNIEnv* env, const nervure_message_batch* batch);

// A blocking wait for one asynchronous operation, in native code: its
// completion callback (on a core thread) only copies the result and wakes the
// waiting Java thread; no Java code runs on the core thread. Used by the
// blocking variants of hot asynchronous operations (request).
class Waiter {
 public:
  Waiter() = default;
  Waiter(const Waiter&) = delete;
  Waiter& operator=(const Waiter&) = delete;
  ~Waiter();
  static void done(void* self, nervure_completion* completion);
  void started() { started_ = true; }
  // Waits, then returns the encoded reply (null when there is none) or throws.
  jbyteArray finish(JNIEnv* env);

 private:
  void wait();
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  int polled_done_ = 0;  // done_, for nervure_poll_until_done (written atomically)
  bool started_ = false;
  nervure_status status_ = NERVURE_OK;
  bool has_error_text_ = false;
  std::string error_;
  SnapshotFields fields_;
  nervure_message_batch* reply_ = nullptr;
};

// Throws the exception of a failed call (fields from the thread's last error)
// and frees the error text.
void throw_status(JNIEnv* env, nervure_status status, char* error);
// Inside catch (...): throws NervureException with the C++ exception's text,
// unless a Java exception is already pending.
void throw_current(JNIEnv* env);

jlongArray long_array(JNIEnv* env, const jlong* values, jsize n);

// Standard UTF-8 <-> Java strings. JNI's own "UTF" is modified UTF-8 (a
// character beyond U+FFFF as two 3-byte surrogates), which is not what the
// wire carries, so these convert properly when such characters occur.
jstring new_string(JNIEnv* env, const char* utf8);
void utf16_to_utf8(const jchar* s, jsize n, std::vector<char>& out);

// A Java string as UTF-8, on the stack when short and plain. Null stays null.
class Utf {
 public:
  Utf(JNIEnv* env, jstring s) {
    if (!s) return;
    const jsize chars = env->GetStringLength(s);
    const jsize n = env->GetStringUTFLength(s);
    char* dst = small_;
    if (static_cast<size_t>(n) >= sizeof(small_)) {
      big_.resize(static_cast<size_t>(n) + 1);
      dst = big_.data();
    }
    env->GetStringUTFRegion(s, 0, chars, dst);
    dst[n] = '\0';
    p_ = dst;
    // Non-ASCII with a surrogate (0xED lead byte) or an encoded NUL: re-encode from UTF-16.
    if (n != chars && (std::memchr(dst, 0xED, static_cast<size_t>(n)) || std::memchr(dst, 0xC0, static_cast<size_t>(n)))) {
      const jchar* u = env->GetStringChars(s, nullptr);
      if (!u) return;
      std::vector<char> out;
      utf16_to_utf8(u, chars, out);
      env->ReleaseStringChars(s, u);
      big_ = std::move(out);
      p_ = big_.data();
    }
  }
  Utf(const Utf&) = delete;
  Utf& operator=(const Utf&) = delete;
  const char* get() const { return p_; }

 private:
  char small_[256];
  std::vector<char> big_;
  const char* p_ = nullptr;
};

// A byte[] copied out of the Java heap (no critical region held while the core
// may block), on the stack when small. Null is empty.
class Bytes {
 public:
  Bytes(JNIEnv* env, jbyteArray a) {
    if (!a) return;
    n_ = static_cast<size_t>(env->GetArrayLength(a));
    if (n_ > sizeof(small_)) {
      big_.resize(n_);
      p_ = big_.data();
    }
    if (n_) env->GetByteArrayRegion(a, 0, static_cast<jsize>(n_), reinterpret_cast<jbyte*>(p_));
  }
  Bytes(const Bytes&) = delete;
  Bytes& operator=(const Bytes&) = delete;
  const void* data() const { return n_ ? p_ : nullptr; }
  size_t size() const { return n_; }

 private:
  char small_[2048];
  std::vector<char> big_;
  char* p_ = small_;
  size_t n_ = 0;
};

// Headers from alternating keys and values; null when the array is null or empty.
class Headers {
 public:
  Headers(JNIEnv* env, jobjectArray kv);
  ~Headers() { nervure_headers_destroy(&h_); }
  Headers(const Headers&) = delete;
  Headers& operator=(const Headers&) = delete;
  const nervure_headers* get() const { return h_; }

 private:
  nervure_headers* h_ = nullptr;
};

// A string or bytes the library handed out; freed with nervure_free_string.
struct OwnedText {
  char* ptr = nullptr;
  size_t len = 0;
  OwnedText() = default;
  OwnedText(const OwnedText&) = delete;
  OwnedText& operator=(const OwnedText&) = delete;
  ~OwnedText() { nervure_free_string(ptr); }
  jstring to_java(JNIEnv* env) const;
  jbyteArray to_bytes(JNIEnv* env) const;
};

// Little-endian encoding of batches (Records.java decodes).
class Encoder {
 public:
  Encoder() { buf_.reserve(4096); }
  void u32(uint32_t v) { put(&v, 4); }
  void i64(int64_t v) { put(&v, 8); }
  void str(const char* s) {
    const size_t n = s ? std::strlen(s) : 0;
    u32(static_cast<uint32_t>(n));
    put(s, n);
  }
  void bytes(const void* p, size_t n) {
    u32(static_cast<uint32_t>(n));
    put(p, n);
  }
  jbyteArray to_java(JNIEnv* env) const {
    jbyteArray a = env->NewByteArray(static_cast<jsize>(buf_.size()));
    if (a) env->SetByteArrayRegion(a, 0, static_cast<jsize>(buf_.size()), reinterpret_cast<const jbyte*>(buf_.data()));
    return a;
  }

 private:
  void put(const void* p, size_t n) {
    if (!n) return;
    const size_t at = buf_.size();
    buf_.resize(at + n);
    std::memcpy(buf_.data() + at, p, n);
  }
  std::vector<char> buf_;
};

}  // namespace nervure::jni

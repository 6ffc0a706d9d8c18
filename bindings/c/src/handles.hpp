#pragma once
// What the C ABI's opaque handles are, and the guard every entry point runs in
// so that no C++ exception ever reaches a C caller.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "bridge.hpp"
#include "nervure.h"
#include "ops.hpp"
#include "options.hpp"

struct nervure_options {
  nervure::Options options;
  bool servers_set = false;
};
struct nervure_headers {
  nervure::Headers headers;
};
struct nervure_completion {
  nervure::bridge::Completion value;
};
struct nervure_wakeup {
  std::vector<nervure_completion> completions;
  std::vector<uint64_t> ready;
  std::vector<nervure::bridge::EventRecord> events;
};
struct nervure_message_batch {
  std::vector<nervure::Message> items;
};

namespace nervure::cabi {

/// The last failure on this thread, for nervure_last_error_int/_text.
bridge::ErrorInfo& last_error();

inline char* copy_string(std::string_view s) noexcept {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

inline nervure_status fail(char** error, bridge::ErrorInfo info) noexcept {
  if (error) *error = copy_string(info.message);
  const auto status = static_cast<nervure_status>(info.code);
  last_error() = std::move(info);
  return status;
}

template <typename Fn>
nervure_status guard(char** error, Fn&& fn) noexcept {
  if (error) *error = nullptr;
  try {
    fn();
    return NERVURE_OK;
  } catch (...) {
    // Described here, not declared before the call: the success path (every
    // publish) then builds and destroys no ErrorInfo.
    return fail(error, bridge::describe(std::current_exception()));
  }
}

template <typename T>
void require(const T* p, const char* what) {
  if (!p) throw Error(ErrorCode::invalid_argument, std::string(what) + " must not be NULL");
}

inline std::string_view text(const char* s) { return s ? std::string_view(s) : std::string_view(); }
inline std::string_view bytes(const void* data, size_t len) {
  if (!data && len) throw Error(ErrorCode::invalid_argument, "data is NULL but its length is not 0");
  return data ? std::string_view(static_cast<const char*>(data), len) : std::string_view();
}
inline const Headers* headers(const nervure_headers* h) { return h ? &h->headers : nullptr; }

template <typename Batch>
auto item(const Batch* b, size_t i) -> const typename decltype(b->items)::value_type* {
  return b && i < b->items.size() ? &b->items[i] : nullptr;
}

/// A consumer polls and destroys a batch per turn. The last batch destroyed on
/// a thread is kept, emptied but with its storage, for that thread's next
/// poll: a steady flow then allocates neither the batch nor its vector.
template <typename Batch>
class BatchPool {
 public:
  static std::unique_ptr<Batch> take() {
    auto& kept = spare();
    return kept ? std::move(kept) : std::make_unique<Batch>();
  }
  static void give_back(Batch* batch) noexcept {
    if (!batch) return;
    batch->items.clear();
    auto& kept = spare();
    if (kept || batch->items.capacity() > kKeptCapacity) {
      delete batch;
      return;
    }
    kept.reset(batch);
  }

 private:
  static constexpr std::size_t kKeptCapacity = 4096;  // items; a burst's larger storage is given back
  static std::unique_ptr<Batch>& spare() noexcept {
    thread_local std::unique_ptr<Batch> kept;
    return kept;
  }
};

/// A C completion callback as the bridge's AsyncTarget; without one, the
/// completion waits in the inbox and user_data comes back as its token.
inline bridge::AsyncTarget async_target(nervure_completion_fn done, void* user_data) {
  bridge::AsyncTarget t;
  t.token = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(user_data));
  if (done) {
    t.direct = [done, user_data](bridge::Completion&& c) {
      nervure_completion completion{std::move(c)};
      done(user_data, &completion);
    };
  }
  return t;
}

inline void put(int* out, bool v) { *out = v ? 1 : 0; }
inline void put(int64_t* out, int64_t v) { *out = v; }
inline void put(uint64_t* out, uint64_t v) { *out = v; }
inline void put(char** out, const std::string& v) {
  *out = copy_string(v);
  if (!*out) throw std::bad_alloc();
}
// Bytes: NUL-terminated like a string (so nervure_free_string frees them), length apart.
inline void put(char** out, size_t* out_len, const std::string& v) {
  put(out, v);
  if (out_len) *out_len = v.size();
}

}  // namespace nervure::cabi

#include "handles.generated.hpp"  // one handle struct per object of the definition

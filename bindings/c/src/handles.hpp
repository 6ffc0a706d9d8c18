#pragma once
// What the C ABI's opaque handles are, and the guard every entry point runs in
// so that no C++ exception ever reaches a C caller.
#include <cstring>
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
struct nervure_connection {
  std::shared_ptr<nervure::bridge::Bridge> bridge;
};
struct nervure_subscription {
  std::shared_ptr<nervure::bridge::BridgeSubscription> sub;
};
struct nervure_headers {
  nervure::Headers headers;
};
struct nervure_wakeup {
  nervure::bridge::Batch batch;
};
struct nervure_message_batch {
  std::vector<nervure::Message> messages;
};

namespace nervure::cabi {

inline char* copy_string(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

template <typename Fn>
nervure_status guard(char** error, Fn&& fn) noexcept {
  if (error) *error = nullptr;
  try {
    fn();
    return NERVURE_OK;
  } catch (const Error& e) {
    if (error) *error = copy_string(e.what());
    return static_cast<nervure_status>(e.code());
  } catch (const std::bad_alloc&) {
    if (error) *error = copy_string("out of memory");
  } catch (const std::exception& e) {
    if (error) *error = copy_string(e.what());
  } catch (...) {
    if (error) *error = copy_string("unknown error");
  }
  return static_cast<nervure_status>(ErrorCode::nervure);
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

inline void put(int* out, bool v) { *out = v ? 1 : 0; }
inline void put(int64_t* out, int64_t v) { *out = v; }
inline void put(char** out, const std::string& v) {
  *out = copy_string(v);
  if (!*out) throw std::bad_alloc();
}
inline void put(nervure_stats* out, const Stats& s) {
  *out = nervure_stats{s.in_msgs, s.in_bytes, s.out_msgs, s.out_bytes, s.reconnects};
}
inline void put(nervure_subscription** out, std::shared_ptr<bridge::BridgeSubscription> s) {
  *out = new nervure_subscription{std::move(s)};
}

}  // namespace nervure::cabi

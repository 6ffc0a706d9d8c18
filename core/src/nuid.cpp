#include "nuid.hpp"

#include <openssl/rand.h>

#include <random>

namespace nervure::detail {
namespace {
constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr uint64_t kBase = 62;
constexpr uint64_t kMaxSeq = 839299365868340224ULL;  // 62^10
constexpr uint64_t kMinInc = 33, kMaxInc = 333;

uint64_t random_u64() {
  uint64_t v = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v) != 1) v = std::random_device{}();
  return v;
}
}  // namespace

Nuid::Nuid() {
  randomize_prefix();
  seq_ = random_u64() % kMaxSeq;
  inc_ = kMinInc + random_u64() % (kMaxInc - kMinInc);
}

void Nuid::randomize_prefix() {
  unsigned char bytes[sizeof prefix_];
  if (RAND_bytes(bytes, sizeof bytes) != 1)
    for (auto& b : bytes) b = static_cast<unsigned char>(random_u64());
  for (std::size_t i = 0; i < sizeof prefix_; ++i) prefix_[i] = kDigits[bytes[i] % kBase];
}

std::string Nuid::next() {
  std::string out(length, '0');
  uint64_t seq;
  {
    std::lock_guard lock(mu_);
    seq_ += inc_;
    if (seq_ >= kMaxSeq) {
      randomize_prefix();
      seq_ = random_u64() % kMaxSeq;
      inc_ = kMinInc + random_u64() % (kMaxInc - kMinInc);
    }
    seq = seq_;
    std::copy(prefix_, prefix_ + sizeof prefix_, out.begin());
  }
  for (std::size_t i = length; i > sizeof prefix_; --i) {
    out[i - 1] = kDigits[seq % kBase];
    seq /= kBase;
  }
  return out;
}

std::string next_nuid() {
  static Nuid global;
  return global.next();
}

}  // namespace nervure::detail

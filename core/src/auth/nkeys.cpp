#include "auth/nkeys.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "nervure/errors.hpp"

namespace nervure::auth {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr uint8_t kSeedPrefix = 18 << 3;  // 'S'
constexpr std::size_t kRawKey = 32;

[[noreturn]] void bad_seed(const char* why) {
  throw Error(ErrorCode::invalid_argument, std::string("invalid NKey seed: ") + why);
}

uint16_t crc16(const uint8_t* data, std::size_t n) {  // CRC-16/XMODEM
  uint16_t crc = 0;
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= static_cast<uint16_t>(data[i]) << 8;
    for (int b = 0; b < 8; ++b) crc = (crc & 0x8000) ? static_cast<uint16_t>((crc << 1) ^ 0x1021) : static_cast<uint16_t>(crc << 1);
  }
  return crc;
}

std::vector<uint8_t> base32_decode(std::string_view text) {
  std::vector<uint8_t> out;
  out.reserve(text.size() * 5 / 8);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const char* p = c ? std::char_traits<char>::find(kAlphabet, 32, c) : nullptr;
    if (!p) bad_seed("not base32");
    buffer = (buffer << 5) | static_cast<uint32_t>(p - kAlphabet);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<uint8_t>(buffer >> (bits - 8)));
      bits -= 8;
    }
  }
  return out;
}

std::string base32_encode(const std::vector<uint8_t>& data) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

struct DecodedSeed {
  uint8_t type_prefix;  // e.g. 20 << 3 for users
  std::array<uint8_t, kRawKey> raw;
  ~DecodedSeed() { OPENSSL_cleanse(raw.data(), raw.size()); }
};

// Seed layout: two bytes carrying 'S' and the key type, 32 raw bytes, CRC16 little-endian.
void decode_seed(std::string_view seed, DecodedSeed& out) {
  while (!seed.empty() && (seed.back() == '\n' || seed.back() == '\r' || seed.back() == ' ')) seed.remove_suffix(1);
  while (!seed.empty() && (seed.front() == ' ' || seed.front() == '\t')) seed.remove_prefix(1);
  std::vector<uint8_t> bytes = base32_decode(seed);
  struct Wipe {
    std::vector<uint8_t>& b;
    ~Wipe() { OPENSSL_cleanse(b.data(), b.size()); }
  } wipe_bytes{bytes};
  if (bytes.size() != 2 + kRawKey + 2) bad_seed("wrong length");
  const std::size_t body = bytes.size() - 2;
  const uint16_t expected = static_cast<uint16_t>(bytes[body] | (bytes[body + 1] << 8));
  if (crc16(bytes.data(), body) != expected) bad_seed("checksum mismatch");
  if ((bytes[0] & 0xF8) != kSeedPrefix) bad_seed("not a seed (expected it to start with 'S')");
  out.type_prefix = static_cast<uint8_t>(((bytes[0] & 0x07) << 5) | ((bytes[1] & 0xF8) >> 3));
  std::copy(bytes.begin() + 2, bytes.begin() + 2 + kRawKey, out.raw.begin());
}

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

PKey private_key(const DecodedSeed& seed) {
  PKey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.raw.data(), seed.raw.size()), EVP_PKEY_free);
  if (!key) bad_seed("not a valid Ed25519 key");
  return key;
}

std::string base64url(const unsigned char* data, std::size_t n) {
  static constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < n; i += 3) {
    uint32_t v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
  }
  if (n - i == 1) {
    uint32_t v = data[i] << 16;
    out += {kB64[v >> 18], kB64[(v >> 12) & 63]};
  } else if (n - i == 2) {
    uint32_t v = (data[i] << 16) | (data[i + 1] << 8);
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63]};
  }
  return out;
}

}  // namespace

std::string public_key_from_seed(std::string_view seed) {
  DecodedSeed decoded;
  decode_seed(seed, decoded);
  PKey key = private_key(decoded);
  std::vector<uint8_t> pub(1 + kRawKey);
  std::size_t len = kRawKey;
  if (EVP_PKEY_get_raw_public_key(key.get(), pub.data() + 1, &len) != 1 || len != kRawKey)
    bad_seed("cannot derive its public key");
  pub[0] = decoded.type_prefix;
  uint16_t crc = crc16(pub.data(), pub.size());
  pub.push_back(static_cast<uint8_t>(crc & 0xFF));
  pub.push_back(static_cast<uint8_t>(crc >> 8));
  return base32_encode(pub);
}

std::string sign_nonce(std::string_view seed, std::string_view nonce) {
  DecodedSeed decoded;
  decode_seed(seed, decoded);
  PKey key = private_key(decoded);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char sig[64];
  std::size_t sig_len = sizeof sig;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig, &sig_len, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size()) != 1)
    throw Error(ErrorCode::authorization, "could not sign the server's nonce with the NKey");
  return base64url(sig, sig_len);
}

void wipe(std::string& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

}  // namespace nervure::auth

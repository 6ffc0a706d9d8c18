#include "auth/nkeys.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

#include "nervure/errors.hpp"

namespace nervure::auth {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t kKeySize = 32;
// Seed: two prefix bytes, the raw key, CRC16. Public key: one prefix byte, the key, CRC16.
constexpr std::size_t kSeedBytes = 2 + kKeySize + 2;
constexpr std::size_t kSeedChars = (kSeedBytes * 8 + 4) / 5;
constexpr std::size_t kPublicBytes = 1 + kKeySize + 2;

constexpr uint8_t kSeedPrefix = 18 << 3;  // the 'S' every seed starts with

// Only these types are Ed25519 keys; curve ('X') seeds are X25519 and cannot sign.
bool is_signing_type(uint8_t prefix) {
  switch (prefix) {
    case 0:        // 'A' account
    case 2 << 3:   // 'C' cluster
    case 13 << 3:  // 'N' server
    case 14 << 3:  // 'O' operator
    case 20 << 3:  // 'U' user
      return true;
    default:
      return false;
  }
}

[[noreturn]] void bad_seed(const char* why) {
  throw Error(ErrorCode::invalid_argument, std::string("invalid NKey seed: ") + why);
}

// Fixed-size secret bytes, cleansed however the scope is left (exceptions included).
template <std::size_t N>
struct Secret {
  std::array<uint8_t, N> bytes{};
  Secret() = default;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  ~Secret() { OPENSSL_cleanse(bytes.data(), N); }
};

uint16_t crc16_xmodem(const uint8_t* data, std::size_t n) {
  uint16_t crc = 0;
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= static_cast<uint16_t>(data[i] << 8);
    for (int bit = 0; bit < 8; ++bit)
      crc = static_cast<uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  return crc;
}

int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view space = " \t\r\n";
  std::size_t first = s.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

struct DecodedSeed {
  uint8_t public_prefix = 0;
  Secret<kKeySize> key;
};

void decode_seed(std::string_view text, DecodedSeed& out) {
  text = trim(text);  // seeds are often read from files with a trailing newline
  if (text.size() != kSeedChars) bad_seed("wrong length");
  Secret<kSeedBytes> raw;
  uint32_t bits = 0;
  int nbits = 0;
  std::size_t n = 0;
  for (char c : text) {
    int v = base32_value(c);
    if (v < 0) bad_seed("not base32");
    bits = (bits << 5) | static_cast<uint32_t>(v);
    nbits += 5;
    if (nbits >= 8) {
      nbits -= 8;
      raw.bytes[n++] = static_cast<uint8_t>(bits >> nbits);
    }
  }
  // The last character's two low bits are padding; like nats-io/nkeys, ignore them.

  const std::size_t body = kSeedBytes - 2;
  const uint16_t crc = static_cast<uint16_t>(raw.bytes[body] | (raw.bytes[body + 1] << 8));
  if (crc16_xmodem(raw.bytes.data(), body) != crc) bad_seed("checksum mismatch");
  // The type's five high bits straddle the two prefix bytes so that both print
  // as letters: "SU" for a user, "SA" for an account.
  if ((raw.bytes[0] & 0xF8) != kSeedPrefix) bad_seed("not a seed (a seed starts with 'S')");
  const uint8_t type = static_cast<uint8_t>(((raw.bytes[0] & 0x07) << 5) | (raw.bytes[1] >> 3));
  if (!is_signing_type(type)) bad_seed("unsupported key type");
  out.public_prefix = type;
  std::copy(raw.bytes.begin() + 2, raw.bytes.begin() + 2 + kKeySize, out.key.bytes.begin());
}

std::string base32_encode(const uint8_t* data, std::size_t n) {
  std::string out;
  out.reserve((n * 8 + 4) / 5);
  uint32_t bits = 0;
  int nbits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bits = (bits << 8) | data[i];
    nbits += 8;
    while (nbits >= 5) {
      nbits -= 5;
      out.push_back(kBase32[(bits >> nbits) & 31]);
    }
  }
  if (nbits > 0) out.push_back(kBase32[(bits << (5 - nbits)) & 31]);
  return out;
}

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// EVP_PKEY_free cleanses the key copy OpenSSL keeps.
PKey signing_key(const DecodedSeed& seed) {
  PKey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.key.bytes.data(), kKeySize),
           EVP_PKEY_free);
  if (!key) bad_seed("not a usable Ed25519 key");
  return key;
}

// nats-server decodes CONNECT's "sig" as base64url without padding.
std::string base64url(const unsigned char* data, std::size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
  out.resize(static_cast<std::size_t>(len));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return out;
}

}  // namespace

std::string public_key_from_seed(std::string_view seed) {
  DecodedSeed decoded;
  decode_seed(seed, decoded);
  PKey key = signing_key(decoded);
  std::array<uint8_t, kPublicBytes> pub{};
  pub[0] = decoded.public_prefix;
  std::size_t len = kKeySize;
  if (EVP_PKEY_get_raw_public_key(key.get(), pub.data() + 1, &len) != 1 || len != kKeySize)
    bad_seed("cannot derive its public key");
  const uint16_t crc = crc16_xmodem(pub.data(), 1 + kKeySize);
  pub[1 + kKeySize] = static_cast<uint8_t>(crc & 0xFF);
  pub[2 + kKeySize] = static_cast<uint8_t>(crc >> 8);
  return base32_encode(pub.data(), pub.size());
}

std::string sign_nonce(std::string_view seed, std::string_view nonce) {
  DecodedSeed decoded;
  decode_seed(seed, decoded);
  PKey key = signing_key(decoded);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char sig[64];
  std::size_t sig_len = sizeof sig;
  // Ed25519 hashes internally, so it is a one-shot sign with no digest named.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig, &sig_len, reinterpret_cast<const unsigned char*>(nonce.data()),
                     nonce.size()) != 1)
    throw Error(ErrorCode::authorization, "could not sign the server's nonce with the NKey");
  return base64url(sig, sig_len);
}

void wipe(std::string& secret) {
  // Cover the whole capacity: bytes past size() may still hold secret text
  // from before the string was shortened (e.g. a stripped newline).
  secret.resize(secret.capacity());
  OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

}  // namespace nervure::auth

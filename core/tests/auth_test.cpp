// NKey seeds, nonce signatures and .creds files. The constant vectors were made
// once by an independent implementation (Python: stdlib base32, binascii.crc_hqx,
// the cryptography package's Ed25519); OpenSSL checks the rest here.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "auth/creds.hpp"
#include "auth/nkeys.hpp"
#include "nervure/errors.hpp"

using nervure::Error;
using nervure::ErrorCode;
using namespace nervure::auth;

namespace {

// Raw Ed25519 key sha256("nervure auth test vector") and its public half.
constexpr char kRawPublicHex[] = "be77e0a93d85ce5f3f20facede99164ac5797cf05a1e7bd21929465825a16787";

constexpr char kUserSeed[] = "SUAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI3PBM";
constexpr char kUserPublic[] = "UC7HPYFJHWC44XZ7ED5M5XUZCZFMK6L46BNB466SDEUUMWBFUFTYO7R6";
constexpr char kNonce[] = "PXoWU7zWAMt75FY";
constexpr char kNonceSig[] =
    "hSAgIfQ84ikbYBPUlgkrxh-7elYqyGX0jSI7U47yX0rufzyVWQd8qlddQr6gh8a3gUp9pEw65pTiVjEGoCTZAw";

// The same raw key under every Ed25519 key type: the type bits straddle the two
// prefix bytes differently for each.
struct TypedVector {
  const char* seed;
  const char* public_key;
};
constexpr TypedVector kTyped[] = {
    {"SAAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI44Y4", "AC7HPYFJHWC44XZ7ED5M5XUZCZFMK6L46BNB466SDEUUMWBFUFTYP3CB"},
    {"SCAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI46AE", "CC7HPYFJHWC44XZ7ED5M5XUZCZFMK6L46BNB466SDEUUMWBFUFTYOJA5"},
    {"SNAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI6TCA", "NC7HPYFJHWC44XZ7ED5M5XUZCZFMK6L46BNB466SDEUUMWBFUFTYOGNV"},
    {"SOAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI6QWU", "OC7HPYFJHWC44XZ7ED5M5XUZCZFMK6L46BNB466SDEUUMWBFUFTYPNOH"},
    {kUserSeed, kUserPublic},
};

// Well-formed (valid CRC) but unusable: a curve (X25519) seed, a seed with an
// undefined type, and a public user key's prefix on a seed-sized payload.
constexpr char kCurveSeed[] = "SXAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI3MVY";
constexpr char kUndefinedTypeSeed[] = "SBAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI45UQ";
constexpr char kNotASeed[] = "UAAKSSMTQJEPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNIYXGI";
// kUserSeed with one character changed.
constexpr char kBadCrcSeed[] = "SUAKSSMTQJBPCCNCT25CZQTRYRU4N5277FWPEJ54KYMNK7LGVTHJNI3PBM";

constexpr char kJwt[] =
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ."
    "eyJqdGkiOiJURVNUIiwic3ViIjoiVUM3SFBZRkoifQ."
    "c2lnbmF0dXJlLXBsYWNlaG9sZGVy";

std::vector<uint8_t> from_hex(std::string_view hex) {
  std::vector<uint8_t> out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

// Test-side NKey codec, written independently of the one under test, for keys
// OpenSSL generates at random.
uint16_t crc_xmodem(const std::vector<uint8_t>& data) {
  uint32_t crc = 0;
  for (uint8_t byte : data) {
    for (int bit = 7; bit >= 0; --bit) {
      bool top = (crc >> 15) ^ ((byte >> bit) & 1);
      crc = ((crc << 1) & 0xFFFF) ^ (top ? 0x1021 : 0);
    }
  }
  return static_cast<uint16_t>(crc);
}

std::string to_nkey(std::vector<uint8_t> payload) {
  uint16_t crc = crc_xmodem(payload);
  payload.push_back(crc & 0xFF);
  payload.push_back(crc >> 8);
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  for (std::size_t bit = 0; bit < payload.size() * 8; bit += 5) {
    int v = 0;
    for (std::size_t b = bit; b < bit + 5; ++b) {
      int value = b < payload.size() * 8 ? (payload[b / 8] >> (7 - b % 8)) & 1 : 0;
      v = (v << 1) | value;
    }
    out += alphabet[v];
  }
  return out;
}

std::vector<uint8_t> from_nkey(const std::string& text) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::vector<uint8_t> out((text.size() * 5) / 8, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto v = alphabet.find(text[i]);
    EXPECT_NE(v, std::string::npos) << text;
    for (int b = 0; b < 5; ++b) {
      std::size_t bit = i * 5 + b;
      if (bit / 8 < out.size() && ((v >> (4 - b)) & 1)) out[bit / 8] |= static_cast<uint8_t>(0x80 >> (bit % 8));
    }
  }
  if (out.size() < 3) {
    ADD_FAILURE() << "too short for an NKey: " << text;
    return {};
  }
  uint16_t crc = static_cast<uint16_t>(out[out.size() - 2] | (out.back() << 8));
  out.resize(out.size() - 2);
  EXPECT_EQ(crc, crc_xmodem(out)) << text;
  return out;
}

std::vector<uint8_t> from_base64url(std::string text) {
  for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
  EXPECT_EQ(text.find('='), std::string::npos) << "sig must not be padded";
  std::size_t pad = (4 - text.size() % 4) % 4;
  text.append(pad, '=');
  std::vector<uint8_t> out(text.size() / 4 * 3);
  int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  EXPECT_GE(n, 0);
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

bool verify(const std::vector<uint8_t>& raw_public, std::string_view message, const std::string& sig_b64url) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw_public.data(), raw_public.size()), EVP_PKEY_free);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::vector<uint8_t> sig = from_base64url(sig_b64url);
  return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

// Runs f, expecting Error with `code`; returns its message.
std::string error_of(ErrorCode code, const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no Error thrown";
  return {};
}

// True if any 12-character stretch of `secret` shows up in `message`.
bool leaks(const std::string& message, std::string_view secret) {
  constexpr std::size_t window = 12;
  if (secret.empty()) return false;
  if (secret.size() < window) return message.find(secret) != std::string::npos;
  for (std::size_t i = 0; i + window <= secret.size(); ++i)
    if (message.find(secret.substr(i, window)) != std::string::npos) return true;
  return false;
}

std::string seed_error(std::string_view seed) {
  std::string msg = error_of(ErrorCode::invalid_argument, [&] { public_key_from_seed(seed); });
  EXPECT_EQ(msg, error_of(ErrorCode::invalid_argument, [&] { sign_nonce(seed, kNonce); }));
  EXPECT_EQ(msg.rfind("invalid NKey seed: ", 0), 0u) << msg;
  EXPECT_FALSE(leaks(msg, seed)) << msg;
  return msg;
}

}  // namespace

TEST(NKeys, PublicKeyMatchesIndependentVectors) {
  for (const auto& v : kTyped) EXPECT_EQ(public_key_from_seed(v.seed), v.public_key) << v.seed;
}

TEST(NKeys, SignatureMatchesIndependentVector) {
  // Ed25519 is deterministic, so the bytes must match exactly.
  EXPECT_EQ(sign_nonce(kUserSeed, kNonce), kNonceSig);
  EXPECT_TRUE(verify(from_hex(kRawPublicHex), kNonce, sign_nonce(kUserSeed, kNonce)));
  EXPECT_FALSE(verify(from_hex(kRawPublicHex), "another nonce", kNonceSig));
}

TEST(NKeys, PublicKeyDecodesToTheRawKey) {
  std::vector<uint8_t> decoded = from_nkey(kUserPublic);
  ASSERT_EQ(decoded.size(), 33u);
  EXPECT_EQ(decoded[0], 20 << 3);
  EXPECT_EQ(std::vector<uint8_t>(decoded.begin() + 1, decoded.end()), from_hex(kRawPublicHex));
}

TEST(NKeys, SurroundingWhitespaceIsIgnored) {
  EXPECT_EQ(public_key_from_seed(std::string(" ") + kUserSeed + "\r\n"), kUserPublic);
  EXPECT_EQ(sign_nonce(std::string(kUserSeed) + "\n", kNonce), kNonceSig);
}

TEST(NKeys, RandomKeysRoundTripThroughOpenSsl) {
  for (int i = 0; i < 50; ++i) {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"),
                                                           EVP_PKEY_free);
    ASSERT_TRUE(key);
    std::array<uint8_t, 32> raw_private{};
    std::vector<uint8_t> raw_public(32);
    std::size_t len = raw_private.size();
    ASSERT_EQ(EVP_PKEY_get_raw_private_key(key.get(), raw_private.data(), &len), 1);
    len = raw_public.size();
    ASSERT_EQ(EVP_PKEY_get_raw_public_key(key.get(), raw_public.data(), &len), 1);

    std::vector<uint8_t> payload = {18 << 3 | (20 << 3) >> 5, ((20 << 3) & 31) << 3};
    payload.insert(payload.end(), raw_private.begin(), raw_private.end());
    std::string seed = to_nkey(payload);
    ASSERT_EQ(seed.substr(0, 2), "SU");

    std::vector<uint8_t> expected_public = {20 << 3};
    expected_public.insert(expected_public.end(), raw_public.begin(), raw_public.end());
    EXPECT_EQ(public_key_from_seed(seed), to_nkey(expected_public));

    // Binary nonces, including empty and NUL bytes, sign as given.
    std::string nonce(static_cast<std::size_t>(i), '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), static_cast<int>(nonce.size()));
    std::string sig = sign_nonce(seed, nonce);
    EXPECT_EQ(sig.size(), 86u);  // 64 bytes, unpadded
    EXPECT_EQ(sig.find_first_of("+/="), std::string::npos) << sig;
    EXPECT_TRUE(verify(raw_public, nonce, sig));
  }
}

TEST(NKeys, WrongLength) {
  std::string seed = kUserSeed;
  EXPECT_NE(seed_error(seed.substr(0, seed.size() - 1)).find("wrong length"), std::string::npos);
  EXPECT_NE(seed_error(seed + "A").find("wrong length"), std::string::npos);
  EXPECT_NE(seed_error(seed.substr(0, 56)).find("wrong length"), std::string::npos);
  EXPECT_NE(seed_error("").find("wrong length"), std::string::npos);
}

TEST(NKeys, NotBase32) {
  std::string seed = kUserSeed;
  for (char bad : {'1', '8', 'a', '=', '\0', '-'}) {
    std::string s = seed;
    s[20] = bad;
    EXPECT_NE(seed_error(s).find("not base32"), std::string::npos);
  }
}

TEST(NKeys, ChecksumMismatch) {
  EXPECT_NE(seed_error(kBadCrcSeed).find("checksum mismatch"), std::string::npos);
  std::string swapped = kUserSeed;
  ASSERT_NE(swapped[30], swapped[31]);
  std::swap(swapped[30], swapped[31]);
  EXPECT_NE(seed_error(swapped).find("checksum mismatch"), std::string::npos);
}

TEST(NKeys, WrongPrefix) {
  EXPECT_NE(seed_error(kNotASeed).find("not a seed"), std::string::npos);
  EXPECT_NE(seed_error(kCurveSeed).find("unsupported key type"), std::string::npos);
  EXPECT_NE(seed_error(kUndefinedTypeSeed).find("unsupported key type"), std::string::npos);
  // A public key is not a seed either (and is the wrong length for one).
  seed_error(kUserPublic);
}

TEST(NKeys, WipeClearsTheWholeBuffer) {
  std::string secret(kUserSeed);
  secret += secret;  // on the heap, past any small-string buffer
  secret.resize(20);  // what was cut off is still in the buffer
  const char* buffer = secret.data();
  std::size_t capacity = secret.capacity();
  wipe(secret);
  EXPECT_TRUE(secret.empty());
  ASSERT_EQ(secret.data(), buffer);
  for (std::size_t i = 0; i < capacity; ++i) ASSERT_EQ(buffer[i], '\0') << i;
}

// ---------------------------------------------------------------------------
// .creds files

namespace {

class CredsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nervure_auth_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& content) {
    std::string path = (dir_ / "user.creds").string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Expects invalid_argument naming the path and `what`, and none of the secrets.
  void expect_bad(const std::string& path, const std::string& what, std::string_view seed = kUserSeed) {
    std::string msg = error_of(ErrorCode::invalid_argument, [&] { read_creds_file(path); });
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find(what), std::string::npos) << msg;
    EXPECT_FALSE(leaks(msg, seed)) << msg;
    EXPECT_FALSE(leaks(msg, kJwt)) << msg;
  }

  std::filesystem::path dir_;
};

// As nsc writes it.
std::string nsc_creds(const std::string& jwt, const std::string& seed) {
  return "-----BEGIN NATS USER JWT-----\n" + jwt +
         "\n------END NATS USER JWT------\n\n"
         "************************* IMPORTANT *************************\n"
         "NKEY Seed printed below can be used to sign and prove identity.\n"
         "NKEYs are sensitive and should be treated as secrets.\n\n"
         "-----BEGIN USER NKEY SEED-----\n" +
         seed +
         "\n------END USER NKEY SEED------\n\n"
         "*************************************************************\n";
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

TEST_F(CredsFile, NscLayout) {
  Creds c = read_creds_file(write(nsc_creds(kJwt, kUserSeed)));
  EXPECT_EQ(c.jwt, kJwt);
  EXPECT_EQ(c.seed, kUserSeed);
  EXPECT_EQ(public_key_from_seed(c.seed), kUserPublic);
  wipe(c.seed);
}

TEST_F(CredsFile, CrlfLineEndings) {
  Creds c = read_creds_file(write(crlf(nsc_creds(kJwt, kUserSeed))));
  EXPECT_EQ(c.jwt, kJwt);
  EXPECT_EQ(c.seed, kUserSeed);
}

TEST_F(CredsFile, LooseLayout) {
  // Text around the blocks, indentation, blank lines, other dash counts, no final newline.
  std::string text = std::string("# issued for tests\n\n") + "   ---BEGIN NATS USER JWT---  \n\n  " + kJwt +
                     "\t\n\n----------END NATS USER JWT----------\n" + "some notes\n" +
                     "-------BEGIN USER NKEY SEED---\r\n" + kUserSeed + "  \r\n---END USER NKEY SEED-----";
  Creds c = read_creds_file(write(text));
  EXPECT_EQ(c.jwt, kJwt);
  EXPECT_EQ(c.seed, kUserSeed);
}

TEST_F(CredsFile, SeedBlockFirst) {
  std::string text = std::string("-----BEGIN USER NKEY SEED-----\n") + kUserSeed +
                     "\n------END USER NKEY SEED------\n" + "-----BEGIN NATS USER JWT-----\n" + kJwt +
                     "\n------END NATS USER JWT------\n";
  Creds c = read_creds_file(write(text));
  EXPECT_EQ(c.jwt, kJwt);
  EXPECT_EQ(c.seed, kUserSeed);
}

TEST_F(CredsFile, OnlyAJwt) {
  expect_bad(write("-----BEGIN NATS USER JWT-----\n" + std::string(kJwt) + "\n------END NATS USER JWT------\n"),
             "no user NKey seed block");
}

TEST_F(CredsFile, OnlyASeed) {
  expect_bad(write("-----BEGIN USER NKEY SEED-----\n" + std::string(kUserSeed) + "\n------END USER NKEY SEED------\n"),
             "no user JWT block");
}

TEST_F(CredsFile, MissingFile) {
  expect_bad((dir_ / "absent.creds").string(), "cannot be opened");
}

TEST_F(CredsFile, DirectoryInsteadOfFile) { expect_bad(dir_.string(), "cannot be read"); }

TEST_F(CredsFile, EmptyFile) { expect_bad(write(""), "no user JWT block"); }

TEST_F(CredsFile, BadSeed) {
  expect_bad(write(nsc_creds(kJwt, kBadCrcSeed)), "invalid NKey seed: checksum mismatch", kBadCrcSeed);
  expect_bad(write(nsc_creds(kJwt, kCurveSeed)), "unsupported key type", kCurveSeed);
  expect_bad(write(nsc_creds(kJwt, std::string(kUserSeed).substr(0, 40))), "wrong length");
}

TEST_F(CredsFile, UnterminatedBlock) {
  std::string text = nsc_creds(kJwt, kUserSeed);
  expect_bad(write(text.substr(0, text.find("------END USER NKEY SEED"))), "user NKey seed block has no END line");
  // A block that another block's BEGIN interrupts is unterminated too.
  expect_bad(write("-----BEGIN NATS USER JWT-----\n" + std::string(kJwt) + "\n-----BEGIN USER NKEY SEED-----\n" +
                   kUserSeed + "\n------END USER NKEY SEED------\n"),
             "user JWT block has no END line");
}

TEST_F(CredsFile, EmptyOrMultiLineBlock) {
  expect_bad(write(nsc_creds("", kUserSeed)), "user JWT block is empty");
  expect_bad(write(nsc_creds(kJwt, "  ")), "user NKey seed block is empty");
  expect_bad(write(nsc_creds(kJwt, std::string(kUserSeed) + "\n" + kUserSeed)),
             "user NKey seed block holds more than one line");
}

TEST_F(CredsFile, MalformedJwt) {
  expect_bad(write(nsc_creds("not a jwt", kUserSeed)), "user JWT is malformed");
  expect_bad(write(nsc_creds("eyJh.eyJi", kUserSeed)), "user JWT is malformed");
  expect_bad(write(nsc_creds("eyJh..sig", kUserSeed)), "user JWT is malformed");
}

TEST_F(CredsFile, OversizedFile) {
  expect_bad(write(nsc_creds(kJwt, kUserSeed) + std::string(2 << 20, '#')), "larger than 1 MiB");
}

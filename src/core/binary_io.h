// core/binary_io.h: little-endian encoding for model files (models/*.bin),
// and the hashing used for feature and lexicon keys. ByteWriter appends to a
// string; ByteReader checks bounds and remembers the first failure, so callers
// check ok() once per section. Shared by every stage that ships a model.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crosscheck {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { U8(static_cast<uint8_t>(v)); U8(static_cast<uint8_t>(v >> 8)); }
  void U32(uint32_t v) { for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void U64(uint64_t v) { for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void Str(std::string_view s) { U32(static_cast<uint32_t>(s.size())); out_->append(s); }
  void F32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    U32(bits);
  }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  size_t offset() const { return pos_; }
  uint8_t U8() { return Need(1) ? static_cast<uint8_t>(in_[pos_++]) : 0; }
  uint16_t U16() {
    if (!Need(2)) return 0;
    const uint16_t lo = U8();
    return static_cast<uint16_t>(lo | (U8() << 8));
  }
  uint32_t U32() {
    uint32_t v = 0;
    if (Need(4)) for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(U8()) << (8 * i);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    if (Need(8)) for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(U8()) << (8 * i);
    return v;
  }
  std::string Str() {
    const uint32_t n = U32();
    if (!Need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  float F32() {
    const uint32_t bits = U32();
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  // A count that must be at most `max` (guards allocations on corrupt input).
  uint32_t Count(uint32_t max) {
    const uint32_t n = U32();
    if (n > max) ok_ = false;
    return ok_ ? n : 0;
  }
  void Fail() { ok_ = false; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// FNV-1a, 64 bit: stable across platforms.
inline uint64_t FnvByte(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
inline constexpr uint64_t kFnvOffset = 1469598103934665603ull;
inline uint64_t FnvBytes(uint64_t h, std::string_view s) {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}
inline uint64_t HashString(std::string_view s) { return FnvBytes(kFnvOffset, s); }

// splitmix64 finalizer: spreads combined keys over all 64 bits.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix64(a * 0x9e3779b97f4a7c15ull + b); }

}  // namespace crosscheck

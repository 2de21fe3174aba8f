// text/binary_io.h (private to text/): little-endian encoding for model files.
// ByteWriter appends to a string; ByteReader reads with bounds checks and
// remembers the first failure, so callers check ok() once after a section.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crosscheck::text {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void U64(uint64_t v) { for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void F32(float v) { uint32_t u; std::memcpy(&u, &v, 4); U32(u); }
  void Str(std::string_view s) { U32(static_cast<uint32_t>(s.size())); out_->append(s); }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  size_t offset() const { return pos_; }
  bool at_end() const { return pos_ == in_.size(); }
  uint8_t U8() { return Need(1) ? static_cast<uint8_t>(in_[pos_++]) : 0; }
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
  float F32() { const uint32_t u = U32(); float v; std::memcpy(&v, &u, 4); return v; }
  std::string Str() {
    const uint32_t n = U32();
    if (!Need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count that must be at most `max` (guards allocations on corrupt input).
  uint32_t Count(uint32_t max) {
    const uint32_t n = U32();
    if (n > max) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// FNV-1a, 64 bit: stable across platforms, used for lexicon and feature keys.
inline constexpr uint64_t kFnvOffset = 1469598103934665603ull;
inline uint64_t FnvByte(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
inline uint64_t FnvBytes(uint64_t h, std::string_view s) {
  for (char c : s) h = FnvByte(h, static_cast<unsigned char>(c));
  return h;
}

}  // namespace crosscheck::text

// text/char_class.h (private to text/): character classes for the tokenizer.
// ASCII bytes are classified by a 256-entry table built at compile time; other
// code points go through utf8proc's general category. No state, no allocation.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace crosscheck::text {

enum CharFlag : uint8_t {
  kSpace = 1,      // whitespace (and controls); separates chunks
  kNewline = 2,    // '\n' (also set for U+2028/U+2029)
  kLetter = 4,     // letters, marks and other word characters
  kDigit = 8,      // decimal digits
  kUpper = 16,     // uppercase letter
  kPunct = 32,     // punctuation and symbols
  kNonAscii = 64,  // lead/continuation byte: decode to classify
};

constexpr std::array<uint8_t, 256> MakeAsciiTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t f = 0;
    if (c >= 0x80) f = kNonAscii;
    else if (c == '\n') f = kSpace | kNewline;
    else if (c <= ' ' || c == 0x7F) f = kSpace;
    else if (c >= '0' && c <= '9') f = kDigit;
    else if (c >= 'a' && c <= 'z') f = kLetter;
    else if (c >= 'A' && c <= 'Z') f = kLetter | kUpper;
    else f = kPunct;
    t[c] = f;
  }
  return t;
}
inline constexpr std::array<uint8_t, 256> kAsciiFlags = MakeAsciiTable();

// Flags of the code point starting at s[pos]; *len gets its byte length (>= 1).
uint8_t ClassifyAt(std::string_view s, size_t pos, size_t* len);

// Flags of a decoded code point (any plane).
uint8_t ClassifyCodePoint(char32_t cp);

inline bool IsAlnum(uint8_t flags) { return (flags & (kLetter | kDigit)) != 0; }

// Fast path for the common ASCII case; falls back to ClassifyAt.
inline uint8_t FlagsAt(std::string_view s, size_t pos, size_t* len) {
  const uint8_t f = kAsciiFlags[static_cast<unsigned char>(s[pos])];
  if (f != kNonAscii) { *len = 1; return f; }
  return ClassifyAt(s, pos, len);
}

// ASCII lowercase of one byte (other bytes unchanged).
inline char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace crosscheck::text

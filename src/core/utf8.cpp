#include "core/utf8.h"
#include <algorithm>
#include <cstring>

namespace crosscheck::utf8 {
namespace {

// Length of the valid sequence starting at s[i], or 0 if invalid (RFC 3629 table).
size_t ValidLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  const size_t n = s.size();
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (i + 1 < n && (b(i + 1) & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    const unsigned char c1 = b(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    return ((c1 & 0xC0) == 0x80 && (b(i + 2) & 0xC0) == 0x80) ? 3 : 0;
  }
  if (c < 0xF5) {
    if (i + 3 >= n) return 0;
    const unsigned char c1 = b(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return ((c1 & 0xC0) == 0x80 && (b(i + 2) & 0xC0) == 0x80 && (b(i + 3) & 0xC0) == 0x80) ? 4 : 0;
  }
  return 0;
}

// End of the valid UTF-8 run starting at s[i]. ASCII, the bulk of news text,
// is checked 8 bytes per step.
size_t EndOfValidRun(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    const size_t len = ValidLength(s, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

}  // namespace

bool IsValid(std::string_view s) { return EndOfValidRun(s, 0) == s.size(); }

std::string Repair(std::string_view s, uint32_t* repaired) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t valid_end = EndOfValidRun(s, i);
    out.append(s.data() + i, valid_end - i);  // valid runs are copied whole
    i = valid_end;
    if (i >= s.size()) break;
    out.append("\xEF\xBF\xBD");
    if (repaired) ++*repaired;
    ++i;
    // One U+FFFD per maximal invalid subsequence: skip stray continuation bytes.
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

char32_t Next(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const size_t len = ValidLength(s, i);
  if (len == 0) { *pos = i + 1; return 0xFFFD; }
  *pos = i + len;
  const auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

double BinaryFraction(std::string_view s, size_t probe) {
  const size_t n = std::min(probe, s.size());
  if (n == 0) return 0;
  size_t bad = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++bad;
  }
  return static_cast<double>(bad) / static_cast<double>(n);
}

}  // namespace crosscheck::utf8

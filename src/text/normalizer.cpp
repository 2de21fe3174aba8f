#include "text/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

#include "core/utf8.h"

namespace crosscheck::text {
namespace {

// Code points that never change under NFC and never combine with a neighbour:
// everything below the combining diacritics, plus general punctuation,
// currency signs and letterlike quotes that news text is full of.
bool IsInertCodePoint(char32_t cp) {
  if (cp < 0x300) return true;
  if (cp >= 0x2010 && cp <= 0x2027) return true;  // dashes, quotes, bullets, ellipsis
  if (cp >= 0x2030 && cp <= 0x205E) return true;
  if (cp >= 0x20A0 && cp <= 0x20C0) return true;  // currency
  return false;
}

// A code point that may combine with what precedes it under NFC.
bool MayCombineBackwards(char32_t cp) {
  if (cp >= 0x1161 && cp <= 0x11C2) return true;  // Hangul V/T jamo
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  // utf8proc 2.8: second elements of compositions have comb_index in [0x8000, 0xFFFF).
  return p->combining_class != 0 || (p->comb_index >= 0x8000 && p->comb_index != UINT16_MAX);
}

std::string NfcSlow(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);  // invalid UTF-8: leave as is
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

}  // namespace

bool IsTriviallyNfc(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xCC) { ++i; continue; }  // lead bytes below 0xCC encode code points < U+0300
    if (!IsInertCodePoint(utf8::Next(s, &i))) return false;
  }
  return true;
}

std::string Nfc(std::string_view s) {
  return IsTriviallyNfc(s) ? std::string(s) : NfcSlow(s);
}

void AppendNfc(std::string_view s, std::string* out) {
  if (IsTriviallyNfc(s)) out->append(s);
  else out->append(NfcSlow(s));
}

NormalizedText NormalizeWithOffsets(std::string_view s) {
  NormalizedText result;
  if (IsTriviallyNfc(s)) {
    result.text.assign(s);
    return result;
  }
  result.text.reserve(s.size());
  result.original.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    // A unit is one code point plus every following code point that may combine with it.
    const size_t start = i;
    utf8::Next(s, &i);
    while (i < s.size()) {
      size_t j = i;
      const char32_t cp = utf8::Next(s, &j);
      if (IsInertCodePoint(cp) || !MayCombineBackwards(cp)) break;
      i = j;
    }
    const std::string_view unit = s.substr(start, i - start);
    const size_t before = result.text.size();
    if (IsTriviallyNfc(unit)) result.text.append(unit);
    else result.text.append(NfcSlow(unit));
    result.original.insert(result.original.end(), result.text.size() - before,
                           static_cast<uint32_t>(start));
  }
  result.original.push_back(static_cast<uint32_t>(s.size()));
  return result;
}

}  // namespace crosscheck::text

// text/normalizer.h: Unicode NFC normalization with a map back to original bytes.
// In: UTF-8 text (valid; Document::text always is). Out: NFC text, and for
// NormalizeWithOffsets, for each output byte the offset of the input byte it
// came from, so Spans always refer to the original text (SentencePiece-style).
// ASCII input (and any text whose code points are all below U+0300) is already
// NFC and is returned without calling utf8proc. Linear in text length.
// Stateless: all functions are thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::text {

// True if `s` is certainly NFC without consulting Unicode tables (fast path).
bool IsTriviallyNfc(std::string_view s);

// NFC form of `s`.
std::string Nfc(std::string_view s);

// Appends NFC(s) to *out (s is copied as is when IsTriviallyNfc).
void AppendNfc(std::string_view s, std::string* out);

struct NormalizedText {
  std::string text;                // NFC text
  std::vector<uint32_t> original;  // original[i] = input offset of text[i]; size text.size()+1
                                   // (empty when text == input: identity map)
  // Offset in the original input of normalized offset `i` (0..text.size()).
  uint32_t ToOriginal(uint32_t i) const { return original.empty() ? i : original[i]; }
};

// NFC with an offset map. Combining sequences are normalized as units, so each
// output byte maps to the start of the input sequence it came from.
NormalizedText NormalizeWithOffsets(std::string_view s);

}  // namespace crosscheck::text

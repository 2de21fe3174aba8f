// core/utf8.h: UTF-8 validation, repair and decoding.
// Repair replaces each maximal invalid subsequence with U+FFFD (as the
// Unicode standard recommends), so offsets after repair refer to the repaired
// text, which is what Document::text holds. Linear, allocation-free on valid input.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::utf8 {

// True if `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

// Returns `s` with invalid sequences replaced by U+FFFD; counts them in *repaired.
std::string Repair(std::string_view s, uint32_t* repaired);

// Decodes the code point at s[*pos] and advances *pos; returns U+FFFD on bad input.
char32_t Next(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to *out.
void Append(char32_t cp, std::string* out);

// Fraction of bytes in the first `probe` bytes that look binary (NUL or C0 controls
// other than whitespace); readers use it to reject binary files.
double BinaryFraction(std::string_view s, size_t probe = 4096);

}  // namespace crosscheck::utf8

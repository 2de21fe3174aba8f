#include "text/char_class.h"

#include <utf8proc.h>

#include "core/utf8.h"

namespace crosscheck::text {

uint8_t ClassifyCodePoint(char32_t cp) {
  if (cp < 0x80) return kAsciiFlags[cp];
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return kSpace | kNewline;
  // Zero-width space/joiners and the BOM separate nothing visible: treat as space.
  if (cp == 0x200B || cp == 0xFEFF) return kSpace;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return kLetter | kUpper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:  // soft hyphen, joiners: stay inside words
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
      return kLetter;
    case UTF8PROC_CATEGORY_ND:
      return kDigit;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kLetter;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return kSpace;
    default:
      return kPunct;
  }
}

uint8_t ClassifyAt(std::string_view s, size_t pos, size_t* len) {
  size_t next = pos;
  const char32_t cp = utf8::Next(s, &next);
  *len = next - pos;
  return ClassifyCodePoint(cp);
}

}  // namespace crosscheck::text

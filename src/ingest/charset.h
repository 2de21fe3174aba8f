// ingest/charset.h: HTML bytes to UTF-8. Private to ingest/.
// Web pages are mostly UTF-8, but some are Latin-1/Windows-1252 (declared or
// not) or UTF-16 with a BOM, and some "UTF-8" pages hold stray bytes. Valid
// UTF-8 is always taken as UTF-8 (pages often declare Latin-1 wrongly);
// otherwise a Latin-1 family or missing declaration decodes as Windows-1252,
// and anything else is repaired with U+FFFD (counted).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::ingest {

// The charset named by a Content-Type value or a <meta> in the first 4 KB, lower-cased; "" if none.
std::string SniffCharset(std::string_view bytes);

// `bytes` as UTF-8; `declared` is an outside declaration (HTTP header) or "".
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, uint32_t* repaired);

}  // namespace crosscheck::ingest

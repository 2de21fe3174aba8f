#include "ingest/charset.h"

#include <cctype>

#include "core/utf8.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// Windows-1252 code points for bytes 0x80..0x9F (0 = undefined, kept as U+FFFD).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool IsLatin1Family(std::string_view cs) {
  return cs.empty() || cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" ||
         cs == "windows-1252" || cs == "cp1252" || cs == "iso-8859-15" || cs == "us-ascii" ||
         cs == "ascii" || cs == "iso8859-1" || cs == "l1";
}

std::string DecodeCp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      const char16_t cp = kCp1252High[c - 0x80];
      utf8::Append(cp ? cp : 0xFFFD, &out);
    } else {
      utf8::Append(c, &out);
    }
  }
  return out;
}

std::string DecodeUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
    char32_t unit = little_endian ? (b1 << 8 | b0) : (b0 << 8 | b1);
    if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
      const auto c0 = static_cast<unsigned char>(bytes[i + 2]), c1 = static_cast<unsigned char>(bytes[i + 3]);
      const char32_t low = little_endian ? (c1 << 8 | c0) : (c0 << 8 | c1);
      if (low >= 0xDC00 && low < 0xE000) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (unit >= 0xD800 && unit < 0xE000) unit = 0xFFFD;
    utf8::Append(unit, &out);
  }
  return out;
}

}  // namespace

std::string SniffCharset(std::string_view bytes) {
  const std::string head = Lower(bytes.substr(0, 4096));
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t i = at + 8;
  while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
  size_t end = i;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == ':')) {
    ++end;
  }
  return head.substr(i, end - i);
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, uint32_t* repaired) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 2) == "\xFF\xFE") return DecodeUtf16(bytes.substr(2), true);
  if (bytes.substr(0, 2) == "\xFE\xFF") return DecodeUtf16(bytes.substr(2), false);
  if (utf8::IsValid(bytes)) return std::string(bytes);
  const std::string charset = declared.empty() ? SniffCharset(bytes) : Lower(declared);
  if (IsLatin1Family(charset)) return DecodeCp1252(bytes);
  return utf8::Repair(bytes, repaired);
}

}  // namespace crosscheck::ingest

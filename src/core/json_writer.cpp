#include "core/json_writer.h"

#include <cmath>
#include <cstdio>

namespace crosscheck {

void JsonWriter::Separate() {
  if (after_key_) { after_key_ = false; return; }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendEscaped(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separate();
  AppendEscaped(s, out_);
}

void JsonWriter::StringOrNull(std::string_view key, std::string_view s) {
  Key(key);
  if (s.empty()) Null(); else String(s);
}

void JsonWriter::Int(int64_t v) {
  Separate();
  out_->append(std::to_string(v));
}

void JsonWriter::Double(double v, int decimals) {
  Separate();
  if (!std::isfinite(v)) { out_->append("null"); return; }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  out_->append(buf);
}

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace crosscheck

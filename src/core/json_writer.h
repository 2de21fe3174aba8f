// core/json_writer.h: a small streaming JSON writer for large outputs.
// Appends compact JSON to a std::string; the caller flushes it. Strings are
// escaped per RFC 8259 (control characters as \u00XX, valid UTF-8 passed
// through). Cheaper than building a DOM for every token of a crawl.
// Not thread-safe; one writer per output stream.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Separate(); out_->push_back('{'); first_.push_back(true); }
  void EndObject() { out_->push_back('}'); first_.pop_back(); }
  void BeginArray() { Separate(); out_->push_back('['); first_.push_back(true); }
  void EndArray() { out_->push_back(']'); first_.pop_back(); }
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  void Double(double v, int decimals = 2);
  void Bool(bool b) { Separate(); out_->append(b ? "true" : "false"); }
  void Null() { Separate(); out_->append("null"); }
  // A value that is already valid JSON (kept input fields).
  void Raw(std::string_view json) { Separate(); out_->append(json); }
  // Key + string, or key + null when `s` is empty.
  void StringOrNull(std::string_view key, std::string_view s);

  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace crosscheck

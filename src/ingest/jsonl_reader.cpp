// JSONL reader: one JSON object per line.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/dates.h"
#include "ingest/readers.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// ordered_json keeps unknown fields in input order in Document::extra.
using json = nlohmann::ordered_json;

// Field names read for each Document field, in order of preference.
constexpr const char* kTextKeys[] = {"text", "body", "content"};
constexpr const char* kDateKeys[] = {"date", "published", "published_at", "publish_date"};
constexpr const char* kSourceKeys[] = {"source", "outlet", "domain"};
constexpr const char* kLanguageKeys[] = {"language", "lang"};

// The first of `keys` that holds a string (or a number, for ids); moves its
// name into *used so it does not also land in extra.
template <size_t N>
bool TakeString(const json& obj, const char* const (&keys)[N], std::string* out,
                std::vector<std::string>* used) {
  for (const char* key : keys) {
    const auto it = obj.find(key);
    if (it == obj.end()) continue;
    if (it->is_string()) {
      *out = it->get<std::string>();
    } else if (it->is_number()) {
      *out = it->dump();
    } else {
      continue;
    }
    used->push_back(key);
    return true;
  }
  return false;
}

// nlohmann messages start with "[json.exception.parse_error.101] "; drop that.
std::string CleanMessage(const char* what) {
  std::string_view m = what;
  if (!m.empty() && m.front() == '[') {
    const size_t end = m.find("] ");
    if (end != std::string_view::npos) m.remove_prefix(end + 2);
  }
  return std::string(m);
}

Result<Document> FromObject(const json& obj, const std::string& name, uint64_t line_number) {
  Document doc;
  std::vector<std::string> used;
  std::string date;
  if (!TakeString(obj, kTextKeys, &doc.text, &used)) {
    return Status::Error("expected a \"text\", \"body\" or \"content\" string");
  }
  static constexpr const char* kId[] = {"id"};
  static constexpr const char* kTitle[] = {"title"};
  static constexpr const char* kUrl[] = {"url"};
  if (!TakeString(obj, kId, &doc.id, &used)) doc.id = BaseName(name) + "#" + std::to_string(line_number);
  TakeString(obj, kTitle, &doc.title, &used);
  TakeString(obj, kUrl, &doc.url, &used);
  TakeString(obj, kSourceKeys, &doc.source, &used);
  if (TakeString(obj, kLanguageKeys, &doc.language, &used)) doc.language = Lower(doc.language);
  if (TakeString(obj, kDateKeys, &date, &used)) doc.date = NormalizeDate(date);
  for (const auto& [key, value] : obj.items()) {
    if (std::find(used.begin(), used.end(), key) == used.end()) doc.extra.emplace_back(key, value.dump());
  }
  doc.origin = name + ":" + std::to_string(line_number);
  return doc;
}

}  // namespace

Result<Document> ParseJsonlLine(std::string_view line, const std::string& name,
                                uint64_t line_number) {
  uint32_t repaired = 0;
  // Repair first: nlohmann rejects invalid UTF-8, but one bad byte should cost a U+FFFD, not the record.
  const std::string fixed = utf8::IsValid(line) ? std::string(line) : utf8::Repair(line, &repaired);
  try {
    const json obj = json::parse(fixed);
    if (!obj.is_object()) return Status::Error("expected a JSON object");
    Result<Document> doc = FromObject(obj, name, line_number);
    if (doc.ok()) {
      doc->repaired_bytes = repaired;
      if (Trim(doc->text).empty()) return Status::Error("empty text");
      FinishDocument(&doc.value(), /*lines_if_no_blank=*/true);
    }
    return doc;
  } catch (const json::exception& e) {
    return Status::Error("malformed JSON: " + CleanMessage(e.what()));
  }
}

void ParseJsonl(std::string_view data, const std::string& name, const DocumentSink& sink,
                const ErrorSink& on_error) {
  if (Status s = CheckLooksLikeText(data); !s.ok()) {
    on_error(InputError{name, 0, 0, s.message()});
    return;
  }
  uint64_t line_number = 0;
  while (!data.empty()) {
    const size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
    ++line_number;
    if (Trim(line).empty()) continue;
    Result<Document> doc = ParseJsonlLine(line, name, line_number);
    if (doc.ok()) {
      sink(std::move(doc.value()));
    } else {
      on_error(InputError{name, line_number, 0, doc.status().message()});
    }
  }
}

}  // namespace crosscheck::ingest

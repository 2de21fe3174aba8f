// Plain-text reader: an optional "Key: value" header, then the body.
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/dates.h"
#include "ingest/readers.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// "Key: value" with Key matching [A-Za-z][A-Za-z_-]*; the key is returned lower-cased.
bool SplitHeaderLine(std::string_view line, std::string* key, std::string_view* value) {
  if (line.empty() || !std::isalpha(static_cast<unsigned char>(line[0]))) return false;
  size_t i = 1;
  while (i < line.size() && (std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_' ||
                             line[i] == '-')) {
    ++i;
  }
  if (line.substr(i, 2) != ": ") return false;
  *key = Lower(line.substr(0, i));
  *value = Trim(line.substr(i + 2));
  return true;
}

void ApplyHeaderField(const std::string& key, std::string_view value, Document* doc) {
  if (key == "title") {
    doc->title = value;
  } else if (key == "date") {
    doc->date = NormalizeDate(value);
  } else if (key == "source") {
    doc->source = value;
  } else if (key == "url") {
    doc->url = value;
  } else if (key == "language") {
    doc->language = Lower(value);
  } else if (key == "id") {
    doc->id = value;
  } else {
    doc->extra.emplace_back(key, nlohmann::json(std::string(value)).dump());
  }
}

// Length of the header (through its terminating blank line), or 0 if the
// text does not start with one. Every line before the first blank line must
// be a header line; otherwise the whole file is text.
size_t HeaderLength(std::string_view text) {
  std::string key;
  std::string_view value;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return 0;  // no blank line: not a header
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return pos == 0 ? 0 : end + 1;
    if (!SplitHeaderLine(line, &key, &value)) return 0;
    pos = end + 1;
  }
  return 0;
}

void ParseHeader(std::string_view header, Document* doc) {
  std::string key;
  std::string_view value;
  while (!header.empty()) {
    const size_t end = header.find('\n');
    std::string_view line = header.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (SplitHeaderLine(line, &key, &value)) ApplyHeaderField(key, value, doc);
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
}

}  // namespace

Result<Document> ParseTxt(std::string_view data, const std::string& name) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);  // BOM
  if (Status s = CheckLooksLikeText(data); !s.ok()) return s;
  Document doc;
  doc.id = BaseName(name);
  doc.origin = name;
  const std::string repaired = utf8::Repair(data, &doc.repaired_bytes);
  const std::string_view all = repaired;
  const size_t header = HeaderLength(all);
  ParseHeader(all.substr(0, header), &doc);
  std::string_view body = all.substr(header);
  // Extra blank lines between header and body are not part of the text.
  while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.remove_prefix(1);
  doc.text = body;
  if (Trim(doc.text).empty()) return Status::Error("no text after the header");
  FinishDocument(&doc);
  return doc;
}

}  // namespace crosscheck::ingest

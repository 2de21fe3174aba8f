#include "ingest/text_util.h"

#include "core/utf8.h"
#include "ingest/dates.h"
#include "ingest/readers.h"

namespace crosscheck::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (!IsSpace(c)) return false;
  }
  return true;
}

// Appends the trimmed range [begin, end) of text as a paragraph if non-empty.
void AddParagraph(std::string_view text, size_t begin, size_t end, std::vector<Span>* out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (end > begin) out->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
}

}  // namespace

std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string HostOfUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = Lower(rest);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::vector<Span> SplitParagraphs(std::string_view text, bool lines_if_no_blank) {
  std::vector<Span> out;
  size_t para_begin = 0;
  bool saw_blank = false;
  for (size_t line_begin = 0; line_begin < text.size();) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (IsBlankLine(text.substr(line_begin, line_end - line_begin))) {
      AddParagraph(text, para_begin, line_begin, &out);
      para_begin = line_end;
      saw_blank = true;
    }
    line_begin = line_end + 1;
  }
  AddParagraph(text, para_begin, text.size(), &out);
  if (saw_blank || !lines_if_no_blank) return out;
  out.clear();
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    AddParagraph(text, begin, end, &out);
    begin = end + 1;
  }
  return out;
}

Status CheckLooksLikeText(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);  // BOM
  if (Trim(head).empty()) return Status::Error("empty file: expected text");
  if (utf8::BinaryFraction(head) > kBinaryThreshold) {
    return Status::Error("binary file: expected UTF-8 text");
  }
  return Status::Ok();
}

void FinishDocument(Document* doc, bool lines_if_no_blank) {
  if (doc->date.empty()) doc->date = FindDateline(doc->text);
  if (doc->paragraphs.empty()) doc->paragraphs = SplitParagraphs(doc->text, lines_if_no_blank);
}

}  // namespace crosscheck::ingest

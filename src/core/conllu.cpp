#include "core/conllu.h"

#include <zlib.h>

#include <charconv>
#include <cstdio>

namespace crosscheck::conllu {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits `line` on tabs into exactly 10 fields; false otherwise.
bool SplitColumns(std::string_view line, std::string_view (&cols)[10]) {
  size_t n = 0;
  while (n < 10) {
    const size_t tab = line.find('\t');
    if (n == 9) {
      if (tab != std::string_view::npos) return false;
      cols[n++] = line;
      break;
    }
    if (tab == std::string_view::npos) return false;
    cols[n++] = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  return n == 10;
}

// Handles `# key = value` comments that set Sentence fields.
void ParseComment(std::string_view body, Sentence* s) {
  s->comments.emplace_back(body);
  const size_t eq = body.find('=');
  const std::string_view key = Trim(body.substr(0, eq));
  const std::string_view value =
      eq == std::string_view::npos ? std::string_view() : Trim(body.substr(eq + 1));
  if (key == "text") {
    // Keep the text verbatim after "text = " (only the separator is trimmed).
    std::string_view raw = body.substr(eq + 1);
    if (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
    while (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    s->text.assign(raw);
  } else if (key == "sent_id") {
    s->sent_id.assign(value);
  } else if (key.starts_with("newdoc")) {
    s->new_doc = s->new_par = true;
    s->doc_id.assign(value);
  } else if (key.starts_with("newpar")) {
    s->new_par = true;
    s->par_id.assign(value);
  }
}

}  // namespace

bool Word::space_after() const { return MiscValue(misc, "SpaceAfter") != "No"; }
bool MultiwordToken::space_after() const { return MiscValue(misc, "SpaceAfter") != "No"; }

std::string Sentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    const size_t eq = c.find('=');
    if (eq != std::string::npos && Trim(std::string_view(c).substr(0, eq)) == key)
      return std::string(Trim(std::string_view(c).substr(eq + 1)));
  }
  return "";
}

const MultiwordToken* Sentence::MultiwordStartingAt(int id) const {
  for (const MultiwordToken& m : multiwords)
    if (m.first == id) return &m;
  return nullptr;
}

std::string_view MiscValue(std::string_view misc, std::string_view key) {
  while (!misc.empty()) {
    const size_t bar = misc.find('|');
    const std::string_view item = misc.substr(0, bar);
    if (item.size() > key.size() && item.starts_with(key) && item[key.size()] == '=')
      return item.substr(key.size() + 1);
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return {};
}

Result<std::string> ReadMaybeGzipped(const std::filesystem::path& path) {
  gzFile file = gzopen(path.string().c_str(), "rb");  // reads plain files transparently
  if (file == nullptr) return Status::Error(path.string() + ": cannot open");
  std::string out;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  int err = Z_OK;
  const char* message = gzerror(file, &err);
  const bool failed = n < 0 || (err != Z_OK && err != Z_BUF_ERROR);
  std::string what = failed ? std::string(message) : "";
  gzclose(file);
  if (failed) return Status::Error(path.string() + ": decompression failed: " + what);
  return out;
}

Result<Reader> Reader::Open(const std::filesystem::path& path) {
  Result<std::string> contents = ReadMaybeGzipped(path);
  if (!contents.ok()) return contents.status();
  return Reader(std::move(contents).value(), path.string());
}

Reader Reader::FromString(std::string contents, std::string name) {
  return Reader(std::move(contents), std::move(name));
}

bool Reader::ReadLine(std::string_view* line) {
  if (pos_ >= contents_.size()) return false;
  size_t end = contents_.find('\n', pos_);
  if (end == std::string::npos) end = contents_.size();
  *line = std::string_view(contents_).substr(pos_, end - pos_);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  pos_ = end + 1;
  ++line_number_;
  return true;
}

Status Reader::ParseLine(std::string_view line, Sentence* s) {
  const auto error = [&](const std::string& what) {
    return Status::Error(name_ + ":" + std::to_string(line_number_) + ": " + what);
  };
  if (line.front() == '#') {
    if (!s->words.empty()) return error("expected a word line, found a comment inside a sentence");
    line.remove_prefix(1);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    ParseComment(line, s);
    return Status::Ok();
  }
  std::string_view cols[10];
  if (!SplitColumns(line, cols)) return error("expected 10 tab-separated columns");
  const std::string_view id = cols[0];
  if (id.find('.') != std::string_view::npos) {
    s->empty_nodes.emplace_back(line);
    return Status::Ok();
  }
  if (const size_t dash = id.find('-'); dash != std::string_view::npos) {
    MultiwordToken m;
    if (!ParseInt(id.substr(0, dash), &m.first) || !ParseInt(id.substr(dash + 1), &m.last) ||
        m.last < m.first || m.first != static_cast<int>(s->words.size()) + 1)
      return error("expected a range \"N-M\" starting at the next word id, found \"" +
                   std::string(id) + "\"");
    m.form.assign(cols[1]);
    m.misc.assign(cols[9]);
    s->multiwords.push_back(std::move(m));
    return Status::Ok();
  }
  Word w;
  if (!ParseInt(id, &w.id) || w.id != static_cast<int>(s->words.size()) + 1)
    return error("expected word id " + std::to_string(s->words.size() + 1) + ", found \"" +
                 std::string(id) + "\"");
  if (cols[6] != "_" && !ParseInt(cols[6], &w.head))
    return error("expected an integer HEAD, found \"" + std::string(cols[6]) + "\"");
  w.form.assign(cols[1]);
  w.lemma.assign(cols[2]);
  w.upos.assign(cols[3]);
  w.xpos.assign(cols[4]);
  w.feats.assign(cols[5]);
  w.deprel.assign(cols[7]);
  w.deps.assign(cols[8]);
  w.misc.assign(cols[9]);
  s->words.push_back(std::move(w));
  return Status::Ok();
}

bool Reader::Next(Sentence* sentence) {
  *sentence = Sentence();
  Status bad;
  std::string_view line;
  bool have_any = false;
  while (ReadLine(&line)) {
    if (Trim(line).empty()) {
      if (!have_any) continue;
      if (bad.ok() && sentence->words.empty()) bad = Status::Error(
          name_ + ":" + std::to_string(sentence->line) + ": expected word lines after comments");
      if (bad.ok()) return true;
      errors_.push_back(bad);
      *sentence = Sentence();
      bad = Status::Ok();
      have_any = false;
      continue;
    }
    if (!have_any) sentence->line = line_number_;
    have_any = true;
    if (bad.ok()) bad = ParseLine(line, sentence);
  }
  if (!have_any) return false;
  if (bad.ok() && !sentence->words.empty()) return true;
  errors_.push_back(bad.ok() ? Status::Error(name_ + ":" + std::to_string(sentence->line) +
                                             ": expected word lines after comments")
                             : bad);
  return false;
}

Result<std::vector<Sentence>> ReadFile(const std::filesystem::path& path,
                                       std::vector<Status>* errors) {
  Result<Reader> reader = Reader::Open(path);
  if (!reader.ok()) return reader.status();
  std::vector<Sentence> out;
  Sentence s;
  while (reader->Next(&s)) out.push_back(std::move(s));
  if (errors) errors->insert(errors->end(), reader->errors().begin(), reader->errors().end());
  return out;
}

}  // namespace crosscheck::conllu

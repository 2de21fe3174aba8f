// AnalysisReader: the JSONL of AnalysisWriter back into AnalyzedDocuments.
// Field names and defaults mirror analysis_writer.cpp; keep the two in step.
#include "analyze/analysis_reader.h"

#include <zlib.h>

#include <cstring>
#include <limits>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace crosscheck::analyze {
namespace {

// ordered_json keeps the fields of `extra` in their written order.
using json = nlohmann::ordered_json;

constexpr size_t kReadBlock = 256 << 10;

// A field that is missing or of the wrong type; caught by ParseLine.
struct BadField {
  std::string message;
};

[[noreturn]] void Fail(const std::string& where, const std::string& expected) {
  throw BadField{where + ": expected " + expected};
}

// The fields of one JSON object, with the path used in error messages.
class Object {
 public:
  Object(const json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j_.is_object()) Fail(path_.empty() ? "line" : path_, "an object");
  }
  bool Has(const char* key) const { return j_.contains(key) && !j_.at(key).is_null(); }
  const json& At(const char* key) const {
    auto it = j_.find(key);
    if (it == j_.end()) Fail(Where(key), "a value");
    return *it;
  }
  std::string Where(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

  std::string String(const char* key) const {
    const json& v = At(key);
    if (!v.is_string()) Fail(Where(key), "a string");
    return v.get<std::string>();
  }
  // Absent or null: "".
  std::string OptString(const char* key) const { return Has(key) ? String(key) : std::string(); }
  int64_t Int(const char* key) const {
    const json& v = At(key);
    if (!v.is_number_integer()) Fail(Where(key), "an integer");
    return v.get<int64_t>();
  }
  int64_t OptInt(const char* key, int64_t fallback) const { return Has(key) ? Int(key) : fallback; }
  uint32_t Index(const char* key) const {
    const int64_t v = Int(key);
    if (v < 0 || v > std::numeric_limits<uint32_t>::max()) Fail(Where(key), "a non-negative 32-bit integer");
    return static_cast<uint32_t>(v);
  }
  int32_t OptIndex(const char* key) const {
    const int64_t v = OptInt(key, -1);
    if (v < -1 || v > std::numeric_limits<int32_t>::max()) Fail(Where(key), "an index or -1");
    return static_cast<int32_t>(v);
  }
  bool OptBool(const char* key, bool fallback) const {
    if (!Has(key)) return fallback;
    const json& v = At(key);
    if (!v.is_boolean()) Fail(Where(key), "true or false");
    return v.get<bool>();
  }
  // A number; null (an open end) gives `if_null`.
  double Number(const char* key, double if_null) const {
    const json& v = At(key);
    if (v.is_null()) return if_null;
    if (!v.is_number()) Fail(Where(key), "a number or null");
    return v.get<double>();
  }
  // An array (absent: empty, when `optional`), each element as an Object.
  template <typename F>
  void ForEach(const char* key, bool optional, F&& f) const {
    if (optional && !Has(key)) return;
    const json& v = At(key);
    if (!v.is_array()) Fail(Where(key), "an array");
    for (size_t i = 0; i < v.size(); ++i) f(Object(v[i], Where(key) + "[" + std::to_string(i) + "]"));
  }
  // [begin, end) from `<prefix>begin`/`<prefix>end`, checked against the text.
  Span SpanOf(const std::string& prefix, size_t text_size) const {
    const std::string b = prefix + "begin", e = prefix + "end";
    const Span s{Index(b.c_str()), Index(e.c_str())};
    if (s.begin > s.end || s.end > text_size) Fail(Where(b.c_str()), "a span inside the text");
    return s;
  }
  Span OptSpanOf(const std::string& prefix, size_t text_size) const {
    return Has((prefix + "begin").c_str()) ? SpanOf(prefix, text_size) : Span{};
  }
  const json& raw() const { return j_; }
  const std::string& path() const { return path_; }

 private:
  const json& j_;
  std::string path_;
};

void ReadMetadata(const Object& o, Document* doc) {
  doc->id = o.String("id");
  doc->title = o.OptString("title");
  doc->date = o.OptString("date");
  doc->source = o.OptString("source");
  doc->url = o.OptString("url");
  doc->language = o.String("language");
  doc->origin = o.String("origin");
}

void ReadDocument(const Object& o, Document* doc) {
  ReadMetadata(o, doc);
  doc->repaired_bytes = static_cast<uint32_t>(o.OptInt("repaired_bytes", 0));
  if (o.Has("extra")) {
    const json& extra = o.At("extra");
    if (!extra.is_object()) Fail("extra", "an object");
    for (const auto& [key, value] : extra.items()) doc->extra.emplace_back(key, value.dump());
  }
  doc->text = o.String("text");
  const json& paragraphs = o.At("paragraphs");
  if (!paragraphs.is_array()) Fail("paragraphs", "an array");
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const json& p = paragraphs[i];
    if (!p.is_array() || p.size() != 2 || !p[0].is_number_unsigned() || !p[1].is_number_unsigned() ||
        p[0].get<uint64_t>() > p[1].get<uint64_t>() || p[1].get<uint64_t>() > doc->text.size()) {
      Fail("paragraphs[" + std::to_string(i) + "]", "[begin, end] inside the text");
    }
    doc->paragraphs.push_back({p[0].get<uint32_t>(), p[1].get<uint32_t>()});
  }
}

void ReadToken(const Object& t, AnalyzedDocument* d) {
  Token token;
  token.form = t.String("form");
  token.span = t.SpanOf("", d->doc.text.size());
  token.space_after = t.OptBool("space_after", true);
  token.mwt_continues = t.OptBool("mwt_continues", false);
  d->tokens.push_back(std::move(token));
  if (!t.Has("upos")) return;
  // The syntax layer: every token has it once the stage ran.
  d->syntax.resize(d->tokens.size());
  TokenSyntax& syn = d->syntax.back();
  syn.upos = t.String("upos");
  syn.xpos = t.String("xpos");
  syn.lemma = t.String("lemma");
  syn.feats = t.Has("feats") ? t.String("feats") : "_";
  if (t.Has("deprel")) {
    syn.deprel = t.String("deprel");
    syn.head = t.Index("head");
  }
}

void ReadSentences(const Object& o, AnalyzedDocument* d) {
  o.ForEach("sentences", false, [&](const Object& s) {
    Sentence sentence;
    sentence.span = s.SpanOf("", d->doc.text.size());
    sentence.paragraph = s.Index("paragraph");
    sentence.first_token = static_cast<uint32_t>(d->tokens.size());
    s.ForEach("tokens", false, [&](const Object& t) { ReadToken(t, d); });
    sentence.end_token = static_cast<uint32_t>(d->tokens.size());
    d->sentences.push_back(sentence);
  });
  if (!d->syntax.empty() && d->syntax.size() != d->tokens.size()) {
    Fail("sentences", "syntax fields on every token or on none");
  }
}

void ReadEntities(const Object& o, AnalyzedDocument* d) {
  const size_t n = d->doc.text.size();
  o.ForEach("entities", true, [&](const Object& e) {
    Entity entity;
    entity.name = e.String("name");
    entity.type = e.String("type");
    e.ForEach("mentions", false, [&](const Object& m) {
      EntityMention mention;
      mention.span = m.SpanOf("", n);
      mention.first_token = m.Index("first_token");
      mention.end_token = m.Index("end_token");
      mention.sentence = m.Index("sentence");
      mention.kind = m.String("kind");
      entity.mentions.push_back(std::move(mention));
    });
    if (e.Has("place")) {
      const Object p(e.At("place"), e.Where("place"));
      entity.place.geonames_id = p.Int("geonames_id");
      entity.place.name = p.String("name");
      entity.place.country = p.String("country");
      entity.place.admin1 = p.String("admin1");
      entity.place.feature = p.String("feature");
      entity.place.source_id = p.String("source_id");
    }
    d->entities.push_back(std::move(entity));
  });
}

void ReadQuantities(const Object& o, AnalyzedDocument* d) {
  const size_t n = d->doc.text.size();
  const double inf = std::numeric_limits<double>::infinity();
  o.ForEach("quantities", true, [&](const Object& q) {
    Quantity quantity;
    quantity.span = q.SpanOf("", n);
    quantity.sentence = q.Index("sentence");
    quantity.value = q.Number("value", 0);
    quantity.low = q.Number("low", -inf);
    quantity.high = q.Number("high", inf);
    quantity.bound = q.String("bound");
    quantity.vague = q.OptBool("vague", false);
    quantity.change = q.OptString("change");
    quantity.unit = q.OptString("unit");
    quantity.per = q.OptString("per");
    quantity.counted = q.OptString("counted");
    if (q.Has("counted_token")) {
      quantity.counted_span = q.SpanOf("counted_", n);
      quantity.counted_token = q.OptIndex("counted_token");
    }
    quantity.number_token = q.Index("number_token");
    d->quantities.push_back(std::move(quantity));
  });
}

void ReadDates(const Object& o, AnalyzedDocument* d) {
  o.ForEach("dates", true, [&](const Object& m) {
    DateMention date;
    date.span = m.SpanOf("", d->doc.text.size());
    date.sentence = m.Index("sentence");
    date.iso = m.OptString("iso");
    date.granularity = m.OptString("granularity");
    date.relative = m.OptBool("relative", false);
    d->dates.push_back(std::move(date));
  });
}

void ReadQuotes(const Object& o, AnalyzedDocument* d) {
  const size_t n = d->doc.text.size();
  o.ForEach("quotes", true, [&](const Object& q) {
    Quote quote;
    quote.kind = q.String("kind");
    quote.content = q.SpanOf("", n);
    quote.sentence = q.Index("sentence");
    quote.speaker = q.OptString("speaker");
    quote.speaker_role = q.OptString("speaker_role");
    quote.speaker_entity = q.OptIndex("speaker_entity");
    quote.speaker_span = q.OptSpanOf("speaker_", n);
    quote.verb = q.OptString("verb");
    quote.verb_span = q.OptSpanOf("verb_", n);
    quote.stance = q.OptString("stance");
    quote.addressee = q.OptString("addressee");
    quote.handle = q.OptString("handle");
    quote.date = q.OptString("date");
    quote.continues = q.OptIndex("continues");
    quote.speaker_from = q.OptIndex("speaker_from");
    d->quotes.push_back(std::move(quote));
  });
}

// Claims: every field optional, so a writer that adds or leaves out fields
// (the claims stage is young) still reads.
void ReadClaims(const Object& o, AnalyzedDocument* d) {
  const size_t n = d->doc.text.size();
  o.ForEach("claims", true, [&](const Object& c) {
    Claim claim;
    claim.sentence = static_cast<uint32_t>(c.OptInt("sentence", 0));
    claim.span = c.OptSpanOf("", n);
    claim.event = c.OptString("event");
    claim.trigger = c.OptString("trigger");
    claim.trigger_span = c.OptSpanOf("trigger_", n);
    claim.agent = c.OptString("agent");
    claim.agent_entity = c.OptIndex("agent_entity");
    claim.agent_span = c.OptSpanOf("agent_", n);
    claim.patient = c.OptString("patient");
    claim.patient_entity = c.OptIndex("patient_entity");
    claim.patient_span = c.OptSpanOf("patient_", n);
    claim.quantity = c.OptIndex("quantity");
    claim.place_entity = c.OptIndex("place_entity");
    claim.date = c.OptIndex("date");
    claim.modality = c.OptString("modality");
    claim.modality_cue = c.OptString("modality_cue");
    claim.modality_span = c.OptSpanOf("modality_", n);
    c.ForEach("attribution", true, [&](const Object& a) {
      Attribution link;
      link.source = a.OptString("source");
      link.entity = a.OptIndex("entity");
      link.span = a.OptSpanOf("", n);
      link.cue = a.OptString("cue");
      link.kind = a.OptString("kind");
      claim.attribution.push_back(std::move(link));
    });
    claim.quote = c.OptIndex("quote");
    d->claims.push_back(std::move(claim));
  });
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

// Reads a JSON string starting at s[*i] == '"'; false if it is not one.
bool ScanString(std::string_view s, size_t* i, std::string* out) {
  if (*i >= s.size() || s[*i] != '"') return false;
  const size_t start = *i;
  bool escaped = false;
  for (size_t j = start + 1; j < s.size(); ++j) {
    if (s[j] == '\\') { escaped = true; ++j; continue; }
    if (s[j] != '"') continue;
    *i = j + 1;
    if (!escaped) { out->assign(s.substr(start + 1, j - start - 1)); return true; }
    try {
      *out = json::parse(s.substr(start, j + 1 - start)).get<std::string>();
      return true;
    } catch (const json::exception&) {
      return false;
    }
  }
  return false;
}

}  // namespace

Result<AnalyzedDocument> AnalysisReader::ParseLine(std::string_view line) {
  try {
    const json j = json::parse(line);
    const Object o(j, "");
    AnalyzedDocument d;
    ReadDocument(o, &d.doc);
    ReadSentences(o, &d);
    ReadEntities(o, &d);
    ReadQuantities(o, &d);
    ReadDates(o, &d);
    ReadQuotes(o, &d);
    ReadClaims(o, &d);
    return d;
  } catch (const BadField& e) {
    return Status::Error(e.message);
  } catch (const json::exception& e) {
    return Status::Error("malformed JSON: " + CleanMessage(e.what()));
  }
}

// The writer puts the scalar document fields first, so they are scanned
// without parsing the (large) layers; anything unexpected falls back to the
// full parser.
Result<Document> AnalysisReader::ParseMetadata(std::string_view line) {
  Document doc;
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i < line.size() && line[i] == '{') {
    ++i;
    std::string key, value;
    int found = 0;
    while (ScanString(line, &i, &key) && i < line.size() && line[i] == ':') {
      ++i;
      value.clear();
      if (line.substr(i, 4) == "null") {
        i += 4;
      } else if (!ScanString(line, &i, &value)) {
        break;  // not a string: the layers have begun
      }
      if (key == "id") { doc.id = value; found |= 1; }
      else if (key == "title") doc.title = value;
      else if (key == "date") doc.date = value;
      else if (key == "source") doc.source = value;
      else if (key == "url") doc.url = value;
      else if (key == "language") { doc.language = value; found |= 2; }
      else if (key == "origin") { doc.origin = value; found |= 4; }
      if (found == 7) return doc;
      if (i >= line.size() || line[i] != ',') break;
      ++i;
    }
  }
  Result<AnalyzedDocument> full = ParseLine(line);
  if (!full.ok()) return full.status();
  return std::move(full->doc);
}

Result<std::unique_ptr<AnalysisReader>> AnalysisReader::Open(const std::string& path, ErrorSink on_error) {
  gzFile gz = path == "-" ? gzdopen(::dup(0), "rb") : gzopen(path.c_str(), "rb");
  if (!gz) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  gzbuffer(gz, 128 << 10);
  std::unique_ptr<AnalysisReader> reader(new AnalysisReader(path, gz, false, std::move(on_error)));
  reader->Fill();  // also tells whether the file is compressed
  reader->compressed_ = !gzdirect(gz);
  return reader;
}

AnalysisReader::AnalysisReader(std::string path, void* gz, bool compressed, ErrorSink on_error)
    : path_(std::move(path)), gz_(gz), compressed_(compressed), on_error_(std::move(on_error)) {}

AnalysisReader::~AnalysisReader() { gzclose(static_cast<gzFile>(gz_)); }

void AnalysisReader::Report(uint64_t line_number, const Status& status) {
  ++errors_;
  const Status located = Status::Error(path_ + ":" + std::to_string(line_number) + ": " + status.message());
  if (on_error_) on_error_(located); else std::fprintf(stderr, "crosscheck: %s\n", located.message().c_str());
}

// Appends one block to the unread part of buffer_; false at end of input.
bool AnalysisReader::Fill() {
  if (eof_) return false;
  buffer_.erase(0, pos_);
  buffer_offset_ += pos_;
  pos_ = 0;
  const size_t have = buffer_.size();
  buffer_.resize(have + kReadBlock);
  const int got = gzread(static_cast<gzFile>(gz_), buffer_.data() + have, kReadBlock);
  if (got < 0) {
    int code = 0;
    const char* message = gzerror(static_cast<gzFile>(gz_), &code);
    Report(line_number_ + 1, Status::Error(std::string("read error: ") + message));
    buffer_.resize(have);
    eof_ = true;
    return false;
  }
  buffer_.resize(have + static_cast<size_t>(got));
  if (got == 0) eof_ = true;
  return got > 0;
}

bool AnalysisReader::NextLine(std::string* line, uint64_t* line_number, uint64_t* offset) {
  for (;;) {
    size_t end = buffer_.find('\n', pos_);
    while (end == std::string::npos) {
      const size_t searched = buffer_.size() - pos_;  // Fill moves the unread bytes to the front
      if (!Fill()) break;
      end = buffer_.find('\n', searched);
    }
    if (end == std::string::npos && pos_ >= buffer_.size()) return false;
    const size_t stop = end == std::string::npos ? buffer_.size() : end;
    ++line_number_;
    const uint64_t start = buffer_offset_ + pos_;
    std::string_view text(buffer_.data() + pos_, stop - pos_);
    pos_ = end == std::string::npos ? buffer_.size() : end + 1;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    line->assign(text);
    *line_number = line_number_;
    *offset = start;
    return true;
  }
}

bool AnalysisReader::Next(AnalyzedDocument* doc) {
  std::string line;
  uint64_t number = 0, offset = 0;
  while (NextLine(&line, &number, &offset)) {
    Result<AnalyzedDocument> parsed = ParseLine(line);
    if (parsed.ok()) {
      *doc = std::move(parsed.value());
      return true;
    }
    Report(number, parsed.status());
  }
  return false;
}

bool AnalysisReader::Seek(uint64_t offset, uint64_t line_number) {
  if (gzseek(static_cast<gzFile>(gz_), static_cast<z_off_t>(offset), SEEK_SET) < 0) return false;
  buffer_.clear();
  pos_ = 0;
  buffer_offset_ = offset;
  eof_ = false;
  line_number_ = line_number - 1;
  return true;
}

}  // namespace crosscheck::analyze

#include "store/analysis_codec.h"

#include <zstd.h>

#include <cstring>
#include <memory>
#include <unordered_map>

namespace crosscheck::store {
namespace {

constexpr std::string_view kAnalysisMagic = "CCA1";
constexpr std::string_view kRecordMagic = "CCR1";
constexpr size_t kMaxDecoded = size_t{1} << 30;
constexpr uint32_t kMaxCount = 1u << 28;

// Varints, zigzag for signed values, and a per-blob table of strings: the
// first use of a string writes it, later uses write its index.
class Encoder {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) { out_.push_back(static_cast<char>(v | 0x80)); v >>= 7; }
    out_.push_back(static_cast<char>(v));
  }
  void S(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void D(double v) { uint64_t bits; std::memcpy(&bits, &v, 8); Raw(&bits, 8); }
  void F(float v) { uint32_t bits; std::memcpy(&bits, &v, 4); Raw(&bits, 4); }
  void B(bool v) { U(v ? 1 : 0); }
  void Bytes(std::string_view s) { U(s.size()); out_.append(s); }
  void Str(const std::string& s) {
    auto [it, added] = strings_.try_emplace(s, strings_.size());
    U(it->second);
    if (added) Bytes(s);
  }
  void Span(const crosscheck::Span& s) { U(s.begin); U(s.end - s.begin); }
  std::string& out() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
  std::unordered_map<std::string, uint64_t> strings_;
};

class Decoder {
 public:
  Decoder(std::string_view in, uint32_t text_size) : in_(in), text_size_(text_size) {}
  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) { ok_ = false; return 0; }
      const auto byte = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  uint32_t U32() { const uint64_t v = U(); if (v > UINT32_MAX) ok_ = false; return static_cast<uint32_t>(v); }
  int64_t S() { const uint64_t v = U(); return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }
  int32_t S32() { const int64_t v = S(); if (v < INT32_MIN || v > INT32_MAX) ok_ = false; return static_cast<int32_t>(v); }
  double D() { uint64_t bits = 0; Raw(&bits, 8); double v; std::memcpy(&v, &bits, 8); return v; }
  float F() { uint32_t bits = 0; Raw(&bits, 4); float v; std::memcpy(&v, &bits, 4); return v; }
  bool B() { return U() != 0; }
  uint32_t Count() { const uint64_t n = U(); if (n > kMaxCount || n > in_.size()) ok_ = false; return ok_ ? static_cast<uint32_t>(n) : 0; }
  std::string Bytes() {
    const uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) { ok_ = false; return {}; }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::string Str() {
    const uint64_t index = U();
    if (!ok_) return {};
    if (index == strings_.size()) { strings_.push_back(Bytes()); return strings_.back(); }
    if (index > strings_.size()) { ok_ = false; return {}; }
    return strings_[index];
  }
  crosscheck::Span Span() {
    const uint64_t begin = U(), size = U();
    if (begin + size > text_size_) { ok_ = false; return {}; }
    return {static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + size)};
  }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  void Raw(void* p, size_t n) {
    if (in_.size() - pos_ < n) { ok_ = false; return; }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view in_;
  size_t pos_ = 0;
  uint32_t text_size_;
  bool ok_ = true;
  std::vector<std::string> strings_;
};

// zstd level 3 with its content checksum: a flipped byte fails the decode.
std::string Compress(std::string_view magic, const std::string& raw) {
  thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> ctx = [] {
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> c(ZSTD_createCCtx(), ZSTD_freeCCtx);
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1);
    return c;
  }();
  std::string out(magic);
  out.resize(magic.size() + ZSTD_compressBound(raw.size()));
  const size_t n = ZSTD_compress2(ctx.get(), out.data() + magic.size(), out.size() - magic.size(), raw.data(), raw.size());
  out.resize(magic.size() + (ZSTD_isError(n) ? 0 : n));
  return out;
}

Result<std::string> Decompress(std::string_view magic, std::string_view bytes) {
  if (bytes.substr(0, magic.size()) != magic) return Status::Error("stored analysis: bad magic (expected " + std::string(magic) + ")");
  bytes.remove_prefix(magic.size());
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecoded) {
    return Status::Error("stored analysis: corrupt zstd frame");
  }
  std::string raw(size, '\0');
  const size_t n = ZSTD_decompress(raw.data(), raw.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(n) || n != size) return Status::Error("stored analysis: corrupt zstd frame");
  return raw;
}

// ---- layers ----

void PutTokens(Encoder& e, const AnalyzedDocument& d) {
  e.U(d.tokens.size());
  for (const Token& t : d.tokens) {
    e.Span(t.span);
    const std::string_view bytes = std::string_view(d.doc.text).substr(t.span.begin, t.span.size());
    const bool own_form = t.form != bytes;
    e.U((t.space_after ? 1 : 0) | (t.mwt_continues ? 2 : 0) | (own_form ? 4 : 0));
    if (own_form) e.Str(t.form);
  }
  e.U(d.sentences.size());
  for (const Sentence& s : d.sentences) { e.Span(s.span); e.U(s.first_token); e.U(s.end_token); e.U(s.paragraph); }
  e.U(d.syntax.size());
  for (const TokenSyntax& s : d.syntax) {
    e.Str(s.upos); e.Str(s.xpos); e.Str(s.feats); e.Str(s.lemma); e.U(s.head); e.Str(s.deprel);
  }
}

void GetTokens(Decoder& r, AnalyzedDocument& d) {
  d.tokens.resize(r.Count());
  for (Token& t : d.tokens) {
    t.span = r.Span();
    const uint64_t flags = r.U();
    t.space_after = flags & 1;
    t.mwt_continues = flags & 2;
    t.form = (flags & 4) ? r.Str() : d.doc.text.substr(t.span.begin, t.span.size());
    if (!r.ok()) return;
  }
  d.sentences.resize(r.Count());
  for (Sentence& s : d.sentences) {
    s.span = r.Span(); s.first_token = r.U32(); s.end_token = r.U32(); s.paragraph = r.U32();
    if (s.first_token > s.end_token || s.end_token > d.tokens.size()) r.Fail();
  }
  const uint32_t syntax = r.Count();
  if (syntax != 0 && syntax != d.tokens.size()) r.Fail();
  d.syntax.resize(r.ok() ? syntax : 0);
  for (TokenSyntax& s : d.syntax) {
    s.upos = r.Str(); s.xpos = r.Str(); s.feats = r.Str(); s.lemma = r.Str(); s.head = r.U32(); s.deprel = r.Str();
  }
}

void PutEntities(Encoder& e, const AnalyzedDocument& d) {
  e.U(d.entities.size());
  for (const Entity& x : d.entities) {
    e.Str(x.name); e.Str(x.type);
    e.U(x.mentions.size());
    for (const EntityMention& m : x.mentions) { e.Span(m.span); e.U(m.first_token); e.U(m.end_token); e.U(m.sentence); e.Str(m.kind); }
    const PlaceLink& p = x.place;
    e.S(p.geonames_id); e.Str(p.name); e.Str(p.country); e.Str(p.admin1);
    e.D(p.latitude); e.D(p.longitude); e.Str(p.feature); e.Str(p.source_id);
  }
}

void GetEntities(Decoder& r, AnalyzedDocument& d) {
  d.entities.resize(r.Count());
  for (Entity& x : d.entities) {
    x.name = r.Str(); x.type = r.Str();
    x.mentions.resize(r.Count());
    for (EntityMention& m : x.mentions) { m.span = r.Span(); m.first_token = r.U32(); m.end_token = r.U32(); m.sentence = r.U32(); m.kind = r.Str(); }
    PlaceLink& p = x.place;
    p.geonames_id = r.S(); p.name = r.Str(); p.country = r.Str(); p.admin1 = r.Str();
    p.latitude = r.D(); p.longitude = r.D(); p.feature = r.Str(); p.source_id = r.Str();
    if (!r.ok()) return;
  }
}

void PutFacts(Encoder& e, const AnalyzedDocument& d) {
  e.U(d.quantities.size());
  for (const Quantity& q : d.quantities) {
    e.Span(q.span); e.U(q.sentence); e.D(q.value); e.D(q.low); e.D(q.high); e.Str(q.bound); e.B(q.vague);
    e.Str(q.change); e.Str(q.unit); e.Str(q.counted); e.Span(q.counted_span); e.Str(q.per);
    e.U(q.number_token); e.S(q.counted_token);
  }
  e.U(d.dates.size());
  for (const DateMention& m : d.dates) { e.Span(m.span); e.U(m.sentence); e.Str(m.iso); e.Str(m.granularity); e.B(m.relative); }
}

void GetFacts(Decoder& r, AnalyzedDocument& d) {
  d.quantities.resize(r.Count());
  for (Quantity& q : d.quantities) {
    q.span = r.Span(); q.sentence = r.U32(); q.value = r.D(); q.low = r.D(); q.high = r.D(); q.bound = r.Str(); q.vague = r.B();
    q.change = r.Str(); q.unit = r.Str(); q.counted = r.Str(); q.counted_span = r.Span(); q.per = r.Str();
    q.number_token = r.U32(); q.counted_token = r.S32();
    if (!r.ok()) return;
  }
  d.dates.resize(r.Count());
  for (DateMention& m : d.dates) { m.span = r.Span(); m.sentence = r.U32(); m.iso = r.Str(); m.granularity = r.Str(); m.relative = r.B(); }
}

void PutQuotes(Encoder& e, const AnalyzedDocument& d) {
  e.U(d.quotes.size());
  for (const Quote& q : d.quotes) {
    e.Span(q.content); e.U(q.sentence); e.Str(q.kind); e.Str(q.speaker); e.S(q.speaker_entity); e.Span(q.speaker_span);
    e.Str(q.verb); e.Span(q.verb_span); e.Str(q.stance); e.Str(q.addressee); e.Str(q.handle); e.Str(q.date);
    e.Str(q.speaker_role); e.S(q.continues); e.S(q.speaker_from);
  }
}

void GetQuotes(Decoder& r, AnalyzedDocument& d) {
  d.quotes.resize(r.Count());
  for (Quote& q : d.quotes) {
    q.content = r.Span(); q.sentence = r.U32(); q.kind = r.Str(); q.speaker = r.Str(); q.speaker_entity = r.S32(); q.speaker_span = r.Span();
    q.verb = r.Str(); q.verb_span = r.Span(); q.stance = r.Str(); q.addressee = r.Str(); q.handle = r.Str(); q.date = r.Str();
    q.speaker_role = r.Str(); q.continues = r.S32(); q.speaker_from = r.S32();
    if (!r.ok()) return;
  }
}

void PutClaims(Encoder& e, const AnalyzedDocument& d) {
  e.U(d.claims.size());
  for (const Claim& c : d.claims) {
    e.U(c.sentence); e.Span(c.span); e.Str(c.event); e.Str(c.trigger); e.Span(c.trigger_span);
    e.Str(c.agent); e.S(c.agent_entity); e.Span(c.agent_span);
    e.Str(c.patient); e.S(c.patient_entity); e.Span(c.patient_span);
    e.S(c.quantity); e.S(c.place_entity); e.S(c.date);
    e.Str(c.modality); e.Str(c.modality_cue); e.Span(c.modality_span);
    e.U(c.attribution.size());
    for (const Attribution& a : c.attribution) { e.Str(a.source); e.S(a.entity); e.Span(a.span); e.Str(a.cue); e.Str(a.kind); }
    e.S(c.quote);
  }
}

void GetClaims(Decoder& r, AnalyzedDocument& d) {
  d.claims.resize(r.Count());
  for (Claim& c : d.claims) {
    c.sentence = r.U32(); c.span = r.Span(); c.event = r.Str(); c.trigger = r.Str(); c.trigger_span = r.Span();
    c.agent = r.Str(); c.agent_entity = r.S32(); c.agent_span = r.Span();
    c.patient = r.Str(); c.patient_entity = r.S32(); c.patient_span = r.Span();
    c.quantity = r.S32(); c.place_entity = r.S32(); c.date = r.S32();
    c.modality = r.Str(); c.modality_cue = r.Str(); c.modality_span = r.Span();
    c.attribution.resize(r.Count());
    for (Attribution& a : c.attribution) { a.source = r.Str(); a.entity = r.S32(); a.span = r.Span(); a.cue = r.Str(); a.kind = r.Str(); }
    c.quote = r.S32();
    if (!r.ok()) return;
  }
}

// Indexes between layers must point inside them: later stages index with them.
bool IndexesValid(const AnalyzedDocument& d) {
  const auto in = [](int64_t i, size_t n) { return i >= -1 && i < static_cast<int64_t>(n); };
  const size_t sentences = d.sentences.size(), tokens = d.tokens.size(), entities = d.entities.size();
  for (const Entity& x : d.entities)
    for (const EntityMention& m : x.mentions)
      if (m.sentence >= sentences || m.first_token > m.end_token || m.end_token > tokens) return false;
  for (const Quantity& q : d.quantities)
    if (q.sentence >= sentences || (tokens && q.number_token >= tokens) || !in(q.counted_token, tokens)) return false;
  for (const DateMention& m : d.dates) if (m.sentence >= sentences) return false;
  for (const Quote& q : d.quotes)
    if (q.sentence >= sentences || !in(q.speaker_entity, entities) || !in(q.continues, d.quotes.size()) ||
        !in(q.speaker_from, d.quotes.size())) return false;
  for (const Claim& c : d.claims) {
    if (c.sentence >= sentences || !in(c.agent_entity, entities) || !in(c.patient_entity, entities) ||
        !in(c.quantity, d.quantities.size()) || !in(c.place_entity, entities) || !in(c.date, d.dates.size()) ||
        !in(c.quote, d.quotes.size())) return false;
    for (const Attribution& a : c.attribution) if (!in(a.entity, entities)) return false;
  }
  for (const Sentence& s : d.sentences) if (!d.doc.paragraphs.empty() && s.paragraph >= d.doc.paragraphs.size()) return false;
  return true;
}

void PutTerms(Encoder& e, const std::vector<cluster::TermCount>& terms) {
  e.U(terms.size());
  uint64_t previous = 0;
  for (const cluster::TermCount& t : terms) { e.U(t.term - previous); previous = t.term; e.F(t.count); }
}

void GetTerms(Decoder& r, std::vector<cluster::TermCount>* terms) {
  terms->resize(r.Count());
  uint64_t previous = 0;
  for (cluster::TermCount& t : *terms) { t.term = previous + r.U(); previous = t.term; t.count = r.F(); }
}

}  // namespace

std::string EncodeAnalysis(const AnalyzedDocument& d) {
  Encoder e;
  e.U(d.doc.paragraphs.size());
  for (const Span& p : d.doc.paragraphs) e.Span(p);
  e.U(d.doc.repaired_bytes);
  PutTokens(e, d);
  PutEntities(e, d);
  PutFacts(e, d);
  PutQuotes(e, d);
  PutClaims(e, d);
  return Compress(kAnalysisMagic, e.out());
}

Result<AnalyzedDocument> DecodeAnalysis(std::string_view bytes, Document doc) {
  auto raw = Decompress(kAnalysisMagic, bytes);
  if (!raw.ok()) return raw.status();
  AnalyzedDocument d;
  d.doc = std::move(doc);
  Decoder r(*raw, static_cast<uint32_t>(d.doc.text.size()));
  d.doc.paragraphs.resize(r.Count());
  for (Span& p : d.doc.paragraphs) p = r.Span();
  d.doc.repaired_bytes = r.U32();
  GetTokens(r, d);
  if (r.ok()) GetEntities(r, d);
  if (r.ok()) GetFacts(r, d);
  if (r.ok()) GetQuotes(r, d);
  if (r.ok()) GetClaims(r, d);
  if (!r.ok() || !r.at_end() || !IndexesValid(d)) {
    return Status::Error("stored analysis of " + d.doc.id + ": corrupt or does not match the text");
  }
  return d;
}

std::string EncodeRecord(const cluster::DocumentRecord& c) {
  Encoder e;
  e.Bytes(c.id); e.Bytes(c.title); e.Bytes(c.source); e.Bytes(c.date); e.S(c.time);
  PutTerms(e, c.words); PutTerms(e, c.title_words); PutTerms(e, c.entities);
  e.U(c.entity_names.size());
  for (const std::string& name : c.entity_names) e.Bytes(name);
  e.U(c.shingles);
  e.U(c.signature.size());
  for (uint32_t v : c.signature) e.U(v);
  e.U(c.paragraphs.size());
  for (const cluster::ParagraphPrint& p : c.paragraphs) {
    e.U(p.paragraph); e.U(p.shingles); e.U(p.signature.size());
    for (uint32_t v : p.signature) e.U(v);
  }
  e.U(c.body_words);
  return Compress(kRecordMagic, e.out());
}

Result<cluster::DocumentRecord> DecodeRecord(std::string_view bytes) {
  auto raw = Decompress(kRecordMagic, bytes);
  if (!raw.ok()) return raw.status();
  Decoder r(*raw, UINT32_MAX);
  cluster::DocumentRecord c;
  c.id = r.Bytes(); c.title = r.Bytes(); c.source = r.Bytes(); c.date = r.Bytes(); c.time = r.S();
  GetTerms(r, &c.words); GetTerms(r, &c.title_words); GetTerms(r, &c.entities);
  c.entity_names.resize(r.Count());
  for (std::string& name : c.entity_names) name = r.Bytes();
  c.shingles = r.U32();
  c.signature.resize(r.Count());
  for (uint32_t& v : c.signature) v = r.U32();
  c.paragraphs.resize(r.Count());
  for (cluster::ParagraphPrint& p : c.paragraphs) {
    p.paragraph = r.U32(); p.shingles = r.U32(); p.signature.resize(r.Count());
    for (uint32_t& v : p.signature) v = r.U32();
    if (!r.ok()) break;
  }
  c.body_words = r.U32();
  if (!r.ok() || !r.at_end()) return Status::Error("stored cluster record: corrupt");
  return c;
}

}  // namespace crosscheck::store

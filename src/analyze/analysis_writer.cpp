#include "analyze/analysis_writer.h"

#include <cmath>
#include <string_view>

#include "core/json_writer.h"

namespace crosscheck::analyze {
namespace {

std::string_view Slice(const Document& doc, Span span) {
  return std::string_view(doc.text).substr(span.begin, span.size());
}

void AppendSpan(JsonWriter& w, Span span) {
  w.Key("begin"); w.Int(span.begin);
  w.Key("end"); w.Int(span.end);
}

void AppendMetadata(JsonWriter& w, const Document& doc) {
  w.Key("id"); w.String(doc.id);
  w.StringOrNull("title", doc.title);
  w.StringOrNull("date", doc.date);
  w.StringOrNull("source", doc.source);
  w.StringOrNull("url", doc.url);
  w.Key("language"); w.String(doc.language);
  w.Key("origin"); w.String(doc.origin);
  if (doc.repaired_bytes) { w.Key("repaired_bytes"); w.Int(doc.repaired_bytes); }
  if (!doc.extra.empty()) {
    w.Key("extra");
    w.BeginObject();
    for (const auto& [key, raw] : doc.extra) { w.Key(key); w.Raw(raw); }
    w.EndObject();
  }
}

void AppendSyntax(JsonWriter& w, const TokenSyntax& syn) {
  w.Key("upos"); w.String(syn.upos);
  w.Key("xpos"); w.String(syn.xpos);
  w.Key("lemma"); w.String(syn.lemma);
  if (!syn.feats.empty() && syn.feats != "_") { w.Key("feats"); w.String(syn.feats); }
  if (!syn.deprel.empty()) {
    w.Key("head"); w.Int(syn.head);
    w.Key("deprel"); w.String(syn.deprel);
  }
}

void AppendSentence(JsonWriter& w, const AnalyzedDocument& d, size_t index) {
  const Sentence& s = d.sentences[index];
  w.BeginObject();
  w.Key("id"); w.Int(static_cast<int64_t>(index));
  AppendSpan(w, s.span);
  w.Key("paragraph"); w.Int(s.paragraph);
  w.Key("text"); w.String(Slice(d.doc, s.span));
  w.Key("tokens");
  w.BeginArray();
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = d.tokens[t];
    w.BeginObject();
    w.Key("form"); w.String(tok.form);
    AppendSpan(w, tok.span);
    if (!tok.space_after) { w.Key("space_after"); w.Bool(false); }
    if (tok.mwt_continues) { w.Key("mwt_continues"); w.Bool(true); }
    if (!d.syntax.empty()) AppendSyntax(w, d.syntax[t]);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// Open ends (+-inf) are null: JSON has no infinity.
void AppendBoundOrNull(JsonWriter& w, const char* key, double v) {
  w.Key(key);
  if (std::isinf(v)) w.Null(); else w.Double(v, 6);
}

void AppendQuantity(JsonWriter& w, const Quantity& q) {
  w.BeginObject();
  AppendSpan(w, q.span);
  w.Key("sentence"); w.Int(q.sentence);
  w.Key("value"); w.Double(q.value, 6);
  AppendBoundOrNull(w, "low", q.low);
  AppendBoundOrNull(w, "high", q.high);
  w.Key("bound"); w.String(q.bound);
  if (q.vague) { w.Key("vague"); w.Bool(true); }
  if (!q.change.empty()) { w.Key("change"); w.String(q.change); }
  if (!q.unit.empty()) { w.Key("unit"); w.String(q.unit); }
  if (!q.per.empty()) { w.Key("per"); w.String(q.per); }
  if (!q.counted.empty()) { w.Key("counted"); w.String(q.counted); }
  if (q.counted_token >= 0) {
    w.Key("counted_begin"); w.Int(q.counted_span.begin);
    w.Key("counted_end"); w.Int(q.counted_span.end);
    w.Key("counted_token"); w.Int(q.counted_token);
  }
  w.Key("number_token"); w.Int(q.number_token);
  w.EndObject();
}

void AppendDate(JsonWriter& w, const DateMention& d) {
  w.BeginObject();
  AppendSpan(w, d.span);
  w.Key("sentence"); w.Int(d.sentence);
  w.StringOrNull("iso", d.iso);
  w.StringOrNull("granularity", d.granularity);
  w.Key("relative"); w.Bool(d.relative);
  w.EndObject();
}

void AppendEntity(JsonWriter& w, const AnalyzedDocument& d, const Entity& e) {
  w.BeginObject();
  w.Key("name"); w.String(e.name);
  w.Key("type"); w.String(e.type);
  w.Key("mentions");
  w.BeginArray();
  for (const EntityMention& m : e.mentions) {
    w.BeginObject();
    AppendSpan(w, m.span);
    w.Key("first_token"); w.Int(m.first_token);
    w.Key("end_token"); w.Int(m.end_token);
    w.Key("sentence"); w.Int(m.sentence);
    w.Key("kind"); w.String(m.kind);
    w.Key("text"); w.String(Slice(d.doc, m.span));
    w.EndObject();
  }
  w.EndArray();
  w.Key("place");
  if (e.place.feature.empty()) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("geonames_id"); w.Int(e.place.geonames_id);
    w.Key("name"); w.String(e.place.name);
    w.Key("country"); w.String(e.place.country);
    w.Key("admin1"); w.String(e.place.admin1);
    w.Key("feature"); w.String(e.place.feature);
    w.Key("source_id"); w.String(e.place.source_id);
    w.EndObject();
  }
  w.EndObject();
}

void AppendOptionalString(JsonWriter& w, const char* key, const std::string& value) {
  if (!value.empty()) { w.Key(key); w.String(value); }
}

void AppendOptionalIndex(JsonWriter& w, const char* key, int32_t value) {
  if (value >= 0) { w.Key(key); w.Int(value); }
}

void AppendQuote(JsonWriter& w, const AnalyzedDocument& d, const Quote& q) {
  w.BeginObject();
  w.Key("kind"); w.String(q.kind);
  AppendSpan(w, q.content);
  w.Key("text"); w.String(Slice(d.doc, q.content));
  w.Key("sentence"); w.Int(q.sentence);
  w.StringOrNull("speaker", q.speaker);
  AppendOptionalString(w, "speaker_role", q.speaker_role);
  AppendOptionalIndex(w, "speaker_entity", q.speaker_entity);
  if (!q.speaker_span.empty()) {
    w.Key("speaker_begin"); w.Int(q.speaker_span.begin);
    w.Key("speaker_end"); w.Int(q.speaker_span.end);
  }
  AppendOptionalString(w, "verb", q.verb);
  if (!q.verb_span.empty()) {
    w.Key("verb_begin"); w.Int(q.verb_span.begin);
    w.Key("verb_end"); w.Int(q.verb_span.end);
  }
  AppendOptionalString(w, "stance", q.stance);
  AppendOptionalString(w, "addressee", q.addressee);
  AppendOptionalString(w, "handle", q.handle);
  AppendOptionalString(w, "date", q.date);
  AppendOptionalIndex(w, "continues", q.continues);
  AppendOptionalIndex(w, "speaker_from", q.speaker_from);
  w.EndObject();
}

// Spans as prefix_begin / prefix_end, as the other layers write them (analysis_reader reads them back).
void AppendPrefixedSpan(JsonWriter& w, const std::string& prefix, Span span) {
  if (span.empty()) return;
  w.Key(prefix + "begin"); w.Int(span.begin);
  w.Key(prefix + "end"); w.Int(span.end);
}

void AppendIndexOrNull(JsonWriter& w, const char* key, int32_t value) {
  w.Key(key);
  if (value >= 0) w.Int(value); else w.Null();
}

void AppendAttributionLink(JsonWriter& w, const AnalyzedDocument& d, const Attribution& a) {
  w.BeginObject();
  w.Key("source"); w.String(a.source);
  w.Key("kind"); w.String(a.kind);
  AppendOptionalString(w, "cue", a.cue);
  AppendOptionalIndex(w, "entity", a.entity);
  AppendPrefixedSpan(w, "", a.span);
  if (!a.span.empty()) { w.Key("text"); w.String(Slice(d.doc, a.span)); }
  w.EndObject();
}

void AppendClaim(JsonWriter& w, const AnalyzedDocument& d, const Claim& c) {
  w.BeginObject();
  w.Key("event"); w.String(c.event);
  w.Key("sentence"); w.Int(c.sentence);
  AppendSpan(w, c.span);
  w.Key("text"); w.String(Slice(d.doc, c.span));
  w.Key("trigger"); w.String(c.trigger);
  AppendPrefixedSpan(w, "trigger_", c.trigger_span);
  w.StringOrNull("agent", c.agent);
  AppendOptionalIndex(w, "agent_entity", c.agent_entity);
  AppendPrefixedSpan(w, "agent_", c.agent_span);
  w.StringOrNull("patient", c.patient);
  AppendOptionalIndex(w, "patient_entity", c.patient_entity);
  AppendPrefixedSpan(w, "patient_", c.patient_span);
  AppendIndexOrNull(w, "quantity", c.quantity);
  AppendIndexOrNull(w, "place_entity", c.place_entity);
  AppendIndexOrNull(w, "date", c.date);
  w.Key("modality"); w.String(c.modality);
  w.StringOrNull("modality_cue", c.modality_cue);
  AppendPrefixedSpan(w, "modality_", c.modality_span);
  w.Key("attribution");
  w.BeginArray();
  for (const Attribution& a : c.attribution) AppendAttributionLink(w, d, a);
  w.EndArray();
  AppendIndexOrNull(w, "quote", c.quote);
  w.EndObject();
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "tokens") return OutputFormat::kTokens;
  if (name == "summary") return OutputFormat::kSummary;
  if (name == "conllu") return OutputFormat::kConllu;
  if (name == "none") return OutputFormat::kNone;
  return Status::Error("unknown format '" + std::string(name) +
                       "' (expected json, jsonl, conllu, tokens, summary or none)");
}

void AnalysisWriter::AppendDocumentJson(const AnalyzedDocument& d, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  AppendMetadata(w, d.doc);
  w.Key("paragraphs");
  w.BeginArray();
  for (const Span& p : d.doc.paragraphs) {
    w.BeginArray(); w.Int(p.begin); w.Int(p.end); w.EndArray();
  }
  w.EndArray();
  w.Key("text"); w.String(d.doc.text);
  w.Key("sentences");
  w.BeginArray();
  for (size_t i = 0; i < d.sentences.size(); ++i) AppendSentence(w, d, i);
  w.EndArray();
  w.Key("entities");
  w.BeginArray();
  for (const Entity& e : d.entities) AppendEntity(w, d, e);
  w.EndArray();
  w.Key("quantities");
  w.BeginArray();
  for (const Quantity& q : d.quantities) AppendQuantity(w, q);
  w.EndArray();
  w.Key("dates");
  w.BeginArray();
  for (const DateMention& date : d.dates) AppendDate(w, date);
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : d.quotes) AppendQuote(w, d, q);
  w.EndArray();
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : d.claims) AppendClaim(w, d, c);
  w.EndArray();
  w.EndObject();
}

void AnalysisWriter::Begin() {
  if (format_ == OutputFormat::kJson) std::fputs("{\"documents\":[\n", out_);
}

void AnalysisWriter::Write(const AnalyzedDocument& doc) {
  buffer_.clear();
  switch (format_) {
    case OutputFormat::kJson:
      if (written_ > 0) buffer_.append(",\n");
      AppendDocumentJson(doc, &buffer_);
      break;
    case OutputFormat::kJsonl:
      AppendDocumentJson(doc, &buffer_);
      buffer_.push_back('\n');
      break;
    case OutputFormat::kTokens: AppendTokens(doc); break;
    case OutputFormat::kSummary: AppendSummary(doc); break;
    case OutputFormat::kConllu: AppendConllu(doc); break;
    case OutputFormat::kNone: break;
  }
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  ++written_;
}

void AnalysisWriter::End() {
  if (format_ == OutputFormat::kJson) std::fputs("\n]}\n", out_);
  std::fflush(out_);
}

void AnalysisWriter::AppendTokens(const AnalyzedDocument& d) {
  for (const Sentence& s : d.sentences) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (t > s.first_token) buffer_.push_back(' ');
      buffer_.append(Slice(d.doc, d.tokens[t].span));
    }
    buffer_.push_back('\n');
  }
}

namespace {

// CoNLL-U wants no spaces or tabs in FORM/LEMMA; news text rarely has them inside a word.
std::string ConlluField(std::string_view s) {
  if (s.empty()) return "_";
  std::string out(s);
  for (char& c : out) if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

void AnalysisWriter::AppendConllu(const AnalyzedDocument& d) {
  buffer_.append("# newdoc id = ").append(d.doc.id).append("\n");
  uint32_t paragraph = UINT32_MAX;
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const Sentence& s = d.sentences[i];
    if (s.paragraph != paragraph) { buffer_.append("# newpar\n"); paragraph = s.paragraph; }
    buffer_.append("# sent_id = ").append(d.doc.id).append("-").append(std::to_string(i)).append("\n");
    std::string text(Slice(d.doc, s.span));
    for (char& c : text) if (c == '\n' || c == '\r') c = ' ';
    buffer_.append("# text = ").append(text).append("\n");
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const uint32_t id = t - s.first_token + 1;
      if (d.tokens[t].mwt_continues && (t == s.first_token || !d.tokens[t - 1].mwt_continues)) {
        uint32_t last = t;
        while (last + 1 < s.end_token && d.tokens[last].mwt_continues) ++last;
        const Span surface{d.tokens[t].span.begin, d.tokens[last].span.end};
        buffer_.append(std::to_string(id)).append("-").append(std::to_string(id + last - t)).append("\t")
            .append(ConlluField(Slice(d.doc, surface))).append("\t_\t_\t_\t_\t_\t_\t_\t")
            .append(d.tokens[last].space_after ? "_" : "SpaceAfter=No").append("\n");
      }
      const Token& tok = d.tokens[t];
      const TokenSyntax* syn = d.syntax.empty() ? nullptr : &d.syntax[t];
      buffer_.append(std::to_string(id)).append("\t").append(ConlluField(tok.form)).append("\t")
          .append(syn ? ConlluField(syn->lemma) : "_").append("\t")
          .append(syn ? ConlluField(syn->upos) : "_").append("\t")
          .append(syn ? ConlluField(syn->xpos) : "_").append("\t")
          .append(syn && !syn->feats.empty() ? syn->feats : "_").append("\t")
          .append(syn && !syn->deprel.empty() ? std::to_string(syn->head) : "_").append("\t")
          .append(syn && !syn->deprel.empty() ? syn->deprel : "_").append("\t_\t")
          .append(tok.space_after || tok.mwt_continues ? "_" : "SpaceAfter=No").append("\n");
    }
    buffer_.append("\n");
  }
}

void AnalysisWriter::AppendSummary(const AnalyzedDocument& d) {
  const Document& doc = d.doc;
  buffer_.append("## ").append(doc.id).append("\n");
  if (!doc.title.empty()) buffer_.append("title:  ").append(doc.title).append("\n");
  buffer_.append("date:   ").append(doc.date.empty() ? "(unknown)" : doc.date).append("\n");
  if (!doc.source.empty()) buffer_.append("source: ").append(doc.source).append("\n");
  buffer_.append("size:   ")
      .append(std::to_string(doc.paragraphs.size())).append(" paragraphs, ")
      .append(std::to_string(d.sentences.size())).append(" sentences, ")
      .append(std::to_string(d.tokens.size())).append(" tokens\n");
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    buffer_.append("  [").append(std::to_string(i)).append("] ")
        .append(Slice(doc, d.sentences[i].span)).append("\n");
  }
  buffer_.append("\n");
}

}  // namespace crosscheck::analyze

#include "analyze/analysis_writer.h"

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
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "tokens") return OutputFormat::kTokens;
  if (name == "summary") return OutputFormat::kSummary;
  if (name == "none") return OutputFormat::kNone;
  return Status::Error("unknown format '" + std::string(name) +
                       "' (expected json, jsonl, tokens, summary or none)");
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

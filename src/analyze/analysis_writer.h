// analyze/analysis_writer.h: writes AnalyzedDocuments in the output formats
// of `crosscheck analyze` (schema: docs/analysis-schema.md).
//   json    one object {"documents": [...]}, streamed document by document
//   jsonl   one document object per line
//   conllu  CoNLL-U: one sentence block per sentence, `# newdoc`/`# newpar`/`# text`
//   tokens  one sentence per line, tokens separated by spaces (for scorers)
//   summary a short human-readable digest per document (the demo)
//   none    nothing (timing runs)
// Writes go to a FILE*; each document is formatted into a reused buffer and
// flushed with one fwrite. Not thread-safe: the pipeline's ordered writer owns it.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::analyze {

enum class OutputFormat { kJson, kJsonl, kConllu, kTokens, kSummary, kNone };

Result<OutputFormat> ParseOutputFormat(std::string_view name);

class AnalysisWriter {
 public:
  AnalysisWriter(OutputFormat format, FILE* out) : format_(format), out_(out) {}
  void Begin();
  void Write(const AnalyzedDocument& doc);
  void End();

  // The JSON object of one document (also used by tests and later stages).
  static void AppendDocumentJson(const AnalyzedDocument& doc, std::string* out);

 private:
  void AppendTokens(const AnalyzedDocument& doc);
  void AppendSummary(const AnalyzedDocument& doc);
  void AppendConllu(const AnalyzedDocument& doc);
  OutputFormat format_;
  FILE* out_;
  std::string buffer_;
  uint64_t written_ = 0;
};

}  // namespace crosscheck::analyze

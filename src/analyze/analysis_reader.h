// analyze/analysis_reader.h: reads back what `crosscheck analyze --format
// jsonl` wrote (docs/analysis-schema.md), so the global steps (stories,
// brief) can run on the output of a map step instead of re-analysing.
// In: JSONL files, plain or gzip ("-" = stdin), one document per line. Out:
// full AnalyzedDocuments: document fields, paragraphs, tokens, sentences,
// syntax, entities, quantities, dates, quotes and claims (claims and other
// optional layers may be absent). Writing a read document with
// AnalysisWriter gives back the same bytes.
// Bad lines (not JSON, wrong field types, spans outside the text) are passed
// to the error sink as Status values "file:line: what was expected", skipped,
// and reading goes on. Cost: linear in the line; memory is one line and its
// document. Not thread-safe: one reader per thread; ParseLine is pure.
//
//   auto reader = analyze::AnalysisReader::Open("part-0.jsonl", on_error);
//   AnalyzedDocument doc;
//   while ((*reader)->Next(&doc)) Use(doc);
#pragma once
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::analyze {

class AnalysisReader {
 public:
  using ErrorSink = std::function<void(const Status&)>;

  // Opens `path` (gzip is detected by its magic bytes). Fails only if the
  // file cannot be opened. Without `on_error`, errors go to stderr.
  static Result<std::unique_ptr<AnalysisReader>> Open(const std::string& path, ErrorSink on_error = {});
  ~AnalysisReader();

  // The next document; false at the end of the file (or on a read error,
  // which is reported). Bad lines are reported and skipped.
  bool Next(AnalyzedDocument* doc);
  // The next non-blank line, unparsed, with its 1-based number and the byte
  // offset where it starts (in the decompressed stream). For indexing passes
  // that parse only a few fields (ParseMetadata), or that defer parsing.
  bool NextLine(std::string* line, uint64_t* line_number, uint64_t* offset);
  // Continues reading at a line start returned by NextLine. Cheap for plain
  // files; for gzip files it decompresses up to `offset` again.
  bool Seek(uint64_t offset, uint64_t line_number);
  bool compressed() const { return compressed_; }

  // Reports a bad line through the sink as "file:line: message".
  void Report(uint64_t line_number, const Status& status);
  uint64_t error_count() const { return errors_; }
  const std::string& path() const { return path_; }

  // The document of one line. Errors name the field ("sentences[3].tokens[0].begin: expected ...").
  static Result<AnalyzedDocument> ParseLine(std::string_view line);
  // Only the document fields before `paragraphs` (id, title, date, source,
  // url, language, origin), without parsing the layers: for ordering passes.
  static Result<Document> ParseMetadata(std::string_view line);

 private:
  AnalysisReader(std::string path, void* gz, bool compressed, ErrorSink on_error);
  bool Fill();

  std::string path_;
  void* gz_;  // gzFile (zlib reads plain files transparently)
  bool compressed_;
  ErrorSink on_error_;
  std::string buffer_;
  size_t pos_ = 0;         // next unread byte of buffer_
  uint64_t buffer_offset_ = 0;  // stream offset of buffer_[0]
  bool eof_ = false;
  uint64_t line_number_ = 0;
  uint64_t errors_ = 0;
};

}  // namespace crosscheck::analyze

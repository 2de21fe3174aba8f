// text/text_analyzer.h: the text layer: normalization, tokens, sentences.
// In: a Document. Out: Tokens (UD-style words with byte Spans into
// Document::text and NFC-normalized forms) and Sentences over them.
// Tokenization keeps URLs, e-mails, @handles, #hashtags, numbers with
// separators, abbreviations; splits clitics as UD does ("can't" -> "ca" "n't").
// Sentence boundaries come from rules (blank lines, line breaks, embedded posts
// "— Name (@handle) July 14, 2017") plus a boundary classifier trained on UD
// (models/segmenter.bin, rebuilt by text::TrainSegmenter). Token and sentence
// Spans are bytes of the ORIGINAL Document::text; forms are NFC (ASCII text
// skips normalization). Linear in text length, one pass over the bytes; about
// 50-65 MB/s per core. A loaded TextAnalyzer is immutable: share it between threads.
//
//   auto analyzer = text::TextAnalyzer::Load("models");  // checks the model's self-tests
//   if (!analyzer.ok()) return analyzer.status();
//   AnalyzedDocument doc{.doc = std::move(document)};
//   (*analyzer)->Analyze(&doc);   // doc.tokens, doc.sentences
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::text {

class TextAnalyzer {
 public:
  // Loads the segmenter model from `model_dir` (models/); errors name the file.
  static Result<std::shared_ptr<const TextAnalyzer>> Load(const std::filesystem::path& model_dir);
  virtual ~TextAnalyzer() = default;
  // Fills doc->tokens and doc->sentences from doc->doc.text and its paragraphs
  // (replacing any earlier ones). Text outside doc->doc.paragraphs is ignored;
  // if there are no paragraphs, they are first set by splitting at blank lines.
  virtual void Analyze(AnalyzedDocument* doc) const = 0;
};

}  // namespace crosscheck::text

// text/text_analyzer.h: the text layer: normalization, tokens, sentences.
// In: a Document. Out: Tokens (UD-style words with byte Spans into
// Document::text and NFC-normalized forms) and Sentences over them.
// Tokenization keeps URLs, e-mails, @handles, #hashtags, numbers with
// separators, abbreviations; splits clitics as UD does ("can't" -> "ca" "n't").
// Sentence boundaries come from rules plus a boundary classifier trained on UD
// (models/segmenter.bin). Linear in text length. A loaded TextAnalyzer is
// immutable: share it between threads.
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
  // Fills doc->tokens and doc->sentences from doc->doc.text and its paragraphs.
  virtual void Analyze(AnalyzedDocument* doc) const = 0;
};

}  // namespace crosscheck::text

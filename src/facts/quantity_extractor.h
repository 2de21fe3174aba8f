// facts/quantity_extractor.h: numbers and quantities in a document.
// In: an AnalyzedDocument with tokens and sentences (text stage); its syntax layer when
// present (the head of a `nummod` number names what is counted; without a parse a token
// pattern does); its dates when the DateResolver ran first (numbers inside a date are
// not counts). Out: doc->quantities, in text order: value, interval [low, high], bound
// (exact|at_least|more_than|at_most|less_than|approx|range), vague amounts ("dozens of":
// ACLED-style low, ten times that as high), change ("rose 3%": increase), unit code
// ("percent", "USD", "km") or counted noun ("man"), and byte Spans of Document::text.
// Years, dates, clock times, phone numbers, ordinals, list markers, labels ("Game 6")
// and numbers inside URLs and handles are not quantities.
// All cue words come from data/lexicons/*.tsv. Cost: linear in tokens (facts stage ~0.9M tokens/s).
// A loaded QuantityExtractor is immutable: share it between threads.
//
//   auto extractor = facts::QuantityExtractor::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
//   if (!extractor.ok()) return extractor.status();   // names the file and line
//   extractor->Extract(&doc);                          // doc.quantities
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::facts {

struct FactsLexicon;

class QuantityExtractor {
 public:
  // Reads the lexicons in `data_dir` (data/lexicons/); errors name file and line.
  static Result<QuantityExtractor> Load(const std::filesystem::path& data_dir);
  explicit QuantityExtractor(std::shared_ptr<const FactsLexicon> lexicon);

  // Replaces doc->quantities with the quantities of every sentence.
  void Extract(AnalyzedDocument* doc) const;

  // The spelled-out singular name of a unit code ("USD" -> "dollar", "km" -> "kilometre"),
  // or "" for an unknown code.
  std::string UnitName(std::string_view unit) const;

 private:
  void ExtractSentence(AnalyzedDocument* doc, uint32_t sentence) const;
  std::shared_ptr<const FactsLexicon> lexicon_;
};

}  // namespace crosscheck::facts

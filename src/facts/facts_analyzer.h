// facts/facts_analyzer.h: the facts stage: dates, then quantities (claims come later).
// In: an AnalyzedDocument with tokens and sentences (text stage), its syntax layer when
// present, and Document::date. Out: doc->dates (DateResolver) and doc->quantities
// (QuantityExtractor), which skips numbers inside the dates. Cost: linear in tokens.
// A loaded FactsAnalyzer is immutable: share one between threads.
//
//   auto facts = facts::FactsAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
//   if (!facts.ok()) return facts.status();
//   facts->Analyze(&doc);
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "facts/date_resolver.h"
#include "facts/quantity_extractor.h"

namespace crosscheck::facts {

// Fills tokens and sentences (and syntax, if the caller has a parser) of a document:
// the text stages, which src/facts may not link.
using Annotator = std::function<void(AnalyzedDocument*)>;

class FactsAnalyzer {
 public:
  // Reads data/lexicons/ once for both finders; errors name file and line.
  static Result<FactsAnalyzer> Load(const std::filesystem::path& data_dir);

  // Replaces doc->dates and doc->quantities.
  void Analyze(AnalyzedDocument* doc) const;

  // Annotates `text` (dated `date`, ISO or "") with `annotate`, then runs Analyze: for
  // evaluation, fuzzing and tests on plain sentences.
  AnalyzedDocument AnalyzeText(std::string text, std::string date, const Annotator& annotate) const;

  const QuantityExtractor& quantities() const { return quantities_; }
  const DateResolver& dates() const { return dates_; }

 private:
  FactsAnalyzer(QuantityExtractor quantities, DateResolver dates)
      : quantities_(std::move(quantities)), dates_(std::move(dates)) {}
  QuantityExtractor quantities_;
  DateResolver dates_;
};

}  // namespace crosscheck::facts

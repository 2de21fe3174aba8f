// analyze/analyzer.h: runs the per-document stages in order.
// In: a Document. Out: an AnalyzedDocument with every layer the loaded stages
// produce: tokens and sentences (text), tags, lemmas and trees (syntax, when
// models/pos.bin is present), entities (models/ner.bin), dates and quantities
// (facts), quotes with their speakers, and claims (last: they read every layer). A loaded Analyzer is immutable and shared by
// all worker threads; Analyze() is safe to call concurrently.
#pragma once
#include <filesystem>
#include <memory>

#include "claims/claim_extractor.h"
#include "core/document.h"
#include "core/status.h"
#include "entities/entity_recognizer.h"
#include "facts/facts_analyzer.h"
#include "quotes/quote_finder.h"
#include "syntax/syntax_analyzer.h"
#include "text/text_analyzer.h"

namespace crosscheck::analyze {

class Analyzer {
 public:
  // Loads every model found under `model_dir` and the lexicons under
  // `data_dir` (data/); errors name the file.
  static Result<Analyzer> Load(const std::filesystem::path& model_dir,
                               const std::filesystem::path& data_dir);
  static Result<Analyzer> Load(const std::filesystem::path& model_dir);  // data: DefaultDataDir()

  AnalyzedDocument Analyze(Document doc) const;

 private:
  std::shared_ptr<const text::TextAnalyzer> text_;
  std::shared_ptr<const syntax::SyntaxAnalyzer> syntax_;  // null without models/pos.bin
  std::shared_ptr<const entities::EntityRecognizer> entities_;  // null without models/ner.bin
  std::shared_ptr<const facts::FactsAnalyzer> facts_;
  std::shared_ptr<const quotes::QuoteFinder> quotes_;
  std::shared_ptr<const claims::ClaimExtractor> claims_;
};

// models/ next to the binary's source tree, unless CROSSCHECK_MODELS is set.
std::filesystem::path DefaultModelDir();
// data/ (lexicons, gazetteers) of the source tree, unless CROSSCHECK_DATA is set.
std::filesystem::path DefaultDataDir();

}  // namespace crosscheck::analyze

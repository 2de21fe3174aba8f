// facts/facts_analyzer.cpp: runs the date and quantity finders over one lexicon.
#include "facts/facts_analyzer.h"

#include <memory>

#include "facts/facts_lexicon.h"

namespace crosscheck::facts {

Result<FactsAnalyzer> FactsAnalyzer::Load(const std::filesystem::path& data_dir) {
  auto lexicon = FactsLexicon::Load(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  auto shared = std::make_shared<const FactsLexicon>(std::move(*lexicon));
  return FactsAnalyzer(QuantityExtractor(shared), DateResolver(shared));
}

void FactsAnalyzer::Analyze(AnalyzedDocument* doc) const {
  dates_.Resolve(doc);  // first: numbers inside dates are not quantities
  quantities_.Extract(doc);
}

AnalyzedDocument FactsAnalyzer::AnalyzeText(std::string text, std::string date, const Annotator& annotate) const {
  AnalyzedDocument doc;
  doc.doc.text = std::move(text);
  doc.doc.date = std::move(date);
  annotate(&doc);
  Analyze(&doc);
  return doc;
}

}  // namespace crosscheck::facts

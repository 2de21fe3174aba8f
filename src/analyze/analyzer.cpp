#include "analyze/analyzer.h"

#include <cstdlib>

namespace crosscheck::analyze {

Result<Analyzer> Analyzer::Load(const std::filesystem::path& model_dir) {
  return Load(model_dir, DefaultDataDir());
}

Result<Analyzer> Analyzer::Load(const std::filesystem::path& model_dir,
                                const std::filesystem::path& data_dir) {
  auto text = text::TextAnalyzer::Load(model_dir);
  if (!text.ok()) return text.status();
  Analyzer analyzer;
  analyzer.text_ = std::move(text).value();
  if (std::filesystem::exists(model_dir / "pos.bin")) {
    auto syntax = syntax::SyntaxAnalyzer::Load(model_dir);
    if (!syntax.ok()) return syntax.status();
    analyzer.syntax_ = std::move(syntax).value();
  }
  if (std::filesystem::exists(model_dir / "ner.bin")) {
    auto entities = entities::EntityRecognizer::Load(model_dir, data_dir);
    if (!entities.ok()) return entities.status();
    analyzer.entities_ = std::move(entities).value();
  }
  auto facts = facts::FactsAnalyzer::Load(data_dir / "lexicons");
  if (!facts.ok()) return facts.status();
  analyzer.facts_ = std::make_shared<const facts::FactsAnalyzer>(std::move(facts).value());
  auto quotes = quotes::QuoteFinder::Load(data_dir / "lexicons");
  if (!quotes.ok()) return quotes.status();
  analyzer.quotes_ = std::make_shared<const quotes::QuoteFinder>(std::move(quotes).value());
  auto claims = claims::ClaimExtractor::Load(data_dir / "lexicons");
  if (!claims.ok()) return claims.status();
  analyzer.claims_ = std::make_shared<const claims::ClaimExtractor>(std::move(claims).value());
  return analyzer;
}

AnalyzedDocument Analyzer::Analyze(Document doc) const {
  AnalyzedDocument out;
  out.doc = std::move(doc);
  text_->Analyze(&out);
  if (syntax_) syntax_->Analyze(&out);
  if (entities_) entities_->Analyze(&out);
  facts_->Analyze(&out);
  quotes_->Find(&out);
  claims_->Extract(&out);
  return out;
}

std::filesystem::path DefaultDataDir() {
  if (const char* env = std::getenv("CROSSCHECK_DATA"); env && *env) return env;
  return std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "data";
}

std::filesystem::path DefaultModelDir() {
  if (const char* env = std::getenv("CROSSCHECK_MODELS"); env && *env) return env;
  return std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "models";
}

}  // namespace crosscheck::analyze

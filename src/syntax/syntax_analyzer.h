// syntax/syntax_analyzer.h: the syntax stage: tags, lemmas and dependency trees.
// In: an AnalyzedDocument with tokens and sentences (text stage). Out:
// AnalyzedDocument::syntax, one TokenSyntax per token: UPOS, XPOS, FEATS,
// lemma (PosTagger + Lemmatizer, models/pos.bin) and head + relation
// (DependencyParser, models/parser.bin; heads stay 0 and relations empty when
// that model is absent). Cost: ~1 us per word for tags, ~2 us with parsing.
// Thread-safety: immutable after Load; Analyze may run concurrently (scratch
// memory lives on each call's stack).
#pragma once
#include <filesystem>
#include <memory>
#include <optional>

#include "core/document.h"
#include "core/status.h"
#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"

namespace crosscheck::syntax {

class SyntaxAnalyzer {
 public:
  // Loads pos.bin (required) and parser.bin (optional) from `model_dir`.
  static Result<std::shared_ptr<const SyntaxAnalyzer>> Load(const std::filesystem::path& model_dir);

  void Analyze(AnalyzedDocument* doc) const;
  bool has_parser() const { return parser_.has_value(); }

 private:
  SyntaxAnalyzer(PosTagger tagger, std::optional<DependencyParser> parser)
      : tagger_(std::move(tagger)), parser_(std::move(parser)) {}
  void AnalyzeSentence(AnalyzedDocument* doc, const Sentence& sentence, PosTagger::Scratch* tag_scratch,
                       ParserScratch* parse_scratch) const;
  PosTagger tagger_;
  std::optional<DependencyParser> parser_;
};

}  // namespace crosscheck::syntax

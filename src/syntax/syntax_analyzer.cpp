#include "syntax/syntax_analyzer.h"

#include <string_view>
#include <vector>

namespace crosscheck::syntax {

Result<std::shared_ptr<const SyntaxAnalyzer>> SyntaxAnalyzer::Load(const std::filesystem::path& model_dir) {
  auto tagger = PosTagger::Load(model_dir / "pos.bin");
  if (!tagger.ok()) return tagger.status();
  std::optional<DependencyParser> parser;
  const auto parser_path = model_dir / "parser.bin";
  if (std::filesystem::exists(parser_path)) {
    auto loaded = DependencyParser::Load(parser_path);
    if (!loaded.ok()) return loaded.status();
    parser.emplace(std::move(loaded).value());
  }
  return std::shared_ptr<const SyntaxAnalyzer>(
      new SyntaxAnalyzer(std::move(tagger).value(), std::move(parser)));
}

void SyntaxAnalyzer::Analyze(AnalyzedDocument* doc) const {
  doc->syntax.assign(doc->tokens.size(), TokenSyntax());
  PosTagger::Scratch tag_scratch;
  ParserScratch parse_scratch;
  for (const Sentence& sentence : doc->sentences) {
    AnalyzeSentence(doc, sentence, &tag_scratch, &parse_scratch);
  }
}

void SyntaxAnalyzer::AnalyzeSentence(AnalyzedDocument* doc, const Sentence& sentence,
                                     PosTagger::Scratch* tag_scratch, ParserScratch* parse_scratch) const {
  const uint32_t first = sentence.first_token;
  const uint32_t n = sentence.end_token - first;
  if (n == 0) return;
  std::vector<std::string_view> forms(n);
  for (uint32_t i = 0; i < n; ++i) forms[i] = doc->tokens[first + i].form;
  std::vector<uint16_t> labels;
  tagger_.Tag(forms, tag_scratch, &labels);
  for (uint32_t i = 0; i < n; ++i) {
    TokenSyntax& syn = doc->syntax[first + i];
    syn.upos = tagger_.upos(labels[i]);
    syn.xpos = tagger_.xpos(labels[i]);
    syn.feats = tagger_.feats(forms[i], labels[i]);
    tagger_.lemmatizer().Lemmatize(forms[i], syn.upos, syn.xpos, &syn.lemma);
  }
  if (!parser_) return;
  std::vector<ParserWord> words(n);
  for (uint32_t i = 0; i < n; ++i) {
    const TokenSyntax& syn = doc->syntax[first + i];
    words[i] = ParserWord{forms[i], syn.upos, syn.xpos, syn.lemma};
  }
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  parser_->Parse(words, parse_scratch, &heads, &deprels);
  for (uint32_t i = 0; i < n; ++i) {
    doc->syntax[first + i].head = heads[i];
    doc->syntax[first + i].deprel = std::move(deprels[i]);
  }
}

}  // namespace crosscheck::syntax

// Tests for syntax/syntax_analyzer.h: the syntax layer over text-stage tokens.
#include "syntax/syntax_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crosscheck::syntax {
namespace {

// Tokens and sentences as the text stage would produce them.
AnalyzedDocument MakeDocument(const std::vector<std::vector<std::string>>& sentences) {
  AnalyzedDocument doc;
  for (const auto& words : sentences) {
    Sentence sentence;
    sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
    for (const std::string& word : words) {
      Token token;
      token.span = {static_cast<uint32_t>(doc.doc.text.size()),
                    static_cast<uint32_t>(doc.doc.text.size() + word.size())};
      token.form = word;
      doc.doc.text += word + " ";
      doc.tokens.push_back(token);
    }
    sentence.end_token = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(sentence);
  }
  return doc;
}

const SyntaxAnalyzer& Analyzer() {
  static const std::shared_ptr<const SyntaxAnalyzer> analyzer = [] {
    auto loaded = SyntaxAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return std::move(loaded).value();
  }();
  return *analyzer;
}

TEST(SyntaxAnalyzerTest, FillsTagsAndLemmasForEveryToken) {
  AnalyzedDocument doc = MakeDocument(
      {{"Novaya", "Gazeta", "reported", "that", "at", "least", "100", "men", "had", "been",
        "detained", "."},
       {"Officials", "denied", "it", "."}});
  Analyzer().Analyze(&doc);
  ASSERT_EQ(doc.syntax.size(), doc.tokens.size());
  for (const TokenSyntax& word : doc.syntax) {
    EXPECT_FALSE(word.upos.empty());
    EXPECT_FALSE(word.xpos.empty());
    EXPECT_FALSE(word.feats.empty());
    EXPECT_FALSE(word.lemma.empty());
  }
  EXPECT_EQ(doc.syntax[7].lemma, "man");
  EXPECT_EQ(doc.syntax[10].xpos, "VBN");
  EXPECT_EQ(doc.syntax[10].lemma, "detain");
  EXPECT_EQ(doc.syntax[13].lemma, "deny");
}

TEST(SyntaxAnalyzerTest, HeadsPointInsideTheirSentence) {
  AnalyzedDocument doc = MakeDocument({{"Police", "said", "so", "."}, {"Yes", "."}});
  Analyzer().Analyze(&doc);
  for (const Sentence& sentence : doc.sentences) {
    const uint32_t n = sentence.end_token - sentence.first_token;
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      EXPECT_LE(doc.syntax[i].head, n);
    }
  }
}

TEST(SyntaxAnalyzerTest, DocumentWithoutSentencesGetsAnEmptyLayer) {
  AnalyzedDocument doc;
  Analyzer().Analyze(&doc);
  EXPECT_TRUE(doc.syntax.empty());
}

TEST(SyntaxAnalyzerTest, MissingModelDirectoryIsReported) {
  auto analyzer = SyntaxAnalyzer::Load("/nonexistent/models");
  ASSERT_FALSE(analyzer.ok());
  EXPECT_NE(analyzer.status().message().find("/nonexistent/models/pos.bin"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::syntax

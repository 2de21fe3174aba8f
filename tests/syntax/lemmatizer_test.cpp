// Tests for syntax/lemmatizer.h: lemmas as UD English EWT writes them.
#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

namespace crosscheck::syntax {
namespace {

const Lemmatizer& Lemmas() {
  static const Lemmatizer* lemmatizer = [] {
    auto loaded = Lemmatizer::Load(CROSSCHECK_SOURCE_DIR "/models/pos.bin");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new Lemmatizer(std::move(loaded).value());
  }();
  return *lemmatizer;
}

TEST(LemmatizerTest, RegularInflectionsLoseTheirEndings) {
  EXPECT_EQ(Lemmas().Lemmatize("detained", "VERB", "VBN"), "detain");
  EXPECT_EQ(Lemmas().Lemmatize("arrests", "NOUN", "NNS"), "arrest");
  EXPECT_EQ(Lemmas().Lemmatize("killing", "VERB", "VBG"), "kill");
  EXPECT_EQ(Lemmas().Lemmatize("wounded", "VERB", "VBD"), "wound");
}

TEST(LemmatizerTest, IrregularFormsComeFromTheTreebank) {
  EXPECT_EQ(Lemmas().Lemmatize("men", "NOUN", "NNS"), "man");
  EXPECT_EQ(Lemmas().Lemmatize("said", "VERB", "VBD"), "say");
  EXPECT_EQ(Lemmas().Lemmatize("were", "AUX", "VBD"), "be");
  EXPECT_EQ(Lemmas().Lemmatize("children", "NOUN", "NNS"), "child");
}

TEST(LemmatizerTest, CliticsFollowUdConventions) {
  EXPECT_EQ(Lemmas().Lemmatize("n't", "PART", "RB"), "not");
  EXPECT_EQ(Lemmas().Lemmatize("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(Lemmas().Lemmatize("'s", "PART", "POS"), "'s");
  EXPECT_EQ(Lemmas().Lemmatize("wo", "AUX", "MD"), "will");
}

TEST(LemmatizerTest, CaseDependsOnTheTag) {
  EXPECT_EQ(Lemmas().Lemmatize("Novaya", "PROPN", "NNP"), "Novaya");
  EXPECT_EQ(Lemmas().Lemmatize("The", "DET", "DT"), "the");
  EXPECT_EQ(Lemmas().Lemmatize("Men", "NOUN", "NNS"), "man");
}

TEST(LemmatizerTest, NumbersDropDigitGroupCommas) {
  EXPECT_EQ(Lemmas().Lemmatize("1,200", "NUM", "CD"), "1200");
  EXPECT_EQ(Lemmas().Lemmatize("100", "NUM", "CD"), "100");
}

TEST(LemmatizerTest, UnknownWordsUseSuffixRules) {
  EXPECT_EQ(Lemmas().Lemmatize("blorfed", "VERB", "VBD"), "blorf");
  EXPECT_EQ(Lemmas().Lemmatize("zarquons", "NOUN", "NNS"), "zarquon");
}

TEST(LemmatizerTest, MissingModelIsReportedWithItsPath) {
  auto lemmatizer = Lemmatizer::Load("/nonexistent/pos.bin");
  ASSERT_FALSE(lemmatizer.ok());
  EXPECT_NE(lemmatizer.status().message().find("/nonexistent/pos.bin"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::syntax

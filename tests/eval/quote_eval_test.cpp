#include "eval/quote_eval.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "quotes/quote_finder.h"
#include "text/text_analyzer.h"

namespace crosscheck::eval {
namespace {

ScoredQuote Scored(std::vector<Span> content, std::vector<Span> speaker = {}) {
  return ScoredQuote{std::move(content), std::move(speaker)};
}

TEST(QuoteScoring, MatchNeedsMoreThanAThirdOfTheGoldCharacters) {
  AttributionScores scores;
  // Gold [0,100): a prediction covering 30 chars is not enough, 31 is.
  ScoreDocument({Scored({{0, 100}})}, {Scored({{0, 30}})}, &scores);
  ScoreDocument({Scored({{0, 100}})}, {Scored({{0, 31}})}, &scores);
  Finish(&scores);
  EXPECT_EQ(scores.quotes.correct, 1u);
  EXPECT_EQ(scores.quotes.gold, 2u);
  EXPECT_EQ(scores.quotes.predicted, 2u);
  EXPECT_DOUBLE_EQ(scores.quotes.f1, 50);
}

TEST(QuoteScoring, DiscontinuousGoldCountsOnlyItsFragments) {
  AttributionScores scores;
  // "…," he said, "…": gold is two fragments; the prediction covers the first.
  ScoreDocument({Scored({{0, 40}, {60, 80}}, {{41, 43}})}, {Scored({{0, 40}}, {{41, 43}})}, &scores);
  Finish(&scores);
  EXPECT_EQ(scores.quotes.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.speaker_accuracy, 100);
}

TEST(QuoteScoring, EachPredictionMatchesOnceAndSpeakerNeedsOverlap) {
  AttributionScores scores;
  ScoreDocument({Scored({{0, 50}}, {{60, 65}}), Scored({{0, 50}}, {{60, 65}})},
                {Scored({{0, 50}}, {{70, 75}})}, &scores);
  Finish(&scores);
  EXPECT_EQ(scores.quotes.correct, 1u);
  EXPECT_EQ(scores.speaker_correct, 0u);
  EXPECT_DOUBLE_EQ(scores.quotes.recall, 50);
}

TEST(QuoteScoring, SetAsidePredictionsAreNotFalsePositives) {
  AttributionScores scores;
  ScoreDocument({Scored({{0, 50}})}, {Scored({{0, 50}}), Scored({{100, 150}})}, &scores,
                {Scored({{100, 160}})});
  Finish(&scores);
  EXPECT_EQ(scores.quotes.predicted, 1u);
  EXPECT_DOUBLE_EQ(scores.quotes.precision, 100);
}

TEST(QuoteEval, RejectsAnUnknownSplit) {
  auto analyze = [](Document d) { return AnalyzedDocument{.doc = std::move(d)}; };
  EXPECT_FALSE(EvaluateQuotes(analyze, "/nonexistent", "validation").ok());
  Result<QuoteScores> missing = EvaluateQuotes(analyze, "/nonexistent", "test");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("attributions.test.jsonl.gz"), std::string::npos);
}

// Floors a little below the measured figures (docs/models.md); PolNeAR stays outside the repo.
TEST(QuoteEval, PolnearTestFloor) {
  const std::filesystem::path gold = CROSSCHECK_SHARED_DIR "/data/quotes/polnear";
  if (!std::filesystem::exists(gold / "attributions.test.jsonl.gz")) GTEST_SKIP() << "no " << gold;
  auto text = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
  ASSERT_TRUE(text.ok()) << text.status().message();
  auto finder = quotes::QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
  ASSERT_TRUE(finder.ok()) << finder.status().message();
  auto analyze = [&](Document d) {
    AnalyzedDocument doc{.doc = std::move(d)};
    (*text)->Analyze(&doc);
    finder->Find(&doc);
    return doc;
  };
  Result<QuoteScores> scores = EvaluateQuotes(analyze, gold, "test");
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->documents, 84u);
  EXPECT_GE(scores->direct.quotes.f1, 88);
  EXPECT_GE(scores->direct.speaker_accuracy, 88);
  EXPECT_GE(scores->direct_strict.quotes.f1, 83);
  EXPECT_GE(scores->indirect.quotes.f1, 35);
}

}  // namespace
}  // namespace crosscheck::eval

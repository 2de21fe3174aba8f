// NewsQuant accuracy floors for the facts stage (skips when ../shared is absent), and
// the scoring rules on a tiny gold file of our own.
#include "eval/quantity_eval.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "text/text_analyzer.h"

namespace crosscheck::eval {
namespace {

struct Stages {
  std::shared_ptr<const text::TextAnalyzer> text;
  std::unique_ptr<facts::FactsAnalyzer> facts;
};

const Stages& LoadedStages() {
  static const Stages* stages = [] {
    auto* s = new Stages;
    auto text = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    auto facts = facts::FactsAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    EXPECT_TRUE(text.ok() && facts.ok());
    if (text.ok()) s->text = *text;
    if (facts.ok()) s->facts = std::make_unique<facts::FactsAnalyzer>(std::move(*facts));
    return s;
  }();
  return *stages;
}

facts::Annotator TextOnly() {
  return [](AnalyzedDocument* doc) { LoadedStages().text->Analyze(doc); };
}

TEST(QuantityEvalTest, ScoresValueUnitAndChangeWithCqeRules) {
  const auto path = std::filesystem::temp_directory_path() / "quantity_eval_test.json";
  std::ofstream(path) << R"([{"text": "Shares rose 5% to $20 and dozens of people came.", "quantities": [
      {"change": "up", "value": "5", "unit": "%", "normalized_unit": "percentage"},
      {"change": "=", "value": "20.0", "unit": "$", "normalized_unit": "dollar"},
      {"change": "=", "value": "12-120", "unit": "people", "normalized_unit": "people"},
      {"change": "=", "value": "7", "unit": "-", "normalized_unit": "-"}]}])";
  auto scores = EvaluateQuantities(*LoadedStages().facts, TextOnly(), path, {});
  std::filesystem::remove(path);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->value.gold, 4u);
  EXPECT_EQ(scores->value.predicted, 3u);
  EXPECT_EQ(scores->value.correct, 3u);
  EXPECT_EQ(scores->value_unit.correct, 3u);
  EXPECT_EQ(scores->value_change.correct, 3u);
  EXPECT_NEAR(scores->value.recall, 75.0, 1e-9);
}

TEST(QuantityEvalTest, RejectsAFileThatIsNotAList) {
  const auto path = std::filesystem::temp_directory_path() / "quantity_eval_bad.json";
  std::ofstream(path) << "{\"text\": 1}";
  auto scores = EvaluateQuantities(*LoadedStages().facts, TextOnly(), path, {});
  std::filesystem::remove(path);
  EXPECT_FALSE(scores.ok());
}

// Measured (text stage only, no parse): all 93.7 / 78.2 / 88.5; even 94.7 / 88.8; odd 92.7 / 88.3.
TEST(QuantityEvalTest, NewsQuantFloors) {
  const std::filesystem::path gold = CROSSCHECK_SHARED_DIR "/data/quantities/newsquant/NewsQuant.json";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << gold << " is absent";
  auto all = EvaluateQuantities(*LoadedStages().facts, TextOnly(), gold, {});
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_GE(all->value.f1, 93.0);
  EXPECT_GE(all->value_unit.f1, 77.0);
  EXPECT_GE(all->value_change.f1, 88.0);
  for (int half : {0, 1}) {
    auto scores = EvaluateQuantities(*LoadedStages().facts, TextOnly(), gold, {.half = half});
    ASSERT_TRUE(scores.ok());
    EXPECT_GE(scores->value.f1, 92.0) << "half " << half;
    EXPECT_GE(scores->value_change.f1, 87.5) << "half " << half;
  }
}

}  // namespace
}  // namespace crosscheck::eval

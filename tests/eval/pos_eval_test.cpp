// Tests for eval/pos_eval.h: accuracy on UD with gold tokenization.
#include "eval/pos_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck::eval {
namespace {

const std::filesystem::path kModels = CROSSCHECK_SOURCE_DIR "/models";
const std::filesystem::path kShared = CROSSCHECK_SHARED_DIR;

TEST(PosEvalTest, ScoresEveryGoldWord) {
  const auto gold = std::filesystem::temp_directory_path() / "cc_pos_eval_gold.conllu";
  std::ofstream(gold) << "# text = Men were detained.\n"
                         "1\tMen\tman\tNOUN\tNNS\tNumber=Plur\t3\tnsubj:pass\t_\t_\n"
                         "2\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t3\taux:pass\t_\t_\n"
                         "3\tdetained\tdetain\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\tSpaceAfter=No\n"
                         "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
  auto scores = EvaluatePosTagging(kModels, gold);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->words, 4u);
  EXPECT_EQ(scores->sentences, 1u);
  EXPECT_DOUBLE_EQ(scores->upos_accuracy, 100.0);
  EXPECT_DOUBLE_EQ(scores->lemma_accuracy, 100.0);
}

TEST(PosEvalTest, MissingGoldFileIsReported) {
  auto scores = EvaluatePosTagging(kModels, "/nonexistent/gold.conllu");
  ASSERT_FALSE(scores.ok());
  EXPECT_NE(scores.status().message().find("/nonexistent/gold.conllu"), std::string::npos);
}

// Accuracy floors on UD English EWT test, a little below the measured figures
// (docs/models.md); skipped when ../shared is not checked out.
TEST(PosEvalTest, EwtTestAccuracyFloor) {
  const auto gold = kShared / "data/ud/en_ewt/en_ewt-ud-test.conllu.gz";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << gold << " not found";
  auto scores = EvaluatePosTagging(kModels, gold);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_GT(scores->words, 25000u);
  EXPECT_GE(scores->upos_accuracy, 95.0);
  EXPECT_GE(scores->xpos_accuracy, 94.3);
  EXPECT_GE(scores->lemma_accuracy, 96.5);
  EXPECT_GE(scores->feats_accuracy, 92.0);
}

}  // namespace
}  // namespace crosscheck::eval

#include "eval/segment_eval.h"

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace crosscheck::eval {
namespace {

std::string Word(int id, const std::string& form, const std::string& misc = "_") {
  return std::to_string(id) + "\t" + form + "\t_\tX\tX\t_\t0\tdep\t_\t" + misc + "\n";
}

// Two paragraphs; the first holds two sentences and a multiword token.
std::string Gold() {
  return "# newdoc id = d1\n# newpar\n# text = I can't.\n" + Word(1, "I") +
         "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" + Word(2, "ca") + Word(3, "n't") +
         Word(4, ".") + "\n# text = Mr. Smith left.\n" + Word(1, "Mr.") + Word(2, "Smith") +
         Word(3, "left", "SpaceAfter=No") + Word(4, ".") + "\n# newpar\n# text = Yes\n" +
         Word(1, "Yes") + "\n";
}

class SegmentEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("crosscheck_segment_eval_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "_" + std::to_string(::getpid()));  // ctest runs tests of one fixture in parallel
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "gold.conllu") << Gold();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(SegmentEvalTest, RebuildsRawTextWithParagraphs) {
  Result<std::string> raw = RawTextOf(dir_ / "gold.conllu");
  ASSERT_TRUE(raw.ok()) << raw.status().message();
  EXPECT_EQ(*raw, "I can't. Mr. Smith left.\n\nYes");
}

TEST_F(SegmentEvalTest, PerfectPeerScoresHundred) {
  std::ofstream(dir_ / "peer.txt") << "I can't .\nMr. Smith left .\nYes\n";
  Result<SegmentScores> s = EvaluateSegmentationOutput(dir_ / "peer.txt", dir_ / "gold.conllu");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->tokens.f1, 100);
  EXPECT_DOUBLE_EQ(s->sentences.f1, 100);
  EXPECT_EQ(s->tokens.gold, 8u);  // "can't" counts once
  EXPECT_EQ(s->words.gold, 9u);
}

TEST_F(SegmentEvalTest, ScoresPeerErrorsOnCharacterSpans) {
  // "Mr." split and two sentences merged: 1 of 8 gold tokens, 2 of 3 sentences missed.
  std::ofstream(dir_ / "peer.txt") << "I can't . Mr . Smith left .\nYes\n";
  Result<SegmentScores> s = EvaluateSegmentationOutput(dir_ / "peer.txt", dir_ / "gold.conllu");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->tokens.correct, 7u);
  EXPECT_EQ(s->tokens.predicted, 9u);
  EXPECT_EQ(s->sentences.correct, 1u);
  EXPECT_EQ(s->sentences.predicted, 2u);
  EXPECT_NEAR(s->sentences.f1, 40.0, 1e-9);
}

TEST_F(SegmentEvalTest, PeerTextMismatchNamesTheLine) {
  std::ofstream(dir_ / "peer.txt") << "I can't .\nMrs. Smith\n";
  Result<SegmentScores> s = EvaluateSegmentationOutput(dir_ / "peer.txt", dir_ / "gold.conllu");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("peer.txt:2"), std::string::npos);
}

TEST_F(SegmentEvalTest, ScoresTheShippedAnalyzer) {
  auto analyzer = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  Result<SegmentScores> s = EvaluateSegmentation(**analyzer, dir_ / "gold.conllu");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->tokens.f1, 100);
  EXPECT_DOUBLE_EQ(s->words.f1, 100);
  EXPECT_DOUBLE_EQ(s->sentences.f1, 100);
  EXPECT_EQ(s->documents, 1u);
}

// Accuracy floors a little below the measured figures (EWT test: tokens 99.2, sentences 86.8).
TEST(SegmentEvalFloorTest, EwtTestMeetsFloors) {
  const std::filesystem::path gold = CROSSCHECK_SHARED_DIR "/data/ud/en_ewt/en_ewt-ud-test.conllu.gz";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no shared data at " << gold;
  auto analyzer = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  Result<SegmentScores> s = EvaluateSegmentation(**analyzer, gold);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_GE(s->tokens.f1, 98.0);
  EXPECT_GE(s->sentences.f1, 80.0);
  EXPECT_EQ(s->sentences.gold, 2077u);
}

}  // namespace
}  // namespace crosscheck::eval

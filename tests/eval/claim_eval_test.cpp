#include "eval/claim_eval.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <zlib.h>

#include <gtest/gtest.h>

#include "analyze/analyzer.h"

namespace crosscheck::eval {
namespace {

constexpr double kOpen = std::numeric_limits<double>::infinity();

ScoredClaim Made(Span trigger, std::string event, std::optional<ClaimCount> count = std::nullopt,
                 std::string modality = "asserted", std::vector<std::string> sources = {}) {
  return ScoredClaim{trigger, std::move(event), std::move(count), std::move(modality), std::move(sources)};
}

TEST(ClaimScoring, TriggersMustOverlapAndEventsAgree) {
  ClaimScores s;
  ScoreArticle({Made({10, 16}, "KILL"), Made({30, 36}, "DETAIN")},
               {Made({12, 14}, "KILL"), Made({30, 36}, "ATTACK"), Made({50, 55}, "VOTE")}, &s);
  Finish(&s);
  EXPECT_EQ(s.trigger.correct, 2u);
  EXPECT_EQ(s.event.correct, 1u);
  EXPECT_EQ(s.event.gold, 2u);
  EXPECT_EQ(s.event.predicted, 3u);
  EXPECT_DOUBLE_EQ(s.event.recall, 50);
}

TEST(ClaimScoring, EachPredictionMatchesOnceAndTheBestAgreeingOneIsTaken) {
  ClaimScores s;
  const ClaimCount two{2, 2, 2, "exact"}, eight{8, 8, 8, "exact"};
  // Two STATE claims on one trigger: each gold takes the prediction with its own count.
  ScoreArticle({Made({0, 7}, "STATE", two), Made({0, 7}, "STATE", eight)},
               {Made({0, 7}, "STATE", eight), Made({0, 7}, "STATE", two)}, &s);
  Finish(&s);
  EXPECT_EQ(s.event_count.correct, 2u);
  EXPECT_DOUBLE_EQ(s.count_accuracy, 100);
}

TEST(ClaimScoring, CountsAgreeOnBoundAndValue) {
  EXPECT_TRUE(CountsAgree(std::nullopt, std::nullopt));
  EXPECT_FALSE(CountsAgree(ClaimCount{3, 3, 3, "exact"}, std::nullopt));
  EXPECT_TRUE(CountsAgree(ClaimCount{100, 100, kOpen, "at_least"}, ClaimCount{100, 100, kOpen, "at_least"}));
  EXPECT_FALSE(CountsAgree(ClaimCount{100, 100, kOpen, "at_least"}, ClaimCount{100, 100, kOpen, "more_than"}));
  EXPECT_TRUE(CountsAgree(ClaimCount{12, 12, 120, "vague"}, ClaimCount{12, 12, 120, "vague"}));
  EXPECT_TRUE(CountsAgree(ClaimCount{48, 48, 52, "range"}, ClaimCount{48, 48, 52, "range"}));
  EXPECT_FALSE(CountsAgree(ClaimCount{48, 48, 52, "range"}, ClaimCount{48, 48, 60, "range"}));
}

TEST(ClaimScoring, SourceNamesAgreeLooselyButChainsNeedTheSameLength) {
  EXPECT_TRUE(SourcesAgree({}, {}));
  EXPECT_TRUE(SourcesAgree({"Johns Hopkins University"}, {"a tally from Johns Hopkins University"}));
  EXPECT_TRUE(SourcesAgree({"Trump"}, {"Mr Trump"}));
  EXPECT_TRUE(SourcesAgree({"DA's office"}, {"DA\u2019s office"}));
  EXPECT_TRUE(SourcesAgree({"Kristi Noem"}, {"Gov. Kristi Noem"}));
  EXPECT_FALSE(SourcesAgree({"police"}, {"Reuters"}));
  EXPECT_FALSE(SourcesAgree({"CBS News", "officials"}, {"officials"}));
}

// A NeuS-like folder with one article, and a gold file, in a fresh temporary directory.
std::filesystem::path Fixture(const std::string& gold_line) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("claim_eval_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  gzFile f = gzopen((dir / "val.articles.jsonl.gz").c_str(), "wb");
  const std::string article = "{\"id\": \"x-a0\", \"text\": \"Police arrested 25 people on Saturday.\"}\n";
  gzwrite(f, article.data(), static_cast<unsigned>(article.size()));
  gzclose(f);
  std::ofstream(dir / "gold.jsonl") << gold_line << "\n";
  return dir;
}

TEST(ClaimEval, ScoresAnArticleReadByIdFromTheNeusFolder) {
  const auto dir = Fixture(
      R"({"article": "x-a0", "split": "test", "claims": [{"trigger": [7, 15], "event": "DETAIN",)"
      R"( "count": {"value": 25, "low": 25, "high": 25, "bound": "exact"}, "modality": "asserted", "attribution": []}]})");
  auto analyzer = analyze::Analyzer::Load(CROSSCHECK_SOURCE_DIR "/models", CROSSCHECK_SOURCE_DIR "/data");
  ASSERT_TRUE(analyzer.ok());
  const analyze::Analyzer& a = *analyzer;
  auto r = EvaluateClaims([&](Document d) { return a.Analyze(std::move(d)); }, dir / "gold.jsonl", dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->test.articles, 1u);
  EXPECT_EQ(r->dev.articles, 0u);
  EXPECT_DOUBLE_EQ(r->test.event_count.recall, 100);
  std::filesystem::remove_all(dir);
}

TEST(ClaimEval, BadGoldLinesNameFileAndLine) {
  auto analyze = [](Document d) { return AnalyzedDocument{.doc = std::move(d)}; };
  auto dir = Fixture(R"({"article": "x-a0", "split": "dev", "claims": [{"trigger": [7, 900], "event": "DETAIN", "modality": "asserted"}]})");
  auto r = EvaluateClaims(analyze, dir / "gold.jsonl", dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("gold.jsonl:1"), std::string::npos) << r.status().message();
  dir = Fixture(R"({"article": "x-a0", "split": "validation", "claims": []})");
  EXPECT_FALSE(EvaluateClaims(analyze, dir / "gold.jsonl", dir).ok());
  dir = Fixture(R"({"article": "missing", "split": "dev", "claims": []})");
  r = EvaluateClaims(analyze, dir / "gold.jsonl", dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("missing"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// Accuracy floors a little below the figures of `crosscheck eval claims` (2026-11-25).
TEST(ClaimEval, FloorsOnTheProjectGoldSet) {
  const std::filesystem::path neus = CROSSCHECK_SHARED_DIR "/data/clusters/neus";
  if (!std::filesystem::exists(neus / "val.articles.jsonl.gz")) GTEST_SKIP() << "no " << neus;
  auto analyzer = analyze::Analyzer::Load(CROSSCHECK_SOURCE_DIR "/models", CROSSCHECK_SOURCE_DIR "/data");
  ASSERT_TRUE(analyzer.ok());
  const analyze::Analyzer& a = *analyzer;
  auto r = EvaluateClaims([&](Document d) { return a.Analyze(std::move(d)); },
                          CROSSCHECK_SOURCE_DIR "/data/gold/claims/claims.jsonl", neus);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->dev.articles, 20u);
  EXPECT_EQ(r->test.articles, 10u);
  EXPECT_GE(r->dev.event_count.f1, 85.0);  // measured 87.9
  EXPECT_GE(r->dev.modality_accuracy, 95.0);  // 98.4
  EXPECT_GE(r->test.event_count.f1, 80.0);  // 84.8
  EXPECT_GE(r->test.modality_accuracy, 83.0);  // 86.7
}

}  // namespace
}  // namespace crosscheck::eval

#include "eval/summary_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "eval/summary_baselines.h"

namespace crosscheck::eval {
namespace {

std::vector<BaselineSentence> Sentences(const std::vector<std::pair<size_t, std::string>>& doc_and_text) {
  std::vector<BaselineSentence> out;
  std::vector<uint32_t> next_index(8, 0);
  for (const auto& [doc, text] : doc_and_text) out.push_back({doc, next_index[doc]++, text, {}, 0});
  PrepareSentences(&out);
  return out;
}

TEST(SummaryBaselines, LeadTakesFirstSentencesRoundRobin) {
  const auto sentences = Sentences({{0, "A one."}, {0, "A two."}, {1, "B one."}, {2, "C one."}, {2, "C two."}});
  EXPECT_EQ(LeadRank(sentences), (std::vector<size_t>{0, 2, 3, 1, 4}));
}

TEST(SummaryBaselines, CapTakesWholeSentencesThatFitAndSkipsRepeats) {
  const auto sentences = Sentences({{0, "one two three four five"}, {1, "one two three four five"},
                                    {1, "six seven eight nine ten eleven"}, {2, "twelve thirteen"}});
  // 5 words taken; the repeat is passed over; 6 more would exceed 8; 2 more fit.
  EXPECT_EQ(TakeUnderCap(sentences, {0, 1, 2, 3}, 8), (std::vector<size_t>{0, 3}));
  // The first pick is always taken, even over the cap.
  EXPECT_EQ(TakeUnderCap(sentences, {2, 0}, 3), (std::vector<size_t>{2}));
}

TEST(SummaryBaselines, GraphRankersPreferTheSentenceLinkedToTheOthers) {
  // Sentence 0 shares a word with each of the others; they share none among themselves.
  const auto sentences = Sentences({{0, "The storm flooded the harbour, the highway and the school."},
                                    {1, "Boats in the harbour sank."},
                                    {1, "The highway reopened at noon."},
                                    {2, "The school will stay closed."}});
  const std::set<std::string> stopwords = {"the", "and", "in", "at", "will"};
  for (const auto& scores : {LexRankScores(sentences, stopwords), TextRankScores(sentences, stopwords)}) {
    ASSERT_EQ(scores.size(), 4u);
    EXPECT_EQ(RankByScore(scores)[0], 0u);
    EXPECT_NEAR(scores[0] + scores[1] + scores[2] + scores[3], 1.0, 1e-6);
  }
}

TEST(SummaryEval, CleansPublishedOutputsAsTheReadmeSays) {
  EXPECT_EQ(CleanSystemOutput("TITLEAN=> Storm hits coast. ARTICLE=> A storm hit.", "neus"), "Storm hits coast. A storm hit.");
  EXPECT_EQ(CleanSystemOutput("First.<n>Second.", "pegasus_cnn"), "First. Second.");
  EXPECT_EQ(CleanSystemOutput("  – A storm hit.  ", "bart_large_multi"), "– A storm hit.");
}

TEST(SummaryEval, RejectsAnUnknownSplit) {
  auto analyze = [](Document d) { return AnalyzedDocument{.doc = std::move(d)}; };
  EXPECT_FALSE(LoadSummaryClusters(analyze, "/nonexistent", "validation", 1).ok());
  EXPECT_FALSE(LoadSummaryClusters(analyze, "/nonexistent", "test", 1).ok());
}

// Floors a little below the figures `crosscheck eval summary` measures (docs/summary.md).
TEST(SummaryEval, NeusTestBeatsLexRankAboveFloors) {
  const std::filesystem::path gold = std::filesystem::path(CROSSCHECK_SHARED_DIR) / "data/clusters/neus";
  if (!std::filesystem::exists(gold / "test.articles.jsonl.gz")) GTEST_SKIP() << "no NeuS under ../shared";
  auto analyzer = analyze::Analyzer::Load(analyze::DefaultModelDir());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  auto summarizer = reconcile::Summarizer::Load(analyze::DefaultDataDir());
  ASSERT_TRUE(summarizer.ok()) << summarizer.status().message();
  const analyze::Analyzer& loaded = *analyzer;
  SummaryEvalOptions options;
  options.stopwords = analyze::DefaultDataDir() / "lexicons" / "function_words.tsv";
  auto report = EvaluateSummaries([&](Document d) { return loaded.Analyze(std::move(d)); }, *summarizer, gold, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->clusters, 307u);
  EXPECT_GE(report->ours.rouge1, 38.5);
  EXPECT_GE(report->ours.rouge2, 16.0);
  EXPECT_GE(report->ours.rougeL, 26.0);
  ASSERT_EQ(report->baselines.size(), 3u);
  EXPECT_EQ(report->baselines[1].name, "lexrank");
  EXPECT_GT(report->ours.rouge1, report->baselines[1].rouge1);
  EXPECT_GT(report->ours.rouge2, report->baselines[1].rouge2);
  // The published outputs are scored with the same scorer (README table: NeuS-Title 37.86 / 18.32 / 27.63).
  for (const SummarySystemScore& s : report->systems) {
    if (s.name != "neus") continue;
    EXPECT_NEAR(s.rouge1, 37.86, 0.01);
    EXPECT_NEAR(s.rouge2, 18.32, 0.01);
    EXPECT_NEAR(s.rougeL, 27.63, 0.01);
  }
}

}  // namespace
}  // namespace crosscheck::eval

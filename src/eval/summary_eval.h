// eval/summary_eval.h: `crosscheck eval summary` on NeuS.
// In: the NeuS folder ({split}.articles.jsonl.gz: 3 articles per cluster;
// {split}.summaries.jsonl.gz: the AllSides neutral roundup, field `summary`,
// scored without its title) and, for the test split, the published outputs
// in system-outputs/*.test.jsonl.gz. Every article is analysed (in parallel),
// then per cluster the Summarizer and the baselines of summary_baselines.h
// (Lead, LexRank, TextRank) pick whole sentences under the same word cap; the
// published outputs are scored as given after the README's light cleanup
// ("<n>" -> space; for `neus` the garbled leading TITLE marker token and every
// "ARTICLE=>" dropped). Scores: rouge.h, F1 × 100, mean over clusters.
// Cost: one analysis per article (921 per split) plus O(sentences^2) per
// cluster. INTERNAL EVALUATION ONLY: NeuS and the outputs are never copied
// into the repo.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "reconcile/summarizer.h"

namespace crosscheck::eval {

struct SummarySystemScore {
  std::string name;
  double rouge1 = 0, rouge2 = 0, rougeL = 0;  // F1 × 100, mean over clusters
  double words = 0;                          // mean whitespace words of the output
  uint64_t n = 0;                            // clusters scored
};

struct SummaryEvalReport {
  std::string split;
  size_t max_words = 0;
  uint64_t clusters = 0;
  double reference_words = 0;                // mean words of the references
  SummarySystemScore ours;
  std::vector<SummarySystemScore> baselines; // lead, lexrank, textrank
  std::vector<SummarySystemScore> systems;   // published outputs (test split only), by file name
  double analysis_seconds = 0;               // analysing every article (wall, all threads)
  double summarize_ms_per_story = 0;         // Summarizer::Summarize alone, one thread
};

struct SummaryEvalOptions {
  std::string split = "test";                // train | val | test
  size_t max_words = 60;                     // the cap of every extractive system
  unsigned threads = 2;                      // analysis threads
  std::filesystem::path stopwords;           // function_words.tsv for LexRank/TextRank
};

using SummaryAnalyzer = std::function<AnalyzedDocument(Document)>;

// Analyses and scores one split of the NeuS folder `gold`.
Result<SummaryEvalReport> EvaluateSummaries(const SummaryAnalyzer& analyze, const reconcile::Summarizer& summarizer,
                                            const std::filesystem::path& gold, const SummaryEvalOptions& options);

// One NeuS cluster with its analysed articles and reference, for callers that
// score several configurations on one analysis (tuning).
struct SummaryCluster {
  std::string id;
  std::vector<AnalyzedDocument> articles;
  std::string reference;
};
Result<std::vector<SummaryCluster>> LoadSummaryClusters(const SummaryAnalyzer& analyze, const std::filesystem::path& gold,
                                                        const std::string& split, unsigned threads);

// The README's cleanup of a published output (`system` = file name stem).
std::string CleanSystemOutput(const std::string& text, const std::string& system);

}  // namespace crosscheck::eval

// eval/story_eval.h: `crosscheck eval stories` and `crosscheck train stories`.
// In: a gold set (JSONL with a `cluster` field such as NeuS, or the UCI News
// Aggregator CSV; see story_gold.h). The documents are streamed in date order
// (JSONL: stable sort by date, undated first; UCI: TIMESTAMP order, dated to
// the UTC day) through two systems in the same run: a baseline (single-pass
// TF-IDF cosine against a fixed threshold) and the StoryClusterer. JSONL text
// is analysed by the text layer only (tokens, no lemmas or entities); UCI
// items are headlines and need no analysis.
// Out: pairwise and BCubed P/R/F1 (percent) and cluster counts per system. For
// UCI the headline figures are for the items after the first `tuning_days`
// (the model's thresholds were tuned on the first month); the whole stream
// and the first month are reported too, with session memory and process RSS
// at 100k/200k/400k items. Cost: one pass; memory bounded by the window plus
// one label per item.
#pragma once
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/status.h"
#include "text/text_analyzer.h"

namespace crosscheck::eval {

struct ClusteringScores {
  double pairwise_precision = 0, pairwise_recall = 0, pairwise_f1 = 0;  // percent
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
  uint64_t n = 0, predicted_clusters = 0, gold_clusters = 0;
};

// Scores a clustering: predicted[i] and gold[i] are the cluster labels of item i.
// A precision with no predicted pair (all singletons) counts as 100.
ClusteringScores ScoreClustering(const std::vector<uint32_t>& predicted, const std::vector<uint32_t>& gold);

struct MemoryPoint {
  uint64_t items = 0;
  size_t session_bytes = 0;  // the session's own estimate
  size_t rss_bytes = 0;      // whole process, now
};

struct StoryRun {
  std::string system;                 // "baseline" or "clusterer"
  ClusteringScores scores;            // held-out items (UCI: after the tuning days), else all
  ClusteringScores all, tuning;       // UCI only: the whole stream, the tuning days
  double seconds = 0;                 // record building + clustering, this system only
  size_t peak_session_bytes = 0;
  std::vector<MemoryPoint> memory;
};

struct StoryEvalReport {
  std::string gold;
  std::string dataset;                // "jsonl" or "uci"
  std::string layers;                 // what analysis ran
  uint64_t items = 0, input_errors = 0;
  double seconds = 0;                 // whole run
  size_t peak_rss_bytes = 0;
  std::vector<StoryRun> runs;         // baseline first
};

struct StoryEvalOptions {
  cluster::StoryOptions options;      // the clusterer's; the baseline's differ only in `baseline`
  double tuning_days = 30;            // UCI: the first month is the tuning part
  uint64_t limit = 0;                 // stop after this many items (0: all)
  std::vector<uint64_t> memory_at = {100000, 200000, 400000};
};

Result<StoryEvalReport> EvaluateStories(const std::filesystem::path& gold, const cluster::StoryClusterer& clusterer,
                                        const text::TextAnalyzer& analyzer, const StoryEvalOptions& options);

// The CONTRACT object (the clusterer's scores at top level, plus "baseline",
// "all", "tuning", "memory" and throughput) and a human-readable table.
std::string StoryEvalJson(const StoryEvalReport& report);
void PrintStoryEval(const StoryEvalReport& report, FILE* out);

// `crosscheck eval stories --gold PATH [--json]`: loads models from
// `model_dir`, prints, returns the exit code (0, 1 bad model, 2 bad input).
int RunStoryEval(const std::string& gold, bool json, const std::filesystem::path& model_dir);

struct StoryTrainingOptions {
  std::filesystem::path articles;     // JSONL gold (NeuS train): the article weights
  std::filesystem::path headlines;    // UCI CSV: its first `headline_days` train the headline weights
  double headline_days = 30;
  std::filesystem::path background;   // data/stories/background-df.tsv
  std::string command;                // recorded in the model
  cluster::StoryOptions options;
};

// Learns both weight vectors, then tunes each join threshold for BCubed F1 on
// the same data. Progress lines go to `log` (may be null).
Result<cluster::StoryModel> TrainStoryModel(const StoryTrainingOptions& options, const text::TextAnalyzer& analyzer,
                                            FILE* log);

// `crosscheck train stories [--articles P] [--headlines P] [-o FILE]`: defaults
// are NeuS train and the UCI CSV under `shared_data`; writes `out`.
int RunStoryTraining(const std::filesystem::path& shared_data, const std::filesystem::path& out,
                     const std::filesystem::path& model_dir, const std::string& command, bool quiet);

}  // namespace crosscheck::eval

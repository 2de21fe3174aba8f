// TrainStoryModel and RunStoryTraining (declared in eval/story_eval.h).
#include <cstdio>
#include <unordered_map>

#include "cluster/story_trainer.h"
#include "eval/story_eval.h"
#include "eval/story_gold.h"

namespace crosscheck::eval {
namespace {

struct LabelledStream {
  std::vector<cluster::DocumentRecord> records;
  std::vector<uint32_t> gold;
};

// The gold set in stream order; UCI stops after `days` days.
Result<LabelledStream> Collect(const std::filesystem::path& path, const text::TextAnalyzer& analyzer, double days) {
  LabelledStream stream;
  std::unordered_map<std::string, uint32_t> labels;
  int64_t first_ms = -1;
  uint64_t errors = 0;
  Status status = StreamGold(path, analyzer, &errors, [&](const GoldDocument& g, cluster::DocumentRecord&& r, double) {
    if (first_ms < 0) first_ms = g.timestamp_ms;
    if (IsUciCsv(path) && g.timestamp_ms >= first_ms + days * 86400e3) return false;
    stream.gold.push_back(labels.try_emplace(g.cluster, static_cast<uint32_t>(labels.size())).first->second);
    stream.records.push_back(std::move(r));
    return true;
  });
  if (!status.ok()) return status;
  return stream;
}

ClusteringScores Cluster(const cluster::StoryModel& model, const LabelledStream& stream,
                         const cluster::StoryOptions& options) {
  cluster::StoryClusterer clusterer(model);
  auto session = clusterer.Start(options);
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<uint32_t> predicted(stream.records.size());
  auto take = [&](const std::vector<cluster::Assignment>& assignments) {
    for (const auto& a : assignments) predicted[a.ordinal] = ids.try_emplace(a.story_id, static_cast<uint32_t>(ids.size())).first->second;
  };
  for (const auto& r : stream.records) take(session->Add(r));
  std::vector<cluster::Assignment> last;
  session->Finish(&last);
  take(last);
  return ScoreClustering(predicted, stream.gold);
}

// Picks the join threshold of `kind` with the best BCubed F1 on `stream`
// (ties: the higher threshold, which merges less).
void TuneThreshold(cluster::StoryModel* model, cluster::DocumentKind kind, const LabelledStream& stream,
                   const cluster::StoryOptions& options, FILE* log) {
  float best_threshold = 0.5f;
  double best_f1 = -1;
  for (int step = 1; step <= 9; ++step) {
    const float threshold = step * 0.1f;
    model->kinds[static_cast<int>(kind)].threshold = threshold;
    const ClusteringScores s = Cluster(*model, stream, options);
    if (log) std::fprintf(log, "  threshold %.2f: BCubed P %.2f R %.2f F1 %.2f, %llu clusters\n", threshold,
                          s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, static_cast<unsigned long long>(s.predicted_clusters));
    if (s.bcubed_f1 >= best_f1 - 1e-9) { best_f1 = s.bcubed_f1; best_threshold = threshold; }
  }
  model->kinds[static_cast<int>(kind)].threshold = best_threshold;
}

void AddExamples(const cluster::StoryModel& model, const LabelledStream& stream, const cluster::StoryOptions& options,
                 std::vector<cluster::TrainingExample>* examples) {
  cluster::StoryExampleCollector collector(model, options);
  for (size_t i = 0; i < stream.records.size(); ++i) collector.Add(stream.records[i], stream.gold[i]);
  auto more = collector.Finish();
  examples->insert(examples->end(), more.begin(), more.end());
}

}  // namespace

Result<cluster::StoryModel> TrainStoryModel(const StoryTrainingOptions& options, const text::TextAnalyzer& analyzer,
                                            FILE* log) {
  auto articles = Collect(options.articles, analyzer, 0);
  if (!articles.ok()) return articles.status();
  auto headlines = Collect(options.headlines, analyzer, options.headline_days);
  if (!headlines.ok()) return headlines.status();
  cluster::StoryModel model;
  model.command = options.command;
  if (Status s = model.LoadBackground(options.background); !s.ok()) return s;
  std::vector<cluster::TrainingExample> examples;
  AddExamples(model, *articles, options.options, &examples);
  AddExamples(model, *headlines, options.options, &examples);
  if (log) std::fprintf(log, "crosscheck: %zu articles, %zu headlines, %zu examples\n", articles->records.size(),
                        headlines->records.size(), examples.size());
  for (auto kind : {cluster::DocumentKind::kArticle, cluster::DocumentKind::kHeadline}) {
    model.kinds[static_cast<int>(kind)] = cluster::FitLogistic(examples, kind);
  }
  if (log) std::fprintf(log, "crosscheck: tuning the headline threshold on %s\n", options.headlines.c_str());
  TuneThreshold(&model, cluster::DocumentKind::kHeadline, *headlines, options.options, log);
  if (log) std::fprintf(log, "crosscheck: tuning the article threshold on %s\n", options.articles.c_str());
  TuneThreshold(&model, cluster::DocumentKind::kArticle, *articles, options.options, log);
  return model;
}

int RunStoryTraining(const std::filesystem::path& shared_data, const std::filesystem::path& out,
                     const std::filesystem::path& model_dir, const std::string& command, bool quiet) {
  auto analyzer = text::TextAnalyzer::Load(model_dir);
  if (!analyzer.ok()) { std::fprintf(stderr, "crosscheck: %s\n", analyzer.status().message().c_str()); return 1; }
  StoryTrainingOptions options;
  options.articles = shared_data / "clusters/neus/train.articles.jsonl.gz";
  options.headlines = shared_data / "news-clustering/uci-news-aggregator/uci-news-aggregator.csv.gz";
  options.background = std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "data/stories/background-df.tsv";
  options.command = command;
  auto model = TrainStoryModel(options, **analyzer, quiet ? nullptr : stderr);
  if (!model.ok()) { std::fprintf(stderr, "crosscheck: %s\n", model.status().message().c_str()); return 2; }
  Status saved = model->Save(out);
  if (!saved.ok()) { std::fprintf(stderr, "crosscheck: %s\n", saved.message().c_str()); return 2; }
  if (!quiet) std::fprintf(stderr, "crosscheck: wrote %s\n", out.c_str());
  return 0;
}

}  // namespace crosscheck::eval

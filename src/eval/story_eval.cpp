#include "eval/story_eval.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "core/json_writer.h"
#include "eval/story_gold.h"

namespace crosscheck::eval {
namespace {

double Percent(double num, double den) { return den > 0 ? 100.0 * num / den : 100.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Pairs(double n) { return n * (n - 1) / 2; }

// VmRSS or VmHWM of this process in bytes (0 where /proc is absent).
size_t ProcStatus(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::strtoull(line.c_str() + std::strlen(key) + 1, nullptr, 10) * 1024;
  }
  return 0;
}

// Interns labels as small integers.
class Labels {
 public:
  uint32_t Of(const std::string& label) {
    return ids_.try_emplace(label, static_cast<uint32_t>(ids_.size())).first->second;
  }
 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// One system under test: its session, its predicted labels, its timing.
struct System {
  std::unique_ptr<cluster::StorySession> session;
  Labels stories;
  std::vector<uint32_t> predicted;
  StoryRun run;
  void Take(const std::vector<cluster::Assignment>& assignments) {
    for (const auto& a : assignments) {
      if (predicted.size() <= a.ordinal) predicted.resize(a.ordinal + 1, UINT32_MAX);
      predicted[a.ordinal] = stories.Of(a.story_id);
    }
  }
};

ClusteringScores ScoreSubset(const std::vector<uint32_t>& predicted, const std::vector<uint32_t>& gold,
                             const std::vector<uint8_t>& part, uint8_t which) {
  std::vector<uint32_t> p, g;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (part[i] == which) { p.push_back(predicted[i]); g.push_back(gold[i]); }
  }
  return ScoreClustering(p, g);
}

void AppendScores(JsonWriter& w, const ClusteringScores& s) {
  w.Key("pairwise_f1"); w.Double(s.pairwise_f1);
  w.Key("pairwise_precision"); w.Double(s.pairwise_precision);
  w.Key("pairwise_recall"); w.Double(s.pairwise_recall);
  w.Key("bcubed_f1"); w.Double(s.bcubed_f1);
  w.Key("bcubed_precision"); w.Double(s.bcubed_precision);
  w.Key("bcubed_recall"); w.Double(s.bcubed_recall);
  w.Key("predicted_clusters"); w.Int(static_cast<int64_t>(s.predicted_clusters));
  w.Key("gold_clusters"); w.Int(static_cast<int64_t>(s.gold_clusters));
  w.Key("n"); w.Int(static_cast<int64_t>(s.n));
}

void AppendRun(JsonWriter& w, const StoryEvalReport& report, const StoryRun& run) {
  AppendScores(w, run.scores);
  w.Key("seconds_clustering"); w.Double(run.seconds, 3);
  w.Key("items_per_second"); w.Double(report.items / std::max(run.seconds, 1e-9), 0);
  w.Key("peak_session_mb"); w.Double(run.peak_session_bytes / 1048576.0, 1);
  if (report.dataset == "uci") {
    w.Key("all"); w.BeginObject(); AppendScores(w, run.all); w.EndObject();
    w.Key("tuning"); w.BeginObject(); AppendScores(w, run.tuning); w.EndObject();
  }
  if (!run.memory.empty()) {
    w.Key("memory"); w.BeginArray();
    for (const MemoryPoint& m : run.memory) {
      w.BeginObject();
      w.Key("items"); w.Int(static_cast<int64_t>(m.items));
      w.Key("session_mb"); w.Double(m.session_bytes / 1048576.0, 1);
      w.Key("rss_mb"); w.Double(m.rss_bytes / 1048576.0, 1);
      w.EndObject();
    }
    w.EndArray();
  }
}

}  // namespace

ClusteringScores ScoreClustering(const std::vector<uint32_t>& predicted, const std::vector<uint32_t>& gold) {
  ClusteringScores s;
  s.n = gold.size();
  std::unordered_map<uint64_t, double> joint;
  std::unordered_map<uint32_t, double> predicted_size, gold_size;
  for (size_t i = 0; i < gold.size(); ++i) {
    joint[static_cast<uint64_t>(predicted[i]) << 32 | gold[i]] += 1;
    predicted_size[predicted[i]] += 1;
    gold_size[gold[i]] += 1;
  }
  s.predicted_clusters = predicted_size.size();
  s.gold_clusters = gold_size.size();
  if (s.n == 0) return s;
  double true_pairs = 0, predicted_pairs = 0, gold_pairs = 0, bp = 0, br = 0;
  for (const auto& [key, n] : joint) {
    true_pairs += Pairs(n);
    bp += n * n / predicted_size[static_cast<uint32_t>(key >> 32)];
    br += n * n / gold_size[static_cast<uint32_t>(key)];
  }
  for (const auto& [c, n] : predicted_size) predicted_pairs += Pairs(n);
  for (const auto& [c, n] : gold_size) gold_pairs += Pairs(n);
  s.pairwise_precision = Percent(true_pairs, predicted_pairs);
  s.pairwise_recall = Percent(true_pairs, gold_pairs);
  s.pairwise_f1 = F1(s.pairwise_precision, s.pairwise_recall);
  s.bcubed_precision = 100.0 * bp / s.n;
  s.bcubed_recall = 100.0 * br / s.n;
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  return s;
}

Result<StoryEvalReport> EvaluateStories(const std::filesystem::path& gold_path, const cluster::StoryClusterer& clusterer,
                                        const text::TextAnalyzer& analyzer, const StoryEvalOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  StoryEvalReport report;
  report.gold = gold_path.string();
  report.dataset = IsUciCsv(gold_path) ? "uci" : "jsonl";
  report.layers = report.dataset == "uci" ? "headlines (no analysis)" : "text layer (tokens, sentences)";
  std::vector<System> systems(2);
  for (int i = 0; i < 2; ++i) {
    cluster::StoryOptions o = options.options;
    o.baseline = i == 0;
    systems[i].session = clusterer.Start(o);
    systems[i].run.system = i == 0 ? "baseline" : "clusterer";
  }
  Labels gold_labels;
  std::vector<uint32_t> gold;
  std::vector<uint8_t> part;  // 0: tuning days (UCI), 1: scored
  int64_t first_ms = -1;
  size_t next_memory = 0;
  auto on_item = [&](const GoldDocument& g, cluster::DocumentRecord&& record, double record_seconds) {
    if (first_ms < 0) first_ms = g.timestamp_ms;
    gold.push_back(gold_labels.Of(g.cluster));
    const bool tuning = report.dataset == "uci" && g.timestamp_ms < first_ms + options.tuning_days * 86400e3;
    part.push_back(tuning ? 0 : 1);
    for (size_t i = 0; i < systems.size(); ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      systems[i].Take(systems[i].session->Add(i + 1 < systems.size() ? record : std::move(record)));
      systems[i].session->TakeClosed();  // assignments carry the labels; closed stories are not needed
      systems[i].run.seconds += record_seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    ++report.items;
    const bool checkpoint = next_memory < options.memory_at.size() && report.items == options.memory_at[next_memory];
    if (checkpoint) ++next_memory;
    for (System& s : systems) {
      if (report.items % 4096 == 0 || checkpoint) s.run.peak_session_bytes = std::max(s.run.peak_session_bytes, s.session->MemoryBytes());
      if (checkpoint) s.run.memory.push_back({report.items, s.session->MemoryBytes(), ProcStatus("VmRSS:")});
    }
    return options.limit == 0 || report.items < options.limit;
  };
  Status status = StreamGold(gold_path, analyzer, &report.input_errors, on_item);
  if (!status.ok()) return status;
  for (System& s : systems) {
    s.run.peak_session_bytes = std::max(s.run.peak_session_bytes, s.session->MemoryBytes());
    std::vector<cluster::Assignment> last;
    const auto t0 = std::chrono::steady_clock::now();
    s.session->Finish(&last);
    s.run.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    s.Take(last);
    s.predicted.resize(gold.size(), UINT32_MAX);
    s.run.all = ScoreClustering(s.predicted, gold);
    s.run.tuning = ScoreSubset(s.predicted, gold, part, 0);
    s.run.scores = report.dataset == "uci" ? ScoreSubset(s.predicted, gold, part, 1) : s.run.all;
    report.runs.push_back(std::move(s.run));
  }
  report.peak_rss_bytes = ProcStatus("VmHWM:");
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::string StoryEvalJson(const StoryEvalReport& report) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("task"); w.String("stories");
  w.Key("gold"); w.String(report.gold);
  w.Key("seconds"); w.Double(report.seconds, 3);
  w.Key("layers"); w.String(report.layers);
  w.Key("items"); w.Int(static_cast<int64_t>(report.items));
  if (report.dataset == "uci") { w.Key("scored"); w.String("items after the first 30 days (the tuning month)"); }
  AppendRun(w, report, report.runs.back());
  w.Key("baseline"); w.BeginObject(); AppendRun(w, report, report.runs.front()); w.EndObject();
  w.Key("peak_rss_mb"); w.Double(report.peak_rss_bytes / 1048576.0, 1);
  w.Key("input_errors"); w.Int(static_cast<int64_t>(report.input_errors));
  w.EndObject();
  return out;
}

void PrintStoryEval(const StoryEvalReport& report, FILE* out) {
  std::fprintf(out, "stories  %s  (%llu items; %s)\n", report.gold.c_str(),
               static_cast<unsigned long long>(report.items), report.layers.c_str());
  std::fprintf(out, "  %-10s %-7s %7s %7s %7s %7s %7s %7s %8s %8s %9s\n", "system", "part", "pairP", "pairR", "pairF1",
               "B3-P", "B3-R", "B3-F1", "pred", "gold", "items/s");
  for (const StoryRun& run : report.runs) {
    auto row = [&](const char* part, const ClusteringScores& s) {
      std::fprintf(out, "  %-10s %-7s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %8llu %8llu %9.0f\n", run.system.c_str(), part,
                   s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.bcubed_precision, s.bcubed_recall,
                   s.bcubed_f1, static_cast<unsigned long long>(s.predicted_clusters),
                   static_cast<unsigned long long>(s.gold_clusters), report.items / std::max(run.seconds, 1e-9));
    };
    if (report.dataset == "uci") { row("tuning", run.tuning); row("rest", run.scores); row("all", run.all); }
    else row("all", run.scores);
    for (const MemoryPoint& m : run.memory) {
      std::fprintf(out, "  %-10s memory at %llu items: session %.1f MB, process RSS %.1f MB\n", run.system.c_str(),
                   static_cast<unsigned long long>(m.items), m.session_bytes / 1048576.0, m.rss_bytes / 1048576.0);
    }
  }
  std::fprintf(out, "  peak RSS %.1f MB, %.2f s\n", report.peak_rss_bytes / 1048576.0, report.seconds);
}

int RunStoryEval(const std::string& gold, bool json, const std::filesystem::path& model_dir) {
  auto clusterer = cluster::StoryClusterer::Load(model_dir);
  if (!clusterer.ok()) { std::fprintf(stderr, "crosscheck: %s\n", clusterer.status().message().c_str()); return 1; }
  auto analyzer = text::TextAnalyzer::Load(model_dir);
  if (!analyzer.ok()) { std::fprintf(stderr, "crosscheck: %s\n", analyzer.status().message().c_str()); return 1; }
  auto report = EvaluateStories(gold, *clusterer, **analyzer, StoryEvalOptions());
  if (!report.ok()) { std::fprintf(stderr, "crosscheck: %s\n", report.status().message().c_str()); return 2; }
  if (json) std::printf("%s\n", StoryEvalJson(*report).c_str());
  else PrintStoryEval(*report, stdout);
  return report->input_errors > 0 ? 2 : 0;
}

}  // namespace crosscheck::eval

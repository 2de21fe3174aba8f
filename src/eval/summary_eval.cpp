#include "eval/summary_eval.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "eval/rouge.h"
#include "eval/story_gold.h"
#include "eval/summary_baselines.h"

namespace crosscheck::eval {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<std::vector<std::string>> ReadGzipLines(const std::filesystem::path& path) {
  gzFile file = gzopen(path.string().c_str(), "rb");
  if (!file) return Status::Error(path.string() + ": cannot open (expected a NeuS jsonl.gz)");
  std::string data;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof(buffer))) > 0) data.append(buffer, n);
  const bool failed = n < 0;
  gzclose(file);
  if (failed) return Status::Error(path.string() + ": corrupt gzip data");
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    if (data.find_first_not_of(" \t\r", start) < end) lines.push_back(data.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// cluster -> `field` of each JSON line of `path`; errors name file and line.
Result<std::map<std::string, std::string>> ReadClusterField(const std::filesystem::path& path, const std::string& field) {
  auto lines = ReadGzipLines(path);
  if (!lines.ok()) return lines.status();
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < lines->size(); ++i) {
    auto j = nlohmann::json::parse((*lines)[i], nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cluster") || !j["cluster"].is_string() ||
        !j.contains(field) || !j[field].is_string()) {
      return Status::Error(path.string() + ":" + std::to_string(i + 1) + ": expected an object with string fields cluster and " + field);
    }
    out[j["cluster"].get<std::string>()] = j[field].get<std::string>();
  }
  return out;
}

std::vector<AnalyzedDocument> AnalyzeAll(const SummaryAnalyzer& analyze, std::vector<Document> docs, unsigned threads) {
  std::vector<AnalyzedDocument> out(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) out[i] = analyze(std::move(docs[i]));
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(threads, 1u); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<std::set<std::string>> LoadStopwords(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open (expected function_words.tsv)");
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("word\t", 0) == 0) continue;
    for (std::string& t : RougeTokens(line.substr(0, line.find('\t')))) out.insert(std::move(t));
  }
  return out;
}

// Running means of one system.
struct Accumulator {
  SummarySystemScore score;
  void Add(const std::string& reference, const std::string& output) {
    const RougeScores s = ScoreRouge(reference, output);
    score.rouge1 += s.rouge1.f, score.rouge2 += s.rouge2.f, score.rougeL += s.rougeL.f;
    score.words += CountWords(output);
    ++score.n;
  }
  SummarySystemScore Finish() const {
    SummarySystemScore out = score;
    const double n = std::max<double>(1, static_cast<double>(score.n));
    out.rouge1 *= 100 / n, out.rouge2 *= 100 / n, out.rougeL *= 100 / n, out.words /= n;
    return out;
  }
};

std::string JoinTaken(const std::vector<BaselineSentence>& sentences, const std::vector<size_t>& taken) {
  std::string out;
  for (size_t i : taken) out += (out.empty() ? "" : " ") + sentences[i].text;
  return out;
}

// Lead, LexRank and TextRank outputs of one cluster.
std::vector<std::string> BaselineOutputs(const SummaryCluster& cluster, const std::set<std::string>& stopwords,
                                         size_t max_words) {
  std::vector<BaselineSentence> sentences;
  for (size_t d = 0; d < cluster.articles.size(); ++d) {
    const AnalyzedDocument& doc = cluster.articles[d];
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Span span = doc.sentences[s].span;
      sentences.push_back({d, s, Collapse(std::string_view(doc.doc.text).substr(span.begin, span.size())), {}, 0});
    }
  }
  PrepareSentences(&sentences);
  return {JoinTaken(sentences, TakeUnderCap(sentences, LeadRank(sentences), max_words)),
          JoinTaken(sentences, TakeUnderCap(sentences, RankByScore(LexRankScores(sentences, stopwords)), max_words)),
          JoinTaken(sentences, TakeUnderCap(sentences, RankByScore(TextRankScores(sentences, stopwords)), max_words))};
}

// Scores every system-outputs/*.{split}.jsonl.gz against the references.
Result<std::vector<SummarySystemScore>> ScorePublished(const std::filesystem::path& folder, const std::string& split,
                                                       const std::map<std::string, std::string>& references) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(folder)) return std::vector<SummarySystemScore>{};
  const std::string suffix = "." + split + ".jsonl.gz";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename().string().ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<SummarySystemScore> out;
  for (const auto& file : files) {
    std::string name = file.filename().string();
    name = name.substr(0, name.size() - suffix.size());
    auto outputs = ReadClusterField(file, "summary");
    if (!outputs.ok()) return outputs.status();
    Accumulator acc;
    for (const auto& [cluster, reference] : references) {
      auto it = outputs->find(cluster);
      acc.Add(reference, it == outputs->end() ? "" : CleanSystemOutput(it->second, name));
    }
    out.push_back(acc.Finish());
    out.back().name = name;
  }
  return out;
}

}  // namespace

std::string CleanSystemOutput(const std::string& text, const std::string& system) {
  std::string out = text;
  for (size_t at; (at = out.find("<n>")) != std::string::npos;) out.replace(at, 3, " ");
  if (system == "neus") {
    const size_t begin = out.find_first_not_of(" \t\n");
    if (begin != std::string::npos && out.compare(begin, 3, "TIT") == 0) {
      const size_t end = out.find_first_of(" \t\n", begin);
      out = end == std::string::npos ? "" : out.substr(end);
    }
    for (size_t at; (at = out.find("ARTICLE=>")) != std::string::npos;) out.replace(at, 9, " ");
  }
  return Collapse(out);
}

Result<std::vector<SummaryCluster>> LoadSummaryClusters(const SummaryAnalyzer& analyze, const std::filesystem::path& gold,
                                                        const std::string& split, unsigned threads) {
  if (split != "train" && split != "val" && split != "test") {
    return Status::Error("--split: expected train, val or test, got \"" + split + "\"");
  }
  uint64_t errors = 0;
  auto articles = ReadJsonlGold(gold / (split + ".articles.jsonl.gz"), &errors);
  if (!articles.ok()) return articles.status();
  if (errors > 0) return Status::Error((gold / (split + ".articles.jsonl.gz")).string() + ": bad lines (see above)");
  auto references = ReadClusterField(gold / (split + ".summaries.jsonl.gz"), "summary");
  if (!references.ok()) return references.status();
  std::vector<SummaryCluster> clusters;
  std::map<std::string, size_t> slot;
  std::vector<Document> docs;
  std::vector<size_t> owner;
  for (GoldDocument& g : *articles) {
    auto [it, added] = slot.emplace(g.cluster, clusters.size());
    if (added) clusters.push_back({g.cluster, {}, ""});
    owner.push_back(it->second);
    docs.push_back(std::move(g.doc));
  }
  std::vector<AnalyzedDocument> analysed = AnalyzeAll(analyze, std::move(docs), threads);
  for (size_t i = 0; i < analysed.size(); ++i) clusters[owner[i]].articles.push_back(std::move(analysed[i]));
  for (SummaryCluster& c : clusters) {
    auto it = references->find(c.id);
    if (it == references->end()) return Status::Error(c.id + ": no reference in " + split + ".summaries.jsonl.gz");
    c.reference = it->second;
  }
  return clusters;
}

Result<SummaryEvalReport> EvaluateSummaries(const SummaryAnalyzer& analyze, const reconcile::Summarizer& summarizer,
                                            const std::filesystem::path& gold, const SummaryEvalOptions& options) {
  auto stopwords = LoadStopwords(options.stopwords);
  if (!stopwords.ok()) return stopwords.status();
  SummaryEvalReport report;
  report.split = options.split;
  report.max_words = options.max_words;
  const auto start = std::chrono::steady_clock::now();
  auto clusters = LoadSummaryClusters(analyze, gold, options.split, options.threads);
  if (!clusters.ok()) return clusters.status();
  report.analysis_seconds = SecondsSince(start);
  Accumulator ours;
  std::vector<Accumulator> baselines(3);
  std::map<std::string, std::string> references;
  double summarize_seconds = 0;
  for (const SummaryCluster& c : *clusters) {
    std::vector<const AnalyzedDocument*> docs;
    for (const AnalyzedDocument& a : c.articles) docs.push_back(&a);
    const auto t0 = std::chrono::steady_clock::now();
    const auto summary = summarizer.Summarize(docs, {}, {.max_words = options.max_words});
    summarize_seconds += SecondsSince(t0);
    std::string text;
    for (const auto& s : summary) text += (text.empty() ? "" : " ") + s.text;
    ours.Add(c.reference, text);
    const std::vector<std::string> outputs = BaselineOutputs(c, *stopwords, options.max_words);
    for (size_t b = 0; b < outputs.size(); ++b) baselines[b].Add(c.reference, outputs[b]);
    references[c.id] = c.reference;
    report.reference_words += CountWords(c.reference);
  }
  report.clusters = clusters->size();
  report.reference_words /= std::max<double>(1, static_cast<double>(report.clusters));
  report.summarize_ms_per_story = 1000 * summarize_seconds / std::max<double>(1, static_cast<double>(report.clusters));
  report.ours = ours.Finish();
  report.ours.name = "crosscheck";
  const char* names[] = {"lead", "lexrank", "textrank"};
  for (size_t b = 0; b < baselines.size(); ++b) {
    report.baselines.push_back(baselines[b].Finish());
    report.baselines.back().name = names[b];
  }
  auto systems = ScorePublished(gold / "system-outputs", options.split, references);
  if (!systems.ok()) return systems.status();
  report.systems = std::move(*systems);
  return report;
}

}  // namespace crosscheck::eval

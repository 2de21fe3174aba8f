// Story clustering kernels on synthetic streams (no data files needed):
//   BM_MakeRecord/*     AnalyzedDocument -> DocumentRecord (terms, MinHash, paragraph prints)
//   BM_Cluster/*        records -> stories (near-duplicates, candidates, features, decision)
//   BM_EndToEnd/*       both, per item, as `crosscheck stories` runs them after analysis
// Headlines have 10 words and no body; articles 600 words in 8 paragraphs.
// Topics (stories) draw 30% of their words from 40 topic words, the rest from
// a Zipf background of 50,000 words; 60 stories run per day, 40 items each.
// Items/s is per core (single-threaded). Real-data figures: bench/README.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "cluster/document_record.h"
#include "cluster/story_clusterer.h"

namespace crosscheck::cluster {
namespace {

constexpr int kVocabulary = 50000;
constexpr int kStoriesPerDay = 60;
constexpr int kItemsPerStory = 40;

class Corpus {
 public:
  explicit Corpus(bool articles) : articles_(articles), rng_(42) {
    for (int i = 0; i < kVocabulary; ++i) words_.push_back("w" + std::to_string(i));
    std::vector<double> weights;
    for (int i = 1; i <= kVocabulary; ++i) weights.push_back(1.0 / i);
    zipf_ = std::discrete_distribution<int>(weights.begin(), weights.end());
  }

  AnalyzedDocument Next() {
    const uint64_t item = count_++;
    const uint64_t story = item / kItemsPerStory * 7919 % 1000003;  // stories interleave within a day
    const int day = static_cast<int>(item / (kStoriesPerDay * kItemsPerStory));
    AnalyzedDocument doc;
    doc.doc.id = "doc" + std::to_string(item);
    doc.doc.date = FormatIsoDay(ParseIsoDay("2024-01-01") + day * int64_t{86400});
    doc.doc.title = Words(story, 10);
    if (articles_) AppendBody(story, &doc);
    return doc;
  }

 private:
  std::string Word(uint64_t story) {
    if (std::uniform_real_distribution<>(0, 1)(rng_) < 0.3) return words_[(story * 40 + rng_() % 40) % kVocabulary];
    return words_[zipf_(rng_)];
  }
  std::string Words(uint64_t story, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + Word(story);
    return s;
  }
  void AppendBody(uint64_t story, AnalyzedDocument* doc) {
    for (int p = 0; p < 8; ++p) {
      const uint32_t begin = static_cast<uint32_t>(doc->doc.text.size());
      Sentence sentence{{}, static_cast<uint32_t>(doc->tokens.size()), 0, static_cast<uint32_t>(p)};
      for (int i = 0; i < 75; ++i) {
        const std::string w = Word(story);
        const uint32_t at = static_cast<uint32_t>(doc->doc.text.size());
        doc->doc.text += w + " ";
        doc->tokens.push_back({{at, static_cast<uint32_t>(at + w.size())}, w});
      }
      sentence.end_token = static_cast<uint32_t>(doc->tokens.size());
      doc->sentences.push_back(sentence);
      doc->doc.paragraphs.push_back({begin, static_cast<uint32_t>(doc->doc.text.size())});
      doc->doc.text += "\n\n";
    }
  }

  bool articles_;
  std::mt19937_64 rng_;
  std::vector<std::string> words_;
  std::discrete_distribution<int> zipf_;
  uint64_t count_ = 0;
};

StoryModel BenchModel() {
  StoryModel model;
  for (auto& k : model.kinds) {
    k.weights[kBias] = -3;
    k.weights[kTextCosine] = 8;
    k.weights[kNearestMember] = 4;
  }
  return model;
}

void BM_MakeRecord(benchmark::State& state) {
  Corpus corpus(state.range(0) != 0);
  std::vector<AnalyzedDocument> docs;
  for (int i = 0; i < 2000; ++i) docs.push_back(corpus.Next());
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(MakeRecord(docs[i++ % docs.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MakeRecord)->Arg(0)->Arg(1)->ArgName("articles");

void BM_Cluster(benchmark::State& state) {
  Corpus corpus(state.range(0) != 0);
  const int n = state.range(0) ? 20000 : 100000;
  std::vector<DocumentRecord> records;
  for (int i = 0; i < n; ++i) records.push_back(MakeRecord(corpus.Next()));
  StoryClusterer clusterer(BenchModel());
  for (auto _ : state) {
    auto session = clusterer.Start();
    for (const auto& r : records) benchmark::DoNotOptimize(session->Add(r));
    benchmark::DoNotOptimize(session->Finish());
  }
  state.SetItemsProcessed(state.iterations() * records.size());
}
BENCHMARK(BM_Cluster)->Arg(0)->Arg(1)->ArgName("articles")->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_EndToEnd(benchmark::State& state) {
  Corpus corpus(state.range(0) != 0);
  const int n = state.range(0) ? 20000 : 100000;
  std::vector<AnalyzedDocument> docs;
  for (int i = 0; i < n; ++i) docs.push_back(corpus.Next());
  StoryClusterer clusterer(BenchModel());
  size_t peak = 0;
  for (auto _ : state) {
    auto session = clusterer.Start();
    for (size_t i = 0; i < docs.size(); ++i) {
      benchmark::DoNotOptimize(session->Add(docs[i]));
      if (i % 4096 == 0) peak = std::max(peak, session->MemoryBytes());
    }
    benchmark::DoNotOptimize(session->Finish());
  }
  state.counters["peak_session_MB"] = static_cast<double>(peak) / 1048576.0;
  state.SetItemsProcessed(state.iterations() * docs.size());
}
BENCHMARK(BM_EndToEnd)->Arg(0)->Arg(1)->ArgName("articles")->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace crosscheck::cluster

BENCHMARK_MAIN();

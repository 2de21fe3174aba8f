// bench/ner_bench.cpp: the entities stage alone (NER tagging, rules, place
// linking, coreference) on Universal NER EWT test with gold tokens, as
// tokens/s on one core and peak RSS. Needs ../shared (skips otherwise).
//
// Also a helper for bench/peers-ner.sh, so peers are scored by exactly our
// rules (eval::EvaluateNerOutput):
//   ner_bench --score SYSTEM.iob2 GOLD.iob2[.gz]   prints one JSON object
//   ner_bench --tag GOLD.iob2[.gz] OUT.iob2          writes crosscheck's tags
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "entities/entity_recognizer.h"
#include "entities/iob2_corpus.h"
#include "eval/ner_eval.h"

namespace crosscheck {
namespace {

const std::filesystem::path kGold =
    CROSSCHECK_SOURCE_DIR "/../shared/data/ner/uner-en-ewt/en_ewt-ud-test.iob2.gz";

// Gold sentences grouped into documents, text = words joined by spaces.
std::vector<AnalyzedDocument> GoldDocuments(const std::vector<entities::NerSentence>& sentences) {
  std::vector<AnalyzedDocument> docs;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i == 0 || sentences[i].doc_id != sentences[i - 1].doc_id) docs.emplace_back();
    AnalyzedDocument& doc = docs.back();
    Sentence sentence;
    sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
    for (const std::string& word : sentences[i].words) {
      if (!doc.doc.text.empty()) doc.doc.text.push_back(' ');
      const uint32_t begin = static_cast<uint32_t>(doc.doc.text.size());
      doc.doc.text += word;
      doc.tokens.push_back({{begin, static_cast<uint32_t>(doc.doc.text.size())}, word, true, false});
    }
    sentence.end_token = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(sentence);
  }
  return docs;
}

void BM_EntitiesAnalyze(benchmark::State& state) {
  auto recognizer = entities::EntityRecognizer::Load(CROSSCHECK_SOURCE_DIR "/models");
  auto sentences = entities::ReadIob2(kGold);
  if (!recognizer.ok() || !sentences.ok()) {
    state.SkipWithError("needs models/ner.bin and ../shared/data/ner/uner-en-ewt");
    return;
  }
  const std::vector<AnalyzedDocument> docs = GoldDocuments(*sentences);
  size_t tokens = 0;
  for (auto _ : state) {
    for (const AnalyzedDocument& original : docs) {
      AnalyzedDocument doc = original;
      (*recognizer)->Analyze(&doc);
      tokens += doc.tokens.size();
      benchmark::DoNotOptimize(doc.entities.data());
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_EntitiesAnalyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int Score(const char* system, const char* gold) {
  auto scores = eval::EvaluateNerOutput(system, gold);
  if (!scores.ok()) return std::fprintf(stderr, "%s\n", scores.status().message().c_str()), 2;
  std::printf("{\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f", scores->overall.f1,
              scores->overall.precision, scores->overall.recall);
  for (const auto& [type, prf] : scores->per_type) {
    std::printf(", \"%s\": {\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f}", type.c_str(),
                prf.f1, prf.precision, prf.recall);
  }
  std::printf(", \"n\": %llu}\n", static_cast<unsigned long long>(scores->sentences));
  return 0;
}

int Tag(const char* gold, const char* out) {
  auto recognizer = entities::EntityRecognizer::Load(CROSSCHECK_SOURCE_DIR "/models");
  if (!recognizer.ok()) return std::fprintf(stderr, "%s\n", recognizer.status().message().c_str()), 2;
  Status status = eval::WriteNerOutput(**recognizer, gold, out);
  if (!status.ok()) return std::fprintf(stderr, "%s\n", status.message().c_str()), 2;
  return 0;
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--score") == 0) return crosscheck::Score(argv[2], argv[3]);
  if (argc == 4 && std::strcmp(argv[1], "--tag") == 0) return crosscheck::Tag(argv[2], argv[3]);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// pos_bench: throughput of the POS tagger (and lemmatizer) on gold-tokenized UD text, one thread.
// Input: CROSSCHECK_BENCH_CONLLU (default ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz,
// ~205k words), model CROSSCHECK_MODELS/pos.bin (default models/). Reports words/s as
// items_per_second and a tokens/s counter.
//   BM_TagSentences       PosTagger::Tag on every sentence: the tagging kernel
//   BM_TagAndLemmatize    Tag + FEATS + Lemmatize per word: what the syntax stage does minus the parse
// Run: build/bench/pos_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/conllu.h"
#include "syntax/pos_tagger.h"

namespace {

using crosscheck::syntax::PosTagger;

struct Corpus {
  std::vector<std::string> storage;                      // forms, kept alive
  std::vector<std::vector<std::string_view>> sentences;  // views into storage
  size_t words = 0;
};

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

const Corpus* LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const std::string path = EnvOr("CROSSCHECK_BENCH_CONLLU", CROSSCHECK_SOURCE_DIR
                                   "/../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz");
    auto sentences = crosscheck::conllu::ReadFile(path);
    if (!sentences.ok()) return c;
    for (const auto& s : *sentences) c->words += s.words.size();
    c->storage.reserve(c->words);
    for (const auto& s : *sentences) {
      c->sentences.emplace_back();
      for (const auto& w : s.words) c->sentences.back().push_back(c->storage.emplace_back(w.form));
    }
    return c;
  }();
  return corpus;
}

const PosTagger* LoadTagger() {
  static const PosTagger* tagger = [] () -> const PosTagger* {
    const std::string dir = EnvOr("CROSSCHECK_MODELS", CROSSCHECK_SOURCE_DIR "/models");
    auto loaded = PosTagger::Load(dir + "/pos.bin");
    return loaded.ok() ? new PosTagger(std::move(loaded).value()) : nullptr;
  }();
  return tagger;
}

bool Ready(benchmark::State& state) {
  if (!LoadTagger()) state.SkipWithError("models/pos.bin did not load");
  else if (LoadCorpus()->words == 0) state.SkipWithError("no CoNLL-U input (CROSSCHECK_BENCH_CONLLU)");
  else return true;
  return false;
}

void Report(benchmark::State& state, size_t words) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(state.iterations() * words),
                                                  benchmark::Counter::kIsRate);
}

void BM_TagSentences(benchmark::State& state) {
  if (!Ready(state)) return;
  const PosTagger& tagger = *LoadTagger();
  const Corpus& corpus = *LoadCorpus();
  PosTagger::Scratch scratch;
  std::vector<uint16_t> labels;
  for (auto _ : state) {
    for (const auto& sentence : corpus.sentences) {
      tagger.Tag(sentence, &scratch, &labels);
      benchmark::DoNotOptimize(labels.data());
    }
  }
  Report(state, corpus.words);
}
BENCHMARK(BM_TagSentences)->Unit(benchmark::kMillisecond);

void BM_TagAndLemmatize(benchmark::State& state) {
  if (!Ready(state)) return;
  const PosTagger& tagger = *LoadTagger();
  const Corpus& corpus = *LoadCorpus();
  PosTagger::Scratch scratch;
  std::vector<uint16_t> labels;
  std::string lemma;
  for (auto _ : state) {
    for (const auto& sentence : corpus.sentences) {
      tagger.Tag(sentence, &scratch, &labels);
      for (size_t i = 0; i < sentence.size(); ++i) {
        benchmark::DoNotOptimize(tagger.feats(sentence[i], labels[i]).data());
        tagger.lemmatizer().Lemmatize(sentence[i], tagger.upos(labels[i]), tagger.xpos(labels[i]),
                                      &lemma);
        benchmark::DoNotOptimize(lemma.data());
      }
    }
  }
  Report(state, corpus.words);
}
BENCHMARK(BM_TagAndLemmatize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

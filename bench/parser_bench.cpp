// parser_bench: throughput of the dependency parser (models/parser.bin), one thread.
// Input: the words of UD English EWT dev (CROSSCHECK_BENCH_CONLLU overrides the file;
// without ../shared a built-in tagged news sentence is repeated). Reports tokens/s
// and the process's peak RSS (MB) as counters.
//   BM_Parse         gold tags in, heads and relations out: the parser alone
//   BM_TagAndParse   models/pos.bin tags and lemmatizes, then the parser parses: the
//                    syntax stage as the pipeline runs it (skipped without pos.bin;
//                    CROSSCHECK_BENCH_POS_MODEL names another POS model)
//   BM_LoadParser    reading and self-testing models/parser.bin
// Run: build/bench/parser_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"

namespace {

using crosscheck::syntax::DependencyParser;
using crosscheck::syntax::ParserScratch;
using crosscheck::syntax::ParserWord;
using crosscheck::syntax::PosTagger;

const std::filesystem::path kModels = std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "models";

struct Sentence {
  std::vector<std::string> form, upos, xpos, lemma;
};

std::vector<Sentence> LoadSentences() {
  const char* env = std::getenv("CROSSCHECK_BENCH_CONLLU");
  const std::filesystem::path path =
      env && *env ? std::filesystem::path(env)
                  : std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu.gz";
  std::vector<Sentence> out;
  if (auto sentences = crosscheck::conllu::ReadFile(path); sentences.ok()) {
    for (const auto& s : *sentences) {
      Sentence& t = out.emplace_back();
      for (const auto& w : s.words) {
        t.form.push_back(w.form); t.upos.push_back(w.upos); t.xpos.push_back(w.xpos); t.lemma.push_back(w.lemma);
      }
    }
    return out;
  }
  const char* kFallback[][4] = {
      {"Karimov", "PROPN", "NNP", "Karimov"}, {"told", "VERB", "VBD", "tell"},
      {"Interfax", "PROPN", "NNP", "Interfax"}, {"that", "SCONJ", "IN", "that"}, {"the", "DET", "DT", "the"},
      {"article", "NOUN", "NN", "article"}, {"was", "AUX", "VBD", "be"}, {"a", "DET", "DT", "a"},
      {"lie", "NOUN", "NN", "lie"}, {".", "PUNCT", ".", "."}};
  for (int i = 0; i < 2000; ++i) {
    Sentence& t = out.emplace_back();
    for (const auto& w : kFallback) {
      t.form.push_back(w[0]); t.upos.push_back(w[1]); t.xpos.push_back(w[2]); t.lemma.push_back(w[3]);
    }
  }
  return out;
}

const std::vector<Sentence>& Sentences() {
  static const auto* sentences = new std::vector<Sentence>(LoadSentences());
  return *sentences;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

const DependencyParser* Parser(benchmark::State& state) {
  static auto* parser = new crosscheck::Result<DependencyParser>(DependencyParser::Load(kModels / "parser.bin"));
  if (!parser->ok()) {
    state.SkipWithError(parser->status().message().c_str());
    return nullptr;
  }
  return &parser->value();
}

void BM_Parse(benchmark::State& state) {
  const DependencyParser* parser = Parser(state);
  if (!parser) return;
  ParserScratch scratch;
  std::vector<ParserWord> words;
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const Sentence& s : Sentences()) {
      words.resize(s.form.size());
      for (size_t i = 0; i < words.size(); ++i) words[i] = {s.form[i], s.upos[i], s.xpos[i], s.lemma[i]};
      parser->Parse(words, &scratch, &heads, &deprels);
      tokens += static_cast<int64_t>(words.size());
    }
    benchmark::DoNotOptimize(heads.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_TagAndParse(benchmark::State& state) {
  const DependencyParser* parser = Parser(state);
  if (!parser) return;
  const char* pos_model = std::getenv("CROSSCHECK_BENCH_POS_MODEL");
  auto tagger = PosTagger::Load(pos_model && *pos_model ? std::filesystem::path(pos_model) : kModels / "pos.bin");
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().message().c_str());
    return;
  }
  PosTagger::Scratch tag_scratch;
  ParserScratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> tags;
  std::vector<std::string> lemmas;
  std::vector<ParserWord> words;
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const Sentence& s : Sentences()) {
      forms.assign(s.form.begin(), s.form.end());
      tagger->Tag(forms, &tag_scratch, &tags);
      words.resize(forms.size());
      lemmas.resize(forms.size());
      for (size_t i = 0; i < forms.size(); ++i) {
        const auto upos = tagger->upos(tags[i]), xpos = tagger->xpos(tags[i]);
        tagger->lemmatizer().Lemmatize(forms[i], upos, xpos, &lemmas[i]);
        words[i] = {forms[i], upos, xpos, lemmas[i]};
      }
      parser->Parse(words, &scratch, &heads, &deprels);
      tokens += static_cast<int64_t>(words.size());
    }
    benchmark::DoNotOptimize(heads.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_TagAndParse)->Unit(benchmark::kMillisecond);

void BM_LoadParser(benchmark::State& state) {
  for (auto _ : state) {
    auto parser = DependencyParser::Load(kModels / "parser.bin");
    if (!parser.ok()) state.SkipWithError(parser.status().message().c_str());
    benchmark::DoNotOptimize(parser);
  }
}
BENCHMARK(BM_LoadParser)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();

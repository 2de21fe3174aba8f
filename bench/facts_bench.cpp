// facts_bench: throughput of the facts stage (DateResolver + QuantityExtractor), one thread.
// Input: the file named by CROSSCHECK_BENCH_TEXT (paragraphs separated by blank lines);
// without it, a built-in news paragraph full of figures and dates, repeated to ~1 MB.
// The text stage runs once, outside the timing; the loop times FactsAnalyzer::Analyze
// on documents of up to ~4 KB. Reports bytes/s plus tokens/s, quantities/s and dates/s.
// Run: build/bench/facts_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "facts/facts_analyzer.h"
#include "text/text_analyzer.h"

namespace {

using crosscheck::AnalyzedDocument;

constexpr const char* kFallbackParagraph =
    "MOSCOW (Reuters) - Russian authorities on Tuesday detained at least 1,200 people, and "
    "dozens of protesters were injured, according to OVD-Info. Novaya Gazeta reported in April "
    "that more than 100 men had been held, with three of those men killed. Shares of Gazprom "
    "fell 2.3% to 164.5 roubles, or about $2.1 billion in market value, on July 14, 2017. "
    "Between 3 and 5 soldiers died last week, while 150,000 signatures were collected by "
    "2017-07-17 for a petition; roughly 13 miles away, up to 400 jobs were cut three days ago.";

std::string LoadText() {
  if (const char* path = std::getenv("CROSSCHECK_BENCH_TEXT")) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!buffer.str().empty()) return buffer.str();
  }
  std::string text;
  while (text.size() < (1 << 20)) text += std::string(kFallbackParagraph) + "\n\n";
  return text;
}

// The text cut at blank lines into documents of up to ~4 KB, tokenized once.
std::vector<AnalyzedDocument> TokenizedDocuments() {
  auto text = crosscheck::text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
  if (!text.ok()) std::abort();
  const std::string all = LoadText();
  std::vector<AnalyzedDocument> docs;
  size_t start = 0;
  while (start < all.size()) {
    size_t end = all.find("\n\n", start + 4096 < all.size() ? start + 4096 : all.size());
    if (end == std::string::npos) end = all.size();
    AnalyzedDocument doc;
    doc.doc.text = all.substr(start, end - start);
    doc.doc.date = "2017-07-17";
    (*text)->Analyze(&doc);
    docs.push_back(std::move(doc));
    start = end + 2;
  }
  return docs;
}

void BM_FactsAnalyze(benchmark::State& state) {
  auto facts = crosscheck::facts::FactsAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
  if (!facts.ok()) {
    state.SkipWithError(facts.status().message().c_str());
    return;
  }
  std::vector<AnalyzedDocument> docs = TokenizedDocuments();
  size_t bytes = 0, tokens = 0, quantities = 0, dates = 0;
  for (auto _ : state) {
    for (AnalyzedDocument& doc : docs) {
      facts->Analyze(&doc);
      bytes += doc.doc.text.size();
      tokens += doc.tokens.size();
      quantities += doc.quantities.size();
      dates += doc.dates.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["quantities/s"] = benchmark::Counter(static_cast<double>(quantities), benchmark::Counter::kIsRate);
  state.counters["dates/s"] = benchmark::Counter(static_cast<double>(dates), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FactsAnalyze)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

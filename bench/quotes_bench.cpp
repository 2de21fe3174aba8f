// bench/quotes_bench.cpp: cost of the quotes stage beside the text layer alone.
// Input: the file named by CROSSCHECK_BENCH_TEXT (paragraphs separated by blank
// lines); without it, a built-in news paragraph with quotes, repeated to ~1 MB.
// The text is cut into news-sized documents (paragraphs grouped up to ~4 KB).
//   BM_TextLayer           text::TextAnalyzer::Analyze per document (the baseline)
//   BM_TextLayerAndQuotes  the same plus quotes::QuoteFinder::Find
//   BM_QuoteFinderOnly     Find alone on documents analyzed beforehand
// Each reports bytes/s and tokens/s; the acceptance check is
// tokens/s(BM_TextLayerAndQuotes) >= 0.8 * tokens/s(BM_TextLayer).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quotes/quote_finder.h"
#include "text/text_analyzer.h"

namespace crosscheck {
namespace {

constexpr const char* kFallbackParagraph =
    "\"We are deeply disturbed by recent public statements by Chechen authorities,\" acting "
    "spokesperson Mark C. Toner said last week. Kadyrov's spokesperson Alvi Karimov also claimed "
    "to Interfax that the article was an \"absolute lie.\" \"You cannot arrest or repress people "
    "who just don't exist in the republic,\" Karimov told Interfax. The Argun detention center has "
    "been described in several reports as a \"gay concentration camp.\" Poplevskaya said victims "
    "were being held at a detention center in Argun, roughly 13 miles from the capital.";

std::string BenchText() {
  if (const char* path = std::getenv("CROSSCHECK_BENCH_TEXT"); path && *path) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return std::move(ss).str();
    }
    std::fprintf(stderr, "quotes_bench: cannot read CROSSCHECK_BENCH_TEXT=%s, using built-in text\n", path);
  }
  std::string text;
  while (text.size() < (1u << 20)) {
    text += kFallbackParagraph;
    text += "\n\n";
  }
  return text;
}

// Paragraphs grouped into documents of about 4 KB.
std::vector<std::string> Documents() {
  std::string text = BenchText();
  std::vector<std::string> docs(1);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    docs.back().append(text, start, end - start).append("\n\n");
    if (docs.back().size() >= 4096) docs.emplace_back();
    start = end + 2;
  }
  if (docs.back().empty()) docs.pop_back();
  return docs;
}

struct Fixture {
  std::shared_ptr<const text::TextAnalyzer> text;
  std::optional<quotes::QuoteFinder> finder;
  std::vector<std::string> documents = Documents();
  size_t bytes = 0;
  Fixture() {
    auto loaded_text = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    auto loaded_finder = quotes::QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    if (!loaded_text.ok() || !loaded_finder.ok()) {
      std::fprintf(stderr, "quotes_bench: %s %s\n", loaded_text.status().message().c_str(),
                   loaded_finder.status().message().c_str());
      std::exit(1);
    }
    text = std::move(loaded_text).value();
    finder.emplace(std::move(loaded_finder).value());
    for (const std::string& d : documents) bytes += d.size();
  }
};

Fixture& Shared() {
  static Fixture* fixture = new Fixture();
  return *fixture;
}

void Run(benchmark::State& state, bool with_quotes) {
  Fixture& f = Shared();
  size_t tokens = 0, quotes = 0;
  for (auto _ : state) {
    for (const std::string& text : f.documents) {
      AnalyzedDocument doc;
      doc.doc.text = text;
      f.text->Analyze(&doc);
      if (with_quotes) f.finder->Find(&doc);
      tokens += doc.tokens.size();
      quotes += doc.quotes.size();
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["quotes"] = benchmark::Counter(static_cast<double>(quotes), benchmark::Counter::kAvgIterations);
}

void BM_TextLayer(benchmark::State& state) { Run(state, false); }
void BM_TextLayerAndQuotes(benchmark::State& state) { Run(state, true); }

void BM_QuoteFinderOnly(benchmark::State& state) {
  Fixture& f = Shared();
  std::vector<AnalyzedDocument> analyzed;
  size_t tokens_per_pass = 0;
  for (const std::string& text : f.documents) {
    AnalyzedDocument doc;
    doc.doc.text = text;
    f.text->Analyze(&doc);
    tokens_per_pass += doc.tokens.size();
    analyzed.push_back(std::move(doc));
  }
  for (auto _ : state) {
    for (AnalyzedDocument& doc : analyzed) f.finder->Find(&doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(tokens_per_pass * state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_TextLayer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextLayerAndQuotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QuoteFinderOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();

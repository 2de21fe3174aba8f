// text_bench: throughput of the text layer (TextAnalyzer: tokens + sentences), one thread.
// Input: the file named by CROSSCHECK_BENCH_TEXT (bench/run-all passes
// build/bench-data/corpus-10mb.txt: paragraphs separated by blank lines); without it, a
// built-in news paragraph repeated to ~1 MB. Reports bytes/s (SetBytesProcessed) plus
// tokens/s, sentences/s and docs/s counters.
//   BM_AnalyzeDocuments  the text cut into news-sized documents (paragraphs grouped up to
//                        ~4 KB), each analyzed into a fresh AnalyzedDocument: the real workload
//   BM_AnalyzeOneDocument the whole buffer as a single Document (long-input behaviour)
// Run: build/bench/text_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "text/text_analyzer.h"

namespace {

using crosscheck::AnalyzedDocument;
using crosscheck::Document;
using crosscheck::Span;

constexpr const char* kFallbackParagraph =
    "MOSCOW (Reuters) - Russian authorities on Tuesday detained at least 1,200 people, "
    "according to OVD-Info, a rights group that monitors arrests. \"We don't know where "
    "they've been taken,\" said Anna K. Petrova, a lawyer, at 3:45 p.m. local time. The U.S. "
    "State Department called the arrests \"deeply troubling\"; officials in Washington, D.C., "
    "said they were watching closely. Prices rose 3.5% in Jan. 2024 vs. Dec. 2023 (see "
    "https://example.com/report?id=42 or e-mail press@example.org). Dr. Smith, Ph.D., can't "
    "attend - she's in St. Petersburg until Feb. 3rd.";

std::string LoadText() {
  if (const char* path = std::getenv("CROSSCHECK_BENCH_TEXT"); path && *path) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return std::move(ss).str();
    }
    std::fprintf(stderr, "text_bench: cannot read CROSSCHECK_BENCH_TEXT=%s, using built-in text\n",
                 path);
  }
  std::string text;
  while (text.size() < (1u << 20)) {
    text += kFallbackParagraph;
    text += "\n\n";
  }
  return text;
}

// Non-empty paragraphs of `text`: runs of lines separated by blank lines.
std::vector<Span> Paragraphs(const std::string& text) {
  std::vector<Span> out;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && (text[i] == '\n' || text[i] == '\r')) ++i;  // skip blank lines
    if (i >= n) break;
    size_t begin = i;
    size_t end = i;
    while (i < n) {
      size_t eol = text.find('\n', i);
      if (eol == std::string::npos) eol = n;
      bool blank = text.find_first_not_of(" \t\r", i) >= eol;
      if (blank) break;
      end = eol;
      i = eol + 1;
    }
    if (end > begin) out.push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    if (i < n && text[i] != '\n') ++i;
  }
  return out;
}

Document MakeDocument(std::string text, std::string id) {
  Document doc;
  doc.id = std::move(id);
  doc.origin = "bench";
  doc.paragraphs = Paragraphs(text);
  doc.text = std::move(text);
  return doc;
}

struct Corpus {
  std::string text;
  std::vector<Document> documents;  // ~4 KB news-sized documents
  Document whole;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    c->text = LoadText();
    // Documents: consecutive paragraphs up to ~4 KB each.
    std::vector<Span> paras = Paragraphs(c->text);
    std::string cur;
    int n = 0;
    for (const Span& p : paras) {
      if (!cur.empty()) cur += "\n\n";
      cur.append(c->text, p.begin, p.size());
      if (cur.size() >= 4096) {
        c->documents.push_back(MakeDocument(std::move(cur), "bench#" + std::to_string(n++)));
        cur.clear();
      }
    }
    if (!cur.empty()) c->documents.push_back(MakeDocument(std::move(cur), "bench#" + std::to_string(n++)));
    c->whole = MakeDocument(c->text, "bench");
    return c;
  }();
  return *corpus;
}

std::shared_ptr<const crosscheck::text::TextAnalyzer> GetAnalyzer(benchmark::State& state) {
  static auto result = crosscheck::text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
  if (!result.ok()) {
    state.SkipWithError(("TextAnalyzer::Load: " + result.status().message()).c_str());
    return nullptr;
  }
  return *result;
}

void Report(benchmark::State& state, int64_t bytes, int64_t docs, int64_t tokens,
            int64_t sentences) {
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(tokens);  // items/s = tokens/s
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6 / std::max<int64_t>(state.iterations(), 1);
}

void BM_AnalyzeDocuments(benchmark::State& state) {
  auto analyzer = GetAnalyzer(state);
  if (!analyzer) return;
  const Corpus& corpus = GetCorpus();
  int64_t bytes = 0, docs = 0, tokens = 0, sentences = 0;
  std::vector<AnalyzedDocument> batch;
  for (auto _ : state) {
    state.PauseTiming();  // fresh inputs each iteration; copying them is not measured
    batch.clear();
    batch.resize(corpus.documents.size());
    for (size_t i = 0; i < batch.size(); ++i) batch[i].doc = corpus.documents[i];
    state.ResumeTiming();
    for (AnalyzedDocument& ad : batch) {
      analyzer->Analyze(&ad);
      benchmark::DoNotOptimize(ad.tokens.data());
    }
    state.PauseTiming();
    for (const AnalyzedDocument& ad : batch) {
      tokens += static_cast<int64_t>(ad.tokens.size());
      sentences += static_cast<int64_t>(ad.sentences.size());
      bytes += static_cast<int64_t>(ad.doc.text.size());
      ++docs;
    }
    state.ResumeTiming();
  }
  Report(state, bytes, docs, tokens, sentences);
}
BENCHMARK(BM_AnalyzeDocuments)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AnalyzeOneDocument(benchmark::State& state) {
  auto analyzer = GetAnalyzer(state);
  if (!analyzer) return;
  const Corpus& corpus = GetCorpus();
  int64_t bytes = 0, tokens = 0, sentences = 0, docs = 0;
  AnalyzedDocument ad;
  ad.doc = corpus.whole;
  for (auto _ : state) {
    std::vector<crosscheck::Token>().swap(ad.tokens);  // start empty, as a fresh document would
    std::vector<crosscheck::Sentence>().swap(ad.sentences);
    analyzer->Analyze(&ad);
    benchmark::DoNotOptimize(ad.tokens.data());
    tokens += static_cast<int64_t>(ad.tokens.size());
    sentences += static_cast<int64_t>(ad.sentences.size());
    bytes += static_cast<int64_t>(ad.doc.text.size());
    ++docs;
  }
  Report(state, bytes, docs, tokens, sentences);
}
BENCHMARK(BM_AnalyzeOneDocument)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

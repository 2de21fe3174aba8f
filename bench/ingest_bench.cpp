// ingest_bench: reading inputs into Documents, one thread (ingest::DocumentSource).
//   BM_IngestWarc   the .warc.gz named by CROSSCHECK_BENCH_WARC (bench/run-all passes
//                   build/bench-data/synthetic.warc.gz from tools/make-synthetic-warc):
//                   gunzip every member + parse WARC/HTTP + HTML to text, all records.
//   BM_IngestText   the file named by CROSSCHECK_BENCH_INGEST_TEXT (.txt or .jsonl), if set.
// bytes/s is over the file's size on disk (compressed bytes for .gz), as `zcat` is measured;
// counters give docs/s and the text MB/s produced. Without the env vars the benchmarks are
// skipped with a message. Run: build/bench/ingest_bench --benchmark_min_time=0.01
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/document.h"
#include "ingest/document_source.h"

namespace {

void IngestFile(benchmark::State& state, const char* env) {
  const char* path = std::getenv(env);
  if (!path || !*path) {
    state.SkipWithError((std::string("set ") + env + " to an input file").c_str());
    return;
  }
  std::error_code ec;
  const auto file_bytes = std::filesystem::file_size(path, ec);
  if (ec) {
    state.SkipWithError((std::string("cannot stat ") + path).c_str());
    return;
  }
  int64_t docs = 0, text_bytes = 0, errors = 0;
  for (auto _ : state) {
    crosscheck::ingest::IngestOptions options;
    options.on_error = [&errors](const crosscheck::ingest::InputError&) { ++errors; };
    auto source = crosscheck::ingest::DocumentSource::Open({path}, options);
    if (!source) {
      state.SkipWithError((std::string("cannot open ") + path).c_str());
      return;
    }
    crosscheck::Document doc;
    while (source->Next(&doc)) {
      ++docs;
      text_bytes += static_cast<int64_t>(doc.text.size());
      benchmark::DoNotOptimize(doc.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(file_bytes) * state.iterations());
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["text_MB/s"] =
      benchmark::Counter(static_cast<double>(text_bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs) / static_cast<double>(state.iterations());
  state.counters["input_errors"] = static_cast<double>(errors) / static_cast<double>(state.iterations());
}

void BM_IngestWarc(benchmark::State& state) { IngestFile(state, "CROSSCHECK_BENCH_WARC"); }
BENCHMARK(BM_IngestWarc)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_IngestText(benchmark::State& state) { IngestFile(state, "CROSSCHECK_BENCH_INGEST_TEXT"); }
BENCHMARK(BM_IngestText)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

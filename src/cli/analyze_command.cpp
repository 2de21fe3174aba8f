// `crosscheck analyze INPUT...`: per-document analysis, streamed in input order.
#include <cstdio>
#include <memory>

#include "analyze/analysis_writer.h"
#include "analyze/analyzer.h"
#include "analyze/pipeline.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "ingest/document_source.h"

namespace crosscheck::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string output;
  std::string shard;  // "I/N"
};

bool ParseShard(const std::string& text, ingest::IngestOptions* options) {
  if (text.empty()) return true;
  unsigned i = 0, n = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%u/%u%c", &i, &n, &extra) != 2 || n == 0 || i >= n) return false;
  options->shard_index = i;
  options->shard_count = n;
  return true;
}

int RunAnalyze(const AnalyzeArgs& args, const GlobalOptions& global) {
  auto format = analyze::ParseOutputFormat(args.format);
  if (!format.ok()) { std::fprintf(stderr, "crosscheck: %s\n", format.status().message().c_str()); return 1; }
  ingest::IngestOptions ingest_options;
  if (!ParseShard(args.shard, &ingest_options)) {
    std::fprintf(stderr, "crosscheck: --shard expects I/N with 0 <= I < N, got '%s'\n", args.shard.c_str());
    return 1;
  }
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) { std::fprintf(stderr, "crosscheck: %s\n", analyzer.status().message().c_str()); return 1; }

  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> file(nullptr, &std::fclose);
  if (!args.output.empty() && args.output != "-") {
    file.reset(std::fopen(args.output.c_str(), "wb"));
    if (!file) { std::fprintf(stderr, "crosscheck: cannot write %s\n", args.output.c_str()); return 1; }
    out = file.get();
  }
  auto source = ingest::DocumentSource::Open(args.inputs, ingest_options);
  if (!source) return 2;

  analyze::AnalysisWriter writer(*format, out);
  ProgressLine progress(global.quiet);
  analyze::PipelineOptions options;
  options.threads = global.threads;
  options.on_progress = [&](uint64_t d, uint64_t b, double s) { progress.Update(d, b, s); };
  writer.Begin();
  const auto stats = analyze::RunPipeline(*source, *analyzer, options,
                                          [&](AnalyzedDocument&& doc) { writer.Write(doc); });
  writer.End();
  progress.Finish();
  if (!global.quiet && (stats.seconds > 1.0 || stats.input_errors > 0)) {
    std::fprintf(stderr, "crosscheck: %llu documents, %llu tokens, %.1f s (%.0f docs/s, %.0f tokens/s)%s\n",
                 static_cast<unsigned long long>(stats.documents),
                 static_cast<unsigned long long>(stats.tokens), stats.seconds,
                 stats.documents / std::max(stats.seconds, 1e-9),
                 stats.tokens / std::max(stats.seconds, 1e-9),
                 stats.input_errors ? (", " + std::to_string(stats.input_errors) + " input errors").c_str() : "");
  }
  return stats.input_errors > 0 ? 2 : 0;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* sub = app.add_subcommand("analyze", "per-document analysis: sentences, tokens (see docs/analysis-schema.md)");
  sub->add_option("inputs", args->inputs, "files, directories or - (JSONL on stdin)")->required();
  sub->add_option("--format,-f", args->format, "json | jsonl | conllu | tokens | summary | none")
      ->capture_default_str();
  sub->add_option("--output,-o", args->output, "write here instead of stdout");
  sub->add_option("--shard", args->shard,
                  "I/N: only shard I of N, a stable partition of the input records (WARC record, JSONL line, "
                  "file) by a hash of each record's own key; the N shards together are the whole input");
  sub->footer("Example: crosscheck analyze examples/chechnya-2017 --format jsonl > analysis.jsonl");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunAnalyze(*args, global); }; });
}

}  // namespace crosscheck::cli

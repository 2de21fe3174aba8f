// `crosscheck stories INPUT... [--format json|jsonl]`: groups documents into stories.
// Documents are analysed in parallel, reduced to compact records, and fed to
// the clusterer in date order (cluster/stream_order.h: undated documents
// first; ties by origin file, then position in it). With --stream the records
// go to the clusterer in input order as they come, for inputs already in date
// order: memory is then bounded by the clusterer's window instead of one
// record per document. With --from-analysis the inputs are the JSONL of
// `crosscheck analyze --format jsonl` (e.g. one part per shard): nothing is
// re-analysed, and the stories are those of a run over the raw inputs.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "analyze/analyzer.h"
#include "analyze/pipeline.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cluster/analysis_stream.h"
#include "cluster/stories_writer.h"
#include "cluster/story_clusterer.h"
#include "cluster/stream_order.h"
#include "ingest/document_source.h"

namespace crosscheck::cli {
namespace {

struct StoriesArgs {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string output;
  bool stream = false;
  bool from_analysis = false;
  double window_days = cluster::StoryOptions().window_days;
};

void WriteClosed(cluster::StorySession& session, cluster::StoriesWriter& writer) {
  for (const cluster::Story& story : session.TakeClosed()) writer.Write(story);
}

// Analyses the raw inputs and returns the input error count.
uint64_t ClusterInputs(const StoriesArgs& args, const GlobalOptions& global, const analyze::Analyzer& analyzer,
                       ingest::DocumentSource& source, cluster::StorySession& session,
                       cluster::StoriesWriter& writer) {
  std::vector<cluster::DocumentRecord> records;
  cluster::StreamOrder order;
  ProgressLine progress(global.quiet);
  analyze::PipelineOptions pipeline;
  pipeline.threads = global.threads;
  pipeline.on_progress = [&](uint64_t d, uint64_t b, double s) { progress.Update(d, b, s); };
  const auto stats = analyze::RunPipeline(source, analyzer, pipeline, [&](AnalyzedDocument&& doc) {
    if (!args.stream) {
      order.Add(doc.doc.date, doc.doc.origin);
      records.push_back(cluster::MakeRecord(doc));
      return;
    }
    session.Add(doc);
    WriteClosed(session, writer);
  });
  progress.Finish();
  for (uint64_t i : order.Order()) {
    session.Add(std::move(records[i]));
    WriteClosed(session, writer);
  }
  return stats.input_errors;
}

// Reads analysis parts (no models needed) and returns the error count.
uint64_t ClusterAnalyses(const StoriesArgs& args, const GlobalOptions& global, cluster::StorySession& session,
                         cluster::StoriesWriter& writer) {
  cluster::AnalysisStreamOptions options;
  options.threads = global.threads;
  options.input_order = args.stream;
  const auto stats = cluster::ReadRecordsInStreamOrder(args.inputs, options, [&](cluster::DocumentRecord&& r) {
    session.Add(std::move(r));
    WriteClosed(session, writer);
  });
  return stats.errors;
}

int RunStories(const StoriesArgs& args, const GlobalOptions& global) {
  auto format = cluster::ParseStoriesFormat(args.format);
  if (!format.ok()) { std::fprintf(stderr, "crosscheck: %s\n", format.status().message().c_str()); return 1; }
  auto clusterer = cluster::StoryClusterer::Load(ModelDir(global));
  if (!clusterer.ok()) { std::fprintf(stderr, "crosscheck: %s\n", clusterer.status().message().c_str()); return 1; }
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> file(nullptr, &std::fclose);
  if (!args.output.empty() && args.output != "-") {
    file.reset(std::fopen(args.output.c_str(), "wb"));
    if (!file) { std::fprintf(stderr, "crosscheck: cannot write %s\n", args.output.c_str()); return 1; }
    out = file.get();
  }
  std::optional<analyze::Analyzer> analyzer;
  std::unique_ptr<ingest::DocumentSource> source;
  if (!args.from_analysis) {
    auto loaded = analyze::Analyzer::Load(ModelDir(global));
    if (!loaded.ok()) { std::fprintf(stderr, "crosscheck: %s\n", loaded.status().message().c_str()); return 1; }
    analyzer.emplace(std::move(loaded.value()));
    source = ingest::DocumentSource::Open(args.inputs, {});
    if (!source) return 2;
  }
  cluster::StoryOptions options;
  options.window_days = args.window_days;
  auto session = clusterer->Start(options);
  cluster::StoriesWriter writer(*format, out);
  writer.Begin();
  const uint64_t errors = args.from_analysis
                              ? ClusterAnalyses(args, global, *session, writer)
                              : ClusterInputs(args, global, *analyzer, *source, *session, writer);
  for (const cluster::Story& story : session->Finish()) writer.Write(story);
  writer.End();
  return errors > 0 ? 2 : 0;
}

}  // namespace

void AddStoriesCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* sub = app.add_subcommand("stories", "group documents into stories, with copies and lifted paragraphs");
  sub->add_option("inputs", args->inputs, "files, directories or - (JSONL on stdin)")->required();
  sub->add_option("--format,-f", args->format, "json | jsonl")->capture_default_str();
  sub->add_option("--output,-o", args->output, "write here instead of stdout");
  sub->add_flag("--stream", args->stream, "input is in date order: cluster as it arrives (bounded memory)");
  sub->add_flag("--from-analysis", args->from_analysis,
                "inputs are JSONL of `crosscheck analyze --format jsonl` (e.g. shard parts): cluster without re-analysing");
  sub->add_option("--window-days", args->window_days, "a story closes after this many days without news")
      ->capture_default_str();
  sub->footer("Examples: crosscheck stories examples/chechnya-2017\n"
              "          crosscheck stories --from-analysis part-0.jsonl part-1.jsonl");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunStories(*args, global); }; });
}

}  // namespace crosscheck::cli

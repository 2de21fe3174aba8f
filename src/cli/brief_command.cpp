// `crosscheck brief INPUT... [--format md|html|json] [-o FILE]`: stories and,
// per story, the reconciled "what we know" brief. Documents are analysed in
// parallel, clustered in date order (as `stories` does), and each story is
// reconciled as soon as it closes; its analyses are then released.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>

#include "analyze/analyzer.h"
#include "analyze/pipeline.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cluster/story_clusterer.h"
#include "ingest/document_source.h"
#include "reconcile/reconciler.h"
#include "report/brief_writer.h"

namespace crosscheck::cli {
namespace {

struct BriefArgs {
  std::vector<std::string> inputs;
  std::string format = "md";
  std::string output;
  std::string title;
  double window_days = cluster::StoryOptions().window_days;
  bool no_pictures = false;
};

int Fail(const Status& status) {
  std::fprintf(stderr, "crosscheck brief: %s\n", status.message().c_str());
  return 1;
}

int RunBrief(const BriefArgs& args, const GlobalOptions& global) {
  auto format = report::ParseBriefFormat(args.format);
  if (!format.ok()) return Fail(format.status());
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) return Fail(analyzer.status());
  auto clusterer = cluster::StoryClusterer::Load(ModelDir(global));
  if (!clusterer.ok()) return Fail(clusterer.status());
  auto reconciler = reconcile::Reconciler::Load(analyze::DefaultDataDir());
  if (!reconciler.ok()) return Fail(reconciler.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) return Fail(Status::Error("cannot write " + args.output));
    out = &file;
  }
  auto source = ingest::DocumentSource::Open(args.inputs, {});
  if (!source) return 2;

  std::vector<AnalyzedDocument> docs;
  ProgressLine progress(global.quiet);
  analyze::PipelineOptions pipeline;
  pipeline.threads = global.threads;
  pipeline.on_progress = [&](uint64_t d, uint64_t b, double s) { progress.Update(d, b, s); };
  const auto stats = analyze::RunPipeline(*source, *analyzer, pipeline,
                                          [&](AnalyzedDocument&& doc) { docs.push_back(std::move(doc)); });
  progress.Finish();

  // Date order (stable), as the clusterer expects; the session numbers
  // documents in the order they are added, which `order` maps back.
  std::vector<int64_t> times(docs.size());
  std::vector<cluster::DocumentRecord> records;
  records.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    records.push_back(cluster::MakeRecord(docs[i]));
    times[i] = records.back().time;
  }
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return times[a] < times[b]; });

  report::BriefWriteOptions write_options;
  write_options.pictures = !args.no_pictures;
  if (!args.title.empty()) write_options.page_title = args.title;
  report::BriefStreamWriter writer(*format, *out, write_options);
  writer.Begin();
  auto write_stories = [&](std::vector<cluster::Story> stories) {
    for (const cluster::Story& story : stories) {
      std::vector<const AnalyzedDocument*> members;
      // Members in input order: the order the user gave the documents in.
      std::vector<size_t> inputs;
      for (const cluster::StoryDocument& d : story.documents) inputs.push_back(order[d.ordinal]);
      std::sort(inputs.begin(), inputs.end());
      for (size_t i : inputs) members.push_back(&docs[i]);
      writer.Write(reconciler->Reconcile(story, members));
      for (const cluster::StoryDocument& d : story.documents) docs[order[d.ordinal]] = AnalyzedDocument();
    }
  };
  cluster::StoryOptions options;
  options.window_days = args.window_days;
  auto session = clusterer->Start(options);
  for (size_t k = 0; k < order.size(); ++k) {
    session->Add(std::move(records[order[k]]));
    write_stories(session->TakeClosed());
  }
  write_stories(session->Finish());
  writer.End();
  if (!*out) return Fail(Status::Error("write failed" + (args.output.empty() ? std::string() : ": " + args.output)));
  return stats.input_errors > 0 ? 2 : 0;
}

}  // namespace

void AddBriefCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<BriefArgs>();
  CLI::App* sub = app.add_subcommand("brief", "per story: what is corroborated, disputed, denied, and on whose word");
  sub->add_option("inputs", args->inputs, "files, directories or - (JSONL on stdin)")->required();
  sub->add_option("--format,-f", args->format, "md | html | json")->capture_default_str();
  sub->add_option("--output,-o", args->output, "write here instead of stdout");
  sub->add_option("--title", args->title, "HTML page title");
  sub->add_flag("--no-pictures", args->no_pictures, "HTML: leave out the figures, relay graph and timeline pictures");
  sub->add_option("--window-days", args->window_days, "a story closes after this many days without news")
      ->capture_default_str();
  sub->footer("Examples:\n  crosscheck brief examples/chechnya-2017\n"
              "  crosscheck brief examples/chechnya-2017 --format html -o brief.html");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunBrief(*args, global); }; });
}

}  // namespace crosscheck::cli

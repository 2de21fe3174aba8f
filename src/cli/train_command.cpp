// `crosscheck train MODEL`: rebuilds a shipped model from public data, deterministically.
#include <cstdio>

#include "cli/commands.h"
#include "text/segmenter_trainer.h"

namespace crosscheck::cli {
namespace {

struct TrainArgs {
  std::string model;
  std::vector<std::string> data;
  std::string out;
};

const char* kDefaultShared = CROSSCHECK_SOURCE_DIR "/../shared/data";

int RunTrainSegmenter(const TrainArgs& args, const GlobalOptions& global) {
  std::vector<std::filesystem::path> data(args.data.begin(), args.data.end());
  if (data.empty()) {  // what the shipped model was trained on (GUM: its non-NC genres only)
    data.push_back(std::string(kDefaultShared) + "/ud/en_ewt/en_ewt-ud-train.conllu.gz");
    data.push_back(std::string(kDefaultShared) + "/ud/en_gum/en_gum-ud-train.conllu.gz");
  }
  const std::string out = args.out.empty() ? ModelDir(global) + "/segmenter.bin" : args.out;
  text::SegmenterTrainingOptions options;
  options.command = "crosscheck train segmenter";  // recorded in the model: how to rebuild it
  for (const auto& d : args.data) options.command += " " + d;
  const auto report = text::TrainSegmenter(data, out, options);
  if (!report.ok()) { std::fprintf(stderr, "crosscheck: %s\n", report.status().message().c_str()); return 2; }
  if (!global.quiet) {
    std::fprintf(stderr, "crosscheck: wrote %s (%zu documents, %zu sentences, %zu candidates, %.2f%% train accuracy)\n",
                 out.c_str(), report->documents, report->sentences, report->candidates, report->training_accuracy);
  }
  return 0;
}

int RunTrain(const TrainArgs& args, const GlobalOptions& global) {
  if (args.model == "segmenter") return RunTrainSegmenter(args, global);
  std::fprintf(stderr, "crosscheck train %s: not yet implemented\n", args.model.c_str());
  return 1;
}

}  // namespace

void AddTrainCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* sub = app.add_subcommand("train", "rebuild a shipped model from public data");
  sub->add_option("model", args->model, "segmenter | pos | parser | ner")->required();
  sub->add_option("data,--data", args->data, "training files (default: UD EWT + GUM train in ../shared)");
  sub->add_option("--out,-o", args->out, "model file to write (default: models/<model>.bin)");
  sub->footer("Example: crosscheck train segmenter --out models/segmenter.bin");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunTrain(*args, global); }; });
}

}  // namespace crosscheck::cli

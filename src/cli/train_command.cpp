// `crosscheck train MODEL`: rebuilds a shipped model from public data, deterministically.
// With no data arguments each model is trained on what the shipped one was,
// read from ../shared/data, so `crosscheck train X` reproduces models/X.bin.
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "analyze/analyzer.h"
#include "entities/ner_trainer.h"
#include "eval/story_eval.h"
#include "syntax/parser_trainer.h"
#include "syntax/pos_trainer.h"
#include "text/segmenter_trainer.h"

namespace crosscheck::cli {
namespace {

struct TrainArgs {
  std::string model;
  std::vector<std::string> data;
  std::string dev;
  std::string out;
  std::string tagger;  // parser: POS model whose predicted tags it learns from
};

const std::string kShared = CROSSCHECK_SOURCE_DIR "/../shared/data";
const std::string kEwtTrain = kShared + "/ud/en_ewt/en_ewt-ud-train.conllu.gz";
const std::string kEwtDev = kShared + "/ud/en_ewt/en_ewt-ud-dev.conllu.gz";
const std::string kGumTrain = kShared + "/ud/en_gum/en_gum-ud-train.conllu.gz";

// The training files: given ones, else EWT + GUM train (each trainer keeps GUM's open genres only).
std::vector<std::filesystem::path> TrainingFiles(const TrainArgs& args) {
  if (args.data.empty()) return {kEwtTrain, kGumTrain};
  return {args.data.begin(), args.data.end()};
}

// Recorded in the model so that anyone can rebuild it the same way.
std::string Command(const TrainArgs& args) {
  std::string command = "crosscheck train " + args.model;
  for (const auto& d : args.data) command += " " + d;
  return command;
}

std::string OutPath(const TrainArgs& args, const GlobalOptions& global, const char* file) {
  return args.out.empty() ? ModelDir(global) + "/" + file : args.out;
}

int Report(const Status& status, const std::string& out, const GlobalOptions& global) {
  if (!status.ok()) { std::fprintf(stderr, "crosscheck: %s\n", status.message().c_str()); return 2; }
  if (!global.quiet) std::fprintf(stderr, "crosscheck: wrote %s\n", out.c_str());
  return 0;
}

int TrainSegmenter(const TrainArgs& args, const GlobalOptions& global) {
  const std::string out = OutPath(args, global, "segmenter.bin");
  text::SegmenterTrainingOptions options;
  options.command = Command(args);
  const auto report = text::TrainSegmenter(TrainingFiles(args), out, options);
  if (!report.ok()) return Report(report.status(), out, global);
  if (!global.quiet) {
    std::fprintf(stderr, "crosscheck: %zu documents, %zu sentences, %zu candidates, %.2f%% train accuracy\n",
                 report->documents, report->sentences, report->candidates, report->training_accuracy);
  }
  return Report(Status::Ok(), out, global);
}

int TrainPos(const TrainArgs& args, const GlobalOptions& global) {
  syntax::PosTrainOptions options;
  options.train = TrainingFiles(args);
  options.dev = args.dev.empty() ? kEwtDev : args.dev;
  options.out = OutPath(args, global, "pos.bin");
  options.quiet = global.quiet;
  options.command = Command(args);
  return Report(syntax::TrainPosTagger(options), options.out.string(), global);
}

int TrainParser(const TrainArgs& args, const GlobalOptions& global) {
  syntax::ParserTrainOptions options;
  options.train = TrainingFiles(args);
  options.dev = args.dev.empty() ? kEwtDev : args.dev;
  options.out = OutPath(args, global, "parser.bin");
  options.quiet = global.quiet;
  options.command = Command(args);
  const std::string tagger = args.tagger.empty() ? ModelDir(global) + "/pos.bin" : args.tagger;
  if (std::filesystem::exists(tagger)) options.tagger_model = tagger;
  return Report(syntax::TrainParser(options), options.out.string(), global);
}

int TrainNer(const TrainArgs& args, const GlobalOptions& global) {
  entities::NerTrainOptions options;
  if (args.data.empty()) {
    // EWT train is listed twice: it counts double against the extra GUM and WikiGold names.
    const std::string ewt = kShared + "/ner/uner-en-ewt/en_ewt-ud-train.draft-normalized.iob2.gz";
    options.train_files = {ewt, ewt, kGumTrain, kShared + "/ner/wikigold/wikigold.iob2.gz"};
  } else {
    options.train_files.assign(args.data.begin(), args.data.end());
  }
  options.dev_file = args.dev.empty() ? kShared + "/ner/uner-en-ewt/en_ewt-ud-dev.iob2.gz" : args.dev;
  options.out_path = OutPath(args, global, "ner.bin");
  options.data_dir = analyze::DefaultDataDir();
  options.clusters = analyze::DefaultDataDir() / "word_clusters.tsv";
  options.quiet = global.quiet;
  options.command = Command(args);
  return Report(entities::TrainNer(options), options.out_path.string(), global);
}

int RunTrain(const TrainArgs& args, const GlobalOptions& global) {
  if (args.model == "ner") return TrainNer(args, global);
  if (args.model == "stories") {
    return eval::RunStoryTraining(kShared, OutPath(args, global, "story.bin"), ModelDir(global), Command(args),
                                  global.quiet);
  }
  if (args.model == "segmenter") return TrainSegmenter(args, global);
  if (args.model == "pos") return TrainPos(args, global);
  if (args.model == "parser") return TrainParser(args, global);
  std::fprintf(stderr, "crosscheck train %s: not yet implemented\n", args.model.c_str());
  return 1;
}

}  // namespace

void AddTrainCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* sub = app.add_subcommand("train", "rebuild a shipped model from public data (deterministic)");
  sub->add_option("model", args->model, "segmenter | pos | parser | ner | stories")->required();
  sub->add_option("data,--data", args->data, "training files (default: UD EWT + GUM train in ../shared)");
  sub->add_option("--dev", args->dev, "development file (default: UD EWT dev)");
  sub->add_option("--out,-o", args->out, "model file to write (default: models/<model>.bin)");
  sub->add_option("--tagger", args->tagger, "parser: POS model for predicted tags (default: models/pos.bin)");
  sub->footer("Examples:\n  crosscheck train segmenter\n  crosscheck train pos\n  crosscheck train parser   # after pos: learns from predicted tags");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunTrain(*args, global); }; });
}

}  // namespace crosscheck::cli

// crosscheck: reads many news reports of the same events and tells what is known.
// This file only parses the command line and dispatches to a subcommand.
#include <cstdio>
#include <algorithm>
#include <exception>
#include <thread>

#include "cli/commands.h"

namespace {

constexpr const char* kExamples = R"(Examples:
  crosscheck analyze examples/chechnya-2017 --format summary
  crosscheck stories examples/chechnya-2017
  crosscheck analyze news.warc.gz --format jsonl --threads 2 > analysis.jsonl
  cat articles.jsonl | crosscheck analyze - --format jsonl
  crosscheck eval segment --gold ../shared/data/ud/en_ewt/en_ewt-ud-test.conllu.gz --json
  crosscheck train segmenter --out models/segmenter.bin

Inputs: .txt (optional 'Key: value' header), .jsonl/.ndjson, .html/.htm, .warc/.warc.gz,
any of them .gz/.zst, directories (recursive, name order), '-' (JSONL on stdin).
Exit codes: 0 ok; 1 bad usage; 2 some input was malformed and skipped (see stderr).)";

}  // namespace

int main(int argc, char** argv) {
  using namespace crosscheck::cli;
  CLI::App app{"crosscheck: what independent news sources corroborate, dispute and deny"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("crosscheck ") + CROSSCHECK_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand

  GlobalOptions global;
  app.add_option("--threads", global.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  app.add_flag("--quiet,-q", global.quiet, "no progress or summary on stderr");
  app.add_option("--models", global.models, "model directory (default: the repo's models/)");

  Runner runner;
  AddAnalyzeCommand(app, global, &runner);
  AddEvalCommand(app, global, &runner);
  AddTrainCommand(app, global, &runner);
  AddStoriesCommand(app, global, &runner);
  AddBriefCommand(app, global, &runner);
  AddStoreCommands(app, global, &runner);
  AddPendingCommands(app, &runner);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  if (global.threads == 0) global.threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    return runner ? runner() : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crosscheck: internal error: %s\n", e.what());
    return 3;
  }
}

// cli/commands.h: the subcommands of the `crosscheck` binary.
// main.cpp only parses and dispatches; each Add*Command registers one
// subcommand on the app; when that subcommand is chosen, its parse callback
// stores in *runner the function that runs it, which returns the process exit
// code (0 ok, 1 bad usage, 2 input errors were skipped).
#pragma once
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace crosscheck::cli {

struct GlobalOptions {
  unsigned threads = 0;   // 0: all cores
  bool quiet = false;     // no progress or summary lines on stderr
  std::string models;     // model directory; empty: the default
};

using Runner = std::function<int()>;

void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, Runner* runner);
void AddEvalCommand(CLI::App& app, const GlobalOptions& global, Runner* runner);
void AddTrainCommand(CLI::App& app, const GlobalOptions& global, Runner* runner);
void AddStoriesCommand(CLI::App& app, const GlobalOptions& global, Runner* runner);
void AddBriefCommand(CLI::App& app, const GlobalOptions& global, Runner* runner);
void AddStoreCommands(CLI::App& app, const GlobalOptions& global, Runner* runner);  // ingest, export, serve
// Commands whose issue has not landed yet: they answer "not yet implemented".
void AddPendingCommands(CLI::App& app, Runner* runner);

// The model directory to use: --models, else $CROSSCHECK_MODELS, else the default.
std::string ModelDir(const GlobalOptions& global);

}  // namespace crosscheck::cli

// Commands of the contract whose issues have not landed: they say so and exit 1.
#include <cstdio>

#include "cli/commands.h"

namespace crosscheck::cli {

void AddPendingCommands(CLI::App& app, Runner* runner) {
  const char* pending[][2] = {
      {"brief", "the 'what we know' brief per story (not yet implemented)"},
      {"ingest", "add documents to a store (not yet implemented)"},
      {"serve", "HTTP API and web page over a store (not yet implemented)"},
      {"export", "write a store as JSONL (not yet implemented)"},
  };
  for (const auto& [name, help] : pending) {
    CLI::App* sub = app.add_subcommand(name, help);
    sub->fallthrough(false);  // accept any arguments: the command is not there yet
    sub->allow_extras();
    std::string command = name;
    sub->callback([runner, command] {
      *runner = [command] {
        std::fprintf(stderr, "crosscheck %s: not yet implemented\n", command.c_str());
        return 1;
      };
    });
  }
}

}  // namespace crosscheck::cli

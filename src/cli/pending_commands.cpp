// Commands of the contract whose issues have not landed: they say so and exit 1.
#include <cstdio>
#include <utility>
#include <vector>

#include "cli/commands.h"

namespace crosscheck::cli {

void AddPendingCommands(CLI::App& app, Runner* runner) {
  const std::vector<std::pair<const char*, const char*>> pending = {};
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

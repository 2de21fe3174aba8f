#include "analyze/analyzer.h"
#include "cli/commands.h"

namespace crosscheck::cli {

std::string ModelDir(const GlobalOptions& global) {
  return global.models.empty() ? analyze::DefaultModelDir().string() : global.models;
}

}  // namespace crosscheck::cli

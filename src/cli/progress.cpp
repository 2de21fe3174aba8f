#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace crosscheck::cli {

ProgressLine::ProgressLine(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)) {}

void ProgressLine::Update(uint64_t docs, uint64_t bytes, double seconds) {
  if (!enabled_ || seconds < 1.0) return;
  const double mb = static_cast<double>(bytes) / 1e6;
  std::fprintf(stderr, "\r%llu docs, %.1f MB, %.0f docs/s, %.1f MB/s   ",
               static_cast<unsigned long long>(docs), mb, docs / seconds, mb / seconds);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Finish() {
  if (shown_) std::fputs("\r\033[K", stderr);
  shown_ = false;
}

}  // namespace crosscheck::cli

// cli/progress.h: the progress line on stderr for long runs.
// Shown only when stderr is a terminal, not --quiet, and the run has lasted
// over a second; redrawn in place with \r and cleared at the end.
#pragma once
#include <cstdint>

namespace crosscheck::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool quiet);
  ~ProgressLine() { Finish(); }
  void Update(uint64_t docs, uint64_t bytes, double seconds);
  void Finish();

 private:
  bool enabled_;
  bool shown_ = false;
};

}  // namespace crosscheck::cli

// eval/segment_eval.h: tokenization and sentence-splitting accuracy against UD.
// In: a gold CoNLL-U file (.conllu or .conllu.gz). The raw text is rebuilt from
// the `# text` lines: sentences joined by a space (or nothing where the last
// token has SpaceAfter=No), paragraphs (`# newpar`) and documents (`# newdoc`)
// separated by blank lines. Out: token and sentence-boundary P/R/F1 computed on
// character spans as in the CoNLL 2018 shared task (a multiword token is one
// token; words are scored separately). Cost: one pass over the gold file.
#pragma once
#include <filesystem>
#include <string>

#include "core/status.h"
#include "text/text_analyzer.h"

namespace crosscheck::eval {

struct PRF {
  double precision = 0, recall = 0, f1 = 0;  // percent, 0-100
  uint64_t gold = 0, predicted = 0, correct = 0;
};

struct SegmentScores {
  PRF tokens;     // surface tokens (multiword tokens count once)
  PRF words;      // syntactic words
  PRF sentences;  // sentence spans
  uint64_t documents = 0;
};

// Scores `analyzer` on the raw text rebuilt from `gold`.
Result<SegmentScores> EvaluateSegmentation(const text::TextAnalyzer& analyzer,
                                           const std::filesystem::path& gold);

// Scores another system's output: `system` has one sentence per line, tokens
// separated by single spaces, in text order; tokens are aligned to the rebuilt
// raw text character by character, ignoring whitespace (as the CoNLL 2018 scorer
// does). Lets benchmarks score peers with exactly the same rules.
Result<SegmentScores> EvaluateSegmentationOutput(const std::filesystem::path& system,
                                                 const std::filesystem::path& gold);

// The rebuilt raw text of `gold`, paragraphs separated by blank lines (for peers).
Result<std::string> RawTextOf(const std::filesystem::path& gold);

}  // namespace crosscheck::eval

// text/segmenter_model.h (private to text/): the models/segmenter.bin format.
// Layout (little-endian; strings are u32 length + bytes):
//   magic "CCSEGMNT", u32 version, str trainer, str command, str training data,
//   u32 n, n x (str input, str expected segmentation)   -- self-tests
//   TokenLexicon, BoundaryClassifier, u64 FNV-1a of all preceding bytes.
// Load checks the magic, version, checksum and then runs the self-tests.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "text/boundary_classifier.h"
#include "text/text_analyzer.h"
#include "text/token_lexicon.h"

namespace crosscheck::text {

inline constexpr char kSegmenterMagic[] = "CCSEGMNT";
inline constexpr uint32_t kSegmenterVersion = 1;

struct SegmenterSelfTest {
  std::string input;     // raw text
  std::string expected;  // RenderSegmentation of the analysis
};

struct SegmenterModel {
  std::string trainer;        // which code and method produced the model
  std::string command;        // how to rebuild it
  std::string training_data;  // the files it was trained on
  std::vector<SegmenterSelfTest> self_tests;
  TokenLexicon lexicon;
  BoundaryClassifier classifier;
};

std::string SerializeSegmenterModel(const SegmenterModel& model);
// Parses bytes read from `name`; errors name the file and the bad section.
Result<std::unique_ptr<SegmenterModel>> ParseSegmenterModel(std::string_view bytes,
                                                            const std::string& name);

// An analyzer over `model` (no self-tests run).
std::shared_ptr<const TextAnalyzer> MakeTextAnalyzer(std::unique_ptr<SegmenterModel> model);

// Sentences one per line, words separated by spaces; words of one multiword
// token are joined by "~" ("ca~n't"). Used by self-tests and tests.
std::string RenderSegmentation(const AnalyzedDocument& doc);

// Runs `analyzer` on every self-test; the error names the first failing one.
Status RunSelfTests(const TextAnalyzer& analyzer, const std::vector<SegmenterSelfTest>& tests,
                    const std::string& name);

}  // namespace crosscheck::text

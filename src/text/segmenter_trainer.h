// text/segmenter_trainer.h: rebuilds models/segmenter.bin from UD treebanks.
// In: CoNLL-U files (.conllu[.gz]) with `# text`, `# newdoc`, `# newpar`
// (UD English EWT train; GUM train is filtered to its openly licensed genres).
// Out: the model file: the tokenizer lexicon learned from the gold tokens
// (inner connectors, abbreviations, multiword tokens, symbols) plus
// data/abbreviations.txt, and an averaged-perceptron boundary classifier
// trained on the candidates the tokenizer+splitter produce on the rebuilt raw
// text. Deterministic (fixed order, fixed-seed shuffles) and fast (a few
// seconds for EWT+GUM). Single-threaded; call from one thread.
//
//   auto report = text::TrainSegmenter({"en_ewt-ud-train.conllu.gz"}, "models/segmenter.bin");
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace crosscheck::text {

struct SegmenterTrainingOptions {
  int epochs = 10;
  // Folder with abbreviations.txt (one abbreviation per line, '#' comments).
  std::filesystem::path data_dir = CROSSCHECK_SOURCE_DIR "/data";
  // GUM documents ("GUM_<genre>_...") are used only for these genres (non-NC licences).
  std::vector<std::string> gum_genres = {"news",     "interview", "bio",    "voyage", "academic",
                                         "court",    "textbook",  "speech", "vlog",
                                         "conversation"};
  // Recorded in the model; empty = "crosscheck train segmenter <inputs>".
  std::string command;
};

struct SegmenterTrainingReport {
  size_t documents = 0;   // documents used
  size_t skipped_documents = 0;  // excluded by genre
  size_t sentences = 0;   // gold sentences used
  size_t candidates = 0;  // classifier training examples
  double training_accuracy = 0;  // percent of candidates the final model gets right
};

// Trains on `conllu` and writes the model to `out` (via a temporary file).
Result<SegmenterTrainingReport> TrainSegmenter(const std::vector<std::filesystem::path>& conllu,
                                               const std::filesystem::path& out,
                                               const SegmenterTrainingOptions& options = {});

}  // namespace crosscheck::text

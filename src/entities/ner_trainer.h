// entities/ner_trainer.h: trains models/ner.bin.
// In: IOB2 files (Universal NER EWT train; WikiGold) and/or GUM CoNLL-U files
// (entities derived from Entity= brackets, openly licensed genres only), a
// dev file to choose the epoch, and the gazetteer in data/. Out: the model
// file (see entities/ner_model.h). Method: first-order structured averaged
// perceptron with Viterbi and BIO constraints over hashed sparse features
// (entities/ner_features.h). Deterministic: same inputs, same bytes.
// Cost: about a minute on one core for EWT train.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace crosscheck::entities {

// GUM genres whose text is openly licensed (never essay, letter, podcast, fiction, whow).
inline const std::vector<std::string> kOpenGumGenres = {
    "news", "interview", "bio", "voyage", "academic", "court", "textbook", "speech", "vlog",
    "conversation"};

struct NerTrainOptions {
  // IOB2 [.gz] files; a file whose name contains ".conllu" is read as GUM
  // with entities (kOpenGumGenres only).
  std::vector<std::filesystem::path> train_files;
  std::filesystem::path dev_file;                     // IOB2; picks the best epoch
  std::filesystem::path out_path = "models/ner.bin";
  std::filesystem::path data_dir = "data";            // gazetteer/ and entities/
  // Word clusters (tools/make-word-clusters output), copied into the model; "" = none.
  std::filesystem::path clusters = "data/word_clusters.tsv";
  int epochs = 20;                                    // the best epoch on dev is kept
  uint32_t min_feature_count = 1;                     // rarer features are dropped
  std::string command;                                // recorded in the model
  bool quiet = false;                                 // no per-epoch lines on stderr
};

// Trains and writes options.out_path; errors name the file that failed.
Status TrainNer(const NerTrainOptions& options);

}  // namespace crosscheck::entities

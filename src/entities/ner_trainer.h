// entities/ner_trainer.h: trains models/ner.bin.
// In: IOB2 files (Universal NER EWT train; WikiGold) and/or GUM CoNLL-U files
// (entities derived from Entity= brackets, openly licensed genres only), a
// dev file to choose the epoch and the O-label bias, and the gazetteer and
// name lexicon in data/. Out: the model file (see entities/ner_model.h).
// Method: first-order structured averaged perceptron with Viterbi and BIO
// constraints over hashed sparse features (entities/ner_features.h), on the
// training sentences plus lower-cased copies of some of them; the O label's
// bias is then lowered by the amount that maximizes dev F1 (the perceptron
// favours precision). Deterministic: same inputs, same bytes. Cost: about a
// minute on one core for the default data (EWT twice, GUM, WikiGold).
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
  // Entity types learned; other tags (WikiGold's MISC) are read as O, as
  // Universal NER does with its dropped OTH class.
  std::vector<std::string> types = {"PER", "ORG", "LOC"};
  std::filesystem::path dev_file;                     // IOB2; picks the best epoch
  std::filesystem::path out_path = "models/ner.bin";
  std::filesystem::path data_dir = "data";            // gazetteer/ and entities/
  // Word clusters (tools/make-word-clusters output), copied into the model; "" = none.
  std::filesystem::path clusters = "data/word_clusters.tsv";
  int epochs = 20;                                    // the best epoch on dev is kept
  int runs = 3;                                       // differently shuffled runs, averaged
  // Lower-cased copies of this fraction of the sentences with names are
  // added to the training data (web text often writes names in lower case).
  double lowercase_fraction = 0.3;
  uint32_t min_feature_count = 1;                     // rarer features are dropped
  std::string command;                                // recorded in the model
  bool quiet = false;                                 // no per-epoch lines on stderr
};

// Trains and writes options.out_path; errors name the file that failed.
Status TrainNer(const NerTrainOptions& options);

}  // namespace crosscheck::entities

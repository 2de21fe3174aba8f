// syntax/parser_trainer.h: rebuilds models/parser.bin from UD treebanks.
// In: CoNLL-U training files (UD English EWT train; GUM train filtered to its
// openly licensed genres by `# newdoc id`), a dev file for choosing the epoch,
// and optionally the POS tagger model, so that the parser learns from the
// predicted tags it will see at run time. Out: the model file.
// Method: arc-eager with the root at the end, greedy, averaged perceptron,
// dynamic oracle with exploration (Goldberg & Nivre 2012); non-projective
// training trees are projectivized by lifting. Deterministic (fixed seed, own
// shuffle, fixed fold split). About 1 s per epoch on EWT + GUM (5 s with a
// beam of 8); jackknifed tagging adds ~1-2 min (two fold taggers at a time).
//
//   ParserTrainOptions options;
//   options.train = {"en_ewt-ud-train.conllu.gz"};
//   options.dev = "en_ewt-ud-dev.conllu.gz";
//   options.out = "models/parser.bin";
//   Status status = syntax::TrainParser(options);
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace crosscheck::syntax {

struct ParserTrainOptions {
  std::vector<std::filesystem::path> train;  // CoNLL-U, plain or gzip
  std::filesystem::path dev;                 // picks the best epoch; empty = last epoch
  std::filesystem::path out = "models/parser.bin";
  int epochs = 15;  // dev accuracy plateaus after ~12
  bool quiet = false;  // no per-epoch progress on stderr
  // POS model (models/pos.bin); if set, train and dev words get predicted
  // UPOS/XPOS/lemmas instead of gold ones (the tags the parser sees at run time).
  std::filesystem::path tagger_model;
  // With a tagger: >= 2 tags the training data by jackknifing (a POS model is
  // trained per fold with pos_trainer.h); 0 tags it with `tagger_model` itself
  // (too-good tags: the tagger has seen those sentences).
  int jackknife_folds = 4;
  std::filesystem::path tagger_clusters;  // word clusters for the fold taggers, if any
  // With a tagger: also train on a gold-tagged copy of the data (on EWT dev
  // +0.3 UAS/LAS over predicted tags alone).
  bool keep_gold_tagged_copy = true;
  // GUM documents ("GUM_<genre>_...") are used only for these genres (CC BY licences).
  std::vector<std::string> gum_genres = {"news", "interview", "bio", "voyage"};
  int move_bits = 22;   // 2^bits rows of 4 move weights
  int label_bits = 18;  // 2^bits rows of one weight per label
  double explore = 0.9; // probability of following the model's own move after epoch 1
  // 1: greedy, dynamic oracle. > 1: beam search of this width, trained as a
  // structured perceptron with early update (Zhang & Nivre 2011); ~width x slower.
  int beam = 1;
  uint64_t seed = 20240601;
  std::string command;  // recorded in the model; empty = "crosscheck train parser"
};

// Trains and writes options.out (via a temporary file); errors name the file.
Status TrainParser(const ParserTrainOptions& options);

}  // namespace crosscheck::syntax

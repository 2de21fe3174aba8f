// syntax/pos_trainer.h: rebuilds models/pos.bin (tagger + lemmatizer + FEATS).
// In: UD CoNLL-U files (.conllu[.gz]); GUM documents are used only for the
// genres in `gum_genres` (openly licensed ones; selected by `# newdoc id`).
// Out: the model file, written via a temporary file and re-loaded (self-tests)
// before it replaces `out`. Deterministic: fixed sentence order and a
// fixed-seed shuffle per epoch, so the same inputs give the same bytes.
// Cost: about a minute for EWT + GUM (12 epochs), ~0.5 GB peak. Single-threaded.
//
//   PosTrainOptions options;
//   options.train = {".../en_ewt-ud-train.conllu.gz", ".../en_gum-ud-train.conllu.gz"};
//   options.dev = ".../en_ewt-ud-dev.conllu.gz";
//   options.out = "models/pos.bin";
//   Status status = TrainPosTagger(options);
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace crosscheck::syntax {

struct PosTrainOptions {
  std::vector<std::filesystem::path> train;  // CoNLL-U training files
  std::filesystem::path dev;                 // optional: per-epoch accuracy on stderr
  std::filesystem::path out = "models/pos.bin";
  int epochs = 12;
  bool quiet = false;  // no progress on stderr
  // GUM documents ("GUM_<genre>_...") are used only for these genres.
  std::vector<std::string> gum_genres = {"news", "interview", "bio", "voyage"};
  // Word clusters: TSV lines "coarse.fine<TAB>word[<TAB>count]" (lowercased
  // words; made by tools/make-word-clusters); empty = none.
  std::filesystem::path clusters = CROSSCHECK_SOURCE_DIR "/data/word_clusters.tsv";
  // Words seen at least this often with one label >= `dictionary_purity` of
  // the time are tagged by lookup, without scoring.
  int dictionary_min_count = 20;
  double dictionary_purity = 0.995;
  // Words seen at least this often only take labels they had in training.
  int candidate_min_count = 5;
  // Model pairs trained on differently shuffled orders, then averaged
  // (3 gave no gain on EWT dev over 1 at 3x the training time).
  int mixed_models = 1;
  uint32_t seed = 1;
  // Recorded in the model; empty = "crosscheck train pos <inputs>".
  std::string command;
};

// Trains and writes options.out; errors name the file that failed.
Status TrainPosTagger(const PosTrainOptions& options);

}  // namespace crosscheck::syntax

// eval/pos_eval.h: POS tagging, lemma and feature accuracy against UD.
// In: a gold CoNLL-U file (.conllu or .conllu.gz) with gold tokenization: each
// sentence's gold word forms are tagged by the PosTagger and lemmatized with
// the predicted tags, as in the pipeline. Out: UPOS, XPOS, lemma and UFeats
// accuracy in percent over all words (punctuation included, as in the CoNLL
// 2018 shared task; UFeats compares the whole FEATS string). Cost: one pass
// over the file, ~0.5M words/s plus reading.
#pragma once
#include <cstdint>
#include <filesystem>

#include "core/status.h"
#include "syntax/pos_tagger.h"

namespace crosscheck::eval {

struct PosScores {
  double upos_accuracy = 0;   // percent, 0-100
  double xpos_accuracy = 0;
  double lemma_accuracy = 0;
  double feats_accuracy = 0;  // UFeats: the whole FEATS column
  double all_tags_accuracy = 0;  // UPOS, XPOS and FEATS all right (CoNLL 2018 AllTags)
  uint64_t words = 0;         // n
  uint64_t sentences = 0;
};

// Scores `tagger` (and its lemmatizer) on `gold`.
Result<PosScores> EvaluatePosTagging(const syntax::PosTagger& tagger,
                                     const std::filesystem::path& gold);

// Loads pos.bin from `model_dir`, then scores.
Result<PosScores> EvaluatePosTagging(const std::filesystem::path& model_dir,
                                     const std::filesystem::path& gold);

}  // namespace crosscheck::eval

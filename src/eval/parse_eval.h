// eval/parse_eval.h: dependency parsing accuracy against UD (gold tokenization).
// In: a gold CoNLL-U file (.conllu or .conllu.gz). Its words (gold tokens) are
// tagged by the shipped POS tagger (models/pos.bin; predicted UPOS, XPOS and
// lemmas, as in the real pipeline) and parsed by models/parser.bin. Without a
// tagger the gold tags are used, and the scores say so.
// Out: UAS and LAS in percent over all words, punctuation included, as in the
// CoNLL 2018 shared task; `las` compares the universal part of the relation
// ("nmod" for "nmod:poss", as the CoNLL 2018 script does), `las_full` the
// whole relation. Cost: one pass, ~200k words/s tagged and parsed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/status.h"
#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"

namespace crosscheck::eval {

struct ParseScores {
  double uas = 0;          // percent of words with the gold head
  double las = 0;          // ... and the gold universal relation (CoNLL 2018)
  double las_full = 0;     // ... and the gold relation with its subtype
  double upos_accuracy = 0;  // of the tags the parser saw (100 with gold tags)
  uint64_t words = 0;
  uint64_t sentences = 0;
  bool predicted_tags = false;  // false: gold UPOS/XPOS/lemmas were given to the parser
};

// Scores `parser` on `gold`; `tagger` may be null (gold tags).
Result<ParseScores> EvaluateParsing(const syntax::DependencyParser& parser, const syntax::PosTagger* tagger,
                                    const std::filesystem::path& gold);

// Loads parser.bin (required) and pos.bin (optional) from `model_dir`, then scores.
Result<ParseScores> EvaluateParsing(const std::filesystem::path& model_dir,
                                    const std::filesystem::path& gold);

}  // namespace crosscheck::eval

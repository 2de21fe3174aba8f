// syntax/lemma_trainer.h (private to syntax/): builds the lemma rules and the
// FEATS table from gold treebank words. Deterministic: the result depends only
// on the multiset of examples, not on their order.
#pragma once
#include <string>
#include <vector>

#include "syntax/lemma_rules.h"
#include "syntax/pos_model.h"

namespace crosscheck::syntax {

struct GoldWord {
  std::string form, lemma, feats;
  uint16_t label = 0;    // index into the model's (upos, xpos) labels
  bool primary = true;   // from the first training file (UD EWT): its conventions win
};

// Drops non-primary words whose (form, label) the primary data has: treebanks
// differ in conventions (GUM "people" -> "person", EWT "people" -> "people").
std::vector<GoldWord> PreferPrimary(std::vector<GoldWord> words);

// Suffix rules from distinct (form, xpos, lemma) types, plus exceptions for
// every (form, xpos) whose most frequent lemma the rules get wrong.
LemmaRules BuildLemmaRules(const std::vector<GoldWord>& words, const std::vector<std::string>& xpos);

// Most frequent FEATS per label, plus (lowercased form, label) exceptions.
FeatsTable BuildFeatsTable(const std::vector<GoldWord>& words, size_t labels);

}  // namespace crosscheck::syntax

// syntax/parser_features.h (private to syntax/): hashed feature templates of
// the dependency parser.
// Each word is reduced once per sentence to a few 64-bit atoms (lowercased
// form, suffix, shape, XPOS, UPOS, lemma); a template combines the atoms of
// some positions of the parse state (stack s0-s2, buffer n0-n2, heads, left-
// and rightmost children, their labels, valency, distance) into one key.
// Move templates follow Zhang & Nivre (2011) for arc-eager, plus UPOS, lemma
// and suffix variants; label templates describe the arc being made.
// Extraction writes into fixed arrays: no allocation per transition.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/dependency_parser.h"
#include "syntax/transition_system.h"

namespace crosscheck::syntax {

// The hashed atoms of one word, computed once per sentence.
struct WordAtoms {
  uint64_t word = 0;    // lowercased form
  uint64_t suffix = 0;  // last 3 bytes of the lowercased form
  uint64_t shape = 0;   // capitalization, digits, punctuation, length class
  uint64_t xpos = 0;    // fine tag (PTB)
  uint64_t upos = 0;    // universal tag
  uint64_t lemma = 0;
};

// Atoms of `words` followed by the root (index words.size()) and the "no word"
// filler (index words.size() + 1); `out` is resized.
void ComputeAtoms(const std::vector<ParserWord>& words, std::vector<WordAtoms>* out);

inline constexpr int kMaxMoveFeatures = 112;
inline constexpr int kMaxLabelFeatures = 48;

struct FeatureKeys {
  uint64_t key[kMaxMoveFeatures];
  int size = 0;
};

// Keys of the move classifier in `state`; `atoms` from ComputeAtoms.
void ExtractMoveFeatures(const ParseState& state, const std::vector<WordAtoms>& atoms,
                         FeatureKeys* out);

// Keys of the label classifier for the arc `head` -> `dependent` about to be
// made in `state` (a left arc if dependent < head).
void ExtractLabelFeatures(const ParseState& state, const std::vector<WordAtoms>& atoms, int head,
                          int dependent, FeatureKeys* out);

}  // namespace crosscheck::syntax

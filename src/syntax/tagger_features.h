// syntax/tagger_features.h (private to syntax/): the feature templates of the
// POS tagger, shared by training and tagging so that both see exactly the same
// keys. A feature is a 64-bit hash of (template, values). Word-level hashes
// are computed once per sentence into WordKeys; per-position features combine
// them with the neighbours' and the previous two predicted labels.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/hash_index.h"

namespace crosscheck::syntax {

inline constexpr int kCoarseShift = 20;
// Upper bound on the features of one position (the tagger's stack buffer).
inline constexpr int kMaxTaggerFeatures = 48;
// The label id standing for "before the sentence start" in history features.
inline constexpr uint32_t kStartLabel = 0xFFFF;

// Hashes of one word, computed once per sentence.
struct WordKeys {
  uint64_t form = 0;        // exact form
  uint64_t lower = 0;       // ASCII-lowercased form
  uint64_t shape = 0;       // "Xxxx", "dd.dd", "xx-xx" ...
  uint64_t prefix[3] = {};  // first 1..3 bytes, lowercased
  uint64_t suffix[4] = {};  // last 1..4 bytes, lowercased
  uint64_t suffix3 = 0;     // == suffix[2], addressable as a member
  uint64_t flags = 0;       // capitalization / digit / hyphen bits
  uint64_t cluster = 0;     // fine word-cluster id + 1 of the lowercased form, 0 if none
  uint64_t coarse = 0;      // coarse word-cluster id + 1, 0 if none
};

// What the tagger knows about word types beyond the treebank.
struct WordLexicon {
  // lowercased-form hash -> coarse << kCoarseShift | fine cluster id, learned
  // from unlabelled text (data/word_clusters.tsv).
  HashIndex clusters;
};

// Fills keys[i] for every form; the lexicon's tables may be empty.
void ComputeWordKeys(const std::vector<std::string_view>& forms, const WordLexicon& lexicon,
                     std::vector<WordKeys>* keys);

// The tagger runs two greedy passes: a backward one (right to left), then a
// forward one whose label is chosen by the sum of both models' scores.
enum class Direction { kForward, kBackward };

// Writes the features of position i that do not depend on labels (shared by
// both directions' models) to out; returns how many.
int ExtractStaticFeatures(const std::vector<WordKeys>& keys, int i, uint64_t* out);
// Writes the label-history features of position i: prev1/prev2 are the labels
// of the previous one/two positions in `direction` (i-1, i-2 forward; i+1,
// i+2 backward), kStartLabel outside the sentence; returns how many.
int ExtractHistoryFeatures(const std::vector<WordKeys>& keys, int i, Direction direction,
                           uint32_t prev1, uint32_t prev2, uint64_t* out);

// ASCII lowercase (UTF-8 bytes >= 0x80 are kept).
void LowercaseAscii(std::string_view in, std::string* out);
// HashString of the ASCII-lowercased text, without building it.
inline uint64_t HashLowercaseAscii(std::string_view in) {
  uint64_t h = kFnvOffset;
  for (char c : in) {
    const unsigned char u = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    h = (h ^ u) * 1099511628211ull;
  }
  return h;
}

}  // namespace crosscheck::syntax

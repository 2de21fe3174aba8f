// entities/ner_features.h (private to entities/): the tagger's input features.
// One list of 64-bit feature hashes per token: word, lower-cased word, shape,
// affixes, neighbours (+-2), case flags, gazetteer matches (longest run of
// tokens naming a country, region, city or demonym), name-lexicon matches
// (person, first name, surname, organisation, outlet, other place, facility),
// capitalized runs ending in a common organisation head word ("... Watch"),
// word clusters, and how the word is cased elsewhere in the same document
// (which helps all-caps headlines and sentence-initial words). Feature hashes never depend on the label; the
// model maps a hash to one weight per label. Pure functions of their inputs.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/gazetteer.h"

namespace crosscheck::entities {

// How a lower-cased word is written in a document outside sentence starts.
class DocumentCasing {
 public:
  enum Flag : uint8_t { kSeenCapitalized = 1, kSeenLower = 2, kSeenAllCaps = 4 };
  // Records the words of one sentence (the first word is ignored: its case says little).
  void AddSentence(const std::vector<std::string_view>& forms);
  uint8_t Flags(std::string_view form) const;
  // The most frequent non-all-caps spelling of `form` seen, or "" if none.
  std::string_view PreferredSpelling(std::string_view form) const;

 private:
  struct Entry {
    uint8_t flags = 0;
    std::string spelling;   // the mixed-case spelling seen most recently
  };
  std::unordered_map<std::string, Entry> words_;  // key: ASCII-lower-cased form
};

// Distributional word clusters of lower-cased words (data/word_clusters.tsv,
// copied into the model): ASCII-lower-cased word hash -> cluster code + 1,
// code = coarse << 16 | fine; sorted by hash.
struct WordClusters {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  uint32_t Find(uint64_t lower_hash) const;  // 0 if unknown
};

// Flat features of one sentence: token t's hashes are
// hashes[begin[t] .. begin[t+1]).
struct SentenceFeatures {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> begin;
  size_t size() const { return begin.empty() ? 0 : begin.size() - 1; }
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer* gazetteer, const WordClusters* clusters)
      : gazetteer_(gazetteer), clusters_(clusters) {}
  // Fills *out for `forms`; `casing` describes the whole document.
  void Extract(const std::vector<std::string_view>& forms, const DocumentCasing& casing,
               SentenceFeatures* out) const;

 private:
  // Per token: gazetteer categories and whether the token starts the match
  // (places: Categories; names: NameCategories, then bit 9 = multiword).
  void MatchGazetteer(const std::vector<std::string_view>& forms, bool names,
                      std::vector<uint16_t>* marks) const;
  const Gazetteer* gazetteer_;
  const WordClusters* clusters_;
};

// The feature every token has (the label prior); the trainer shifts its
// weights to trade precision for recall.
uint64_t BiasFeature();

std::string AsciiLower(std::string_view s);
// "Kadyrov" -> "Xx", "U.S." -> "X.X.", "2017" -> "d".
std::string ShortShape(std::string_view s);
// True if the sentence is mostly written in capitals (a shouted headline).
bool IsAllCapsSentence(const std::vector<std::string_view>& forms);
// Per token, the run of capitalized words it belongs to ("Bank of America"), or {0, 0}.
std::vector<std::pair<uint32_t, uint32_t>> CapitalizedRuns(const std::vector<std::string_view>& forms);

}  // namespace crosscheck::entities

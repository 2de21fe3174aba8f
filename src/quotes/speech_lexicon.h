// quotes/speech_lexicon.h: the word lists of the quotes stage (private to quotes/).
// Speech verbs come from reporting_verbs.tsv and quote_verbs_extra.tsv (lemma,
// stance classes, forms) and quote_verbs_ggt.txt (more forms, stance "neutral",
// or the stance of the lemma they inflect); closed-class cue words from
// quote_cues.tsv. Lookups are case-insensitive on ASCII; a 64 Kbit filter keeps
// the per-token cost of "is this a speech verb?" to one hash for most words.
#pragma once
#include <bitset>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck::quotes {

struct SpeechVerb {
  std::string lemma;   // "deny"
  std::string stance;  // first class of reporting_verbs.tsv: "denial"; "neutral" for GGT-only forms
  bool reporting = false;  // listed in reporting_verbs.tsv (not only in the GGT list)
};

// Classes of quote_cues.tsv, as bits: a word may have several.
enum CueClass : uint32_t {
  kPronoun = 1u << 0,
  kDeterminer = 1u << 1,
  kSkip = 1u << 2,       // between a speaker and its verb: "also", "has"
  kStop = 1u << 3,       // ends a speaker phrase
  kRelative = 1u << 4,   // "who" of "a man who was released ... said"
  kOrgWord = 1u << 5,    // makes a name an organisation
  kAccording = 1u << 6,  // "according (to X)"
  kDash = 1u << 7,       // dash attribution after a quote
  kPostDash = 1u << 8,   // dash before the author of an embedded post
  kMonth = 1u << 9,
  kTitle = 1u << 10,     // "-ing"/"-ed" word of a role: "acting spokesperson"
};

// A small open-addressing table keyed by ASCII-case-folded words: lookups
// neither allocate nor copy the word (they run on many tokens).
template <typename V>
class FoldedMap {
 public:
  V& operator[](std::string_view key);  // inserts a default V under the folded key
  const V* Find(std::string_view word) const;
  bool contains(std::string_view word) const { return Find(word) != nullptr; }

 private:
  struct Slot {
    std::string key;  // folded; empty = free
    V value{};
  };
  static uint64_t Hash(std::string_view word);
  size_t Probe(std::string_view word) const;  // the slot holding word, or the free slot for it
  void Grow();
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t size_ = 0;
};

class SpeechLexicon {
 public:
  // Reads the four files from `dir`; errors name the file and line.
  static Result<SpeechLexicon> Load(const std::filesystem::path& dir);

  // The verb with this inflected form (any case), or nullptr.
  const SpeechVerb* VerbForm(std::string_view form) const;
  // Bits of CueClass for `word` (any case); 0 if none.
  uint32_t Classes(std::string_view word) const;
  // 1-12 for a month name or abbreviation, 0 otherwise.
  int Month(std::string_view word) const;

 private:
  static uint32_t FilterHash(std::string_view word);
  Status ReadReportingVerbs(const std::filesystem::path& file);
  Status ReadGgtVerbs(const std::filesystem::path& file);
  Status ReadCues(const std::filesystem::path& file);
  void AddForm(const std::string& form, const SpeechVerb& verb);

  FoldedMap<SpeechVerb> verbs_;  // lower-case form -> verb
  FoldedMap<uint32_t> classes_;   // lower-case word -> CueClass bits
  FoldedMap<int> months_;
  // Bloom-style filters (one hash): most words skip the map lookups.
  std::shared_ptr<std::bitset<65536>> verb_filter_ = std::make_shared<std::bitset<65536>>();
  std::shared_ptr<std::bitset<65536>> cue_filter_ = std::make_shared<std::bitset<65536>>();
};

// ASCII lower case of `s` (other bytes unchanged).
std::string Lower(std::string_view s);

}  // namespace crosscheck::quotes

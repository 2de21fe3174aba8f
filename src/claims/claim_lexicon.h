// claims/claim_lexicon.h (private to claims/): the word lists of the claims stage.
// events.tsv maps lemmas to event classes with constraints; claim_cues.tsv holds the
// modality, attribution and not-a-count cue words; reporting_verbs.tsv (shared with the
// quotes stage) gives each speech verb its stance. Everything is keyed by lower-case
// word; lookups take a string_view and do not allocate. Immutable once loaded.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace crosscheck::claims {

// Flags of an events.tsv row.
enum EventFlag : uint32_t {
  kSubjectCounts = 1u << 0,  // the subject is the counted participant
  kNeedsCount = 1u << 1,     // a noun that is a claim only with a number
  kPassiveOnly = 1u << 2,
  kPropnObject = 1u << 3,
  kResult = 1u << 4,         // "fatally", "dead": turns the verb it modifies into this class
  kNotAs = 1u << 5,          // not the event with an "as" complement ("billed as a rally")
  kPredicateCount = 1u << 6, // its predicate states the count ("the death toll rose to 50")
  kPersonPatient = 1u << 7,  // the patient must be a person ("were being held")
};

struct EventEntry {
  std::string event;  // "KILL"
  char pos = 'V';     // 'V' verb, 'N' noun, 'A' adjective, 'R' adverb
  uint32_t flags = 0;
  std::vector<std::string> with;      // a dependent (or the next word) needs one of these lemmas
  std::vector<std::string> need;      // a subject or object needs one of these lemmas
  std::vector<std::string> not_with;  // none of the subjects or objects may have these lemmas
};

// Classes of claim_cues.tsv, as bits: a word may have several.
enum CueClass : uint32_t {
  kHedge = 1u << 0,
  kHedgeModal = 1u << 1,
  kHedgeRaising = 1u << 2,
  kDenyWord = 1u << 3,
  kQuestionWord = 1u << 4,
  kQuestionNeg = 1u << 5,
  kNegation = 1u << 6,
  kIrrealis = 1u << 7,
  kCondition = 1u << 8,
  kStatement = 1u << 9,
  kDistancing = 1u << 10,
  kReport = 1u << 11,
  kShow = 1u << 12,
  kAccording = 1u << 13,
  kOutlet = 1u << 14,
  kOutletName = 1u << 15,
  kAnonymous = 1u << 16,
  kOrganisation = 1u << 17,
  kPersonRole = 1u << 18,
  kNotCount = 1u << 19,
  kCase = 1u << 20,
  kGeneric = 1u << 21,
  kQuestionStart = 1u << 22,
  kAspectual = 1u << 23,
  kPersonNoun = 1u << 24,
};

// A cue of several words ("according to", "fake news"), as lower-case words.
struct CuePhrase {
  std::vector<std::string> words;
  uint32_t classes = 0;
};

class ClaimLexicon {
 public:
  // Reads events.tsv, claim_cues.tsv and reporting_verbs.tsv from `dir`; errors name the
  // file and line.
  static Result<ClaimLexicon> Load(const std::filesystem::path& dir);

  // The events.tsv rows of a lower-case lemma (any part of speech); nullptr if none.
  const std::vector<EventEntry>* Events(std::string_view lemma) const;
  // CueClass bits of a one-word cue (lower case); 0 if none.
  uint32_t Cues(std::string_view word) const;
  // Cue phrases of several words that start with this lower-case word; nullptr if none.
  const std::vector<CuePhrase>* Phrases(std::string_view first_word) const;
  // The stance class of a reporting verb lemma ("denial", "distancing", ...); "" if none.
  std::string_view Stance(std::string_view lemma) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  Status ReadEvents(const std::filesystem::path& file);
  Status ReadCues(const std::filesystem::path& file);
  Status ReadStances(const std::filesystem::path& file);

  Map<std::vector<EventEntry>> events_;
  Map<uint32_t> cues_;
  Map<std::vector<CuePhrase>> phrases_;
  Map<std::string> stances_;
};

// ASCII lower case of `word` into `buffer` (truncated at its size); returns the view.
std::string_view LowerInto(std::string_view word, char* buffer, size_t size);

}  // namespace crosscheck::claims

// quotes/speaker_resolver.h: turns a speaker phrase into the speaker's name (private).
// With entities, a phrase's head or pronoun maps to its entity's canonical name.
// Without them: a surname becomes the fuller name written earlier ("Karimov" ->
// "Alvi Karimov"); "he"/"she" the nearest preceding person-like name (a 2-4 word
// capitalized run without organisation words, or a surname of one); "they"/"it"
// the latest speaker. Unnamed speakers keep their description. One resolver
// per document; it remembers the speakers it resolved, in text order.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotes/quote_context.h"
#include "quotes/speaker_phrase.h"

namespace crosscheck::quotes {

struct ResolvedSpeaker {
  std::string name;     // canonical name, or the description of an unnamed speaker
  std::string role;     // words before the name: "Kadyrov's spokesperson"
  int32_t entity = -1;  // index into AnalyzedDocument::entities
  Span span;            // the phrase in the text
};

class SpeakerResolver {
 public:
  explicit SpeakerResolver(const QuoteContext& c);
  ResolvedSpeaker Resolve(const SpeakerPhrase& p);

 private:
  struct NameRun {
    uint32_t first = 0, end = 0;
  };
  int32_t EntityAt(uint32_t token) const;
  std::string TokensText(uint32_t first, uint32_t end) const;
  void IndexNames();
  bool IsOrgRun(uint32_t first, uint32_t end) const;
  std::string FullName(uint32_t surname);
  ResolvedSpeaker ResolvePronoun(uint32_t pronoun);
  ResolvedSpeaker FromEntity(int32_t entity, const SpeakerPhrase& p) const;

  const QuoteContext& c_;
  std::vector<int32_t> entity_of_;  // token -> entity, when entities are present
  bool names_indexed_ = false;
  std::vector<NameRun> runs_;                          // person-like runs, text order
  std::unordered_map<std::string_view, uint32_t> surname_;  // last word (views doc tokens) -> first run
  std::vector<std::pair<uint32_t, ResolvedSpeaker>> history_;  // token, speaker
};

}  // namespace crosscheck::quotes

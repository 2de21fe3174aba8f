// entities/mention_rules.h (private to entities/): repairs of tagged spans
// and rule-found mentions, on token indexes of one document.
// - Possessive "'s" and edge punctuation never belong to a name
//   ("Kadyrov's spokesperson" -> "Kadyrov").
// - "Jr.", "Sr.", "II", "III" after a person's name extend it.
// - Spans made only of @handles, #hashtags or URLs are dropped (handles are
//   matched to people later, in coreference).
// - Capitalized demonyms outside names become MISC "demonym" mentions; one
//   right after "the" and before an organisation joins it ("the Russian LGBT
//   Network").
#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "entities/gazetteer.h"

namespace crosscheck::entities {

// A mention before coreference: tokens [first, end) of one sentence.
struct RawMention {
  uint32_t first = 0, end = 0, sentence = 0;
  std::string type;   // "PERSON", "ORG", "LOC", "MISC"
  std::string kind;   // as in EntityMention::kind
  int64_t place = -1; // demonyms: index of the gazetteer place
};

// Trims, extends or drops tagged mentions in place (see top comment).
void RepairMentions(const std::vector<Token>& tokens, std::vector<RawMention>* mentions);

// Document consistency: a later or earlier occurrence of a tagged name's
// exact words (capitalized, outside other mentions) is the same name; so is
// the last word of a person's full name written alone ("Smith" after "Anna
// Smith"). Appends those mentions with the tagged type.
void PropagateNames(const AnalyzedDocument& doc, std::vector<RawMention>* mentions);

// "Committee to Protect Journalists", "Ministry of Defence": a capitalized
// word from `opening_words` followed by to / for / of / on / against and
// capitalized words (inner "the", "and", "of" allowed) is an organisation's
// name. Replaces tagged mentions inside it; skips it if it overlaps one.
void AddOrganizationPatterns(const AnalyzedDocument& doc,
                             const std::unordered_set<std::string>& opening_words,
                             std::vector<RawMention>* mentions);

// Appends demonym mentions for tokens of sentence `s` outside `mentions`.
void AddDemonyms(const AnalyzedDocument& doc, uint32_t s, const Gazetteer& gazetteer,
                 std::vector<RawMention>* mentions);

bool IsPossessive(std::string_view form);
bool IsHandle(std::string_view form);  // "@name"

}  // namespace crosscheck::entities

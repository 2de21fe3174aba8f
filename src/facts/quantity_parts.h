// facts/quantity_parts.h: the pieces of a quantity expression around its number:
// currency prefixes, unit suffixes, bound cues, change cues, the counted noun, and the
// tests that tell a count from a year, clock time, ordinal, label or phone number.
// Private to src/facts/; used by quantity_extractor.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "facts/facts_lexicon.h"
#include "facts/number_reader.h"
#include "facts/text_pieces.h"

namespace crosscheck::facts {

// A quantity being assembled, in pieces of one sentence.
struct QuantityDraft {
  size_t begin = 0, end = 0;   // all pieces of the expression
  size_t number_piece = 0;     // the last piece of the (last) number
  size_t after = 0;            // first piece after number(s) and unit: where a counted noun may start
  double value = 0, low = 0, high = 0;
  std::string bound = "exact";
  bool vague = false;
  std::string change;
  const UnitEntry* unit = nullptr;
  std::string per;
  bool opened = false;         // a range opened by "from" or "between"
};

// A currency prefix ending right before pieces[i] ("$", "US $", "$US", "HK$"): returns the
// index where it starts and sets *unit, or returns i.
size_t MatchPrefixUnit(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, const UnitEntry** unit);

// A unit starting at pieces[i] ("%", "per cent", "km/h", "-year-old"): returns its end and
// sets *unit, or returns i.
size_t MatchSuffixUnit(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, const UnitEntry** unit);

// A bound cue ending right before pieces[i] ("at least", "more than"): returns its start.
size_t MatchBoundBefore(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* bound);

// A bound cue starting at pieces[i] ("or more", "-plus"): returns its end.
size_t MatchBoundAfter(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* bound);

// "a month", "per share" after a unit: returns its end and sets *per to the singular noun.
size_t MatchPer(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* per);

// The change a verb or adverb right before pieces[i] states ("rose", "fell by", "up"), or "".
std::string ChangeBefore(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i);

// True if the number read at `read` is not a count: a year, date part, clock time,
// ordinal, label ("Game 6"), model name ("Galaxy S23"), phone number or list marker.
// `qualified` says a currency, unit or bound came with it (years and labels then count).
bool IsNotCount(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read, bool qualified);

// The end of a run of joined number groups ("2019-09-01", "555-123-4567", "9:35"), if it
// has three groups or a colon; else `i`.
size_t SkipDigitChain(const std::vector<Piece>& pieces, size_t i);

// The counted noun after a number without unit, from token patterns ("100 men", "three of
// those men", "30 unique messages"): sets the quantity's counted fields.
void FindCountedByPattern(const FactsLexicon& lex, const std::vector<Piece>& pieces, const QuantityDraft& draft,
                          Quantity* quantity);

// The counted noun from the parse: the head of a `nummod` number, or the `nmod` of a
// number heading "three of those men". Returns false when the parse says nothing.
bool FindCountedByParse(const AnalyzedDocument& doc, uint32_t sentence, Quantity* quantity);

}  // namespace crosscheck::facts

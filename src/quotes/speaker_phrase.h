// quotes/speaker_phrase.h: finds the noun phrase that names a speaker (private).
// A phrase is a run of words bounded by punctuation and closed-class stop words
// (quote_cues.tsv): "Kadyrov's spokesperson Alvi Karimov", "a Chechen
// government spokesperson", "One man who was released from the camp".
#pragma once
#include <cstdint>

#include "quotes/quote_context.h"

namespace crosscheck::quotes {

struct SpeakerPhrase {
  uint32_t first = 0, end = 0;            // the whole phrase, tokens [first, end)
  uint32_t name_first = 0, name_end = 0;  // the proper name within it; empty if unnamed
  bool pronoun = false;                   // a single pronoun ("she")
  bool empty() const { return end <= first; }
  bool named() const { return name_end > name_first; }
};

// The subject of the speech verb at `verb`: the phrase to its left ("X said",
// "X, who ..., said", "X also told"), else, when parsed, its nsubj subtree (the
// token rules are tried first: on PolNeAR they beat the parse where both
// answer, and the parse adds the subjects they miss). Empty if none.
SpeakerPhrase SubjectOf(const QuoteContext& c, uint32_t verb);

// The phrase starting at token `first` and ending before `limit` ("said X",
// "according to X", "— X"). Empty if `first` does not start a phrase.
SpeakerPhrase PhraseFrom(const QuoteContext& c, uint32_t first, uint32_t limit);

// The phrase ending just before `end` and starting at or after `limit` ("X:").
SpeakerPhrase PhraseBefore(const QuoteContext& c, uint32_t end, uint32_t limit);

// The phrase opening sentence `s` when a lower-case word follows it
// ("Poplevskaya backed up ..., telling BBC News that"): the subject a
// participle cue without its own subject takes. Empty if none.
SpeakerPhrase SentenceSubject(const QuoteContext& c, uint32_t s);

// Finds the proper name inside p (the trailing run of capitalized words, unless
// a preposition puts the head noun before it: "a spokesperson for Ramzan Kadyrov").
void FindName(const QuoteContext& c, SpeakerPhrase* p);

}  // namespace crosscheck::quotes

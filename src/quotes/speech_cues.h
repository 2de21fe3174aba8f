// quotes/speech_cues.h: speech cues and their speakers (private to quotes/).
// A cue is a speech verb ("said", "denied"), "according to", a colon after a
// name or a dash after a quote. The functions here find the cue that attributes
// a quoted span: after it ("…," X said / said X / according to X / — X) or
// before it (X said: "…" / X: "…"), or the cues of a sentence for partial and
// indirect quotes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quotes/quote_context.h"
#include "quotes/quote_marks.h"
#include "quotes/speaker_phrase.h"

namespace crosscheck::quotes {

struct Cue {
  uint32_t first = 0, end = 0;  // the cue's tokens ("said", "according to", ":")
  std::string lemma;            // "say", "according to", ":", "—"
  std::string stance;           // from reporting_verbs.tsv; "neutral" for punctuation cues
  SpeakerPhrase speaker;        // empty when none was found (passive, participle...)
  uint32_t addressee_first = 0, addressee_end = 0;  // "Interfax" of "told Interfax"
  uint32_t content_first = 0;   // first token of what the cue introduces ("that" skipped)
  bool verb = false;            // a speech verb, not a phrase or punctuation cue
};

// Every speech verb of the document with its subject and addressee, in text
// order. A participle without a subject ("..., telling BBC News that") takes the
// subject of the sentence's previous cue.
std::vector<Cue> FindVerbCues(const QuoteContext& c);

// The cue attributing `q` from the tokens right after its closing mark, or
// right before its opening mark; nullopt if neither has one.
std::optional<Cue> CueAfter(const QuoteContext& c, const QuotedSpan& q, const std::vector<Cue>& cues);
std::optional<Cue> CueBefore(const QuoteContext& c, const QuotedSpan& q, const std::vector<Cue>& cues);

// The cue with a speaker in the sentence of token `at` nearest before it, else
// nearest after it (partial quotes).
std::optional<Cue> CueInSentence(const QuoteContext& c, uint32_t at, const std::vector<Cue>& cues);

// The last cue with a speaker in sentence `s` (a speaker named in the previous sentence).
std::optional<Cue> LastCueOfSentence(const QuoteContext& c, uint32_t s, const std::vector<Cue>& cues);

}  // namespace crosscheck::quotes

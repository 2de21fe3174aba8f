// quotes/indirect_speech.h: reported speech without quotation marks (private).
// "X said (that) CONTENT", "X denied CONTENT", "X told Y that CONTENT",
// "CONTENT, X said.", "According to X, CONTENT", "CONTENT, according to X".
// The content clause runs to the end of the sentence (or from its start to
// the attribution); cues already used by a direct quote are skipped.
#pragma once
#include <cstdint>
#include <vector>

#include "quotes/quote_context.h"
#include "quotes/speech_cues.h"

namespace crosscheck::quotes {

struct IndirectSpeech {
  uint32_t cue = 0;                         // index into the cue vector
  uint32_t first_token = 0, end_token = 0;  // the content clause
};

// used_cue[i]: cue i attributes a direct quote. in_direct[t]: token t lies in a
// direct quote (marks included), so its words are not reported speech.
std::vector<IndirectSpeech> FindIndirectSpeech(const QuoteContext& c, const std::vector<Cue>& cues,
                                               const std::vector<bool>& used_cue,
                                               const std::vector<bool>& in_direct);

}  // namespace crosscheck::quotes

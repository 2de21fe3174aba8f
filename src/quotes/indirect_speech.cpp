#include "quotes/indirect_speech.h"

#include <string_view>

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMinContentTokens = 2;
constexpr uint32_t kMaxAdjunctTokens = 8;  // "said [in a statement on Monday] that"

bool IsFinalPunct(std::string_view f) {
  return f == "." || f == "!" || f == "?" || f == ";" || f == ":" || f == "," || f == "…";
}

// Trims final punctuation; returns false if what is left is too short or
// belongs to a direct quote.
bool Trim(const QuoteContext& c, const std::vector<bool>& in_direct, uint32_t first, uint32_t* end) {
  while (*end > first && IsFinalPunct(c.form(*end - 1))) --*end;
  if (*end < first + kMinContentTokens) return false;
  uint32_t quoted = 0;
  for (uint32_t t = first; t < *end; ++t) quoted += in_direct[t];
  return quoted * 2 < *end - first;  // mostly the writer's own words
}

// "X said (that) CONTENT ..." up to the sentence end.
bool ContentAfter(const QuoteContext& c, const Cue& cue, const std::vector<bool>& in_direct,
                  IndirectSpeech* out) {
  const Sentence& s = c.sentence_at(c.sentence(cue.first));
  uint32_t first = cue.content_first;
  if (first >= s.end_token || !c.IsWord(first) || c.verb(first)) return false;
  std::string_view f = c.form(first);
  bool lower = f[0] >= 'a' && f[0] <= 'z';
  if (f == "to" || (lower && f.size() > 4 && f.ends_with("ed"))) return false;  // "claims emerged"
  if (lower && (c.classes(first) & kStop) && !(c.classes(first) & kRelative)) {
    // "said in a statement that ...": the content starts after "that".
    uint32_t t = first;
    while (t < s.end_token && t < first + kMaxAdjunctTokens && c.form(t) != "that") ++t;
    if (t >= s.end_token || c.form(t) != "that") return false;
    first = t + 1;
  }
  uint32_t end = s.end_token;
  if (!Trim(c, in_direct, first, &end)) return false;
  out->first_token = first;
  out->end_token = end;
  return true;
}

// "CONTENT, X said." / "CONTENT, according to X.": the attribution closes the sentence.
bool ContentBefore(const QuoteContext& c, const Cue& cue, const std::vector<bool>& in_direct,
                   IndirectSpeech* out) {
  const Sentence& s = c.sentence_at(c.sentence(cue.first));
  uint32_t attribution = cue.verb ? cue.speaker.first : cue.first;
  if (cue.verb && cue.speaker.end > cue.first) attribution = cue.first;  // "…, said X."
  if (attribution <= s.first_token + 1 || c.form(attribution - 1) != ",") return false;
  uint32_t tail = cue.verb ? cue.end : cue.speaker.end;
  if (cue.verb && cue.speaker.end > cue.first) tail = cue.speaker.end;
  for (uint32_t t = tail; t < s.end_token; ++t) {
    if (c.verb(t) || c.form(t) == "that") return false;  // more than an adjunct follows
  }
  uint32_t end = attribution - 1;
  if (!Trim(c, in_direct, s.first_token, &end)) return false;
  out->first_token = s.first_token;
  out->end_token = end;
  return true;
}

}  // namespace

std::vector<IndirectSpeech> FindIndirectSpeech(const QuoteContext& c, const std::vector<Cue>& cues,
                                               const std::vector<bool>& used_cue,
                                               const std::vector<bool>& in_direct) {
  std::vector<IndirectSpeech> found;
  for (uint32_t i = 0; i < cues.size(); ++i) {
    const Cue& cue = cues[i];
    if (used_cue[i] || cue.speaker.empty() || cue.lemma == ":" || cue.lemma == "—") continue;
    if (in_direct[cue.first]) continue;
    IndirectSpeech speech{i, 0, 0};
    bool according_first = !cue.verb && c.IsSentenceStart(cue.first);
    if ((cue.verb || according_first) && ContentAfter(c, cue, in_direct, &speech)) {
      found.push_back(speech);
    } else if (ContentBefore(c, cue, in_direct, &speech)) {
      found.push_back(speech);
    }
  }
  return found;
}

}  // namespace crosscheck::quotes

#include "quotes/speech_cues.h"

#include <algorithm>

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMaxAttributionTokens = 14;  // "…," [X, who ..., said] after a quote
constexpr uint32_t kMaxLeadInTokens = 8;        // [X told reporters on Monday]: "…"
constexpr uint32_t kMaxAppositiveTokens = 40;   // "…," [X, the head of Y, ..., said]
constexpr uint32_t kMaxAdjunctTokens = 8;       // "…?" X asked [on Monday at a rally].

bool IsAddressedVerb(std::string_view lemma) {
  return lemma == "tell" || lemma == "inform" || lemma == "assure" || lemma == "notify" ||
         lemma == "remind" || lemma == "warn" || lemma == "brief" || lemma == "ask" ||
         lemma == "reassure" || lemma == "promise";
}

bool IsQuoteGlyph(std::string_view f) {
  return f == "\"" || f == "“" || f == "”" || f == "''" || f == "``" || f == "«" || f == "»" ||
         f == "„";
}

uint32_t SentenceEnd(const QuoteContext& c, uint32_t token) {
  return c.sentence_at(c.sentence(token)).end_token;
}

uint32_t SentenceFirst(const QuoteContext& c, uint32_t token) {
  return c.sentence_at(c.sentence(token)).first_token;
}

const Cue* CueStartingAt(const std::vector<Cue>& cues, uint32_t token) {
  auto it = std::lower_bound(cues.begin(), cues.end(), token,
                             [](const Cue& cue, uint32_t t) { return cue.first < t; });
  return it != cues.end() && it->first == token ? &*it : nullptr;
}

// "told Interfax that", "claimed to Interfax that": the addressee, then "that".
void FindAddresseeAndContent(const QuoteContext& c, Cue* cue) {
  uint32_t limit = SentenceEnd(c, cue->first);
  uint32_t k = cue->end;
  if (k < limit && IsAddressedVerb(cue->lemma)) {
    SpeakerPhrase a = PhraseFrom(c, k, limit);
    if (!a.empty()) cue->addressee_first = a.first, cue->addressee_end = k = a.end;
  } else if (k + 1 < limit && c.form(k) == "to") {
    SpeakerPhrase a = PhraseFrom(c, k + 1, limit);
    if (!a.empty() && a.end < limit && (c.form(a.end) == "that" || c.form(a.end) == ",")) {
      cue->addressee_first = a.first, cue->addressee_end = k = a.end;
    }
  }
  if (k < limit && c.form(k) == "that") ++k;
  cue->content_first = k;
}

bool HasAdjectiveSuffix(std::string_view f) {
  for (std::string_view suffix : {"ing", "al", "ive", "ous", "ful", "ic", "ary", "ial"}) {
    if (f.size() > suffix.size() + 2 && f.ends_with(suffix)) return true;
  }
  return false;
}

// Without a parse: "the report", "Gazeta's initial report", "a statement
// released by" are not speech verbs.
bool LooksLikeNoun(const QuoteContext& c, uint32_t v) {
  if (v == 0) return false;
  std::string_view prev = c.form(v - 1);
  uint32_t prev_classes = c.classes(v - 1);
  if ((prev_classes & kDeterminer) && !(prev_classes & kPronoun)) return true;
  if (prev == "'s" || prev == "’s") return true;
  std::string_view f = c.form(v);
  if (f.ends_with("ed")) {
    return v + 1 < c.size() && c.form(v + 1) == "by";  // passive participle
  }
  bool prev_lower = !prev.empty() && prev[0] >= 'a' && prev[0] <= 'z';
  return prev_lower && HasAdjectiveSuffix(prev) && !(prev_classes & kSkip);
}

// A participle after a comma or "by", or a verb after "and": no subject of its own.
bool SharesSubject(const QuoteContext& c, uint32_t v) {
  if (v == 0) return false;
  std::string_view prev = c.form(v - 1);
  if (c.form(v).ends_with("ing")) return prev == "," || prev == "by";
  return prev == "and" || (prev == "then" && v > 1 && c.form(v - 2) == "and");
}

Cue VerbCue(const QuoteContext& c, uint32_t v, const std::vector<Cue>& earlier) {
  Cue cue;
  cue.first = v;
  cue.end = v + 1;
  cue.lemma = c.verb(v)->lemma;
  cue.stance = c.verb(v)->stance;
  cue.verb = true;
  // "X denied ..., insisting that", "X ... and added": the clause's subject
  // (taken before the parse, which often attaches such participles wrongly).
  const bool shares = SharesSubject(c, v);
  if (shares && !earlier.empty() && c.sentence(earlier.back().first) == c.sentence(v)) {
    cue.speaker = earlier.back().speaker;
  }
  if (cue.speaker.empty()) cue.speaker = SubjectOf(c, v);
  if (cue.speaker.empty() && shares) cue.speaker = SentenceSubject(c, c.sentence(v));
  FindAddresseeAndContent(c, &cue);
  return cue;
}

// "according to X" anywhere in a sentence.
std::optional<Cue> AccordingCue(const QuoteContext& c, uint32_t i) {
  if (i + 2 >= c.size() || c.form(i + 1) != "to" || !(c.classes(i) & kAccording)) return {};
  Cue cue;
  cue.first = i;
  cue.end = i + 2;
  cue.lemma = "according to";
  cue.stance = "neutral";
  cue.speaker = PhraseFrom(c, i + 2, SentenceEnd(c, i));
  if (cue.speaker.empty()) return {};
  cue.content_first = cue.speaker.end;
  if (cue.content_first < c.size() && c.form(cue.content_first) == ",") ++cue.content_first;
  return cue;
}

Cue PunctuationCue(uint32_t token, std::string lemma, const SpeakerPhrase& speaker) {
  Cue cue;
  cue.first = token;
  cue.end = token + 1;
  cue.lemma = std::move(lemma);
  cue.stance = "neutral";
  cue.speaker = speaker;
  return cue;
}

}  // namespace

std::vector<Cue> FindVerbCues(const QuoteContext& c) {
  std::vector<Cue> cues;
  for (uint32_t i = 0; i < c.size(); ++i) {
    if (c.verb(i)) {
      if (!c.has_syntax() && LooksLikeNoun(c, i)) continue;
      cues.push_back(VerbCue(c, i, cues));
    } else if ((c.form(i)[0] | 0x20) != 'a') {
      continue;
    } else if (std::optional<Cue> according = AccordingCue(c, i)) {
      cues.push_back(*according);
    }
  }
  return cues;
}

// "…" [X, the chief executive of Y, which ..., told Z]: a named phrase right
// after the quote, then a speech verb further on in the sentence.
std::optional<Cue> CueAfterLongAppositive(const QuoteContext& c, uint32_t j, uint32_t limit,
                                          const std::vector<Cue>& cues) {
  SpeakerPhrase head = PhraseFrom(c, j, limit);
  if (head.empty() || head.end >= limit) return {};
  for (auto it = std::lower_bound(cues.begin(), cues.end(), head.end,
                                  [](const Cue& cue, uint32_t t) { return cue.first < t; });
       it != cues.end() && it->first < std::min(limit, j + kMaxAppositiveTokens); ++it) {
    if (!it->verb) continue;
    for (uint32_t t = head.end; t < it->first; ++t) {
      if (IsQuoteGlyph(c.form(t))) return {};
    }
    Cue cue = *it;
    cue.speaker = head;
    uint32_t end = it->first;
    while (end > head.end && (c.IsPunct(end - 1) || c.form(end - 1) == "also")) --end;
    cue.speaker.end = end;
    return cue;
  }
  return {};
}

// The sentence after a quote that ends one ("…?" Vitter demanded.) attributes it
// when it is short: the attribution and an adjunct at most.
bool ShortAttributionSentence(const QuoteContext& c, uint32_t j) {
  uint32_t end = SentenceEnd(c, j);
  for (uint32_t t = j; t < end && t < j + kMaxAttributionTokens; ++t) {
    if (c.verb(t)) return end - t <= kMaxAdjunctTokens;
  }
  return false;
}

std::optional<Cue> CueAfter(const QuoteContext& c, const QuotedSpan& q, const std::vector<Cue>& cues) {
  uint32_t j = q.close_end;
  if (!q.closed || j >= c.size() || c.paragraph(j) != c.paragraph(q.close_first)) return {};
  if ((c.classes(j) & kDash) && j + 1 < c.size()) {  // "…" — Name
    SpeakerPhrase p = PhraseFrom(c, j + 1, SentenceEnd(c, j + 1));
    if (p.named() && p.first == j + 1) return PunctuationCue(j, "—", p);
  }
  if (c.sentence(j) != c.sentence(q.close_first) && !(c.form(j)[0] >= 'a' && c.form(j)[0] <= 'z') &&
      !ShortAttributionSentence(c, j)) {
    return {};  // "…?" She left.  (a new sentence, not "…?" she asked.)
  }
  uint32_t limit = SentenceEnd(c, j);
  if (c.form(j) == "," && j + 1 < limit) ++j;
  if (const Cue* cue = CueStartingAt(cues, j)) {
    if (!cue->verb) return *cue;  // according to X
    Cue inverted = *cue;          // "…," said X
    SpeakerPhrase p = PhraseFrom(c, j + 1, limit);
    if (!p.empty()) inverted.speaker = p;
    if (!inverted.speaker.empty()) return inverted;
    return {};
  }
  for (auto it = std::lower_bound(cues.begin(), cues.end(), j,
                                  [](const Cue& cue, uint32_t t) { return cue.first < t; });
       it != cues.end() && it->first < std::min(limit, j + kMaxAttributionTokens); ++it) {
    if (!it->speaker.empty() && it->speaker.first <= j + 1 && it->speaker.first >= j) return *it;
    if (it->verb) break;  // the first verb after the quote decides
  }
  return CueAfterLongAppositive(c, j, limit, cues);
}

std::optional<Cue> CueBefore(const QuoteContext& c, const QuotedSpan& q, const std::vector<Cue>& cues) {
  uint32_t o = q.open_first;
  if (o == 0) return {};
  uint32_t i = o - 1;
  const bool colon = c.form(i) == ":";
  // "Trump issued the following statement:" may close the paragraph before the quote.
  if (c.paragraph(i) != c.paragraph(o) && !colon) return {};
  if (c.sentence(i) != c.sentence(o) && !colon) return {};
  if (colon || c.form(i) == ",") {
    if (i == 0) return {};
    --i;
  }
  const uint32_t first = SentenceFirst(c, i);
  for (uint32_t t = i + 1; t > first && i + 1 - t < kMaxLeadInTokens; --t) {
    uint32_t k = t - 1;
    if (IsQuoteGlyph(c.form(k)) || c.form(k) == "." || c.form(k) == ";") break;
    const Cue* cue = CueStartingAt(cues, k);  // a speech verb or "according to"
    if (!cue) continue;
    if (!cue->speaker.empty()) return *cue;
    if (!cue->verb) return {};
    SpeakerPhrase p = PhraseFrom(c, k + 1, i + 1);  // "said Mr. Smith:"
    if (p.empty()) return {};
    Cue inverted = *cue;
    inverted.speaker = p;
    return inverted;
  }
  if (colon) {  // "Kadyrov: "…"", "Obama is rolling out a new message: "…""
    SpeakerPhrase p = PhraseBefore(c, i + 1, first);
    if ((p.named() || p.pronoun) && p.first == first) return PunctuationCue(i + 1, ":", p);
    p = SentenceSubject(c, c.sentence(i));
    if (p.named() || p.pronoun) return PunctuationCue(i + 1, ":", p);
  }
  return {};
}

std::optional<Cue> CueInSentence(const QuoteContext& c, uint32_t at, const std::vector<Cue>& cues) {
  const Sentence& s = c.sentence_at(c.sentence(at));
  const Cue* before = nullptr;
  const Cue* after = nullptr;
  for (const Cue& cue : cues) {
    if (cue.first < s.first_token || cue.speaker.empty()) continue;
    if (cue.first >= s.end_token) break;
    if (cue.first < at) before = &cue;
    if (cue.first > at && !after) after = &cue;
  }
  if (before) return *before;
  if (after) return *after;
  return {};
}

std::optional<Cue> LastCueOfSentence(const QuoteContext& c, uint32_t s, const std::vector<Cue>& cues) {
  const Sentence& sentence = c.sentence_at(s);
  std::optional<Cue> last;
  for (const Cue& cue : cues) {
    if (cue.first >= sentence.end_token) break;
    if (cue.first >= sentence.first_token && !cue.speaker.empty()) last = cue;
  }
  return last;
}

}  // namespace crosscheck::quotes

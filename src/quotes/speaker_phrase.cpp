#include "quotes/speaker_phrase.h"

#include <algorithm>
#include <string_view>

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMaxPhraseTokens = 10;
constexpr uint32_t kMaxAppositiveTokens = 12;
constexpr uint32_t kMaxRelativeClauseTokens = 10;

bool IsPossessive(std::string_view f) { return f == "'s" || f == "’s" || f == "'" || f == "’"; }

bool IsLower(const QuoteContext& c, uint32_t i) {
  std::string_view f = c.form(i);
  return !f.empty() && f[0] >= 'a' && f[0] <= 'z';
}

// Closed-class words end a phrase when written in lower case or opening a
// sentence ("In", "That"); a capitalized "Post" or "Watch" belongs to a name.
bool IsStop(const QuoteContext& c, uint32_t i) {
  if (!(c.classes(i) & kStop)) return false;
  return IsLower(c, i) || c.IsSentenceStart(i);
}

// Lower-case "-ed" and "-ing" words are taken for verbs ("Poplevskaya backed
// up ...", "raising awareness of"): without a parse they end a phrase.
bool LooksVerbal(const QuoteContext& c, uint32_t i) {
  std::string_view f = c.form(i);
  return IsLower(c, i) && f.size() > 4 && (f.ends_with("ed") || f.ends_with("ing")) &&
         !(c.classes(i) & kTitle);
}

bool InPhrase(const QuoteContext& c, uint32_t i) {
  std::string_view f = c.form(i);
  if (IsPossessive(f) || f == "&") return true;
  if (!c.IsWord(i) || IsStop(c, i) || LooksVerbal(c, i)) return false;
  // A bare speech verb form is as often a noun ("One tweet said", "a statement").
  return c.verb(i) == nullptr || (!f.ends_with("s") && !f.ends_with("ed") && !f.ends_with("ing"));
}

bool IsBeForm(std::string_view f) {
  return f == "was" || f == "were" || f == "is" || f == "are" || f == "been" || f == "be" ||
         f == "being";
}

bool IsAdverbLike(const QuoteContext& c, uint32_t i) {
  if (!IsLower(c, i)) return false;
  std::string_view f = c.form(i);
  return (c.classes(i) & kSkip) || (f.size() > 4 && f.ends_with("ly"));
}

// Tokens [first, end) with leading possessive marks dropped.
SpeakerPhrase MakePhrase(const QuoteContext& c, uint32_t first, uint32_t end) {
  while (first < end && IsPossessive(c.form(first))) ++first;
  SpeakerPhrase p;
  if (first >= end || (c.classes(end - 1) & kDeterminer)) return p;
  if (c.form(end - 1) == "of" || c.form(end - 1) == "for") return p;
  p.first = first;
  p.end = end;
  p.pronoun = end - first == 1 && (c.classes(first) & kPronoun);
  if (!p.pronoun) FindName(c, &p);
  return p;
}

// Walks left from `end` over phrase words; stops at a determiner it includes.
uint32_t WalkLeft(const QuoteContext& c, uint32_t end, uint32_t limit) {
  uint32_t i = end;
  while (i > limit && end - i < kMaxPhraseTokens && InPhrase(c, i - 1)) {
    --i;
    if (c.classes(i) & (kDeterminer | kPronoun)) break;
  }
  return i;
}

// "One man who was released from the camp also told": the walk stopped inside a
// relative clause; continue from the phrase before its "who".
uint32_t ExtendOverRelativeClause(const QuoteContext& c, uint32_t first, uint32_t limit) {
  for (uint32_t k = first; k > limit && first - k < kMaxRelativeClauseTokens; --k) {
    uint32_t t = k - 1;
    if (c.IsPunct(t)) return first;
    if ((c.classes(t) & kRelative) && IsLower(c, t) && c.form(t) != "that") {
      uint32_t start = WalkLeft(c, t, limit);
      return start < t ? start : first;
    }
  }
  return first;
}

SpeakerPhrase SubjectFromParse(const QuoteContext& c, uint32_t verb) {
  const Sentence& s = c.sentence_at(c.sentence(verb));
  int64_t subject = -1;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const std::string& rel = c.doc().syntax[i].deprel;
    if (c.head(i) == verb && rel.starts_with("nsubj") && rel != "nsubj:pass") subject = i;
  }
  if (subject < 0) {
    const std::string& rel = c.doc().syntax[verb].deprel;
    int64_t h = c.head(verb);
    if (h >= 0 && (rel == "conj" || rel == "advcl" || rel == "xcomp")) {
      return SubjectFromParse(c, static_cast<uint32_t>(h));
    }
    return {};
  }
  // The subject's subtree: tokens whose head chain reaches it.
  uint32_t first = subject, end = subject + 1;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    for (int64_t h = i, steps = 0; h >= 0 && steps < 64; h = c.head(h), ++steps) {
      if (h == subject) {
        first = std::min(first, i);
        end = std::max(end, i + 1);
        break;
      }
    }
  }
  while (end > first + 1 && c.IsPunct(end - 1)) --end;
  SpeakerPhrase p = MakePhrase(c, first, end);
  if (c.IsCapitalized(subject)) {  // the name is the capitalized run around the head
    p.name_first = subject;
    p.name_end = subject + 1;
    while (p.name_first > first && c.IsCapitalized(p.name_first - 1)) --p.name_first;
    while (p.name_end < end && c.IsCapitalized(p.name_end)) ++p.name_end;
  }
  return p;
}

}  // namespace

void FindName(const QuoteContext& c, SpeakerPhrase* p) {
  p->name_first = p->name_end = p->end;
  uint32_t i = p->end;
  while (i > p->first && c.IsCapitalized(i - 1)) --i;
  while (i < p->end && (c.classes(i) & kDeterminer)) ++i;
  if (i == p->end) return;
  for (uint32_t k = p->first + 1; k < i; ++k) {
    std::string_view f = c.form(k);
    if ((f == "for" || f == "of") && IsLower(c, k - 1)) return;  // head noun before the name
  }
  p->name_first = i;
}

SpeakerPhrase PhraseBefore(const QuoteContext& c, uint32_t end, uint32_t limit) {
  uint32_t first = WalkLeft(c, end, limit);
  if (first == end) return {};
  if (first > limit && IsStop(c, first - 1)) first = ExtendOverRelativeClause(c, first, limit);
  return MakePhrase(c, first, end);
}

SpeakerPhrase PhraseFrom(const QuoteContext& c, uint32_t first, uint32_t limit) {
  if (first < limit && (c.classes(first) & kPronoun) && InPhrase(c, first)) {
    return MakePhrase(c, first, first + 1);  // "She then addressed ..."
  }
  uint32_t end = first;
  // "said undecided Republican voter Stephanie Hooton": a verbal-looking word
  // may open a phrase that goes on.
  while (end < limit && end - first < kMaxPhraseTokens &&
         (InPhrase(c, end) || (LooksVerbal(c, end) && end + 1 < limit && InPhrase(c, end + 1)))) {
    if (end > first && (c.classes(end) & kDeterminer) && !IsPossessive(c.form(end - 1)) &&
        c.form(end - 1) != "of" && c.form(end - 1) != "for") {
      break;
    }
    ++end;
  }
  while (end > first && LooksVerbal(c, end - 1)) --end;
  return MakePhrase(c, first, end);
}

SpeakerPhrase SubjectFromTokens(const QuoteContext& c, uint32_t verb);

SpeakerPhrase SentenceSubject(const QuoteContext& c, uint32_t s) {
  const Sentence& sentence = c.sentence_at(s);
  SpeakerPhrase p = PhraseFrom(c, sentence.first_token, sentence.end_token);
  if (p.empty()) {  // "In response to the attack, Donald Trump issued ...": after the opener
    uint32_t comma = sentence.first_token;
    while (comma < sentence.end_token && c.form(comma) != ",") ++comma;
    if (comma + 1 < sentence.end_token) p = PhraseFrom(c, comma + 1, sentence.end_token);
  }
  if (p.empty() || p.end >= sentence.end_token || !IsLower(c, p.end)) return {};
  return p;
}

SpeakerPhrase SubjectOf(const QuoteContext& c, uint32_t verb) {
  SpeakerPhrase p = SubjectFromTokens(c, verb);
  if (p.empty() && c.has_syntax()) p = SubjectFromParse(c, verb);
  return p;
}

SpeakerPhrase SubjectFromTokens(const QuoteContext& c, uint32_t verb) {
  const uint32_t limit = c.sentence_at(c.sentence(verb)).first_token;
  uint32_t end = verb;
  for (int skipped = 0; end > limit && skipped < 3 && IsAdverbLike(c, end - 1); ++skipped) {
    --end;
    if (IsBeForm(c.form(end))) return {};  // passive: "was described", "is believed"
  }
  if (end > limit + 1 && c.form(end - 1) == ",") {  // "Eristavi, who is openly gay, said"
    uint32_t k = end - 1;
    while (k > limit && end - k < kMaxAppositiveTokens && c.form(k - 1) != ",") --k;
    if (k > limit && c.form(k - 1) == ",") {
      SpeakerPhrase head = PhraseBefore(c, k - 1, limit);
      if (!head.empty()) {
        head.end = end - 1;
        return head;
      }
    }
    // "Michael Demastus, pastor of X and a Cruz supporter, said": the sentence
    // opens with a name followed by a comma.
    SpeakerPhrase head = PhraseFrom(c, limit, end - 1);
    if ((head.named() || head.pronoun) && head.end < end - 1 && c.form(head.end) == ",") {
      head.end = end - 1;
      return head;
    }
    return {};
  }
  return PhraseBefore(c, end, limit);
}

}  // namespace crosscheck::quotes

#include "text/sentence_splitter.h"

#include "text/char_class.h"

namespace crosscheck::text {
namespace {

bool IsDash(std::string_view f) {
  return f == "-" || f == "--" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93" || f == "\xE2\x80\x95";
}

bool AllDigits(std::string_view f, size_t min, size_t max) {
  if (f.size() < min || f.size() > max) return false;
  for (char c : f) if (c < '0' || c > '9') return false;
  return true;
}

bool StartsLower(std::string_view form) {
  if (form.empty()) return false;
  size_t len = 1;
  const uint8_t f = FlagsAt(form, 0, &len);
  return (f & kLetter) && !(f & kUpper);
}

// A straight quote or apostrophe closes only if attached to what precedes it.
bool ClosesAfter(const Token& previous, const Token& t) {
  if (!IsCloser(t.form)) return false;
  if (t.form == "\"" || t.form == "'" || t.form == "''") return !previous.space_after;
  return true;
}

}  // namespace

void SentenceSplitter::FindCandidates(const std::vector<Token>& tokens,
                                      const std::vector<uint8_t>& breaks, uint32_t begin,
                                      uint32_t end, std::vector<Candidate>* out) {
  out->clear();
  for (uint32_t i = begin; i + 1 < end; ++i) {
    if (IsTerminalPunct(tokens[i].form)) {
      uint32_t j = i;
      while (j + 1 < end && breaks[j + 1] == 0 && ClosesAfter(tokens[j], tokens[j + 1])) ++j;
      if (j + 1 >= end) break;
      const CandidateKind kind = breaks[j + 1] >= 2   ? CandidateKind::kBlankLine
                                 : breaks[j + 1] == 1 ? CandidateKind::kLineBreak
                                                      : CandidateKind::kTerminal;
      out->push_back({j, i, kind});
      i = j;
      continue;
    }
    CandidateKind kind;
    if (breaks[i + 1] >= 2) kind = CandidateKind::kBlankLine;
    else if (breaks[i + 1] == 1) kind = CandidateKind::kLineBreak;
    else if (tokens[i].form.size() > 1 && tokens[i].form.back() == '.') kind = CandidateKind::kAbbreviation;
    else if (StartsUpper(tokens[i + 1].form)) kind = CandidateKind::kCapitalized;
    else continue;
    out->push_back({i, i, kind});
  }
}

bool SentenceSplitter::EndsWithPostAttribution(const std::vector<Token>& tokens, uint32_t begin,
                                               uint32_t end) {
  // ... — Name (@handle) July 14, 2017
  if (end - begin < 9) return false;
  const auto form = [&](uint32_t back) -> std::string_view { return tokens[end - back].form; };
  if (!AllDigits(form(1), 4, 4) || form(2) != "," || !AllDigits(form(3), 1, 2) ||
      !StartsUpper(form(4)) || form(5) != ")" || !form(6).starts_with("@") || form(7) != "(")
    return false;
  for (uint32_t back = 8; back <= 14 && back <= end - begin; ++back)
    if (IsDash(form(back))) return true;
  return false;
}

bool SentenceSplitter::IsBoundary(const std::vector<Token>& tokens, uint32_t end,
                                  const Candidate& c) const {
  switch (c.kind) {
    case CandidateKind::kBlankLine: return true;
    case CandidateKind::kLineBreak:
      return c.terminal != c.last || IsTerminalPunct(tokens[c.terminal].form) ||
             !StartsLower(tokens[c.last + 1].form);
    default: {
      BoundaryFeatures f;
      BoundaryClassifier::Extract(tokens, end, c, *lexicon_, &f);
      return classifier_->IsBoundary(f);
    }
  }
}

void SentenceSplitter::Split(const std::vector<Token>& tokens, const std::vector<uint8_t>& breaks,
                             uint32_t begin, uint32_t end, uint32_t paragraph,
                             std::vector<Candidate>* candidates, std::vector<Sentence>* out) const {
  if (begin >= end) return;
  FindCandidates(tokens, breaks, begin, end, candidates);
  uint32_t start = begin;
  uint32_t line_begin = begin, line_end = begin;  // the line holding the current candidate
  bool post_line = false;
  const auto emit = [&](uint32_t stop) {
    out->push_back({{tokens[start].span.begin, tokens[stop - 1].span.end}, start, stop, paragraph});
    start = stop;
  };
  for (const Candidate& c : *candidates) {
    if (c.last >= line_end) {  // entering a later line: find it, check for a post
      while (c.last >= line_end) {
        line_begin = line_end;
        line_end = line_begin + 1;
        while (line_end < end && breaks[line_end] == 0) ++line_end;
      }
      post_line = EndsWithPostAttribution(tokens, line_begin, line_end);
    }
    const bool ruled = c.kind == CandidateKind::kBlankLine || c.kind == CandidateKind::kLineBreak;
    if (post_line && !ruled) continue;
    if (IsBoundary(tokens, end, c)) emit(c.last + 1);
  }
  emit(end);
}

}  // namespace crosscheck::text

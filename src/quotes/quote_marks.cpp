#include "quotes/quote_marks.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace crosscheck::quotes {
namespace {

enum class Lean { kOpen, kClose, kEither };

struct Mark {
  uint32_t first = 0, end = 0;  // tokens (2 for `` and '' written as two tokens)
  bool is_double = true;
  Lean lean = Lean::kEither;    // what the glyph says, before context
};

bool IsOpeningPunct(std::string_view f) {
  return f == "(" || f == "[" || f == "{" || f == "—" || f == "–" || f == "-" || f == "/";
}

bool IsClosingPunct(std::string_view f) {
  return f == "." || f == "," || f == ";" || f == ":" || f == "!" || f == "?" || f == ")" ||
         f == "]" || f == "—" || f == "–" || f == "…" || f == "...";
}

bool SameParagraph(const QuoteContext& c, uint32_t a, uint32_t b) {
  return c.paragraph(a) == c.paragraph(b);
}

// Classifies token i as (the start of) a quotation mark.
std::optional<Mark> MarkAt(const QuoteContext& c, uint32_t i) {
  std::string_view f = c.form(i);
  // Every mark starts with '"', '\'', '`', 0xE2 (“ ” „ ‘ ’) or 0xC2 (« »).
  unsigned char first = f.empty() ? 0 : static_cast<unsigned char>(f[0]);
  if (first != '"' && first != '\'' && first != '`' && first != 0xE2 && first != 0xC2) return std::nullopt;
  auto glued_next = [&](std::string_view next) {
    return i + 1 < c.size() && !c.token(i).space_after && c.form(i + 1) == next;
  };
  if (f == "“" || f == "„" || f == "«" || f == "``") return Mark{i, i + 1, true, Lean::kOpen};
  if (f == "”" || f == "»") return Mark{i, i + 1, true, Lean::kClose};
  if (f == "\"" || f == "''") return Mark{i, i + 1, true, Lean::kEither};
  if (f == "`" && glued_next("`")) return Mark{i, i + 2, true, Lean::kOpen};
  if (f == "'" && glued_next("'")) return Mark{i, i + 2, true, Lean::kEither};
  if (f == "‘" || f == "`") return Mark{i, i + 1, false, Lean::kOpen};
  if (f == "’") return Mark{i, i + 1, false, Lean::kClose};
  if (f == "'") return Mark{i, i + 1, false, Lean::kEither};
  return std::nullopt;
}

// Context decides straight marks and overrides curly ones typed the wrong way
// round: glued to a word on the right only = opening; on the left only = closing.
Lean Resolve(const QuoteContext& c, const Mark& m) {
  bool left_glued = m.first > 0 && !c.token(m.first - 1).space_after &&
                    SameParagraph(c, m.first - 1, m.first) && !IsOpeningPunct(c.form(m.first - 1));
  bool right_glued = m.end < c.size() && !c.token(m.end - 1).space_after &&
                     SameParagraph(c, m.end - 1, m.end) && !IsClosingPunct(c.form(m.end));
  if (!left_glued && right_glued) return Lean::kOpen;
  if (left_glued && !right_glued) return Lean::kClose;
  return m.lean;
}

// An optional Mark without std::optional: GCC 12 warns (falsely) that an
// optional's payload may be used uninitialized here.
struct MaybeMark {
  Mark mark;
  bool set = false;
  explicit operator bool() const { return set; }
  const Mark* operator->() const { return &mark; }
  MaybeMark& operator=(const Mark& m) {
    mark = m;
    set = true;
    return *this;
  }
  void reset() { set = false; }
};

class Pairer {
 public:
  Pairer(const QuoteContext& c, std::vector<QuotedSpan>* out) : c_(c), out_(out) {}

  void Add(const Mark& m) {
    Lean lean = Resolve(c_, m);
    if (open_ && c_.paragraph(m.first) != c_.paragraph(open_->end - 1)) {
      if (ContinuesInNextParagraph(m, lean)) return;
      CloseAtParagraphEnd();
    }
    if (!open_) {
      if (lean != Lean::kClose) Open(m);  // a stray closing mark is dropped
      return;
    }
    if (lean == Lean::kOpen && m.lean != Lean::kEither) {
      // A second opening glyph: the first quote lost its closing mark.
      Emit(m.first, m.first, false);
      Open(m);
      return;
    }
    Emit(m.first, m.end, true);
  }

  void Finish() {
    if (open_) CloseAtParagraphEnd();
  }

 private:
  bool ContinuesInNextParagraph(const Mark& m, Lean lean) {
    uint32_t last_paragraph = c_.paragraph(reopened_ ? reopened_->end - 1 : open_->end - 1);
    bool next_paragraph = c_.paragraph(m.first) == last_paragraph + 1;
    bool at_start = m.first == 0 || c_.paragraph(m.first - 1) != c_.paragraph(m.first);
    if (!next_paragraph || !at_start || lean == Lean::kClose) return false;
    reopened_ = m;
    multi_paragraph_ = true;
    return true;
  }

  void Open(const Mark& m) {
    open_ = m;
    reopened_.reset();
    multi_paragraph_ = false;
  }

  void CloseAtParagraphEnd() {
    uint32_t last = (reopened_ ? reopened_->end : open_->end) - 1;
    uint32_t p = c_.paragraph(last);
    uint32_t end = last + 1;
    while (end < c_.size() && c_.paragraph(end) == p) ++end;
    Emit(end, end, false);
  }

  void Emit(uint32_t close_first, uint32_t close_end, bool closed) {
    QuotedSpan q;
    q.open_first = open_->first;
    q.open_end = open_->end;
    q.first_token = open_->end;
    q.end_token = close_first;
    q.close_first = close_first;
    q.close_end = close_end;
    q.closed = closed;
    q.multi_paragraph = multi_paragraph_;
    if (q.end_token > q.first_token) {
      q.content = Span{c_.token(q.first_token).span.begin, c_.token(q.end_token - 1).span.end};
      out_->push_back(q);
    }
    open_.reset();
    reopened_.reset();
  }

  const QuoteContext& c_;
  std::vector<QuotedSpan>* out_;
  MaybeMark open_;
  MaybeMark reopened_;  // the latest paragraph-start mark of a running quote
  bool multi_paragraph_ = false;
};

// Single marks outside every double quote pair as outer quotes (British style),
// within one paragraph; an apostrophe-like ’ with no opener before it is skipped.
void PairSingles(const QuoteContext& c, const std::vector<Mark>& singles,
                 const std::vector<QuotedSpan>& doubles, std::vector<QuotedSpan>* out) {
  size_t d = 0;
  MaybeMark open;
  for (const Mark& m : singles) {
    while (d < doubles.size() && doubles[d].close_end <= m.first) ++d;
    if (d < doubles.size() && doubles[d].open_first <= m.first) continue;  // nested
    Lean lean = Resolve(c, m);
    if (open && c.paragraph(open->first) != c.paragraph(m.first)) open.reset();
    if (!open) {
      if (lean == Lean::kOpen) open = m;
      continue;
    }
    if (lean != Lean::kClose) {
      if (lean == Lean::kOpen) open = m;
      continue;
    }
    if (m.first > open->end) {
      QuotedSpan q;
      q.open_first = open->first;
      q.open_end = q.first_token = open->end;
      q.end_token = q.close_first = m.first;
      q.close_end = m.end;
      q.content = Span{c.token(q.first_token).span.begin, c.token(q.end_token - 1).span.end};
      out->push_back(q);
    }
    open.reset();
  }
}

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(const QuoteContext& context) {
  std::vector<QuotedSpan> doubles;
  std::vector<Mark> singles;
  Pairer pairer(context, &doubles);
  for (uint32_t i = 0; i < context.size();) {
    std::optional<Mark> mark = MarkAt(context, i);
    if (!mark) {
      ++i;
      continue;
    }
    if (mark->is_double) {
      pairer.Add(*mark);
    } else {
      singles.push_back(*mark);
    }
    i = mark->end;
  }
  pairer.Finish();
  std::vector<QuotedSpan> quoted;
  PairSingles(context, singles, doubles, &quoted);
  if (quoted.empty()) return doubles;
  quoted.insert(quoted.end(), doubles.begin(), doubles.end());
  std::sort(quoted.begin(), quoted.end(),
            [](const QuotedSpan& a, const QuotedSpan& b) { return a.open_first < b.open_first; });
  return quoted;
}

}  // namespace crosscheck::quotes

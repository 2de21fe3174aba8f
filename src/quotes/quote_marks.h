// quotes/quote_marks.h: pairs quotation marks into quoted spans (private to quotes/).
// Handles straight and curly double marks, `` '' pairs, guillemets, single marks
// as outer quotes when no double mark encloses them (nested singles stay inside
// their double quote), quotes that run over several paragraphs with the opening
// mark repeated at each paragraph start, and unbalanced marks: an unclosed quote
// ends at its paragraph's end, a stray closing mark is dropped.
#pragma once
#include <cstdint>
#include <vector>

#include "core/document.h"
#include "quotes/quote_context.h"

namespace crosscheck::quotes {

struct QuotedSpan {
  uint32_t open_first = 0, open_end = 0;    // tokens of the opening mark
  uint32_t close_first = 0, close_end = 0;  // tokens of the closing mark; = content end if unclosed
  uint32_t first_token = 0, end_token = 0;  // content tokens
  Span content;                             // bytes between the marks
  bool closed = true;                       // false: recovered at a paragraph end or a new mark
  bool multi_paragraph = false;             // reopened at the start of a following paragraph
};

// Quoted spans of the document in text order; never overlapping.
std::vector<QuotedSpan> FindQuotedSpans(const QuoteContext& context);

}  // namespace crosscheck::quotes

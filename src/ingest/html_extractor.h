// ingest/html_extractor.h: the main text of a page, by text density.
// Drops elements that never hold article text (nav, script, aside, footer,
// forms...) and elements whose class/id say boilerplate (menu, comment,
// share...). The remaining text is cut into blocks at block-level elements.
// Each block of 25+ characters scores its ancestors (Readability's scheme:
// length, commas, tag and class hints), the score is discounted by the link
// density of the element, and the best element plus its strong siblings is
// the content; link-heavy lists inside it are dropped. Linear in the page.
// Private to ingest/ (ExtractHtml in readers.h is the entry point).
#pragma once
#include <gumbo.h>

#include <string>
#include <vector>

namespace crosscheck::ingest {

// One paragraph-like run of text (collapsed whitespace) with its element.
struct HtmlBlock {
  const GumboNode* owner = nullptr;  // innermost block-level element
  std::string text;
  size_t link_chars = 0;             // bytes of text inside <a>
};

// The main-content blocks of the tree under `root`, in document order.
std::vector<HtmlBlock> ExtractMainBlocks(const GumboNode* root);

}  // namespace crosscheck::ingest

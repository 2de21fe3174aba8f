// ingest/html_dom.h: small read-only helpers over a gumbo tree. Private to ingest/.
#pragma once
#include <gumbo.h>

#include <string>
#include <string_view>

namespace crosscheck::ingest {

// Deeper nesting than this is ignored: real pages stay far below it, and it
// keeps recursion bounded on hostile input.
constexpr int kMaxHtmlDepth = 256;

inline bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

// The value of attribute `name` of element `n`, or "" when absent.
inline std::string_view Attr(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// Owns a parse; frees it on destruction.
class GumboDocument {
 public:
  explicit GumboDocument(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read parse errors; recording them costs time
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  }
  ~GumboDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

// All text below `n`, whitespace runs collapsed to one space, trimmed.
std::string CollapsedText(const GumboNode* n);

}  // namespace crosscheck::ingest

// libFuzzer target for the text layer: bytes -> utf8::Repair -> Document ->
// TextAnalyzer::Analyze. Checks that every token and sentence span lies inside
// the text, that tokens are monotonic and non-overlapping, and that sentences
// tile the tokens in order.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "core/utf8.h"
#include "text/text_analyzer.h"

namespace {

const crosscheck::text::TextAnalyzer& Analyzer() {
  static const auto analyzer = [] {
    auto loaded = crosscheck::text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    if (!loaded.ok()) std::abort();
    return *loaded;
  }();
  return *analyzer;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::AnalyzedDocument doc;
  doc.doc.text = crosscheck::utf8::Repair(
      std::string_view(reinterpret_cast<const char*>(data), size), &doc.doc.repaired_bytes);
  Analyzer().Analyze(&doc);
  const size_t n = doc.doc.text.size();
  uint32_t previous_end = 0;
  for (const crosscheck::Token& t : doc.tokens) {
    Check(t.span.begin < t.span.end && t.span.end <= n);
    Check(t.span.begin >= previous_end);
    Check(!t.form.empty());
    previous_end = t.span.end;
  }
  uint32_t next_token = 0;
  for (const crosscheck::Sentence& s : doc.sentences) {
    Check(s.first_token == next_token && s.first_token < s.end_token &&
          s.end_token <= doc.tokens.size());
    Check(s.span.begin == doc.tokens[s.first_token].span.begin &&
          s.span.end == doc.tokens[s.end_token - 1].span.end);
    Check(s.paragraph < doc.doc.paragraphs.size());
    next_token = s.end_token;
  }
  Check(next_token == doc.tokens.size());
  return 0;
}

// libFuzzer target for the quotes stage: bytes -> utf8::Repair -> Document ->
// TextAnalyzer::Analyze -> QuoteFinder::Find. Checks that every quote's spans
// lie inside the text, its sentence exists, its kind is known, and its
// continues / speaker_from indices point at earlier quotes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "core/utf8.h"
#include "quotes/quote_finder.h"
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

const crosscheck::quotes::QuoteFinder& Finder() {
  static const auto* finder = [] {
    auto loaded = crosscheck::quotes::QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    if (!loaded.ok()) std::abort();
    return new crosscheck::quotes::QuoteFinder(std::move(loaded).value());
  }();
  return *finder;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSpan(crosscheck::Span span, size_t text_size) {
  Check(span.begin <= span.end && span.end <= text_size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::AnalyzedDocument doc;
  doc.doc.text = crosscheck::utf8::Repair(
      std::string_view(reinterpret_cast<const char*>(data), size), &doc.doc.repaired_bytes);
  Analyzer().Analyze(&doc);
  Finder().Find(&doc);
  const size_t n = doc.doc.text.size();
  const int32_t count = static_cast<int32_t>(doc.quotes.size());
  for (int32_t i = 0; i < count; ++i) {
    const crosscheck::Quote& q = doc.quotes[i];
    CheckSpan(q.content, n);
    Check(!q.content.empty());
    CheckSpan(q.speaker_span, n);
    CheckSpan(q.verb_span, n);
    Check(q.sentence < doc.sentences.size());
    Check(q.kind == "direct" || q.kind == "partial" || q.kind == "indirect" || q.kind == "post" ||
          q.kind == "scare");
    Check(q.continues < i && q.continues >= -1);
    Check(q.speaker_from < count && q.speaker_from >= -1 && q.speaker_from != i);
    Check(q.speaker_entity == -1);  // no entities in this target
  }
  return 0;
}

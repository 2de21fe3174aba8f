// libFuzzer target for the facts stage: bytes -> utf8::Repair -> Document (the first
// line, if it looks like one, is taken as the document date) -> TextAnalyzer ->
// FactsAnalyzer (dates, then quantities). Checks that every quantity, counted phrase and
// date span lies inside the text and in its sentence, that intervals are ordered, and
// that resolved dates carry a granularity.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "core/utf8.h"
#include "facts/facts_analyzer.h"
#include "text/text_analyzer.h"

namespace {

const crosscheck::text::TextAnalyzer& Text() {
  static const auto analyzer = [] {
    auto loaded = crosscheck::text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    if (!loaded.ok()) std::abort();
    return *loaded;
  }();
  return *analyzer;
}

const crosscheck::facts::FactsAnalyzer& Facts() {
  static const auto* facts = [] {
    auto loaded = crosscheck::facts::FactsAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    if (!loaded.ok()) std::abort();
    return new crosscheck::facts::FactsAnalyzer(std::move(*loaded));
  }();
  return *facts;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Inside(crosscheck::Span span, crosscheck::Span outer) {
  return span.begin < span.end && outer.begin <= span.begin && span.end <= outer.end;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint32_t repaired = 0;
  std::string text = crosscheck::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size), &repaired);
  std::string date;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') date = text.substr(0, 10);
  const crosscheck::AnalyzedDocument doc =
      Facts().AnalyzeText(std::move(text), date, [](crosscheck::AnalyzedDocument* d) { Text().Analyze(d); });
  for (const crosscheck::Quantity& q : doc.quantities) {
    Check(q.sentence < doc.sentences.size());
    Check(Inside(q.span, doc.sentences[q.sentence].span));
    Check(q.counted_span.empty() || Inside(q.counted_span, doc.sentences[q.sentence].span));
    Check(!(q.low > q.high));
    Check(q.number_token < doc.tokens.size());
  }
  for (const crosscheck::DateMention& d : doc.dates) {
    Check(d.sentence < doc.sentences.size());
    Check(Inside(d.span, doc.sentences[d.sentence].span));
    Check(d.iso.empty() == d.granularity.empty());
  }
  return 0;
}

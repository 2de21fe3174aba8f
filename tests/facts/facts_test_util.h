// Helpers for facts tests: a plain tokenizer (facts_tests links only cc_facts, not the
// text stage) and the shipped lexicons.
#pragma once
#include <string>

#include <gtest/gtest.h>

#include "core/document.h"
#include "facts/facts_analyzer.h"

namespace crosscheck::facts {

inline const FactsAnalyzer& ShippedFacts() {
  static const FactsAnalyzer* facts = [] {
    auto loaded = FactsAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? new FactsAnalyzer(std::move(*loaded)) : nullptr;
  }();
  return *facts;
}

// Splits at spaces and peels punctuation off word edges: one sentence, one paragraph.
inline void TokenizeForTest(AnalyzedDocument* doc) {
  const std::string& text = doc->doc.text;
  const std::string kEdge = ",;:!?()\"'";
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') { ++i; continue; }
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    size_t begin = i;
    while (begin < end && kEdge.find(text[begin]) != std::string::npos) {
      doc->tokens.push_back({{uint32_t(begin), uint32_t(begin + 1)}, text.substr(begin, 1), false});
      ++begin;
    }
    size_t word_end = end;
    while (word_end > begin && (kEdge.find(text[word_end - 1]) != std::string::npos ||
                                (word_end == text.size() && text[word_end - 1] == '.'))) --word_end;
    if (word_end > begin) {
      doc->tokens.push_back({{uint32_t(begin), uint32_t(word_end)}, text.substr(begin, word_end - begin), word_end == end});
    }
    for (size_t k = word_end; k < end; ++k) {
      doc->tokens.push_back({{uint32_t(k), uint32_t(k + 1)}, text.substr(k, 1), k + 1 == end});
    }
    i = end;
  }
  if (!doc->tokens.empty()) {
    doc->sentences.push_back({{doc->tokens.front().span.begin, doc->tokens.back().span.end}, 0,
                              static_cast<uint32_t>(doc->tokens.size()), 0});
  }
}

inline AnalyzedDocument AnalyzeFacts(const std::string& text, const std::string& date = "") {
  return ShippedFacts().AnalyzeText(text, date, TokenizeForTest);
}

inline std::string SpanText(const AnalyzedDocument& doc, Span span) {
  return doc.doc.text.substr(span.begin, span.size());
}

}  // namespace crosscheck::facts

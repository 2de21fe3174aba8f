// Shared helpers for text tests: the shipped analyzer and compact renderings.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/document.h"
#include "text/text_analyzer.h"

namespace crosscheck::text {

// The analyzer over the shipped models/segmenter.bin (loaded once).
inline const TextAnalyzer& ShippedAnalyzer() {
  static const std::shared_ptr<const TextAnalyzer> analyzer = [] {
    auto loaded = TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? *loaded : nullptr;
  }();
  return *analyzer;
}

inline AnalyzedDocument Analyze(const std::string& text) {
  AnalyzedDocument doc;
  doc.doc.text = text;
  ShippedAnalyzer().Analyze(&doc);
  return doc;
}

// Words separated by spaces; words of one surface token joined by "~".
inline std::string Words(const std::string& text) {
  const AnalyzedDocument doc = Analyze(text);
  std::string out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    out += doc.tokens[i].form;
    if (i + 1 < doc.tokens.size()) out += doc.tokens[i].mwt_continues ? "~" : " ";
  }
  return out;
}

// The original text of each sentence.
inline std::vector<std::string> Sentences(const std::string& text) {
  const AnalyzedDocument doc = Analyze(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.push_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

}  // namespace crosscheck::text

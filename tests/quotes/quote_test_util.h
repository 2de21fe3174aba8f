// tests/quotes/quote_test_util.h: runs the text layer and the QuoteFinder on a string.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/document.h"
#include "quotes/quote_finder.h"
#include "text/text_analyzer.h"

namespace crosscheck::quotes {

class QuoteFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto text = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    ASSERT_TRUE(text.ok()) << text.status().message();
    text_ = new std::shared_ptr<const text::TextAnalyzer>(std::move(text).value());
    auto finder = QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
    ASSERT_TRUE(finder.ok()) << finder.status().message();
    finder_ = new QuoteFinder(std::move(finder).value());
  }
  static void TearDownTestSuite() {
    delete text_;
    delete finder_;
  }

  AnalyzedDocument Analyze(std::string text) {
    AnalyzedDocument doc;
    doc.doc.text = std::move(text);
    (*text_)->Analyze(&doc);
    finder_->Find(&doc);
    return doc;
  }

  // The text of a span of doc.
  static std::string Text(const AnalyzedDocument& doc, Span span) {
    return doc.doc.text.substr(span.begin, span.size());
  }

  // The first quote of `kind` whose content contains `needle`; fails the test if none.
  static const Quote& QuoteWith(const AnalyzedDocument& doc, std::string_view needle,
                                std::string_view kind = "") {
    for (const Quote& q : doc.quotes) {
      if ((kind.empty() || q.kind == kind) && Text(doc, q.content).find(needle) != std::string::npos) {
        return q;
      }
    }
    ADD_FAILURE() << "no " << kind << " quote containing: " << needle;
    static const Quote kNone;
    return kNone;
  }

  static bool HasQuoteWith(const AnalyzedDocument& doc, std::string_view needle, std::string_view kind) {
    for (const Quote& q : doc.quotes) {
      if (q.kind == kind && Text(doc, q.content).find(needle) != std::string::npos) return true;
    }
    return false;
  }

  static inline std::shared_ptr<const text::TextAnalyzer>* text_ = nullptr;
  static inline QuoteFinder* finder_ = nullptr;
};

}  // namespace crosscheck::quotes

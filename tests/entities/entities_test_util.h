// tests/entities/entities_test_util.h: documents for entities tests without
// the text stage (which entities_tests does not link): a small tokenizer that
// splits at spaces, peels punctuation and splits the possessive "'s" off, as
// the real tokenizer does; a sentence ends at ".", "!" or "?" tokens.
#pragma once
#include <string>
#include <string_view>

#include "core/document.h"

namespace crosscheck::entities::testing {

inline bool KeepsPeriod(std::string_view word) {
  return word == "Jr." || word == "Sr." || word == "Mr." || word == "Dr." || word == "Mrs." ||
         word.find('.') + 1 < word.size() || (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z');
}

inline void AddToken(AnalyzedDocument* doc, uint32_t begin, uint32_t end) {
  if (end <= begin) return;
  Token token;
  token.span = {begin, end};
  token.form = doc->doc.text.substr(begin, end - begin);
  doc->tokens.push_back(std::move(token));
}

inline AnalyzedDocument MakeDocument(std::string text) {
  AnalyzedDocument doc;
  doc.doc.text = std::move(text);
  const std::string& s = doc.doc.text;
  doc.doc.paragraphs.push_back({0, static_cast<uint32_t>(s.size())});
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\n') { ++i; continue; }
    size_t end = s.find_first_of(" \n", i);
    if (end == std::string::npos) end = s.size();
    uint32_t b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(end);
    while (b < e && std::string_view("\"(").find(s[b]) != std::string_view::npos) AddToken(&doc, b, b + 1), ++b;
    std::vector<std::pair<uint32_t, uint32_t>> tail;
    while (e > b && std::string_view(",;:!?\")").find(s[e - 1]) != std::string_view::npos) tail.push_back({e - 1, e}), --e;
    if (e > b && s[e - 1] == '.' && !KeepsPeriod(std::string_view(s).substr(b, e - b))) tail.push_back({e - 1, e}), --e;
    if (e - b > 2 && s.compare(e - 2, 2, "'s") == 0) tail.push_back({e - 2, e}), e -= 2;
    AddToken(&doc, b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) AddToken(&doc, it->first, it->second);
    i = end;
  }
  uint32_t first = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const std::string& f = doc.tokens[t].form;
    if (f == "." || f == "!" || f == "?" || t + 1 == doc.tokens.size()) {
      doc.sentences.push_back({{doc.tokens[first].span.begin, doc.tokens[t].span.end}, first, t + 1, 0});
      first = t + 1;
    }
  }
  return doc;
}

}  // namespace crosscheck::entities::testing

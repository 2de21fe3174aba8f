#include "quotes/quote_context.h"

#include <algorithm>

namespace crosscheck::quotes {

QuoteContext::QuoteContext(const AnalyzedDocument& doc, const SpeechLexicon& lexicon)
    : doc_(doc), lexicon_(lexicon),
      parsed_(!doc.syntax.empty() && doc.syntax.size() == doc.tokens.size()) {}

uint32_t QuoteContext::sentence(uint32_t i) const {
  const auto& sentences = doc_.sentences;
  if (sentence_hint_ < sentences.size() && sentences[sentence_hint_].first_token <= i &&
      i < sentences[sentence_hint_].end_token) {
    return sentence_hint_;
  }
  auto it = std::upper_bound(sentences.begin(), sentences.end(), i,
                             [](uint32_t t, const Sentence& s) { return t < s.first_token; });
  sentence_hint_ = it == sentences.begin() ? 0 : static_cast<uint32_t>(it - sentences.begin() - 1);
  return sentence_hint_;
}

const SpeechVerb* QuoteContext::verb(uint32_t i) const {
  const std::string& form = doc_.tokens[i].form;
  if (form.size() < 3 || !(form[0] >= 'a' && form[0] <= 'z')) return nullptr;
  if (!has_syntax()) return lexicon_.VerbForm(form);
  const TokenSyntax& syntax = doc_.syntax[i];
  if (syntax.upos != "VERB") return nullptr;
  const SpeechVerb* verb = lexicon_.VerbForm(syntax.lemma);
  return verb ? verb : lexicon_.VerbForm(form);
}

std::string_view QuoteContext::Text(Span span) const {
  const std::string& text = doc_.doc.text;
  if (span.begin >= text.size() || span.empty()) return {};
  return std::string_view(text).substr(span.begin, std::min<size_t>(span.size(), text.size() - span.begin));
}

int64_t QuoteContext::head(uint32_t i) const {
  if (!has_syntax() || doc_.syntax[i].head == 0) return -1;
  const Sentence& s = sentence_at(sentence(i));
  int64_t h = static_cast<int64_t>(s.first_token) + doc_.syntax[i].head - 1;
  return h < s.end_token ? h : -1;
}

bool QuoteContext::IsCapitalized(uint32_t i) const {
  std::string_view f = form(i);
  if (f.empty()) return false;
  unsigned char c = static_cast<unsigned char>(f[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 Supplement and Latin Extended-A capitals (À-Þ) cover most names.
  return c == 0xC3 && f.size() > 1 && static_cast<unsigned char>(f[1]) >= 0x80 &&
         static_cast<unsigned char>(f[1]) <= 0x9E;
}

bool QuoteContext::IsWord(uint32_t i) const {
  std::string_view f = form(i);
  if (f.empty()) return false;
  unsigned char c = static_cast<unsigned char>(f[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         (c >= 0xC3 && c < 0xE2) || c >= 0xE3 || c == '@' || c == '#';
}

Span QuoteContext::SpanOf(uint32_t first, uint32_t end) const {
  if (first >= end || end > size()) return {};
  return Span{doc_.tokens[first].span.begin, doc_.tokens[end - 1].span.end};
}

}  // namespace crosscheck::quotes

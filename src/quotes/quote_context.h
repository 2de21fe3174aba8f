// quotes/quote_context.h: per-document lookups shared by the quote finders
// (private to quotes/). Built once per Find(); holds no state between documents.
#pragma once
#include <cstdint>
#include <string_view>

#include "core/document.h"
#include "quotes/speech_lexicon.h"

namespace crosscheck::quotes {

class QuoteContext {
 public:
  QuoteContext(const AnalyzedDocument& doc, const SpeechLexicon& lexicon);

  const AnalyzedDocument& doc() const { return doc_; }
  const SpeechLexicon& lexicon() const { return lexicon_; }
  uint32_t size() const { return static_cast<uint32_t>(doc_.tokens.size()); }
  const Token& token(uint32_t i) const { return doc_.tokens[i]; }
  std::string_view form(uint32_t i) const { return doc_.tokens[i].form; }
  std::string_view Text(Span span) const;
  // Sentence index of token i (binary search: the context keeps no per-token
  // arrays, so documents without quotes cost one pass of cheap byte tests).
  uint32_t sentence(uint32_t i) const;
  uint32_t paragraph(uint32_t i) const { return doc_.sentences[sentence(i)].paragraph; }
  const Sentence& sentence_at(uint32_t s) const { return doc_.sentences[s]; }
  // The speech verb at token i (by lemma when parsed, else by form), or nullptr.
  // Only lower-case words: a capitalized "Grant" or "Hope" is a name.
  const SpeechVerb* verb(uint32_t i) const;
  uint32_t classes(uint32_t i) const { return lexicon_.Classes(form(i)); }
  bool has_syntax() const { return parsed_; }
  // Token index of the syntactic head of i, or -1 for a root / no parse.
  int64_t head(uint32_t i) const;

  bool IsCapitalized(uint32_t i) const;  // starts with an upper-case letter (ASCII or Latin)
  bool IsWord(uint32_t i) const;         // starts with a letter or digit
  bool IsPunct(uint32_t i) const { return !IsWord(i) && form(i) != "'s" && form(i) != "’s"; }
  bool IsSentenceStart(uint32_t i) const { return sentence_at(sentence(i)).first_token == i; }
  // Covering span of tokens [first, end).
  Span SpanOf(uint32_t first, uint32_t end) const;

 private:
  const AnalyzedDocument& doc_;
  const SpeechLexicon& lexicon_;
  const bool parsed_;
  mutable uint32_t sentence_hint_ = 0;  // the last answer of sentence(): lookups cluster
};

}  // namespace crosscheck::quotes

// facts/counted_noun.cpp: what a bare number counts ("100 men", "three of those men").
#include <string>

#include "facts/quantity_parts.h"

namespace crosscheck::facts {
namespace {

bool IsContentWord(const FactsLexicon& lex, const Piece& piece) {
  if (piece.kind != PieceKind::kWord || lex.IsFunctionWord(piece.lower)) return false;
  if (lex.months.count(piece.lower) && IsCapitalized(piece.text)) return false;
  if (lex.changes.count(piece.lower) || lex.cardinals.count(piece.lower)) return false;
  return lex.non_count.count(piece.lower) == 0;
}

// A plural-looking noun: ends in -s (not -ss, -us, -is) or is a listed irregular plural.
bool LooksPlural(const FactsLexicon& lex, const std::string& lower) {
  if (lex.irregular_plurals.count(lower)) return true;
  if (lower.size() < 3 || lower.back() != 's') return false;
  const std::string tail = lower.substr(lower.size() - 2);
  return tail != "ss" && tail != "us" && tail != "is";
}

}  // namespace

void FindCountedByPattern(const FactsLexicon& lex, const std::vector<Piece>& pieces, const QuantityDraft& draft,
                          Quantity* quantity) {
  size_t i = draft.after;
  if (i < pieces.size() && pieces[i].text == "-" && !pieces[i].space_before) ++i;  // "four-cylinder"
  // "three of those men", "one of the best speakers"
  if (i + 1 < pieces.size() && pieces[i].lower == "of") {
    size_t j = i + 1;
    while (j < pieces.size() && pieces[j].kind == PieceKind::kWord && lex.IsFunctionWord(pieces[j].lower)) {
      const auto it = lex.function_words.find(pieces[j].lower);
      if (it->second != "det") break;
      ++j;
    }
    if (j == i + 1 && !draft.vague) return;  // "of" + content word belongs to a unit-less figure
    i = j;
  }
  const size_t first = i;
  size_t head = pieces.size();
  const bool via_of = first > draft.after + 1;
  const bool singular = draft.value == 1 && !draft.vague && !via_of;
  for (size_t j = first; j < pieces.size() && j < first + 4; ++j) {
    if (j > first && pieces[j].space_before == false && pieces[j].kind != PieceKind::kWord) break;
    if (!IsContentWord(lex, pieces[j])) break;
    head = j;
    if (!singular && LooksPlural(lex, pieces[j].lower)) break;
  }
  if (head == pieces.size()) return;
  // "members of congress": the phrase keeps a bare "of" complement.
  size_t last = head;
  if (head + 2 < pieces.size() && pieces[head + 1].lower == "of" && IsContentWord(lex, pieces[head + 2]) &&
      !LooksPlural(lex, pieces[head + 2].lower)) {
    last = head + 2;
  }
  quantity->counted = lex.Singular(pieces[head].text);
  quantity->counted_span = {pieces[first].span.begin, pieces[last].span.end};
  quantity->counted_token = static_cast<int32_t>(pieces[head].token);
}

bool FindCountedByParse(const AnalyzedDocument& doc, uint32_t sentence, Quantity* quantity) {
  if (doc.syntax.size() != doc.tokens.size()) return false;
  const Sentence& s = doc.sentences[sentence];
  const uint32_t number = quantity->number_token;
  const TokenSyntax& syntax = doc.syntax[number];
  uint32_t noun = 0;
  if (syntax.deprel == "nummod" && syntax.head > 0) {
    noun = s.first_token + syntax.head - 1;
  } else {
    // "three of those men": the number heads an nmod introduced by "of".
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (doc.syntax[t].head == number - s.first_token + 1 && doc.syntax[t].deprel.rfind("nmod", 0) == 0 &&
          (doc.syntax[t].upos == "NOUN" || doc.syntax[t].upos == "PROPN")) {
        noun = t;
        break;
      }
    }
    if (noun == 0) return false;
  }
  if (noun >= s.end_token || (doc.syntax[noun].upos != "NOUN" && doc.syntax[noun].upos != "PROPN")) return false;
  // The phrase runs from the first modifier between number and noun to the noun.
  uint32_t first = noun;
  for (uint32_t t = noun; t > number + 1; --t) {
    const TokenSyntax& left = doc.syntax[t - 1];
    const bool modifies = left.head == noun - s.first_token + 1 &&
                          (left.deprel == "amod" || left.deprel == "compound" || left.deprel == "nmod:poss");
    if (!modifies) break;
    first = t - 1;
  }
  if (first <= number) first = noun;
  quantity->counted = doc.syntax[noun].lemma;
  quantity->counted_span = {doc.tokens[first].span.begin, doc.tokens[noun].span.end};
  quantity->counted_token = static_cast<int32_t>(noun);
  return true;
}

}  // namespace crosscheck::facts

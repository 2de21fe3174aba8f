// Per-document lookups of the claims stage: which entity, quantity or date a token
// belongs to, and which entities are news outlets.
#include <algorithm>

#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

// Whether a word of `name` makes it a news outlet ("Washington Post", "NBC News").
bool NameHasOutletWord(std::string_view name, const ClaimLexicon& lexicon) {
  char buffer[64];
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    if (end > start && (lexicon.Cues(LowerInto(name.substr(start, end - start), buffer, sizeof buffer)) &
                        (kOutlet | kOutletName))) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// "a local newspaper, the Daily Courier" / "the newspaper X": a name next to an
// outlet noun (apposition, flat or compound) is an outlet for the whole document.
void MarkOutletsBySyntax(const AnalyzedDocument& doc, const ClaimLexicon& lexicon, DocIndex* index) {
  char buffer[64];
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const TokenSyntax& syn = doc.syntax[i];
      if (syn.upos != "NOUN" || !(lexicon.Cues(LowerInto(syn.lemma, buffer, sizeof buffer)) & kOutlet)) continue;
      auto mark = [&](uint32_t t) {
        if (int32_t e = index->entity_of_token[t]; e >= 0 && doc.entities[e].type != "LOC") {
          index->outlet_entity[e] = 1;
        }
      };
      const bool linked = syn.deprel == "appos" || syn.deprel == "compound" || syn.deprel == "flat";
      if (linked && syn.head >= 1) mark(s.first_token + syn.head - 1);
      if (i + 1 < s.end_token && doc.syntax[i + 1].upos == "PROPN") mark(i + 1);  // "the newspaper Daily Courier"
      for (uint32_t j = s.first_token; j < s.end_token; ++j) {
        const TokenSyntax& child = doc.syntax[j];
        if (child.head == i - s.first_token + 1 &&
            (child.deprel == "appos" || child.deprel == "flat" || child.deprel == "compound")) {
          mark(j);
        }
      }
    }
  }
}

}  // namespace

void DocIndex::Build(const AnalyzedDocument& doc, const ClaimLexicon& lexicon) {
  const size_t n = doc.tokens.size();
  entity_of_token.assign(n, -1);
  outlet_entity.assign(doc.entities.size(), 0);
  quantity_of_number.assign(n, -1);
  quantity_of_counted.assign(n, -1);
  date_of_token.assign(n, -1);
  quantity_used.assign(doc.quantities.size(), 0);
  // A token in several mentions ("Soleimani, Vice President Pence" taken as one) belongs
  // to the shortest.
  std::vector<uint32_t> mention_size(n, UINT32_MAX);
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    for (const EntityMention& m : doc.entities[e].mentions) {
      for (uint32_t t = m.first_token; t < m.end_token && t < n; ++t) {
        if (m.end_token - m.first_token < mention_size[t]) {
          entity_of_token[t] = static_cast<int32_t>(e);
          mention_size[t] = m.end_token - m.first_token;
        }
      }
    }
    outlet_entity[e] = NameHasOutletWord(doc.entities[e].name, lexicon);
  }
  for (size_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.number_token < n && quantity_of_number[quantity.number_token] < 0) {
      quantity_of_number[quantity.number_token] = static_cast<int32_t>(q);
    }
    if (quantity.counted_token >= 0 && static_cast<size_t>(quantity.counted_token) < n &&
        quantity_of_counted[quantity.counted_token] < 0) {
      quantity_of_counted[quantity.counted_token] = static_cast<int32_t>(q);
    }
  }
  // Dates: every token whose bytes fall inside a date mention.
  for (size_t d = 0; d < doc.dates.size(); ++d) {
    const Span span = doc.dates[d].span;
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.begin,
                               [](const Token& tok, uint32_t b) { return tok.span.end <= b; });
    for (size_t k = it - doc.tokens.begin(); k < n && doc.tokens[k].span.begin < span.end; ++k) {
      if (date_of_token[k] < 0) date_of_token[k] = static_cast<int32_t>(d);
    }
  }
  if (doc.syntax.size() == n) MarkOutletsBySyntax(doc, lexicon, this);
}

bool DocIndex::Countable(const AnalyzedDocument& doc, int32_t quantity, const ClaimLexicon& lexicon) const {
  const Quantity& q = doc.quantities[quantity];
  char buffer[64];
  if (!q.unit.empty() && (lexicon.Cues(LowerInto(q.unit, buffer, sizeof buffer)) & kNotCount)) return false;
  if (!q.counted.empty() && (lexicon.Cues(LowerInto(q.counted, buffer, sizeof buffer)) & kNotCount)) return false;
  return true;
}

}  // namespace crosscheck::claims

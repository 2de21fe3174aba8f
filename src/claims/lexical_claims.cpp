// Claims without a parse (no models/pos.bin): event words found by their inflected forms,
// the nearest count, cue words before the trigger, and the quotations around it. Coarser
// than the parse rules and produces no STATE claims; documented in claim_extractor.h.
#include <algorithm>
#include <string>

#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

// Lemma guesses for an inflected form: "killed" -> kill, "detainees" -> detainee, "died" -> die.
const EventEntry* GuessEvent(const ClaimLexicon& lexicon, std::string_view form) {
  auto find = [&](std::string_view lemma) -> const EventEntry* {
    const std::vector<EventEntry>* entries = lexicon.Events(lemma);
    if (!entries) return nullptr;
    for (const EventEntry& e : *entries) {
      const bool constrained = (e.flags & (kPassiveOnly | kPropnObject)) || !e.with.empty() || !e.need.empty();
      if (!constrained && e.pos != 'R') return &e;
    }
    return nullptr;
  };
  if (const EventEntry* e = find(form)) return e;
  std::string stem(form);
  for (std::string_view suffix : {"ings", "ing", "ied", "ies", "ed", "es", "s", "d"}) {
    if (form.size() <= suffix.size() + 2 || !form.ends_with(suffix)) continue;
    stem.assign(form.substr(0, form.size() - suffix.size()));
    if (suffix == "ied" || suffix == "ies") stem += 'y';
    if (const EventEntry* e = find(stem)) return e;
    if (const EventEntry* e = find(stem + "e")) return e;
    if (stem.size() > 3 && stem.back() == stem[stem.size() - 2]) {  // "stabbed" -> stab
      if (const EventEntry* e = find(std::string_view(stem).substr(0, stem.size() - 1))) return e;
    }
  }
  return nullptr;
}

// The closest countable quantity of the sentence ending at most 4 words before token t or
// starting at most 3 words after it.
int32_t NearbyQuantity(const AnalyzedDocument& doc, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t s,
                       uint32_t t) {
  int32_t best = -1;
  uint32_t best_distance = 99;
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.sentence != s || index.quantity_used[q] || !index.Countable(doc, q, lexicon)) continue;
    const uint32_t last = static_cast<uint32_t>(std::max<int64_t>(quantity.number_token, quantity.counted_token));
    uint32_t distance = 99;
    if (last < t && t - last <= 4) distance = t - last;
    if (quantity.number_token > t && quantity.number_token - t <= 3) distance = quantity.number_token - t + 1;
    if (distance < best_distance) { best = static_cast<int32_t>(q); best_distance = distance; }
  }
  return best;
}

}  // namespace

void ExtractLexical(const ClaimLexicon& lexicon, AnalyzedDocument* doc) {
  DocIndex index;
  index.Build(*doc, lexicon);
  char buffer[64];
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sentence = doc->sentences[s];
    if (sentence.end_token == sentence.first_token || doc->tokens[sentence.end_token - 1].form == "?") continue;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const EventEntry* entry = GuessEvent(lexicon, LowerInto(doc->tokens[t].form, buffer, sizeof buffer));
      if (!entry) continue;
      Claim c;
      c.sentence = s;
      c.event = entry->event;
      c.trigger = std::string(LowerInto(doc->tokens[t].form, buffer, sizeof buffer));
      c.trigger_span = doc->tokens[t].span;
      c.quantity = NearbyQuantity(*doc, index, lexicon, s, t);
      if ((entry->flags & kNeedsCount) && c.quantity < 0) continue;
      if (c.quantity >= 0) index.quantity_used[c.quantity] = 1;
      c.modality = "asserted";
      // Cue words of the clause before the trigger: the closest one decides.
      for (uint32_t k = t; k-- > sentence.first_token && t - k <= 6;) {
        const uint32_t cues = lexicon.Cues(LowerInto(doc->tokens[k].form, buffer, sizeof buffer));
        std::string_view stance = lexicon.Stance(LowerInto(doc->tokens[k].form, buffer, sizeof buffer));
        std::string modality = stance == "denial" ? "denied" : (cues & kNegation) && t - k <= 3 ? "negated"
                               : (cues & (kHedge | kHedgeModal)) ? "hedged" : "";
        if (modality.empty()) continue;
        c.modality = modality;
        c.modality_cue = doc->tokens[k].form;
        c.modality_span = doc->tokens[k].span;
        break;
      }
      // Quotations around the trigger, outermost first.
      std::vector<const Quote*> around;
      for (const Quote& q : doc->quotes) {
        if (q.kind != "scare" && !q.speaker.empty() && q.content.begin <= c.trigger_span.begin &&
            c.trigger_span.end <= q.content.end) {
          around.push_back(&q);
        }
      }
      std::stable_sort(around.begin(), around.end(),
                       [](const Quote* a, const Quote* b) { return a->content.size() > b->content.size(); });
      for (const Quote* q : around) {
        Attribution a;
        a.source = q->speaker_entity >= 0 ? doc->entities[q->speaker_entity].name : q->speaker;
        a.entity = q->speaker_entity;
        a.span = q->speaker_span;
        a.cue = q->verb;
        a.kind = KindOfWords(a.source, lexicon);
        if (q->stance == "denial") { c.modality = "denied"; c.modality_cue = q->verb; c.modality_span = q->verb_span; }
        c.attribution.push_back(std::move(a));
        c.quote = static_cast<int32_t>(q - doc->quotes.data());
      }
      c.span = c.trigger_span;
      if (c.quantity >= 0) {
        const Span qs = doc->quantities[c.quantity].span;
        c.span = {std::min(c.span.begin, qs.begin), std::max(c.span.end, qs.end)};
      }
      doc->claims.push_back(std::move(c));
    }
  }
}

}  // namespace crosscheck::claims

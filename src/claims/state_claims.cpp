// STATE claims (docs/claims-guideline.md, section 1.2): counts that are not the count of
// an event claim, anchored on the word the quantity depends on; and denials and
// objections whose content is not an event claim.
#include <algorithm>

#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

bool AnyInSubtree(const SentenceTree& tree, const std::vector<uint32_t>& tokens, uint32_t root) {
  for (uint32_t t : tokens) {
    if (tree.InSubtree(t, root)) return true;
  }
  return false;
}

// Ages written after a name ("Arevalo, 34,", "two girls, aged 13 and 15") and the inner
// number of "10 of the 12" / "three of the 11 people" are not claims of their own.
bool SkipQuantity(const SentenceTree& tree, const DocIndex& index, uint32_t q) {
  const AnalyzedDocument& doc = tree.doc();
  const Quantity& quantity = doc.quantities[q];
  const uint32_t n = quantity.number_token - tree.first();
  const int32_t h = tree.Head(n);
  if (h >= 0 && (tree.Rel(n, "appos") || tree.Rel(n, "amod") || tree.Rel(n, "nmod")) && tree.Upos(h) == "PROPN" &&
      quantity.counted_token < 0) {
    return true;
  }
  if (h >= 0 && (tree.Cues(h) & kNotCount)) return true;  // "aged 13", "ages 13 and 15"
  // "One man who was released … told", "One of the first things": one individual, not a count.
  if (quantity.bound == "exact" && quantity.value == 1 &&
      (quantity.counted_token < 0 || tree.Rel(quantity.counted_token - tree.first(), "nsubj"))) {
    return true;
  }
  // A bare number modifying a noun ("a person under 18", "five against it"): no count of things.
  if (h >= 0 && quantity.counted_token < 0 && quantity.unit.empty() && tree.Rel(n, "nmod") && tree.IsNominal(h)) {
    return true;
  }
  // "including three officers": a part of a count already stated.
  const uint32_t anchor = quantity.counted_token >= 0 ? quantity.counted_token - tree.first() : n;
  for (uint32_t c : tree.Children(anchor)) {
    if (tree.Rel(c, "case") && (tree.Lemma(c) == "include" || tree.Form(c) == "including")) return true;
  }
  // "$2m (£1.5m)", "30 miles (48 km)": the same figure converted.
  uint32_t first = n;
  while (first > 0 && tree.TokenSpan(first - 1).begin >= quantity.span.begin) --first;
  if (first >= 2 && tree.Form(first - 1) == "(") {
    const Span before = tree.TokenSpan(first - 2);
    for (uint32_t other = 0; other < q; ++other) {
      const Span os = doc.quantities[other].span;
      if (before.begin >= os.begin && before.end <= os.end) return true;
    }
  }
  for (uint32_t other = 0; other < q; ++other) {
    const Quantity& o = doc.quantities[other];
    if (o.sentence != quantity.sentence) continue;
    if (quantity.counted_token >= 0 && o.counted_token == quantity.counted_token) return true;
    int32_t cur = static_cast<int32_t>(n);
    for (int step = 0; cur >= 0 && step < 3; ++step, cur = tree.Head(cur)) {
      if (step > 0 && static_cast<uint32_t>(cur) + tree.first() == o.number_token) return true;
    }
  }
  return false;
}

// The word a count depends on: its verb, the predicate of a copular clause, or the root.
// Coordinated verbs sharing their object ("removed or blocked 1.5 million videos") give
// the first verb.
uint32_t PredicateOf(const SentenceTree& tree, uint32_t anchor) {
  uint32_t cur = anchor;
  for (uint32_t guard = 0; guard < tree.size(); ++guard) {
    if (tree.IsVerb(cur) || tree.Child(cur, "cop") >= 0 || tree.Head(cur) < 0) break;
    cur = tree.Head(cur);
  }
  const int32_t h = tree.Head(cur);
  if (tree.IsVerb(cur) && tree.Rel(cur, "conj") && h >= 0 && tree.IsVerb(h) && h < static_cast<int32_t>(cur) &&
      tree.Child(h, "obj") < 0 && tree.Child(h, "ccomp") < 0 && tree.Child(cur, "nsubj") < 0) {
    return h;
  }
  return cur;
}

void AddQuantityStates(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index,
                       std::vector<StateCandidate>* out) {
  const AnalyzedDocument& doc = tree.doc();
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.sentence != tree.sentence() || index.quantity_used[q]) continue;
    if (!index.Countable(doc, q, lexicon) || SkipQuantity(tree, index, q)) continue;
    const uint32_t anchor = (quantity.counted_token >= 0 ? quantity.counted_token : quantity.number_token) - tree.first();
    if (anchor >= tree.size()) continue;
    StateCandidate state;
    state.token = PredicateOf(tree, anchor);
    state.quantity = static_cast<int32_t>(q);
    out->push_back(std::move(state));
  }
}

// "X denied the report / that …": the denial itself, when what it denies is no claim.
void AddDenials(const SentenceTree& tree, const ClaimLexicon& lexicon, const std::vector<uint32_t>& claimed,
                std::vector<StateCandidate>* out) {
  for (uint32_t d = 0; d < tree.size(); ++d) {
    if (!tree.IsVerb(d) || lexicon.Stance(tree.Lemma(d)) != "denial") continue;
    int32_t content = tree.Child(d, "ccomp");
    if (content < 0) content = tree.Child(d, "xcomp");
    const bool clause = content >= 0;
    if (content < 0) content = tree.Child(d, "obj");
    if (content < 0 || AnyInSubtree(tree, claimed, content)) continue;
    const bool statement = (tree.Cues(content) & kStatement) ||
                           (tree.Upos(content) == "PRON" && tree.Lemma(content) != "who");
    if (!clause && !statement) continue;  // "rejected offers", "denied an appeal"
    out->push_back({d, -1, "denied", std::string(tree.Lemma(d)), tree.TokenSpan(d), true});
  }
}

bool Predicative(const SentenceTree& tree, uint32_t w) {
  return tree.Child(w, "cop") >= 0 || tree.Child(w, "nsubj") >= 0 || tree.Child(w, "csubj") >= 0 ||
         tree.Head(w) < 0 || tree.Rel(w, "xcomp") || tree.Rel(w, "ccomp") || tree.Rel(w, "conj") ||
         (tree.Rel(w, "obj") && tree.IsNominal(w));
}

// "… is inaccurate", "an absolute lie", "spreading lies", "fake news", "does not match",
// "no evidence", "do not exist", "there are no …".
void AddObjections(const SentenceTree& tree, const std::vector<uint32_t>& claimed, std::vector<StateCandidate>* out) {
  for (uint32_t w = 0; w < tree.size(); ++w) {
    const uint32_t cues = tree.Cues(w);
    std::string_view modality;
    uint32_t at = w;
    if (cues & (kDenyWord | kQuestionWord)) {
      modality = (cues & kDenyWord) ? "denied" : "questioned";
      const int32_t h = tree.Head(w);
      const bool own = tree.Child(w, "cop") >= 0 || tree.Child(w, "nsubj") >= 0 || tree.Child(w, "csubj") >= 0;
      if (!own && tree.Rel(w, "amod") && h >= 0 && (tree.Child(h, "cop") >= 0 || tree.Child(h, "nsubj") >= 0)) {
        at = h;  // "fake news"
      } else if (!own && (!Predicative(tree, w) || tree.Rel(w, "amod") || tree.Rel(w, "compound"))) {
        continue;
      }
      int32_t subj = tree.Child(at, "nsubj");
      if (subj < 0) subj = tree.Child(at, "csubj");
      if (subj >= 0 && AnyInSubtree(tree, claimed, subj)) continue;  // the claim itself carries it
    } else if ((cues & kQuestionNeg) && tree.CueChild(w, kNegation) >= 0) {
      modality = "questioned";  // "does not match", "no evidence"
    } else if (tree.Lemma(w) == "exist" && tree.CueChild(w, kNegation, "advmod") >= 0) {
      modality = "denied";
    } else if (tree.Lemma(w) == "be" && tree.Child(w, "expl") >= 0) {
      int32_t subj = tree.Child(w, "nsubj");
      if (subj < 0 || tree.CueChild(subj, kNegation, "det") < 0 || AnyInSubtree(tree, claimed, subj)) continue;
      modality = "denied";  // "there are no such people"
    } else {
      continue;
    }
    if (std::find(claimed.begin(), claimed.end(), at) != claimed.end()) continue;
    out->push_back({at, -1, std::string(modality), std::string(tree.Lemma(w)), tree.TokenSpan(w), false});
  }
}

}  // namespace

std::vector<StateCandidate> FindStateClaims(const SentenceTree& tree, const ClaimLexicon& lexicon,
                                            const DocIndex& index, const std::vector<uint32_t>& claimed) {
  std::vector<StateCandidate> out;
  if (tree.size() == 0 || tree.Question()) return out;
  AddQuantityStates(tree, lexicon, index, &out);
  std::vector<uint32_t> taken = claimed;
  for (const StateCandidate& s : out) taken.push_back(s.token);
  AddObjections(tree, taken, &out);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].quantity < 0) taken.push_back(out[i].token);
  }
  AddDenials(tree, lexicon, taken, &out);
  return out;
}

}  // namespace crosscheck::claims

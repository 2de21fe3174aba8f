// Modality of a claim (docs/claims-guideline.md, section 4): denied > questioned >
// negated > hedged > asserted. A hedge or denial governs its own clause and the clauses
// below it, so the rules look at the trigger, its ancestors and its frames.
#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

void Set(ModalityResult* r, std::string_view modality, std::string_view cue, Span span) {
  if (!r->cue.empty() || r->modality != "asserted") return;  // the first cue found wins
  r->modality = std::string(modality);
  r->cue = std::string(cue);
  r->span = span;
}

// A hedging adverb or modal auxiliary on node i ("allegedly", "may"), or an adjective on
// a noun ("the alleged abduction and torture").
int32_t HedgeOn(const SentenceTree& tree, uint32_t i) {
  int32_t c = tree.CueChild(i, kHedge, "advmod");
  if (c < 0) c = tree.CueChild(i, kHedgeModal, "aux");
  if (c < 0 && tree.IsNominal(i)) c = tree.CueChild(i, kHedge, "amod");
  return c;
}

// "not killed", "no arrests", "no one was killed".
int32_t NegationOn(const SentenceTree& tree, uint32_t i) {
  int32_t c = tree.CueChild(i, kNegation, "advmod");
  if (c < 0) c = tree.CueChild(i, kNegation, "det");
  if (c >= 0) return c;
  for (uint32_t arg : tree.Children(i)) {
    if (!tree.Rel(arg, "nsubj") && !tree.Rel(arg, "obj")) continue;
    if ((tree.Cues(arg) & kNegation) && tree.Upos(arg) == "PRON") return static_cast<int32_t>(arg);  // "none"
    int32_t det = tree.CueChild(arg, kNegation, "det");
    if (det >= 0) return det;
  }
  // A coordinated verb without its own auxiliary shares its partner's negation.
  if (tree.Rel(i, "conj") && tree.Child(i, "aux") < 0 && tree.Child(i, "nsubj") < 0 && tree.Head(i) >= 0) {
    return tree.CueChild(tree.Head(i), kNegation, "advmod");
  }
  return -1;
}

Span Cover(const SentenceTree& tree, uint32_t a, uint32_t b) {
  return {tree.TokenSpan(a < b ? a : b).begin, tree.TokenSpan(a < b ? b : a).end};
}

}  // namespace

ModalityResult ModalityOf(const SentenceTree& tree, uint32_t token, const std::vector<Frame>& frames) {
  ModalityResult denied, questioned, negated, hedged;
  for (const Frame& f : frames) {
    if (f.stance == "denial") Set(&denied, "denied", f.source.cue, f.cue_span);
    if (f.stance == "distancing" || f.stance == "tentative") Set(&hedged, "hedged", f.source.cue, f.cue_span);
    if (f.hedged_source) Set(&hedged, "hedged", "according to", f.cue_span);
  }
  if (int32_t c = NegationOn(tree, token); c >= 0) Set(&negated, "negated", tree.Lemma(c), tree.TokenSpan(c));
  if (int32_t c = tree.CueChild(token, kQuestionWord, "amod"); c >= 0) {
    Set(&questioned, "questioned", tree.Lemma(c), tree.TokenSpan(c));
  }
  if (int32_t c = tree.CueChild(token, kHedge, "amod"); c >= 0) Set(&hedged, "hedged", tree.Lemma(c), tree.TokenSpan(c));
  if (int32_t c = HedgeOn(tree, token); c >= 0) Set(&hedged, "hedged", tree.Lemma(c), tree.TokenSpan(c));
  const int32_t up = tree.Head(token);
  if (up >= 0 && tree.Rel(token, "xcomp") && (tree.Cues(up) & kHedgeRaising) &&
      (tree.Passive(up) || tree.Lemma(up) == "appear" || tree.Lemma(up) == "seem")) {
    Set(&hedged, "hedged", std::string(tree.Lemma(up)) + " to", Cover(tree, up, token));  // "is believed to"
  }
  uint32_t cur = token;
  for (uint32_t guard = 0; tree.Head(cur) >= 0 && guard < tree.size(); ++guard) {
    const uint32_t h = tree.Head(cur);
    const bool subject = tree.Rel(cur, "nsubj") || tree.Rel(cur, "csubj");
    if (subject && (tree.Cues(h) & kDenyWord)) Set(&denied, "denied", tree.Lemma(h), tree.TokenSpan(h));
    if (subject && (tree.Cues(h) & kQuestionWord)) Set(&questioned, "questioned", tree.Lemma(h), tree.TokenSpan(h));
    if ((tree.Cues(h) & kDistancing) && tree.IsNominal(h) && (tree.Rel(cur, "acl") || tree.Rel(cur, "ccomp"))) {
      Set(&hedged, "hedged", tree.Lemma(h), tree.TokenSpan(h));  // "claims that …"
    }
    if (int32_t c = HedgeOn(tree, h); c >= 0) Set(&hedged, "hedged", tree.Lemma(c), tree.TokenSpan(c));
    cur = h;
  }
  for (ModalityResult* r : {&denied, &questioned, &negated, &hedged}) {
    if (r->modality != "asserted") return *r;
  }
  return {};
}

bool Irrealis(const SentenceTree& tree, uint32_t token, const std::vector<Frame>& frames) {
  bool denial = false;
  for (const Frame& f : frames) {
    if (f.stance == "directive") return true;  // "urged them to release …"
    denial |= f.stance == "denial";
  }
  // Nouns take the tense of the verb above them.
  uint32_t v = token;
  for (uint32_t guard = 0; !tree.IsVerb(v) && tree.Head(v) >= 0 && guard < 6; ++guard) v = tree.Head(v);
  if (!tree.IsVerb(v)) return false;
  // "will vote", "would have paid", "will end up shooting": an irrealis auxiliary on the
  // verb, on a coordinated verb sharing it, or on the verb it completes.
  for (int32_t cur = v, guard = 0; cur >= 0 && guard < 4; ++guard) {
    if (tree.CueChild(cur, kIrrealis, "aux") >= 0) return true;
    const bool shares = (tree.Rel(cur, "conj") && tree.Child(cur, "aux") < 0) || tree.Rel(cur, "xcomp");
    if (!shares) break;
    cur = tree.Head(cur);
  }
  if (tree.Head(v) < 0 && tree.Xpos(v) == "VB" && tree.Child(v, "nsubj") < 0 && tree.Child(v, "aux") < 0) {
    return true;  // imperative
  }
  for (int32_t cur = v, guard = 0; cur >= 0 && guard < 6; ++guard) {
    if (tree.CueChild(cur, kCondition, "mark") >= 0) return true;
    if (!tree.Rel(cur, "advcl") && !tree.Rel(cur, "conj")) break;
    cur = tree.Head(cur);
  }
  // An infinitive (or a bare verb under one: "working to help victims flee") states a
  // purpose or plan, not a fact; a denied one is still a claim.
  for (int32_t cur = v, guard = 0; cur >= 0 && guard < 4; ++guard) {
    const int32_t mark = tree.ChildExact(cur, "mark");
    const int32_t up = tree.Head(cur);
    if (mark >= 0 && tree.Lemma(mark) == "to") {
      if (up >= 0 && tree.Rel(cur, "xcomp") && (tree.Cues(up) & (kHedgeRaising | kAspectual))) return false;
      // "the first country to record": an infinitive relative after first/last/only (the
      // parse may hang it elsewhere, so the adjective is looked for just before it).
      for (int32_t k = mark - 1; k >= 0 && k >= mark - 6; --k) {
        if (tree.Upos(k) == "ADJ" && (tree.Cues(k) & kAspectual)) return false;
      }
      return !denial;
    }
    if (!tree.Rel(cur, "xcomp") || up < 0) break;
    if (tree.Cues(up) & (kHedgeRaising | kAspectual)) break;
    cur = up;
  }
  return false;
}

}  // namespace crosscheck::claims

// Event triggers and their participants: which word names the event, who did it, to
// whom, and which quantity counts them (docs/claims-guideline.md, sections 1-3).
#include <algorithm>

#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

char PosClass(const SentenceTree& tree, uint32_t i) {
  std::string_view u = tree.Upos(i);
  if (u == "VERB") return 'V';
  if (u == "NOUN") {  // a verb tagged as a noun: "allegedly shot three people", "police fatally shot"
    const bool verbal = tree.Child(i, "obj") >= 0 || (tree.Child(i, "nsubj") >= 0 && tree.Child(i, "cop") < 0);
    return verbal ? 'V' : 'N';
  }
  if (u == "ADJ") return 'A';
  if (u == "ADV") return 'R';
  return 0;
}

bool In(std::string_view word, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsArgument(const SentenceTree& tree, uint32_t c) {
  return tree.Rel(c, "nsubj") || tree.Rel(c, "obj") || tree.Rel(c, "obl") || tree.Rel(c, "compound") ||
         tree.Rel(c, "iobj") || tree.Rel(c, "xcomp");
}

// Whether a dependent of i (or the next word) has one of `lemmas`: "shot down", "death toll".
bool HasWith(const SentenceTree& tree, uint32_t i, const std::vector<std::string>& lemmas) {
  for (uint32_t c : tree.Children(i)) {
    if (In(tree.Lemma(c), lemmas)) return true;
  }
  return i + 1 < tree.size() && In(tree.Lemma(i + 1), lemmas);
}

bool HasArgumentLemma(const SentenceTree& tree, uint32_t i, const std::vector<std::string>& lemmas) {
  for (uint32_t c : tree.Children(i)) {
    if (IsArgument(tree, c) && In(tree.Lemma(c), lemmas)) return true;
  }
  return false;
}

bool HasProperObject(const SentenceTree& tree, uint32_t i) {
  int32_t obj = tree.Child(i, "obj");
  if (obj < 0) return false;
  if (tree.Upos(obj) == "PROPN") return true;
  for (uint32_t c : tree.Children(obj)) {
    if ((tree.Rel(c, "flat") || tree.Rel(c, "compound") || tree.Rel(c, "appos")) && tree.Upos(c) == "PROPN") return true;
  }
  return false;
}

bool HasAsComplement(const SentenceTree& tree, uint32_t i) {
  for (uint32_t c : tree.Children(i)) {
    if (tree.CaseOf(c) == "as" || (tree.Rel(c, "mark") && tree.Lemma(c) == "as")) return true;
  }
  return false;
}

const EventEntry* MatchEntry(const SentenceTree& tree, const ClaimLexicon& lexicon, uint32_t i) {
  const std::vector<EventEntry>* entries = lexicon.Events(tree.Lemma(i));
  const char pos = entries ? PosClass(tree, i) : 0;
  if (pos == 0) return nullptr;
  for (const EventEntry& e : *entries) {
    if (e.pos != pos) continue;
    if (!e.with.empty() && !HasWith(tree, i, e.with)) continue;
    if (!e.need.empty() && !HasArgumentLemma(tree, i, e.need)) continue;
    if (!e.not_with.empty() && HasArgumentLemma(tree, i, e.not_with)) continue;
    if ((e.flags & kPassiveOnly) && !tree.Passive(i)) continue;
    if ((e.flags & kPropnObject) && !HasProperObject(tree, i)) continue;
    if ((e.flags & kNotAs) && HasAsComplement(tree, i)) continue;
    return &e;
  }
  return nullptr;
}

bool IsRelativePronoun(const SentenceTree& tree, int32_t i) {
  if (i < 0 || tree.Upos(i) != "PRON") return false;
  std::string_view l = tree.Lemma(i);
  return l == "who" || l == "which" || l == "that" || l == "whom";
}

// The noun a relative clause containing verb v modifies ("the gunman who killed").
int32_t RelativeAntecedent(const SentenceTree& tree, uint32_t v) {
  int32_t cur = static_cast<int32_t>(v);
  for (int guard = 0; cur >= 0 && guard < 4; ++guard) {
    if (tree.Rel(cur, "acl")) return tree.Head(cur);
    if (!tree.Rel(cur, "conj")) break;
    cur = tree.Head(cur);
  }
  return -1;
}

bool IsPerson(const SentenceTree& tree, int32_t p) {
  if (p < 0) return false;
  std::string_view u = tree.Upos(p);
  return u == "PRON" || u == "PROPN" || (tree.Cues(p) & (kPersonNoun | kAnonymous | kPersonRole));
}

// Subject, voice and role assignment of a verb trigger.
void VerbParticipants(const SentenceTree& tree, uint32_t i, Trigger* tr) {
  int32_t subj = tree.Child(i, "nsubj");
  int32_t obj = tree.Child(i, "obj");
  bool passive = tree.Passive(i);
  // Coordinated and controlled verbs share the subject of their head: "were detained,
  // tortured and killed", "X is believed to have killed".
  for (int32_t cur = i, guard = 0; subj < 0 && guard < 6 && tree.Head(cur) >= 0; ++guard) {
    if (!tree.Rel(cur, "conj") && !tree.Rel(cur, "xcomp")) break;
    const uint32_t up = tree.Head(cur);
    if (tree.Rel(cur, "conj") && tree.Xpos(i) == "VBN" && tree.Passive(up)) passive = true;
    subj = tree.Child(up, "nsubj");
    cur = static_cast<int32_t>(up);
  }
  if (IsRelativePronoun(tree, subj)) subj = RelativeAntecedent(tree, i);
  int32_t by = -1;
  for (uint32_t c : tree.Children(i)) {
    if (tree.Rel(c, "obl") && (tree.Deprel(c) == "obl:agent" || tree.CaseOf(c) == "by")) by = static_cast<int32_t>(c);
  }
  if (subj < 0 && tree.Rel(i, "acl") && !tree.Rel(i, "acl:relcl")) {
    // "Americans evacuated from ...", "people killed in the crash": the noun is the patient.
    if (tree.Xpos(i) == "VBN") { subj = tree.Head(i); passive = true; }
  }
  if (tr->flags & kSubjectCounts) {
    tr->patient = subj;
  } else if (passive) {
    tr->patient = subj;
    tr->agent = by;
  } else {
    tr->agent = subj;
    tr->patient = obj;
  }
}

// "five people are dead", "left five people dead", "the wounded man".
int32_t AdjectivePatient(const SentenceTree& tree, uint32_t i, int depth = 0) {
  int32_t subj = tree.Child(i, "nsubj");
  if (subj >= 0) return subj;
  const int32_t h = tree.Head(i);
  if (h < 0) return -1;
  if (tree.Rel(i, "xcomp") || tree.Rel(i, "obl")) {
    int32_t obj = tree.Child(h, "obj");
    return obj >= 0 ? obj : tree.Child(h, "nsubj");
  }
  if (tree.Rel(i, "amod")) return h;
  if (tree.Rel(i, "conj") && depth < 3) return -1;  // the partner's patient is not this one's ("3 dead and 15 injured")
  return -1;
}

// Participants of an event noun; false when the noun names none (a bare "the attack").
bool NounParticipants(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, uint32_t i,
                      Trigger* tr) {
  const bool agentive_poss = tr->event == "ATTACK" || tr->event == "PROTEST" || tr->event == "VOTE" ||
                             tr->event == "SIGN" || tr->event == "PAY";
  bool named = false;
  for (uint32_t c : tree.Children(i)) {
    if (tree.Rel(c, "det") && (tree.Cues(c) & kGeneric)) return false;  // "any attack": hypothetical
    if (tree.Rel(c, "det") && (tree.Cues(c) & kNegation)) named = true;  // "no arrests": a negated claim
    if (tree.Deprel(c) == "nmod:poss") {
      (agentive_poss ? tr->agent : tr->patient) = static_cast<int32_t>(c);
      named = true;
    } else if (tree.Rel(c, "nmod")) {
      std::string_view cs = tree.CaseOf(c);
      if (cs == "of" && tr->patient < 0) { tr->patient = static_cast<int32_t>(c); named = true; }
      if (tr->event == "ATTACK" && (cs == "on" || cs == "at" || cs == "against") && tr->patient < 0) {
        tr->patient = static_cast<int32_t>(c);
        named = true;
      }
      if (cs == "by") { tr->agent = static_cast<int32_t>(c); named = true; }
      if (cs == "between") named = true;  // "clashes between X and Y"
    } else if (tree.Rel(c, "nummod")) {
      named = true;
    }
  }
  // "a rampage on two mosques" whose phrase the parse hung elsewhere: it follows the noun.
  if (tr->event == "ATTACK" && tr->patient < 0 && i + 2 < tree.size() && tree.Rel(i + 1, "case")) {
    std::string_view cs = tree.Lemma(i + 1);
    const int32_t h = tree.Head(i + 1);
    if ((cs == "on" || cs == "at" || cs == "against") && h > static_cast<int32_t>(i) && h <= static_cast<int32_t>(i) + 6) {
      tr->patient = h;
      named = true;
    }
  }
  if (tr->patient >= 0 && (tree.Cues(tr->patient) & kGeneric)) return false;  // "an attack of that kind"
  // "her attack on a study": criticism, not violence.
  if (tr->event == "ATTACK" && tr->patient >= 0 && (tree.Cues(tr->patient) & (kReport | kStatement))) return false;
  if (index.quantity_of_counted[tree.first() + i] >= 0) named = true;
  // "the alleged abduction and torture of the villagers": coordinated nouns share the phrase.
  if (!named && tr->patient < 0) {
    auto of_phrase = [&](uint32_t noun) -> int32_t {
      for (uint32_t c : tree.Children(noun)) {
        if (tree.Rel(c, "nmod") && tree.CaseOf(c) == "of") return static_cast<int32_t>(c);
      }
      return -1;
    };
    auto event_noun = [&](uint32_t noun) { return tree.Upos(noun) == "NOUN" && lexicon.Events(tree.Lemma(noun)); };
    for (uint32_t c : tree.Children(i)) {
      if (tree.Rel(c, "conj") && event_noun(c) && (tr->patient = of_phrase(c)) >= 0) return true;
    }
    const int32_t h = tree.Head(i);
    if (tree.Rel(i, "conj") && h >= 0 && event_noun(h) && (tr->patient = of_phrase(h)) >= 0) return true;
  }
  return named;
}

bool IsClausal(const SentenceTree& tree, uint32_t c) {
  return tree.Rel(c, "acl") || tree.Rel(c, "ccomp") || tree.Rel(c, "advcl") || tree.Rel(c, "parataxis") ||
         tree.Rel(c, "csubj") || tree.Rel(c, "conj") || tree.Rel(c, "xcomp");
}

// The countable quantity whose number sits inside the phrase headed by p (climbing at most
// three non-clausal arcs), -1 if none.
int32_t QuantityIn(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t p) {
  const AnalyzedDocument& doc = tree.doc();
  const uint32_t g = tree.first() + p;
  for (int32_t q : {index.quantity_of_counted[g], index.quantity_of_number[g]}) {
    if (q >= 0 && index.Countable(doc, q, lexicon)) return q;
  }
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.sentence != tree.sentence() || !index.Countable(doc, q, lexicon)) continue;
    int32_t cur = static_cast<int32_t>(quantity.number_token - tree.first());
    for (int step = 0; cur >= 0 && step < 4; ++step) {
      if (static_cast<uint32_t>(cur) == p) return static_cast<int32_t>(q);
      if (IsClausal(tree, cur)) break;
      cur = tree.Head(cur);
    }
  }
  return -1;
}

// A quantity attached to the trigger itself: the amount of PAY, the tally of VOTE (or,
// with `any`, whatever count it has).
int32_t QuantityAttached(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon,
                         uint32_t t, bool money, bool any = false) {
  const AnalyzedDocument& doc = tree.doc();
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.sentence != tree.sentence() || !index.Countable(doc, q, lexicon)) continue;
    if (!any && money && (quantity.unit.empty() || quantity.unit == "percent")) continue;
    if (!any && !money && quantity.bound != "range") continue;
    int32_t cur = static_cast<int32_t>(quantity.number_token - tree.first());
    for (int step = 0; cur >= 0 && step < 4; ++step) {
      if (static_cast<uint32_t>(cur) == t) return static_cast<int32_t>(q);
      if (IsClausal(tree, cur)) break;
      cur = tree.Head(cur);
    }
  }
  return -1;
}

// "two of the guards possibly killed", "15 others injured": a parse that attaches the
// participle elsewhere still leaves the count right before it.
int32_t QuantityBefore(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t t) {
  const AnalyzedDocument& doc = tree.doc();
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    if (quantity.sentence != tree.sentence() || index.quantity_used[q] || !index.Countable(doc, q, lexicon)) continue;
    uint32_t end = std::max<int64_t>(quantity.number_token, quantity.counted_token) - tree.first();
    if (end >= t || t - end > 3) continue;
    bool adjacent = true;
    for (uint32_t k = end + 1; k < t && adjacent; ++k) {
      std::string_view u = tree.Upos(k);
      adjacent = u == "ADV" || u == "AUX" || u == "PART" || u == "PRON" || u == "DET" || tree.Lemma(k) == "other" ||
                 tree.Lemma(k) == "of";  // "two of them possibly injured"
    }
    if (adjacent) return static_cast<int32_t>(q);
  }
  return -1;
}

// A noun's own number: "500,000 deaths", "more than 100 detainees".
int32_t OwnNumber(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t t) {
  const AnalyzedDocument& doc = tree.doc();
  int32_t q = index.quantity_of_counted[tree.first() + t];
  if (q >= 0 && index.Countable(doc, q, lexicon)) return q;
  for (uint32_t c : tree.Children(t)) {
    if (!tree.Rel(c, "nummod")) continue;
    q = index.quantity_of_number[tree.first() + c];
    if (q >= 0 && index.Countable(doc, q, lexicon)) return q;
  }
  return -1;
}

// "the death toll rose to 50", "the toll is 50", and (when the parse hangs the figure
// elsewhere) the first count within a few words after the noun.
int32_t PredicateCount(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t t) {
  const AnalyzedDocument& doc = tree.doc();
  int32_t pred = tree.Head(t);
  if (pred >= 0 && (tree.Rel(t, "nsubj") || tree.Child(pred, "cop") >= 0)) {
    if (int32_t q = QuantityAttached(tree, index, lexicon, pred, false, true); q >= 0) return q;
  }
  for (uint32_t q = 0; q < doc.quantities.size(); ++q) {
    const Quantity& quantity = doc.quantities[q];
    const int64_t n = static_cast<int64_t>(quantity.number_token) - tree.first();
    if (quantity.sentence == tree.sentence() && n > t && n <= t + 8 && index.Countable(doc, q, lexicon)) {
      return static_cast<int32_t>(q);
    }
  }
  return -1;
}

int32_t CountOf(const SentenceTree& tree, const DocIndex& index, const ClaimLexicon& lexicon, uint32_t t,
                char pos, const Trigger& tr) {
  for (uint32_t c : tree.Children(t)) {  // "in at least 26 cases, killed"
    if (tree.Rel(c, "obl") && (tree.Cues(c) & kCase)) {
      int32_t q = index.quantity_of_counted[tree.first() + c];
      if (q >= 0) return q;
    }
  }
  if (pos == 'N') {
    if (int32_t q = OwnNumber(tree, index, lexicon, t); q >= 0) return q;
    if (tr.flags & kPredicateCount) return PredicateCount(tree, index, lexicon, t);
  }
  if (tr.patient >= 0) {
    if (int32_t q = QuantityIn(tree, index, lexicon, tr.patient); q >= 0) return q;
  }
  if (tr.event == "PAY" || tr.event == "SIGN") {
    if (int32_t q = QuantityAttached(tree, index, lexicon, t, true); q >= 0) return q;
  }
  if (tr.event == "VOTE") {
    if (int32_t q = QuantityAttached(tree, index, lexicon, t, false); q >= 0) return q;
  }
  if (tr.patient < 0) return QuantityBefore(tree, index, lexicon, t);
  return -1;
}

}  // namespace

std::vector<Trigger> FindTriggers(const SentenceTree& tree, const ClaimLexicon& lexicon, DocIndex* index) {
  std::vector<Trigger> out;
  const uint32_t n = tree.size();
  if (n == 0 || tree.Question()) return out;  // questions state nothing
  std::vector<const EventEntry*> match(n, nullptr);
  for (uint32_t i = 0; i < n; ++i) match[i] = MatchEntry(tree, lexicon, i);
  // Result words ("fatally", "dead", "to death") turn the event verb they modify into
  // their class and are not claims of their own.
  std::vector<std::string_view> upgrade(n);
  std::vector<uint8_t> consumed(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (!match[i] || !(match[i]->flags & kResult)) continue;
    const int32_t h = tree.Head(i);
    const bool attaches = tree.Rel(i, "advmod") || tree.Rel(i, "xcomp") ||
                          (tree.Rel(i, "obl") && tree.CaseOf(i) == "to");
    if (h >= 0 && attaches && match[h] && match[h]->pos == 'V' && !(match[h]->flags & kResult)) {
      upgrade[h] = match[i]->event;
      consumed[i] = 1;
    }
    if (match[i]->pos == 'R') consumed[i] = 1;  // an adverb alone names no event
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (!match[i] || consumed[i]) continue;
    if (tree.Rel(i, "compound") && !(match[i]->flags & kPredicateCount)) continue;  // "death threats"
    Trigger tr;
    tr.token = i;
    tr.event = upgrade[i].empty() ? match[i]->event : std::string(upgrade[i]);
    tr.flags = match[i]->flags;
    const char pos = match[i]->pos;
    if (pos == 'V') {
      VerbParticipants(tree, i, &tr);
      if ((tr.flags & kPersonPatient) && !IsPerson(tree, tr.patient)) continue;  // "a ceremony held at …"
    } else if (pos == 'A') {
      tr.patient = AdjectivePatient(tree, i);
    } else if (!NounParticipants(tree, lexicon, *index, i, &tr) && !(tr.flags & kPredicateCount)) {
      continue;
    }
    tr.quantity = CountOf(tree, *index, lexicon, i, pos, tr);
    if (tr.agent >= 0) tr.agent_quantity = QuantityIn(tree, *index, lexicon, tr.agent);
    if ((tr.flags & (kNeedsCount | kPredicateCount)) && tr.quantity < 0) continue;
    if (pos == 'A' && tr.patient < 0 && tr.quantity < 0) continue;  // "honoring the dead"
    out.push_back(std::move(tr));
  }
  // "40 protesters had been arrested": a participant noun that is another event's patient or
  // agent is counted there, not a claim of its own.
  std::vector<Trigger> kept;
  for (Trigger& tr : out) {
    bool argument = false;
    for (const Trigger& other : out) {
      argument |= (tr.flags & kNeedsCount) && &other != &tr &&
                  (other.patient == static_cast<int32_t>(tr.token) || other.agent == static_cast<int32_t>(tr.token));
    }
    if (!argument) kept.push_back(std::move(tr));
  }
  return kept;
}

}  // namespace crosscheck::claims

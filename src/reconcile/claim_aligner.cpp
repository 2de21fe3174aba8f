#include "reconcile/claim_aligner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "reconcile/word_tools.h"

namespace crosscheck::reconcile {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Version {
  size_t doc = 0;
  const Claim* claim = nullptr;
  ClaimVersion out;
  std::set<std::string> lemmas;   // content lemmas of the sentence
  std::string head;               // patient head lemma ("man")
  std::string head_class;         // its participant class ("person"), "" if none
  std::string place, country;     // canonical place name and its country code
  std::string unit;
  bool has_value = false;
  double lo = 0, hi = kInf;       // the interval the text commits to
  std::string bound;
  std::vector<std::string> chain; // attribution names, outermost first
  std::vector<std::string> chain_kinds;
  std::vector<std::string> chain_cues;
  std::string primary_key;        // what independence is counted on
  std::vector<std::string> relay_chain;  // the chain it relays: its own, or the one it inherits
  bool credible = false;          // asserted or hedged
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The lemma of the last noun in `span` (the head of an English noun phrase).
std::string HeadLemma(const AnalyzedDocument& doc, Span span) {
  if (span.empty()) return {};
  const bool syntax = doc.syntax.size() == doc.tokens.size();
  std::string last;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.span.begin < span.begin) continue;
    if (t.span.end > span.end) break;
    if (syntax) {
      const std::string& upos = doc.syntax[i].upos;
      if (upos == "NOUN" || upos == "PROPN" || upos == "PRON") last = Lower(doc.syntax[i].lemma);
    } else {
      last = Lower(t.form);
    }
  }
  return last;
}

// Without a syntax layer heads are word forms: fold plain plurals so
// "students" meets "student".
std::string FoldPlural(std::string w) {
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

std::string DisplayNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// A figure as written is precise to half a unit of its last non-zero digit:
// "156" means 155.5–156.5, "870,000" 865,000–875,000, "1.2 million"
// 1.15–1.25 million. Exact figures agree when these intervals (widened by
// the relative tolerance, if any) meet; approximate ones ("about 100") are
// widened by a further 10%. So "156" and "157" conflict, "100" and "98" agree.
double HalfUnit(double v) {
  v = std::fabs(v);
  if (v == 0) return 0;
  double unit = std::pow(10.0, std::floor(std::log10(v)));
  for (int i = 0; i < 12 && unit > 1e-9; ++i) {
    const double q = v / unit;
    if (std::fabs(q - std::round(q)) < 1e-6 * std::max(1.0, q)) break;
    unit /= 10;
  }
  return unit / 2;
}

std::pair<double, double> Widened(const Version& v, double tolerance) {
  double lo = v.lo, hi = v.hi;
  if (v.bound == "approx") { lo *= 0.9; hi *= 1.1; }
  if (v.bound == "exact" || v.bound == "approx") {
    const double slack = std::max(HalfUnit(v.lo), tolerance * std::fabs(v.lo));
    lo -= slack;
    if (hi != kInf) hi += std::max(HalfUnit(v.hi), tolerance * std::fabs(v.hi));
  }
  return {lo, hi};
}

bool Conflict(const Version& a, const Version& b, double tolerance) {
  if (!a.has_value || !b.has_value || a.unit != b.unit) return false;
  const auto [alo, ahi] = Widened(a, tolerance);
  const auto [blo, bhi] = Widened(b, tolerance);
  return ahi <= blo || bhi <= alo;
}

bool SameFigure(const Version& a, const Version& b) {
  return a.has_value && b.has_value && a.unit == b.unit && a.lo == b.lo && a.hi == b.hi;
}

bool DatesConflict(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n) != 0;
}

// kIncompatible: the two versions cannot state one fact (different event,
// participants of different classes, dates, countries or units). Otherwise
// how well they fit, in [0, 1.1].
constexpr double kIncompatible = -1;

// A STATE version and an event version are one fact when they state the
// very same figure, large or with a unit ("$2 million was billed" / "the US
// received a $2 million bill"): small bare numbers coincide too easily.
bool SameDistinctiveFigure(const Version& a, const Version& b) {
  return SameFigure(a, b) && (!a.unit.empty() || a.lo >= 100);
}

double PairScore(const Version& a, const Version& b, double tolerance, bool challenge = false) {
  if (a.out.event.empty() || b.out.event.empty()) return kIncompatible;
  if (a.out.event != b.out.event) {
    const bool one_state = (a.out.event == "STATE") != (b.out.event == "STATE");
    if (!one_state || !SameDistinctiveFigure(a, b)) return kIncompatible;
    if (DatesConflict(a.out.date, b.out.date)) return kIncompatible;
    if (a.doc == b.doc && a.out.cite.sentence == b.out.cite.sentence) return kIncompatible;
    return 0.3 + 0.5 * Jaccard(a.lemmas, b.lemmas);
  }
  // Two figures in one sentence are two facts ("212,000 in July, 188,000 in June").
  if (a.doc == b.doc && a.out.cite.sentence == b.out.cite.sentence && a.has_value && b.has_value &&
      !SameFigure(a, b))
    return kIncompatible;
  if (DatesConflict(a.out.date, b.out.date)) return kIncompatible;
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) return kIncompatible;
  if (a.has_value && b.has_value && a.unit != b.unit) return kIncompatible;
  double participants = 0;
  if (!a.head.empty() && !b.head.empty()) {
    if (a.head == b.head) participants = 1.0;
    else if (!a.head_class.empty() && a.head_class == b.head_class) participants = 0.7;
    else return kIncompatible;
  } else {
    participants = 0.4;
  }
  const double words = Jaccard(a.lemmas, b.lemmas);
  if (a.out.event == "STATE") {
    // "Other checkable statements" share no event verb: only the same counted
    // thing (or, for money and rates, the very same figure) in similar words
    // makes them one fact. An objection to a statement needs no figure.
    const bool same_thing = participants >= 1.0 || (participants < 0.5 && SameFigure(a, b));
    const bool figures = a.has_value && b.has_value;
    const bool agreeing = figures && !Conflict(a, b, tolerance) && participants >= 1.0;
    if (challenge ? words < 0.2 : (!figures || !same_thing || (words < 0.2 && !agreeing))) return kIncompatible;
  }
  // Figures that agree are evidence of one fact (the very same figure more
  // so); figures that conflict are not evidence against it (that is what a
  // dispute is).
  const double agree = SameFigure(a, b) ? 0.2 : a.has_value && b.has_value && !Conflict(a, b, tolerance) ? 0.1 : 0;
  return 0.5 * participants + 0.5 * words + agree;
}

// The score a version needs with at least one member of a fact to join it
// (and it must be compatible with every member).
constexpr double kJoinScore = 0.45;
constexpr double kChallengeScore = 0.3;

std::string SentenceExcerpt(const std::string& text, size_t max_bytes = 160) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// Who denies or questions: the party whose cue is the denial itself
// ("X denied ..."), else the innermost party of the chain, else the outlet.
std::string Challenger(const Version& v) {
  for (size_t k = v.chain.size(); k-- > 0;)
    if (!v.out.modality_cue.empty() && v.chain_cues[k] == v.out.modality_cue) return v.chain[k];
  return v.chain.empty() ? v.out.outlet : v.chain.back();
}

Version MakeVersion(const StoryContext& ctx, size_t d, const Claim& claim) {
  const AnalyzedDocument& doc = *ctx.docs[d];
  Version v;
  v.doc = d;
  v.claim = &claim;
  ClaimVersion& o = v.out;
  o.cite = {doc.doc.id, claim.sentence};
  o.text = SentenceText(doc, claim.sentence);
  o.event = claim.event;
  o.trigger = claim.trigger;
  o.modality = claim.modality.empty() ? "asserted" : claim.modality;
  o.modality_cue = claim.modality_cue;
  o.outlet = ctx.outlet[d];
  o.patient = CollapseSpaces(SpanText(doc, claim.patient_span));
  if (o.patient.empty()) o.patient = claim.patient;
  if (claim.sentence < doc.sentences.size()) v.lemmas = ContentLemmas(doc, doc.sentences[claim.sentence].span);
  v.head = HeadLemma(doc, claim.patient_span);
  if (claim.quantity >= 0 && static_cast<size_t>(claim.quantity) < doc.quantities.size()) {
    const Quantity& q = doc.quantities[claim.quantity];
    v.has_value = true;
    v.lo = q.low;
    v.hi = q.high;
    v.bound = q.vague ? "vague" : q.bound;
    v.unit = q.unit;
    if (!q.counted.empty()) v.head = Lower(q.counted);
    ValueInterval value;
    value.low = q.low;
    if (std::isfinite(q.high)) value.high = q.high;
    value.bound = v.bound;
    o.value = value;
    o.quantity_text = CollapseSpaces(SpanText(doc, q.span));
  }
  if (doc.syntax.size() != doc.tokens.size()) v.head = FoldPlural(v.head);
  if (auto it = ctx.participant_class.find(v.head); it != ctx.participant_class.end()) v.head_class = it->second;
  if (v.head_class == "counter") {
    // "in 26 cases": the counted noun only counts; the participants are the patient's.
    v.head = HeadLemma(doc, claim.patient_span);
    if (doc.syntax.size() != doc.tokens.size()) v.head = FoldPlural(v.head);
    auto it = ctx.participant_class.find(v.head);
    v.head_class = it == ctx.participant_class.end() || it->second == "counter" ? "" : it->second;
    if (it != ctx.participant_class.end() && it->second == "counter") v.head.clear();
  }
  if (claim.place_entity >= 0 && static_cast<size_t>(claim.place_entity) < doc.entities.size()) {
    v.place = ctx.entities.Name(d, claim.place_entity);
    v.country = doc.entities[claim.place_entity].place.country;
  }
  if (claim.date >= 0 && static_cast<size_t>(claim.date) < doc.dates.size()) o.date = doc.dates[claim.date].iso;
  for (const Attribution& a : claim.attribution) {
    std::string name = ctx.entities.Name(d, a.entity);
    if (name.empty()) name = CollapseSpaces(a.source);
    if (name.empty()) continue;
    v.chain.push_back(name);
    v.chain_kinds.push_back(a.kind);
    v.chain_cues.push_back(a.cue);
  }
  o.attributed_to = v.chain;
  v.credible = o.modality == "asserted" || o.modality == "hedged";
  return v;
}

// The primary source of a version: the innermost party of its chain; an
// anonymous party is only known to be the same within one outlet.
void SetPrimary(const StoryContext& ctx, Version& v, const std::vector<std::string>& chain,
                const std::vector<std::string>& kinds) {
  v.relay_chain = chain;
  if (chain.empty()) {
    v.out.primary_source = v.out.outlet;
    v.primary_key = "outlet:" + Lower(ctx.independent_outlet[v.doc]);
    return;
  }
  v.out.primary_source = chain.back();
  if (kinds.back() == "anonymous") {
    v.primary_key = "anonymous:" + Lower(ctx.independent_outlet[v.doc]) + ":" + NameKey(chain.back());
    v.out.primary_source = chain.back() + " (" + v.out.outlet + ")";
  } else {
    v.primary_key = "source:" + NameKey(chain.back());
  }
}

struct Group {
  std::vector<size_t> members;     // indexes into versions: the fact's versions
  std::vector<size_t> challenges;  // denials, objections and negations aimed at it
};

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string ValueText(double lo, double hi, const std::string& bound) {
  if (bound == "range" && std::isfinite(hi)) return DisplayNumber(lo) + "–" + DisplayNumber(hi);
  if (bound == "at_least") return "at least " + DisplayNumber(lo);
  if (bound == "more_than") return "more than " + DisplayNumber(lo);
  if (bound == "at_most") return "at most " + DisplayNumber(hi);
  if (bound == "less_than") return "less than " + DisplayNumber(hi);
  if (bound == "approx") return "about " + DisplayNumber(lo);
  return DisplayNumber(lo);
}

}  // namespace

AlignedClaims AlignClaims(const StoryContext& ctx) {
  std::vector<Version> versions;
  for (size_t d = 0; d < ctx.docs.size(); ++d)
    for (const Claim& c : ctx.docs[d]->claims) versions.push_back(MakeVersion(ctx, d, c));

  // Facts from the credible versions, in reading order: a version joins the
  // fact it fits best, if it fits one member well enough and no member rules it out.
  auto best_group = [&](const std::vector<Group>& groups, size_t i, double needed, bool challenge = false) {
    int best = -1;
    double best_score = needed;
    for (size_t g = 0; g < groups.size(); ++g) {
      double top = -1;
      bool ruled_out = false;
      for (size_t m : groups[g].members) {
        const double s = PairScore(versions[i], versions[m], ctx.options.point_tolerance, challenge);
        if (s == kIncompatible) { ruled_out = true; break; }
        top = std::max(top, s);
      }
      if (!ruled_out && top >= best_score) { best_score = top; best = static_cast<int>(g); }
    }
    return best;
  };
  std::vector<Group> facts;
  for (size_t i = 0; i < versions.size(); ++i) {
    if (!versions[i].credible) continue;
    const int best = best_group(facts, i, kJoinScore);
    if (best < 0) facts.push_back({{i}, {}});
    else facts[best].members.push_back(i);
  }
  // Challenges go to the fact they best answer. Denials are also facts of
  // their own, one per party denying (and objections that answer nothing found).
  std::vector<Group> rebuttals;
  std::vector<std::string> rebuttal_party;
  for (size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].credible) continue;
    int best = best_group(facts, i, kChallengeScore, true);
    if (best < 0) {
      // "That does not match ...": an objection with nothing in common with a
      // fact answers what was said just before it in the same document.
      const Version& c = versions[i];
      for (size_t g = 0; g < facts.size() && best < 0; ++g)
        for (size_t m : facts[g].members) {
          const Version& v = versions[m];
          if (v.doc == c.doc && v.out.cite.sentence + 1 == c.out.cite.sentence && v.has_value) { best = static_cast<int>(g); break; }
        }
    }
    if (best >= 0) facts[best].challenges.push_back(i);
    const std::string& modality = versions[i].out.modality;
    if (modality == "denied" || (modality == "questioned" && best < 0)) {
      const std::string party = modality + ":" + NameKey(Challenger(versions[i]));
      const auto it = std::find(rebuttal_party.begin(), rebuttal_party.end(), party);
      if (it == rebuttal_party.end()) {
        rebuttals.push_back({{i}, {}});
        rebuttal_party.push_back(party);
      } else {
        rebuttals[it - rebuttal_party.begin()].members.push_back(i);
      }
    }
  }
  // One version per sentence of a fact: several clauses of one sentence
  // stating it (or a clause found twice) are one version, the one with a figure.
  auto dedupe = [&](std::vector<size_t>& members) {
    std::vector<size_t> kept;
    for (size_t m : members) {
      auto same = std::find_if(kept.begin(), kept.end(), [&](size_t k) {
        return versions[k].doc == versions[m].doc && versions[k].out.cite.sentence == versions[m].out.cite.sentence;
      });
      if (same == kept.end()) kept.push_back(m);
      else if (!versions[*same].has_value && versions[m].has_value) *same = m;
    }
    members = kept;
  };
  for (Group& g : facts) { dedupe(g.members); dedupe(g.challenges); }
  for (Group& g : rebuttals) dedupe(g.members);

  // A document that names the source of a fact anywhere relies on it for
  // every mention of that fact: its unattributed versions inherit the chain.
  for (Group& g : facts) {
    std::map<size_t, const Version*> attributed;
    for (size_t m : g.members)
      if (!versions[m].chain.empty() && !attributed.count(versions[m].doc)) attributed[versions[m].doc] = &versions[m];
    // A hedge ("reportedly", "allegedly") says the outlet relays a report
    // rather than vouching for it: an unattributed hedged version is taken
    // to relay the source most versions of the fact name.
    std::map<std::string, std::pair<int, const Version*>> named;
    for (size_t m : g.members)
      if (!versions[m].chain.empty()) {
        auto& slot = named[NameKey(versions[m].chain.back())];
        if (++slot.first == 1) slot.second = &versions[m];
      }
    const Version* commonest = nullptr;
    int most = 0;
    for (const auto& [key, slot] : named)
      if (slot.first > most) { most = slot.first; commonest = slot.second; }
    for (size_t m : g.members) {
      Version& v = versions[m];
      auto it = attributed.find(v.doc);
      if (v.chain.empty() && it != attributed.end()) SetPrimary(ctx, v, it->second->chain, it->second->chain_kinds);
      else if (v.chain.empty() && v.out.modality == "hedged" && commonest)
        SetPrimary(ctx, v, commonest->chain, commonest->chain_kinds);
      else SetPrimary(ctx, v, v.chain, v.chain_kinds);
    }
  }
  for (Group& g : rebuttals)
    for (size_t m : g.members) SetPrimary(ctx, versions[m], versions[m].chain, versions[m].chain_kinds);
  for (Group& g : facts)
    for (size_t m : g.challenges) SetPrimary(ctx, versions[m], versions[m].chain, versions[m].chain_kinds);

  AlignedClaims out;
  std::set<std::string> story_sources;
  std::map<std::tuple<std::string, std::string, std::string>, Relay> relays;

  auto build = [&](const Group& g, bool rebuttal) {
    BriefClaim claim;
    std::set<std::string> keys, docs;
    // A figure is corroborated only by versions that state a figure: "men
    // were detained" supports the event, not "more than 100".
    bool figure = false;
    for (size_t m : g.members) figure |= versions[m].has_value && versions[m].credible;
    for (size_t m : g.members) {
      const Version& v = versions[m];
      claim.versions.push_back(v.out);
      docs.insert(v.out.cite.document);
      if (!rebuttal && (!v.credible || (figure && !v.has_value))) continue;
      // One name per primary source, however each document spells it.
      const std::string key = rebuttal ? NameKey(Challenger(v)) : v.primary_key;
      const std::string name = rebuttal ? Challenger(v) : v.out.primary_source;
      if (keys.insert(key).second) claim.primary_sources.push_back(name);
    }
    const Version& first = versions[g.members.front()];
    claim.event = first.out.event;
    for (size_t m : g.members)
      if (versions[m].out.event != "STATE") { claim.event = versions[m].out.event; break; }
    claim.independent_sources = static_cast<uint32_t>(keys.size());
    bool questioned = false, negated = false;
    for (size_t c : g.challenges) {
      const Version& v = versions[c];
      Challenge ch;
      ch.cite = v.out.cite;
      ch.text = v.out.text;
      ch.speaker = Challenger(v);
      ch.modality = v.out.modality;
      claim.challenges.push_back(ch);
      questioned |= v.out.modality == "questioned";
      negated |= v.out.modality == "negated";
    }
    // Figures: conflicts, estimate.
    std::vector<const Version*> valued;
    for (size_t m : g.members)
      if (versions[m].has_value && versions[m].credible) valued.push_back(&versions[m]);
    std::string dispute;
    for (size_t a = 0; a < valued.size() && dispute.empty(); ++a)
      for (size_t b = a + 1; b < valued.size() && dispute.empty(); ++b)
        if (Conflict(*valued[a], *valued[b], ctx.options.point_tolerance)) {
          dispute = ValueText(valued[a]->lo, valued[a]->hi, valued[a]->bound) + " (" + valued[a]->out.outlet + ") vs " +
                    ValueText(valued[b]->lo, valued[b]->hi, valued[b]->bound) + " (" + valued[b]->out.outlet + ")";
        }
    if (!valued.empty()) {
      double low = kInf, high = 0;
      for (const Version* v : valued) {
        low = std::min(low, v->lo);
        high = std::max(high, std::isfinite(v->hi) ? v->hi : v->lo);
      }
      // Best: the figure the most independent sources support (ties: more
      // versions, then the lower figure, the conservative reading).
      double best = valued.front()->lo;
      size_t best_sources = 0, best_versions = 0;
      for (const Version* v : valued) {
        std::set<std::string> agree;
        size_t n = 0;
        for (const Version* w : valued)
          if (!Conflict(*v, *w, ctx.options.point_tolerance)) { agree.insert(w->primary_key); ++n; }
        const double figure = v->lo;
        if (agree.size() > best_sources || (agree.size() == best_sources && n > best_versions) ||
            (agree.size() == best_sources && n == best_versions && figure < best)) {
          best = figure;
          best_sources = agree.size();
          best_versions = n;
        }
      }
      claim.estimate = {low, best, high};
    }
    if (rebuttal) {
      claim.status = first.out.modality == "denied" ? "denied" : "disputed";
      if (claim.status == "disputed") claim.dispute = "wording questioned";
    } else if (!dispute.empty()) {
      claim.status = "disputed";
      claim.dispute = dispute;
    } else if (questioned || negated) {
      claim.status = "disputed";
      claim.dispute = questioned ? "questioned by " + claim.challenges.front().speaker
                                 : "negated by " + claim.challenges.front().speaker;
    } else {
      claim.status = claim.independent_sources >= 2 ? "corroborated" : "single-source";
    }
    // One line: the event word as written, the participants and the figure.
    const Version* rep = valued.empty() ? &first : valued.front();
    std::string trigger = CollapseSpaces(SpanText(*ctx.docs[rep->doc], rep->claim->trigger_span));
    if (trigger.empty()) trigger = rep->out.trigger;
    if (rebuttal) {
      claim.summary = (first.out.modality == "denied" ? "Denied by " : "Questioned by ") + Challenger(*rep) + ": " +
                      SentenceExcerpt(rep->out.text, 140);
    } else {
      // The figure with its counted noun ("at least 26 men"), else the patient.
      std::string what = rep->out.patient;
      if (!rep->out.quantity_text.empty()) {
        const AnalyzedDocument& doc = *ctx.docs[rep->doc];
        const Quantity& q = doc.quantities[rep->claim->quantity];
        std::string counted = q.counted_span.empty() || (q.counted_span.begin < q.span.end && q.span.begin < q.counted_span.end)
                                  ? std::string() : CollapseSpaces(SpanText(doc, q.counted_span));
        if (counted.empty() && what.find(rep->out.quantity_text) != std::string::npos) counted = "";
        what = counted.empty() && what.find(rep->out.quantity_text) != std::string::npos && what.size() < 40
                   ? what : rep->out.quantity_text + (counted.empty() ? "" : " " + counted);
      }
      claim.summary = Capitalized(trigger) + (what.empty() ? "" : ": " + what);
      if (!rep->place.empty()) claim.summary += " (" + rep->place + ")";
      if (!rep->out.date.empty()) claim.summary += ", " + rep->out.date;
      if (claim.summary.size() < trigger.size() + 4) claim.summary = SentenceExcerpt(rep->out.text, 140);
    }
    claim.challenges.shrink_to_fit();
    return std::make_pair(claim, docs.size());
  };

  struct Ranked { BriefClaim claim; int rank; size_t docs; size_t order; };
  std::vector<Ranked> ranked;
  auto status_rank = [](const std::string& s) {
    return s == "disputed" ? 0 : s == "denied" ? 1 : s == "corroborated" ? 2 : 3;
  };
  for (const Group& g : facts) {
    auto [claim, ndocs] = build(g, false);
    const Version& first = versions[g.members.front()];
    // A lone unquantified statement is not a fact worth a line of the brief.
    const bool keep = first.out.event != "STATE" || ndocs >= 2 || claim.estimate.best.has_value() ||
                      !claim.challenges.empty();
    for (size_t m : g.members) {
      const Version& v = versions[m];
      if (!v.credible) continue;
      story_sources.insert(v.primary_key);
      out.sentence_support[{v.doc, v.out.cite.sentence}] =
          std::max(out.sentence_support[{v.doc, v.out.cite.sentence}], static_cast<double>(claim.independent_sources));
      if (!keep) continue;
      // Relay edges: innermost source -> ... -> outermost -> outlet.
      const std::vector<std::string>& chain = v.relay_chain;
      for (size_t k = chain.size(); k-- > 0;) {
        const std::string& from = chain[k];
        const std::string& to = k == 0 ? v.out.outlet : chain[k - 1];
        if (NameKey(from) == NameKey(to)) continue;
        const std::string from_kind = k + 1 == chain.size() ? "primary" : "intermediary";
        const std::string to_kind = k == 0 ? "outlet" : "intermediary";
        Relay& r = relays[{from, to, "relays"}];
        r.from = from; r.to = to; r.from_kind = from_kind; r.to_kind = to_kind; r.kind = "relays";
        ++r.claims;
        if (std::find(r.cites.begin(), r.cites.end(), v.out.cite) == r.cites.end()) r.cites.push_back(v.out.cite);
      }
    }
    if (keep) ranked.push_back({std::move(claim), 0, ndocs, g.members.front()});
  }
  for (const Group& g : rebuttals) {
    auto [claim, ndocs] = build(g, true);
    ranked.push_back({std::move(claim), 0, ndocs, g.members.front()});
  }
  for (Ranked& r : ranked) r.rank = status_rank(r.claim.status);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.docs != b.docs) return a.docs > b.docs;
    return a.order < b.order;
  });
  for (size_t i = 0; i < ranked.size(); ++i) {
    ranked[i].claim.id = "c" + std::to_string(i + 1);
    out.claims.push_back(std::move(ranked[i].claim));
  }
  for (auto& [key, relay] : relays) out.relays.push_back(relay);
  out.independent_sources = static_cast<uint32_t>(story_sources.size());
  return out;
}

}  // namespace crosscheck::reconcile

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
  std::string primary_key;        // what independence is counted on
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

// Points are widened by the tolerance (and approximate figures by 10%) before
// intervals are compared, so "about 100" and "98" agree but "3" and "26" do not.
std::pair<double, double> Widened(const Version& v, double tolerance) {
  double lo = v.lo, hi = v.hi;
  if (v.bound == "approx") { lo *= 0.9; hi *= 1.1; }
  if (v.bound == "exact" || v.bound == "approx") {
    lo *= 1 - tolerance;
    if (hi != kInf) hi *= 1 + tolerance;
  }
  return {lo, hi};
}

bool Conflict(const Version& a, const Version& b, double tolerance) {
  if (!a.has_value || !b.has_value || a.unit != b.unit) return false;
  const auto [alo, ahi] = Widened(a, tolerance);
  const auto [blo, bhi] = Widened(b, tolerance);
  return ahi < blo || bhi < alo;
}

bool DatesConflict(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n) != 0;
}

// How well two versions fit as one fact; < 0 when they cannot be one fact.
double PairScore(const Version& a, const Version& b, bool relaxed) {
  if (a.out.event != b.out.event || a.out.event.empty()) return -1;
  if (DatesConflict(a.out.date, b.out.date)) return -1;
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) return -1;
  if (a.has_value && b.has_value && a.unit != b.unit) return -1;
  double participants = 0;
  if (!a.head.empty() && !b.head.empty()) {
    if (a.head == b.head) participants = 1.0;
    else if (!a.head_class.empty() && a.head_class == b.head_class) participants = 0.7;
    else return -1;
  } else {
    participants = 0.4;
  }
  const double words = Jaccard(a.lemmas, b.lemmas);
  if (a.out.event == "STATE") {
    // "Other checkable statements" share no event verb: only the same counted
    // thing in similar words makes them one fact.
    if (!a.has_value || !b.has_value || participants < 1.0 || words < 0.2) return -1;
  }
  const double score = 0.5 * participants + 0.5 * words;
  const double needed = relaxed ? 0.3 : (participants >= 1.0 ? 0.5 : participants >= 0.7 ? 0.45 : 0.45);
  return score >= needed ? score : -1;
}

std::string SentenceExcerpt(const std::string& text, size_t max_bytes = 160) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
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
  }
  o.attributed_to = v.chain;
  v.credible = o.modality == "asserted" || o.modality == "hedged";
  return v;
}

// The primary source of a version: the innermost party of its chain; an
// anonymous party is only known to be the same within one outlet.
void SetPrimary(const StoryContext& ctx, Version& v, const std::vector<std::string>& chain,
                const std::vector<std::string>& kinds) {
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

  // Facts from the credible versions, in reading order.
  std::vector<Group> facts;
  for (size_t i = 0; i < versions.size(); ++i) {
    if (!versions[i].credible) continue;
    int best = -1;
    double best_score = -1;
    for (size_t g = 0; g < facts.size(); ++g) {
      double sum = 0;
      bool all = true;
      for (size_t m : facts[g].members) {
        const double s = PairScore(versions[i], versions[m], false);
        if (s < 0) { all = false; break; }
        sum += s;
      }
      if (!all) continue;
      const double mean = sum / static_cast<double>(facts[g].members.size());
      if (mean > best_score) { best_score = mean; best = static_cast<int>(g); }
    }
    if (best < 0) facts.push_back({{i}, {}});
    else facts[best].members.push_back(i);
  }
  // Challenges go to the fact they best answer; denials (and objections
  // that answer nothing found) are also facts of their own.
  std::vector<Group> rebuttals;
  for (size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].credible) continue;
    int best = -1;
    double best_score = -1;
    for (size_t g = 0; g < facts.size(); ++g)
      for (size_t m : facts[g].members) {
        const double s = PairScore(versions[i], versions[m], true);
        if (s > best_score) { best_score = s; best = static_cast<int>(g); }
      }
    if (best >= 0 && best_score >= 0) facts[best].challenges.push_back(i);
    const std::string& modality = versions[i].out.modality;
    if (modality == "denied" || (modality == "questioned" && best < 0)) {
      int joined = -1;
      for (size_t g = 0; g < rebuttals.size() && joined < 0; ++g) {
        const Version& other = versions[rebuttals[g].members.front()];
        if (other.out.modality == modality && PairScore(versions[i], other, false) >= 0) joined = static_cast<int>(g);
      }
      if (joined < 0) rebuttals.push_back({{i}, {}});
      else rebuttals[joined].members.push_back(i);
    }
  }

  // A document that names the source of a fact anywhere relies on it for
  // every mention of that fact: its unattributed versions inherit the chain.
  for (Group& g : facts) {
    std::map<size_t, const Version*> attributed;
    for (size_t m : g.members)
      if (!versions[m].chain.empty() && !attributed.count(versions[m].doc)) attributed[versions[m].doc] = &versions[m];
    for (size_t m : g.members) {
      Version& v = versions[m];
      auto it = attributed.find(v.doc);
      if (v.chain.empty() && it != attributed.end()) SetPrimary(ctx, v, it->second->chain, it->second->chain_kinds);
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
    for (size_t m : g.members) {
      const Version& v = versions[m];
      claim.versions.push_back(v.out);
      docs.insert(v.out.cite.document);
      if (!rebuttal && !v.credible) continue;
      // One name per primary source, however each document spells it.
      if (keys.insert(v.primary_key).second) claim.primary_sources.push_back(v.out.primary_source);
    }
    const Version& first = versions[g.members.front()];
    claim.event = first.out.event;
    claim.independent_sources = static_cast<uint32_t>(keys.size());
    bool questioned = false, negated = false;
    for (size_t c : g.challenges) {
      const Version& v = versions[c];
      Challenge ch;
      ch.cite = v.out.cite;
      ch.text = v.out.text;
      ch.speaker = v.chain.empty() ? v.out.outlet : v.chain.back();
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
      const std::string who = rep->chain.empty() ? rep->out.outlet : rep->chain.back();
      claim.summary = who + (first.out.modality == "denied" ? " denies: " : " questions: ") +
                      SentenceExcerpt(rep->out.text, 140);
    } else {
      std::string what = rep->out.patient;
      if (!rep->out.quantity_text.empty() && what.find(rep->out.quantity_text) == std::string::npos)
        what = rep->out.quantity_text + (what.empty() ? "" : " " + what);
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
      for (size_t k = v.chain.size(); k-- > 0;) {
        const std::string& from = v.chain[k];
        const std::string& to = k == 0 ? v.out.outlet : v.chain[k - 1];
        if (NameKey(from) == NameKey(to)) continue;
        const std::string from_kind = k + 1 == v.chain.size() ? "primary" : "intermediary";
        const std::string to_kind = k == 0 ? "outlet" : "intermediary";
        Relay& r = relays[{from, to, "relays"}];
        r.from = from; r.to = to; r.from_kind = from_kind; r.to_kind = to_kind; r.kind = "relays";
        ++r.claims;
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

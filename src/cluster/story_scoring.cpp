// The per-document decision of StorySessionImpl: vectors, candidates, features.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cluster/hashing.h"
#include "cluster/story_session.h"

namespace crosscheck::cluster {
namespace {

constexpr uint32_t kMinArticleWords = 15;   // fewer body words: decide as a headline
constexpr size_t kQueryTerms = 20;          // top text terms that look up candidate stories
constexpr size_t kIndexTerms = 20;          // top terms of each member that index its story
constexpr uint64_t kSweepEvery = 1 << 16;  // documents between sweeps of dead postings
// Words in more than ~5% of recent documents have long postings that say
// little: they do not index (once there are enough documents to tell).
constexpr float kMinIndexIdf = 3.0f;
constexpr double kMinDocumentsForIdfFloor = 500;
constexpr size_t kMaxPostingScan = 256;    // live postings read per look-up term
constexpr size_t kShortlist = 24;          // stories whose cosine is computed per document
constexpr size_t kCentroidPrune = 600;      // centroid terms kept: prune to half beyond this

std::vector<WeightedTerm> Weigh(const std::vector<TermCount>& counts, const DecayedTermStats& stats) {
  std::vector<WeightedTerm> out;
  out.reserve(counts.size());
  double unit_norm = 0, query_norm = 0;
  for (const TermCount& c : counts) {
    const float tf = 1.0f + std::log(c.count);
    const float idf = static_cast<float>(stats.Idf(c.term));
    const float query = tf * idf;
    out.push_back({c.term, tf, query, idf});
    unit_norm += tf * tf;
    query_norm += query * query;
  }
  const float u = unit_norm > 0 ? static_cast<float>(1 / std::sqrt(unit_norm)) : 0;
  const float q = query_norm > 0 ? static_cast<float>(1 / std::sqrt(query_norm)) : 0;
  for (WeightedTerm& w : out) { w.unit *= u; w.query *= q; }
  return out;
}

// The `n` terms of highest query weight, leaving out words below `min_idf`.
std::vector<WeightedTerm> Top(std::vector<WeightedTerm> terms, size_t n, float min_idf = 0) {
  terms.erase(std::remove_if(terms.begin(), terms.end(), [&](const WeightedTerm& w) { return w.idf < min_idf; }),
              terms.end());
  if (terms.size() > n) {
    std::partial_sort(terms.begin(), terms.begin() + n, terms.end(),
                      [](const WeightedTerm& a, const WeightedTerm& b) { return a.query > b.query || (a.query == b.query && a.term < b.term); });
    terms.resize(n);
  }
  return terms;
}

// cos(query, centroid . idf) with the centroid's norm given.
double Cosine(const std::vector<WeightedTerm>& query, const std::unordered_map<uint64_t, float>& centroid, float norm) {
  if (norm <= 0) return 0;
  double dot = 0;
  for (const WeightedTerm& w : query) {
    if (auto it = centroid.find(w.term); it != centroid.end()) dot += w.query * it->second * w.idf;
  }
  return dot / norm;
}

float Norm(const std::unordered_map<uint64_t, float>& centroid, const DecayedTermStats& stats) {
  double sum = 0;
  for (const auto& [term, weight] : centroid) {
    const double x = weight * stats.Idf(term);
    sum += x * x;
  }
  return static_cast<float>(std::sqrt(sum));
}

// Adds `terms` to the centroid and keeps *norm (its norm under the current
// IDF) up to date; false when pruning made the norm stale.
bool AddTo(std::unordered_map<uint64_t, float>* centroid, const std::vector<WeightedTerm>& terms, float* norm) {
  double squared = static_cast<double>(*norm) * *norm;
  for (const WeightedTerm& w : terms) {
    float& c = (*centroid)[w.term];
    squared += (2.0 * c * w.unit + static_cast<double>(w.unit) * w.unit) * w.idf * w.idf;
    c += w.unit;
  }
  *norm = static_cast<float>(std::sqrt(std::max(0.0, squared)));
  if (centroid->size() <= kCentroidPrune) return true;
  // Keep the heaviest half: a long-running story's centroid stays bounded.
  std::vector<std::pair<float, uint64_t>> ranked;
  for (const auto& [term, weight] : *centroid) ranked.emplace_back(-weight, term);
  std::nth_element(ranked.begin(), ranked.begin() + kCentroidPrune / 2, ranked.end());
  for (size_t i = kCentroidPrune / 2; i < ranked.size(); ++i) centroid->erase(ranked[i].second);
  return false;
}

std::string StoryId(const std::string& document_id) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Hash64(document_id)));
  return buf;
}

}  // namespace

DocumentVectors StorySessionImpl::Vectorize(const DocumentRecord& r) const {
  return {Weigh(r.words, stats_), Weigh(r.title_words, stats_), Weigh(r.entities, stats_)};
}

float StorySessionImpl::IndexIdfFloor() const {
  return stats_.documents() >= kMinDocumentsForIdfFloor ? kMinIndexIdf : 0.0f;
}

int StorySessionImpl::PartnerStory(const Pending& p) const {
  int best = -1;
  uint64_t best_ordinal = UINT64_MAX;
  for (uint64_t partner : p.duplicates.partners) {
    auto it = member_story_.find(partner);
    if (it == member_story_.end() || partner >= best_ordinal) continue;
    best = static_cast<int>(it->second >> 32);
    best_ordinal = partner;
  }
  return best;
}

// Scores member documents through the postings of the document's top terms
// (a partial dot product = their cosine when both have few terms), keeps
// each story's best member, shortlists stories by it, then ranks the
// shortlist by max(best member, centroid cosine).
std::vector<StorySessionImpl::Candidate> StorySessionImpl::FindCandidates(const DocumentVectors& v, const Pending& p) {
  auto& member_dot = member_dot_;  // slot << 32 | member; reused: no allocation per document
  member_dot.clear();
  for (const WeightedTerm& w : Top(v.text, kQueryTerms, IndexIdfFloor())) {
    auto it = postings_.find(w.term);
    if (it == postings_.end()) continue;
    auto& list = it->second;
    size_t dead = 0, scanned = 0;
    // Newest first, and only so many: a word common this week would otherwise
    // make every look-up scan thousands of members.
    for (auto e = list.rbegin(); e != list.rend() && scanned < kMaxPostingScan; ++e) {
      if (!Live(*e)) { ++dead; continue; }
      ++scanned;
      member_dot[static_cast<uint64_t>(e->slot) << 32 | e->member] += w.query * e->weight;
    }
    if (dead * 2 > list.size()) {
      list.erase(std::remove_if(list.begin(), list.end(), [&](const Posting& e) { return !Live(e); }), list.end());
    }
  }
  auto& nearest = nearest_;
  nearest.clear();
  for (const auto& [key, dot] : member_dot) {
    float& best = nearest[static_cast<uint32_t>(key >> 32)];
    best = std::max(best, dot);
  }
  if (const int partner = PartnerStory(p); partner >= 0) nearest.try_emplace(static_cast<uint32_t>(partner), 0.0f);
  std::vector<std::pair<float, uint32_t>> ranked;
  for (const auto& [slot, dot] : nearest) ranked.emplace_back(-dot, slot);
  size_t n = std::min(ranked.size(), kShortlist);
  std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end());
  ranked.resize(n);
  std::vector<Candidate> out;
  for (auto& [negative_score, slot] : ranked) {
    StoryState& s = stories_[slot];
    RefreshNorms(s);
    Candidate c{slot, nearest[slot], {}, 0};
    c.features[kTextCosine] = static_cast<float>(Cosine(v.text, s.text, s.text_norm));
    out.push_back(c);
  }
  auto score = [](const Candidate& c) { return std::max(c.nearest, c.features[kTextCosine]); };
  n = std::min<size_t>(n, options_.max_candidates);
  std::partial_sort(out.begin(), out.begin() + n, out.end(), [&](const Candidate& a, const Candidate& b) {
    return score(a) > score(b) || (score(a) == score(b) && a.slot < b.slot);
  });
  out.resize(n);
  return out;
}

void StorySessionImpl::RefreshNorms(StoryState& s) {
  if (s.norms_epoch == stats_epoch_) return;
  s.text_norm = Norm(s.text, stats_);
  s.title_norm = Norm(s.title, stats_);
  s.entity_norm = Norm(s.entities, stats_);
  s.norms_epoch = stats_epoch_;
}

void StorySessionImpl::ScoreCandidates(const DocumentVectors& v, const Pending& p, DocumentKind kind,
                                       std::vector<Candidate>* candidates) {
  for (Candidate& c : *candidates) {
    StoryState& s = stories_[c.slot];
    RefreshNorms(s);
    Features& f = c.features;
    f[kBias] = 1;
    // f[kTextCosine] was computed while ranking the shortlist.
    f[kTitleCosine] = static_cast<float>(Cosine(v.title, s.title, s.title_norm));
    f[kEntityCosine] = static_cast<float>(Cosine(v.entities, s.entities, s.entity_norm));
    f[kTitleTextCosine] = static_cast<float>(Cosine(v.title, s.text, s.text_norm));
    const bool timed = p.record.time != kUnknownTime && s.last_time != kUnknownTime;
    f[kLogGapDays] = timed ? static_cast<float>(std::log1p(std::abs(p.record.time - s.last_time) / 86400.0)) : 0;
    f[kNoTime] = timed ? 0 : 1;
    f[kLogStorySize] = static_cast<float>(std::log1p(s.members.size()));
    f[kNearestMember] = c.nearest;
    f[kBothEntities] = !v.entities.empty() && !s.entities.empty();
    // One outlet rarely files two reports of one event in a few days; it does file on related events.
    f[kSameSource] = !p.record.source.empty() &&
                     std::any_of(s.members.begin(), s.members.end(), [&](const StoryDocument& d) { return d.source == p.record.source; });
  }
  for (Candidate& c : *candidates) {
    float other = 0;
    for (const Candidate& d : *candidates) {
      if (&d != &c) other = std::max(other, d.features[kTextCosine]);
    }
    c.features[kMargin] = c.features[kTextCosine] - other;
    c.probability = model_->Probability(kind, c.features);
  }
}

void StorySessionImpl::IndexTerms(uint32_t slot, uint32_t member, const DocumentVectors& v) {
  const uint32_t generation = stories_[slot].generation;
  for (const WeightedTerm& w : Top(v.text, kIndexTerms, IndexIdfFloor())) postings_[w.term].push_back({slot, generation, member, w.query});
  if (++postings_added_ % kSweepEvery == 0) SweepPostings();
}

void StorySessionImpl::Join(uint32_t slot, Pending& p, const DocumentVectors& v) {
  StoryState& s = stories_[slot];
  // Norms follow the additions exactly under today's IDF; IDF drift is caught
  // up when the statistics epoch changes.
  bool fresh = s.norms_epoch == stats_epoch_ || s.members.empty();
  fresh &= AddTo(&s.text, v.text, &s.text_norm);
  fresh &= AddTo(&s.title, v.title, &s.title_norm);
  fresh &= AddTo(&s.entities, v.entities, &s.entity_norm);
  s.norms_epoch = fresh ? stats_epoch_ : UINT64_MAX;
  const DocumentRecord& r = p.record;
  if (r.time != kUnknownTime) {
    s.first_time = s.first_time == kUnknownTime ? r.time : std::min(s.first_time, r.time);
    s.last_time = s.last_time == kUnknownTime ? r.time : std::max(s.last_time, r.time);
  }
  const DuplicateResult& d = p.duplicates;
  s.members.push_back({r.id, r.title, r.date, r.source, d.copy_of, d.similarity, d.containment, p.ordinal});
  s.member_titles.push_back(r.title_words);
  for (const LiftedParagraph& l : d.lifted) {
    s.overlaps.push_back({r.id, l.source_id, l.paragraph, l.source_paragraph, l.similarity});
  }
  member_story_[p.ordinal] = static_cast<uint64_t>(slot) << 32 | s.generation;
  IndexTerms(slot, static_cast<uint32_t>(s.members.size() - 1), v);
  Touch(slot);
}

Assignment StorySessionImpl::Assign(Pending& p) {
  const DocumentKind kind = p.record.body_words >= kMinArticleWords ? DocumentKind::kArticle : DocumentKind::kHeadline;
  const DocumentVectors v = Vectorize(p.record);
  const int partner = PartnerStory(p);
  int target = -1;
  double probability = 0;
  if (partner >= 0 && p.gold < 0) {
    target = partner;
    probability = 1;
  } else {
    std::vector<Candidate> candidates = FindCandidates(v, p);
    ScoreCandidates(v, p, kind, &candidates);
    if (p.gold >= 0) {
      for (const Candidate& c : candidates) {
        if (examples_ && partner < 0) examples_->push_back({kind, c.features, stories_[c.slot].gold == p.gold});
      }
      if (auto it = gold_story_.find(p.gold); it != gold_story_.end()) target = static_cast<int>(it->second);
    } else {
      const Candidate* best = nullptr;
      for (const Candidate& c : candidates) {
        const double score = options_.baseline ? c.features[kTextCosine] : c.probability;
        const double best_score = !best ? -1 : options_.baseline ? best->features[kTextCosine] : best->probability;
        if (score > best_score) best = &c;
      }
      const double threshold = options_.baseline ? options_.baseline_threshold : model_->Threshold(kind) + options_.threshold_shift;
      if (best && (options_.baseline ? best->features[kTextCosine] : best->probability) >= threshold) {
        target = static_cast<int>(best->slot);
        probability = best->probability;
      }
    }
  }
  Assignment a{p.ordinal, p.record.id, "", target < 0, probability, p.duplicates.copy_of, p.duplicates.similarity};
  if (target < 0) {
    target = static_cast<int>(NewSlot());
    StoryState& s = stories_[target];
    s.open = true;
    s.id = StoryId(p.record.id);
    s.gold = p.gold;
    ++open_count_;
    if (p.gold >= 0) gold_story_[p.gold] = static_cast<uint32_t>(target);
  }
  Join(static_cast<uint32_t>(target), p, v);
  a.story_id = stories_[target].id;
  return a;
}

}  // namespace crosscheck::cluster

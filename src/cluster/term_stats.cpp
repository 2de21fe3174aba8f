#include "cluster/term_stats.h"

#include <cmath>

namespace crosscheck::cluster {
namespace {
constexpr double kRescaleAbove = 1e12;  // keep stored floats far from overflow
constexpr double kPruneBelow = 0.05;    // decayed weight of a term seen once ~4 half-lives ago
}  // namespace

DecayedTermStats::DecayedTermStats(double half_life_seconds)
    : rate_(half_life_seconds > 0 ? std::log(2.0) / half_life_seconds : 0) {}

void DecayedTermStats::AdvanceTo(int64_t time) {
  if (time == kUnknownTime || rate_ == 0) return;
  if (anchor_ == kUnknownTime) anchor_ = time;
  const double scale = std::exp(rate_ * static_cast<double>(time - anchor_));
  if (scale <= scale_) return;  // time never runs backwards here
  scale_ = scale;
  if (scale_ < kRescaleAbove) return;
  for (auto& [term, df] : df_) df = static_cast<float>(df / scale_);
  n_ /= scale_;
  scale_ = 1;
  anchor_ = time;
}

void DecayedTermStats::Add(const std::vector<TermCount>& terms, int64_t time) {
  Add(terms, {}, time);
}

void DecayedTermStats::Add(const std::vector<TermCount>& a, const std::vector<TermCount>& b, int64_t time) {
  AdvanceTo(time);
  const float w = static_cast<float>(scale_);
  for (const TermCount& t : a) df_[t.term] += w;
  for (const TermCount& t : b) df_[t.term] += w;
  n_ += scale_;
  if (df_.size() >= prune_at_) Prune();
}

void DecayedTermStats::Prune() {
  const double floor = kPruneBelow * scale_;
  for (auto it = df_.begin(); it != df_.end();) {
    it = it->second < floor ? df_.erase(it) : std::next(it);
  }
  prune_at_ = std::max<size_t>(1 << 16, df_.size() * 2);
}

void DecayedTermStats::SetPrior(std::unordered_map<uint64_t, float> share, double documents) {
  prior_share_ = std::move(share);
  prior_documents_ = documents;
}

double DecayedTermStats::Idf(uint64_t term) const {
  auto it = df_.find(term);
  double df = it == df_.end() ? 0 : it->second / scale_;
  if (!prior_share_.empty()) {
    if (auto p = prior_share_.find(term); p != prior_share_.end()) df += p->second * prior_documents_;
  }
  return std::log((n_ / scale_ + prior_documents_ + 1) / (df + 0.5));
}

}  // namespace crosscheck::cluster

// cluster/term_stats.h: document frequencies accumulated online with decay.
// Each document adds weight 1 to the terms it contains; weights halve every
// `half_life` seconds, so IDF reflects what is common NOW (a word that names
// this week's story is frequent this week, rare last month). Decay is applied
// lazily through one global scale, so Add is O(terms) and Idf is O(1).
// Terms whose decayed weight falls below a floor are pruned, so memory
// follows the vocabulary of the recent window, not of the corpus.
// Private to cluster/; not thread-safe (one per session).
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "cluster/document_record.h"

namespace crosscheck::cluster {

class DecayedTermStats {
 public:
  // half_life_seconds <= 0: no decay (plain online document frequencies).
  explicit DecayedTermStats(double half_life_seconds);

  // Adds one document at `time` (non-decreasing; kUnknownTime = the latest time seen).
  void Add(const std::vector<TermCount>& terms, int64_t time);
  void Add(const std::vector<TermCount>& a, const std::vector<TermCount>& b, int64_t time);

  // A fixed background of `documents` virtual documents in which each term
  // occurs with the given share; it never decays.
  void SetPrior(std::unordered_map<uint64_t, float> share, double documents);

  // log((N + N0 + 1) / (df + df0 + 0.5)): N and df decayed to the latest
  // time, N0 and df0 from the prior.
  double Idf(uint64_t term) const;
  double documents() const { return n_ / scale_; }
  size_t size() const { return df_.size(); }
  size_t MemoryBytes() const { return df_.size() * 32 + df_.bucket_count() * 8; }

 private:
  void AdvanceTo(int64_t time);
  void Prune();

  double rate_ = 0;           // ln 2 / half-life
  int64_t anchor_ = kUnknownTime;  // time at which scale_ was 1
  double scale_ = 1;          // weight of a document added now, in stored units
  double n_ = 0;              // stored units
  std::unordered_map<uint64_t, float> df_;  // stored units
  size_t prune_at_ = 1 << 16;
  std::unordered_map<uint64_t, float> prior_share_;
  double prior_documents_ = 0;
};

}  // namespace crosscheck::cluster

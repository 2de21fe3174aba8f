// cluster/minhash.h: MinHash signatures over hashed word shingles.
// Signature value i is the minimum over the shingles of a random affine
// permutation h_i(x) = (a_i x + b_i) >> 32 of the 64-bit shingle hash; the
// fraction of equal values of two signatures estimates the Jaccard similarity
// of their shingle sets (standard error sqrt(J(1-J)/n)). The permutations are
// fixed by a constant seed, so signatures are comparable across runs and can
// be stored. Cost: n multiply-adds per shingle. Immutable; thread-safe.
#pragma once
#include <cstdint>
#include <vector>

namespace crosscheck::cluster {

class MinHasher {
 public:
  explicit MinHasher(int size, uint64_t seed);
  // The process-wide hasher with kSignatureSize permutations (immutable).
  static const MinHasher& Default();

  // The first `n` (<= size) values of the signature of `shingles` (non-empty).
  std::vector<uint32_t> Signature(const std::vector<uint64_t>& shingles, int n) const;

 private:
  std::vector<uint64_t> a_, b_;
};

// Fraction of positions where `x` and `y` agree (both the same length).
double EstimateJaccard(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y);

// The share of set X that lies in set Y, from their Jaccard similarity and
// sizes: |X∩Y| = J(|X|+|Y|)/(1+J). Clamped to [0, 1].
double ContainmentFromJaccard(double jaccard, uint32_t x_size, uint32_t y_size);

}  // namespace crosscheck::cluster

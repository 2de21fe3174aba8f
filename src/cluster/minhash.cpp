#include "cluster/minhash.h"

#include <algorithm>
#include <cassert>

#include "cluster/document_record.h"
#include "cluster/hashing.h"

namespace crosscheck::cluster {

MinHasher::MinHasher(int size, uint64_t seed) {
  uint64_t state = seed;
  for (int i = 0; i < size; ++i) {
    state = Mix64(state);
    a_.push_back(state | 1);  // odd: the map x -> a x mod 2^64 is a bijection
    state = Mix64(state);
    b_.push_back(state);
  }
}

const MinHasher& MinHasher::Default() {
  static const MinHasher hasher(kSignatureSize, 0x63726f7373636b31ULL);  // "crossck1"
  return hasher;
}

std::vector<uint32_t> MinHasher::Signature(const std::vector<uint64_t>& shingles, int n) const {
  assert(n <= static_cast<int>(a_.size()) && !shingles.empty());
  std::vector<uint32_t> signature(n, UINT32_MAX);
  for (uint64_t x : shingles) {
    for (int i = 0; i < n; ++i) {
      const uint32_t h = static_cast<uint32_t>((a_[i] * x + b_[i]) >> 32);
      signature[i] = std::min(signature[i], h);
    }
  }
  return signature;
}

double EstimateJaccard(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
  const size_t n = std::min(x.size(), y.size());
  if (n == 0) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < n; ++i) equal += x[i] == y[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

double ContainmentFromJaccard(double jaccard, uint32_t x_size, uint32_t y_size) {
  if (x_size == 0) return 0;
  const double intersection = jaccard * (static_cast<double>(x_size) + y_size) / (1.0 + jaccard);
  return std::clamp(intersection / x_size, 0.0, 1.0);
}

}  // namespace crosscheck::cluster

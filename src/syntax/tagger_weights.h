// syntax/tagger_weights.h (private to syntax/): the trained perceptron
// weights, sparse and quantized. Each feature key maps to a run of
// (label, int16 weight) entries in one pool, so scoring a position costs one
// hash probe and a few adds per feature. Immutable after building/parsing.
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/hash_index.h"

namespace crosscheck::syntax {

class TaggerWeights {
 public:
  // One feature's weights before quantization.
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> weights;  // (label, weight)
  };
  // Quantizes to int16 (one scale for all), dropping weights that round to 0.
  static TaggerWeights Build(const std::vector<Row>& rows);

  // Adds the weights of `features` to scores[label] (scores sized to labels).
  void Score(const uint64_t* features, int count, int32_t* scores) const {
    // Issue all slot loads first: the probes are independent cache misses.
    for (int f = 0; f < count; ++f) index_.Prefetch(features[f]);
    for (int f = 0; f < count; ++f) {
      const auto at = index_.Find(features[f]);
      if (!at) continue;
      const uint32_t* entry = &pool_[*at];
      const uint32_t n = *entry++;
      for (uint32_t e = 0; e < n; ++e) {
        scores[entry[e] >> 16] += static_cast<int16_t>(entry[e] & 0xFFFF);
      }
    }
  }
  size_t features() const { return index_.size(); }
  size_t entries() const { return pool_.size() - index_.size(); }

  void Serialize(ByteWriter* out) const;
  // Fails the reader on malformed input (or labels >= `labels`).
  void Parse(ByteReader* in, uint32_t labels);

 private:
  HashIndex index_;             // feature key -> offset of its run in pool_
  std::vector<uint32_t> pool_;  // runs: count, then (label << 16 | uint16 weight)...
};

}  // namespace crosscheck::syntax

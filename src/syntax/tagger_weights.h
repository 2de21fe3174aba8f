// syntax/tagger_weights.h (private to syntax/): the trained perceptron
// weights, sparse and quantized. Each feature key maps to a run of
// (label, int16 weight) entries in one pool, so scoring a position costs one
// hash probe and a few adds per feature; features with weights for many
// labels (bias, frequent words) are stored as dense int16 rows instead, which
// the compiler adds with SIMD. The probe table stores only a 32-bit
// check of each 64-bit key (8-byte slots, half the cache footprint); a false
// match needs 64 equal hash bits. Immutable after building/parsing.
#pragma once
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "core/binary_io.h"

namespace crosscheck::syntax {

class TaggerWeights {
 public:
  // One feature's weights before quantization.
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> weights;  // (label, weight)
  };
  // Quantizes to int16 (one scale for all), dropping weights that round to 0;
  // labels are < `width`.
  static TaggerWeights Build(const std::vector<Row>& rows, uint32_t width);

  // Adds the weights of `features` to scores[label] (scores sized to labels).
  void Score(const uint64_t* features, int count, int32_t* scores) const {
    // Three sweeps so that the cache misses of different features overlap:
    // prefetch the slots, find the runs and prefetch them, then add.
    for (int f = 0; f < count; ++f) __builtin_prefetch(&slots_[features[f] & mask_]);
    uint32_t runs[kMaxFeatures];
    int found = 0;
    for (int f = 0; f < count && found < kMaxFeatures; ++f) {
      const uint32_t at = Find(features[f]);
      if (at == kNone) continue;
      __builtin_prefetch(&pool_[at]);
      runs[found++] = at;
    }
    for (int r = 0; r < found; ++r) AddRun(runs[r], scores);
  }
  size_t features() const { return keys_.size(); }
  size_t entries() const { return pool_.size() - keys_.size() + dense_.size(); }

  void Serialize(ByteWriter* out) const;
  // Fails the reader on malformed input (or labels >= `labels`).
  void Parse(ByteReader* in, uint32_t width);

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;
  static constexpr int kMaxFeatures = 64;  // per Score call
  static constexpr uint32_t kDense = 0x80000000;  // header flag: low bits index a dense row
  struct Slot {
    uint32_t check = 0;  // high 32 bits of the key, never 0 (0 = empty)
    uint32_t offset = 0;
  };
  static uint32_t Check(uint64_t key) {
    const uint32_t check = static_cast<uint32_t>(key >> 32);
    return check ? check : 1;
  }
  uint32_t Find(uint64_t key) const {
    const uint32_t check = Check(key);
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].check == check) return slots_[i].offset;
      if (slots_[i].check == 0) return kNone;
    }
  }
  void BuildIndex();
  void AddRun(uint32_t at, int32_t* scores) const {
    const uint32_t* entry = &pool_[at];
    const uint32_t header = *entry++;
    if (header & kDense) {
      const int16_t* row = &dense_[static_cast<size_t>(header & ~kDense) * width_];
      // Explicit 8-lane vectors (GCC/Clang vector extensions): at -O2 GCC left
      // the plain loop scalar, and this add was ~15% of `analyze`. Integer
      // adds, so the sums are the same as the scalar loop's.
      typedef int16_t Row8 __attribute__((vector_size(16)));
      typedef int32_t Sum8 __attribute__((vector_size(32)));
      uint32_t l = 0;
      for (; l + 8 <= width_; l += 8) {
        Row8 w;
        Sum8 s;
        std::memcpy(&w, row + l, sizeof w);
        std::memcpy(&s, scores + l, sizeof s);
        s += __builtin_convertvector(w, Sum8);
        std::memcpy(scores + l, &s, sizeof s);
      }
      for (; l < width_; ++l) scores[l] += row[l];
      return;
    }
    for (uint32_t e = 0; e < header; ++e) {
      scores[entry[e] >> 16] += static_cast<int16_t>(entry[e] & 0xFFFF);
    }
  }

  std::vector<uint64_t> keys_;     // feature keys, in pool order
  std::vector<uint32_t> offsets_;  // where each key's run starts in pool_
  std::vector<uint32_t> pool_;     // runs: count, then (label << 16 | uint16 weight)...
                                   // or kDense | dense row number
  std::vector<int16_t> dense_;     // dense rows of width_ weights
  uint32_t width_ = 0;             // labels per dense row
  std::vector<Slot> slots_ = std::vector<Slot>(1);  // open addressing, load <= 1/2
  size_t mask_ = 0;
};

}  // namespace crosscheck::syntax

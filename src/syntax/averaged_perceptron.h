// syntax/averaged_perceptron.h (private to syntax/): multiclass averaged
// perceptron over hashed sparse features, used only while training. Each
// feature keeps the (label, weight) pairs it was ever updated for, with the
// lazy-averaging bookkeeping (running total, last update step). Single-threaded.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/tagger_weights.h"

namespace crosscheck::syntax {

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t labels) : labels_(labels) {}

  // Adds the current (not averaged) weights of `features` to scores.
  void Score(const uint64_t* features, int count, float* scores) const;
  // One training step: call for every example (counts steps for averaging);
  // updates only if guess != truth.
  void Update(const uint64_t* features, int count, uint32_t truth, uint32_t guess);
  // The averaged weights, rows sorted by key (deterministic).
  std::vector<TaggerWeights::Row> Averaged() const;
  size_t features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t label;
    float weight;
    double total;   // sum of weight over steps, up to `stamp`
    uint64_t stamp;
  };
  void Add(uint64_t feature, uint32_t label, float delta);

  uint32_t labels_;
  uint64_t step_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;  // feature -> row
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
};

}  // namespace crosscheck::syntax

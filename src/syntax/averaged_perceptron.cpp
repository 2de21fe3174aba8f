#include "syntax/averaged_perceptron.h"

#include <algorithm>
#include <numeric>

namespace crosscheck::syntax {

void AveragedPerceptron::Score(const uint64_t* features, int count,
                               float* scores) const {
  for (int f = 0; f < count; ++f) {
    const auto it = index_.find(features[f]);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.label] += e.weight;
  }
}

void AveragedPerceptron::Add(uint64_t feature, uint32_t label, float delta) {
  auto [it, inserted] = index_.try_emplace(feature, static_cast<uint32_t>(rows_.size()));
  if (inserted) {
    rows_.emplace_back();
    row_keys_.push_back(feature);
  }
  std::vector<Entry>& row = rows_[it->second];
  auto entry = std::find_if(row.begin(), row.end(), [&](const Entry& e) { return e.label == label; });
  if (entry == row.end()) {
    row.push_back(Entry{static_cast<uint16_t>(label), 0.0f, 0.0, step_});
    entry = row.end() - 1;
  }
  entry->total += static_cast<double>(step_ - entry->stamp) * entry->weight;
  entry->stamp = step_;
  entry->weight += delta;
}

void AveragedPerceptron::Update(const uint64_t* features, int count, uint32_t truth,
                                uint32_t guess) {
  ++step_;
  if (truth == guess) return;
  for (int f = 0; f < count; ++f) {
    Add(features[f], truth, 1.0f);
    Add(features[f], guess, -1.0f);
  }
}

std::vector<TaggerWeights::Row> AveragedPerceptron::Averaged() const {
  std::vector<uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return row_keys_[a] < row_keys_[b]; });
  std::vector<TaggerWeights::Row> out;
  out.reserve(rows_.size());
  const double steps = static_cast<double>(std::max<uint64_t>(step_, 1));
  for (uint32_t r : order) {
    TaggerWeights::Row row{row_keys_[r], {}};
    for (const Entry& e : rows_[r]) {
      const double total = e.total + static_cast<double>(step_ - e.stamp) * e.weight;
      row.weights.emplace_back(e.label, static_cast<float>(total / steps));
    }
    std::sort(row.weights.begin(), row.weights.end());
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace crosscheck::syntax

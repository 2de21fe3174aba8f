#include "syntax/tagger_weights.h"

#include <algorithm>
#include <cmath>

namespace crosscheck::syntax {

TaggerWeights TaggerWeights::Build(const std::vector<Row>& rows, uint32_t width) {
  float max_abs = 1e-9f;
  for (const Row& row : rows) {
    for (const auto& [label, w] : row.weights) max_abs = std::max(max_abs, std::fabs(w));
  }
  const float scale = 32000.0f / max_abs;
  TaggerWeights table;
  table.width_ = width;
  std::vector<uint32_t> run;
  for (const Row& row : rows) {
    run.clear();
    for (const auto& [label, w] : row.weights) {
      const long q = std::lround(w * scale);
      if (q == 0) continue;
      run.push_back(static_cast<uint32_t>(label) << 16 | static_cast<uint16_t>(q));
    }
    if (run.empty()) continue;
    table.keys_.push_back(row.key);
    table.offsets_.push_back(static_cast<uint32_t>(table.pool_.size()));
    // Past half of the labels a dense SIMD add beats scattered adds.
    if (run.size() * 2 >= width) {
      table.pool_.push_back(kDense | static_cast<uint32_t>(table.dense_.size() / width));
      const size_t base = table.dense_.size();
      table.dense_.resize(base + width, 0);
      for (uint32_t entry : run) {
        table.dense_[base + (entry >> 16)] = static_cast<int16_t>(entry & 0xFFFF);
      }
      continue;
    }
    table.pool_.push_back(static_cast<uint32_t>(run.size()));
    table.pool_.insert(table.pool_.end(), run.begin(), run.end());
  }
  table.BuildIndex();
  return table;
}

void TaggerWeights::BuildIndex() {
  size_t capacity = 16;
  while (capacity < 2 * keys_.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (size_t k = 0; k < keys_.size(); ++k) {
    size_t i = keys_[k] & mask_;
    while (slots_[i].check != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{Check(keys_[k]), offsets_[k]};
  }
}

void TaggerWeights::Serialize(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(keys_.size()));
  for (size_t k = 0; k < keys_.size(); ++k) {
    out->U64(keys_[k]);
    out->U32(offsets_[k]);
  }
  out->U32(static_cast<uint32_t>(pool_.size()));
  for (uint32_t v : pool_) out->U32(v);
  out->U32(static_cast<uint32_t>(dense_.size()));
  for (int16_t v : dense_) out->U16(static_cast<uint16_t>(v));
}

void TaggerWeights::Parse(ByteReader* in, uint32_t width) {
  width_ = width;
  const uint32_t features = in->Count(1u << 26);
  keys_.resize(features);
  offsets_.resize(features);
  for (uint32_t k = 0; k < features && in->ok(); ++k) {
    keys_[k] = in->U64();
    offsets_[k] = in->U32();
  }
  const uint32_t n = in->Count(1u << 28);
  pool_.resize(n);
  for (uint32_t i = 0; i < n && in->ok(); ++i) pool_[i] = in->U32();
  dense_.resize(in->Count(1u << 28));
  for (size_t i = 0; i < dense_.size() && in->ok(); ++i) dense_[i] = static_cast<int16_t>(in->U16());
  if (!in->ok() || width == 0 || dense_.size() % width != 0) return in->Fail();
  const size_t dense_rows = dense_.size() / width;
  // Validate every run, and that keys point at run starts, so that Score
  // never reads out of bounds on a corrupt file.
  std::vector<bool> run_start(n, false);
  for (uint32_t at = 0; at < n;) {
    const uint32_t header = pool_[at];
    run_start[at] = true;
    if (header & kDense) {
      if ((header & ~kDense) >= dense_rows) return in->Fail();
      at += 1;
      continue;
    }
    if (header > n - at - 1) return in->Fail();
    for (uint32_t e = 1; e <= header; ++e) {
      if ((pool_[at + e] >> 16) >= width) return in->Fail();
    }
    at += header + 1;
  }
  for (uint32_t offset : offsets_) {
    if (offset >= n || !run_start[offset]) return in->Fail();
  }
  BuildIndex();
}

}  // namespace crosscheck::syntax

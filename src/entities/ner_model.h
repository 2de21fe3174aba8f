// entities/ner_model.h (private to entities/): the NER model and its file.
// models/ner.bin layout (little-endian; see docs/models.md):
//   magic "CCNERMDL", u32 version, str trainer, str command, u32 n + str
//   training files, u32 n + labels, u32 n + self-tests (words, expected tags),
//   u32 n + lower-case word keys (u64, sorted), u32 n + (u64 word hash, u32
//   cluster) sorted, u32 rows, per row u64 feature
//   hash + f32 x labels, f32 x (labels+1) x labels transitions (last row =
//   sentence start), u64 FNV-1a checksum of everything before it.
// Load checks magic, version, sizes and checksum; EntityRecognizer::Load runs
// the self-tests (they need the gazetteer). Immutable once loaded.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "entities/ner_features.h"

namespace crosscheck::entities {

inline constexpr char kNerMagic[8] = {'C', 'C', 'N', 'E', 'R', 'M', 'D', 'L'};
inline constexpr uint32_t kNerVersion = 1;

struct NerSelfTest {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // what the model tagged when it was saved
};

// Feature hash -> row of per-label weights, open addressing (load <= 1/2).
class WeightTable {
 public:
  void Build(const std::vector<uint64_t>& keys, std::vector<float> weights, size_t labels);
  // The row of `key`, or nullptr if the feature was never seen in training.
  const float* Find(uint64_t key) const {
    size_t slot = key & mask_;
    while (true) {
      const uint64_t k = slot_keys_[slot];
      if (k == key) return &weights_[static_cast<size_t>(slot_rows_[slot]) * labels_];
      if (k == 0) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }
  size_t rows() const { return keys_.size(); }
  const std::vector<uint64_t>& keys() const { return keys_; }
  const std::vector<float>& weights() const { return weights_; }

 private:
  std::vector<uint64_t> keys_;   // row order
  std::vector<float> weights_;   // rows x labels
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_rows_;
  size_t mask_ = 0, labels_ = 0;
};

struct NerModel {
  std::string trainer;                      // "entities::TrainNer (averaged perceptron, ...)"
  std::string command;                      // how to rebuild it
  std::vector<std::string> training_files;  // data it was trained on
  std::vector<std::string> labels;          // "O", "B-PER", "I-PER", ...
  std::vector<NerSelfTest> self_tests;
  std::vector<uint64_t> lower_words;        // HashString keys of words mostly written lower-case
  WordClusters clusters;                    // copied from the cluster file at training time
  WeightTable weights;
  std::vector<float> transitions;           // (labels + 1) x labels; row labels = start

  bool IsLowerWord(uint64_t key) const;
};

Status SaveNerModel(const NerModel& model, const std::filesystem::path& path);
// Errors name the file and what is wrong (missing, not an NER model, version, corrupt).
Result<NerModel> LoadNerModel(const std::filesystem::path& path);

}  // namespace crosscheck::entities

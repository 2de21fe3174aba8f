// syntax/pos_model.h (private to syntax/): the models/pos.bin format.
// Layout (little-endian; strings are u32 length + bytes):
//   magic "CCPOSTAG", u32 version, str trainer, str command, str training data,
//   u32 n, n x (str forms separated by spaces, str expected rendering) -- self-tests
//   u32 labels, labels x (str upos, str xpos)
//   tag dictionary (HashIndex: form hash -> label), label candidates,
//   word clusters (HashIndex),
//   weights (TaggerWeights), feats (strings, per-label default, exceptions),
//   lemma rules (LemmaRules), u64 FNV-1a of all preceding bytes.
// Load checks magic, version, checksum and structure, then runs the self-tests.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/hash_index.h"
#include "syntax/label_candidates.h"
#include "syntax/lemma_rules.h"
#include "syntax/tagger_features.h"
#include "syntax/tagger_weights.h"

namespace crosscheck::syntax {

inline constexpr char kPosMagic[] = "CCPOSTAG";
inline constexpr uint32_t kPosVersion = 1;

struct PosSelfTest {
  std::string forms;     // one sentence, words separated by single spaces
  std::string expected;  // RenderTagged() of the tagger's output
};

// UD morphological features: per (lowercased form, label), else per label.
struct FeatsTable {
  std::vector<std::string> values;      // distinct FEATS strings ("_" included)
  std::vector<uint32_t> label_default;  // label -> index into values
  HashIndex exceptions;                 // FeatsKey -> index into values
};
// Key of (HashLowercaseAscii(form), label).
uint64_t FeatsKey(uint64_t lower_form_hash, uint32_t label);

struct PosModel {
  std::string trainer;        // which code and method produced the model
  std::string command;        // how to rebuild it
  std::string training_data;  // the files it was trained on
  std::vector<PosSelfTest> self_tests;
  std::vector<std::string> upos, xpos;  // per label
  HashIndex tag_dictionary;   // exact-form hash -> label, for frequent unambiguous words
  LabelCandidates candidates; // labels allowed for frequent words
  WordLexicon lexicon;        // word clusters
  TaggerWeights weights;      // labels [0, n): forward model; [n, 2n): backward model
  FeatsTable feats;
  LemmaRules lemma_rules;
};

std::string SerializePosModel(const PosModel& model);
// Parses bytes read from `name`; errors name the file and the bad section.
Result<std::shared_ptr<const PosModel>> ParsePosModel(std::string_view bytes,
                                                      const std::string& name);
// Reads and parses `path` (no self-tests run).
Result<std::shared_ptr<const PosModel>> ReadPosModel(const std::filesystem::path& path);

// A tagger over an in-memory model (no self-tests run); for the trainer.
class PosTagger;
PosTagger MakePosTagger(std::shared_ptr<const PosModel> model);

}  // namespace crosscheck::syntax

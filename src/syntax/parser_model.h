// syntax/parser_model.h (private to syntax/): the models/parser.bin format and
// the weights the parser scores with.
// Layout (little-endian; strings are u32 length + bytes):
//   magic "CCPARSER", u32 version, str trainer, str command, str training data,
//   str notes (accuracy at training time),
//   u32 n labels, n x str, u32 root label, u64 left-arc mask, u64 right-arc mask, u32 beam width,
//   2 x table {u32 bits, u32 width, u32 rows kept, str rows: kept x (u32 row, width x f16)},
//   u32 n self-tests, n x {u32 words, words x 4 str (form upos xpos lemma), str expected},
//   u64 FNV-1a of all preceding bytes.
// Weights are stored as IEEE half floats (rows that are all zero are left out)
// and expanded to float on load.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/binary_io.h"
#include "syntax/dependency_parser.h"
#include "syntax/parser_features.h"
#include "syntax/transition_system.h"

namespace crosscheck::syntax {

inline constexpr char kParserMagic[] = "CCPARSER";
inline constexpr uint32_t kParserVersion = 1;

// A hashed linear model: 2^bits rows of `width` scores; a feature key selects a row.
struct WeightTable {
  int bits = 0;
  int width = 0;
  std::vector<float> weights;  // (1 << bits) * width

  void Resize(int new_bits, int new_width) {
    bits = new_bits;
    width = new_width;
    weights.assign((size_t{1} << bits) * width, 0.0f);
  }
  size_t RowOf(uint64_t key) const { return static_cast<size_t>(Mix64(key) >> (64 - bits)); }
  // scores[0..width) += the rows of all keys.
  void Score(const FeatureKeys& keys, float* scores) const;
};

struct ParserSelfTest {
  std::vector<std::string> words;  // 4 per word: form, upos, xpos, lemma
  std::string expected;            // RenderParse of the model's output
};

struct ParserModel {
  std::string trainer;        // code and method that produced the model
  std::string command;        // how to rebuild it
  std::string training_data;  // files (and GUM genres) it was trained on
  std::string notes;          // accuracy measured by the trainer
  std::vector<std::string> labels;
  int root_label = 0;
  uint64_t left_arc_labels = 0;   // labels seen on arcs whose head is right of the dependent
  uint64_t right_arc_labels = 0;  // ... left of the dependent
  int beam_width = 1;             // 1 = greedy decoding
  WeightTable moves;   // width kNumMoves
  WeightTable arc_labels;  // width labels.size()
  std::vector<ParserSelfTest> self_tests;
};

std::string SerializeParserModel(const ParserModel& model);
// Parses bytes read from `name`; errors name the file and the bad section.
Result<std::shared_ptr<ParserModel>> ParseParserModel(std::string_view bytes, const std::string& name);

// The label of the arc head -> dependent about to be made in `state`: the root
// label for the root, else the best label seen on arcs of that direction.
int ChooseLabel(const ParserModel& model, const ParseState& state, const std::vector<WordAtoms>& atoms,
                int head, int dependent, FeatureKeys* keys);

// Parses `words` with `model` (0-based heads, root = words.size()).
// Leaves exactly one word attached to the root.
struct ParseBuffers;  // parser_beam.h
void ParseWords(const ParserModel& model, const std::vector<ParserWord>& words, ParseBuffers* buffers,
                std::vector<int>* heads, std::vector<int>* labels);

// "2:nsubj 0:root ..." (1-based heads), used by self-tests.
std::string RenderParse(const std::vector<uint32_t>& heads, const std::vector<std::string>& deprels);
// Runs every self-test; the error names `name` and the first failing test.
Status RunParserSelfTests(const DependencyParser& parser, const std::string& name);

}  // namespace crosscheck::syntax

// syntax/parser_corpus.h (private to syntax/): treebank sentences as the
// parser trainer uses them. Reads CoNLL-U (gold tokens), keeps GUM documents
// only of the allowed genres (by `# newdoc id = GUM_<genre>_...`), converts
// heads to 0-based with the root last, and adds a projectivized copy of the
// heads for the dynamic oracle.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "syntax/dependency_parser.h"

namespace crosscheck::syntax {

struct ParserSentence {
  std::vector<std::string> form, upos, xpos, lemma;
  std::vector<int> heads;             // gold, 0-based; words.size() = root
  std::vector<int> projective_heads;  // heads with non-projective arcs lifted
  std::vector<std::string> deprels;
  std::vector<int> labels;            // ids in a LabelSet, -1 if unknown
  void Words(std::vector<ParserWord>* out) const;
};

// The relations of the training data, sorted by name (ids fit a 64-bit mask).
struct LabelSet {
  std::vector<std::string> names;
  int root = 0;
  uint64_t left_arcs = 0;   // labels seen with the head right of the dependent
  uint64_t right_arcs = 0;  // ... head left of the dependent
  static LabelSet FromCorpus(const std::vector<ParserSentence>& sentences);
  int Id(const std::string& name) const;  // -1 if absent
};

struct ParserCorpusOptions {
  std::vector<std::string> gum_genres;  // GUM genres to keep
  std::filesystem::path tagger_model;   // non-empty: replace tags and lemmas by predicted ones
};

struct ParserCorpus {
  std::vector<ParserSentence> sentences;
  size_t skipped_documents = 0;  // GUM documents of other genres
  std::string description;       // file names (and GUM genres) for the model file
  void AssignLabels(const LabelSet& labels);
};

// Reads `files` in order; sentences with missing heads are skipped.
Result<ParserCorpus> ReadParserCorpus(const std::vector<std::filesystem::path>& files,
                                      const ParserCorpusOptions& options);

}  // namespace crosscheck::syntax

// syntax/parser_corpus.h (private to syntax/): treebank sentences as the
// parser trainer uses them. Reads CoNLL-U (gold tokens), keeps GUM documents
// only of the allowed genres (by `# newdoc id = GUM_<genre>_...`), converts
// heads to 0-based with the root last, and adds a projectivized copy of the
// heads for the dynamic oracle.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/conllu.h"
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
};

struct ParserCorpus {
  std::vector<ParserSentence> sentences;
  size_t skipped_documents = 0;  // GUM documents of other genres
  std::string description;       // file names (and GUM genres) for the model file
  std::vector<conllu::Sentence> source;  // the CoNLL-U of `sentences` (for jackknifing)
  void AssignLabels(const LabelSet& labels);
};

// Reads `files` in order; sentences with missing heads are skipped.
Result<ParserCorpus> ReadParserCorpus(const std::vector<std::filesystem::path>& files,
                                      const ParserCorpusOptions& options);

// Replaces UPOS, XPOS and lemmas of sentences [begin, end) by the predictions
// of the POS model in `tagger_model`.
Status RetagCorpus(const std::filesystem::path& tagger_model, ParserCorpus* corpus, size_t begin = 0,
                   size_t end = SIZE_MAX);

// Jackknifing: splits `corpus` into `folds` contiguous parts, trains a POS
// model (pos_trainer.h, default options plus `clusters`) on the other parts
// and tags each part with it, so training tags are as noisy as at run time.
// Temporary files go next to `work_prefix`; two folds train at a time.
Status JackknifeTags(int folds, const std::filesystem::path& clusters,
                     const std::filesystem::path& work_prefix, bool quiet, ParserCorpus* corpus);

}  // namespace crosscheck::syntax

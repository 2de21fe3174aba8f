// syntax/dependency_parser.h: labeled dependency trees (UD relations).
// In: one sentence as words with their form, UPOS, XPOS (Penn) and lemma, as
// the POS tagger and lemmatizer produce them. Out: for each word its head
// (1-based within the sentence, 0 = root) and UD relation ("nsubj", "obj",
// "ccomp", "nummod", ...); exactly one word has head 0; the tree is
// projective. Method: greedy arc-eager transitions (root at the end of the
// buffer) scored by an averaged perceptron over hashed Zhang & Nivre (2011)
// features, trained with a dynamic oracle on UD English EWT (+ openly
// licensed GUM genres) by parser_trainer.h; labels come from a second
// perceptron when an arc is made (a model trained with --beam K decodes with a
// beam of K instead, ~K times slower). Cost: linear in words (2 moves per
// word, ~100 feature lookups each; ~450k words/s on one core); no allocation
// per word once a ParserScratch has grown. Load takes ~160 ms, ~120 MB.
// Thread-safety: a loaded parser is immutable; share it between threads and
// give each thread its own ParserScratch.
//
//   auto parser = syntax::DependencyParser::Load("models/parser.bin");
//   if (!parser.ok()) return parser.status();
//   std::vector<uint32_t> heads; std::vector<std::string> deprels;
//   parser->Parse({{"Karimov", "PROPN", "NNP", "Karimov"}, ...}, &heads, &deprels);
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck::syntax {

// One word of the input; views into strings the caller keeps alive.
struct ParserWord {
  std::string_view form;   // "Karimov"
  std::string_view upos;   // "PROPN"
  std::string_view xpos;   // "NNP"
  std::string_view lemma;  // "Karimov"
};

struct ParserModel;  // parser_model.h

// Working memory of Parse; one per thread, reused across sentences.
class ParserScratch {
 public:
  ParserScratch();
  ~ParserScratch();
  ParserScratch(ParserScratch&&) noexcept;
  ParserScratch& operator=(ParserScratch&&) noexcept;
  struct Buffers;
  Buffers& buffers() { return *buffers_; }

 private:
  std::unique_ptr<Buffers> buffers_;
};

class DependencyParser {
 public:
  // Reads models/parser.bin: checks magic, version, checksum and the model's
  // self-test parses. Errors name the file and what was wrong.
  static Result<DependencyParser> Load(const std::filesystem::path& file);
  // Wraps a model built in memory (training, tests); runs no self-tests.
  explicit DependencyParser(std::shared_ptr<const ParserModel> model);

  // Parses one sentence; heads[i] is 1-based (0 = root), deprels[i] its relation.
  void Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
             std::vector<uint32_t>* heads, std::vector<std::string>* deprels) const;
  // Same with a temporary scratch (allocates per call).
  void Parse(const std::vector<ParserWord>& words, std::vector<uint32_t>* heads,
             std::vector<std::string>* deprels) const;

  // Trainer, command and data recorded in the model file.
  std::string Description() const;
  const ParserModel& model() const { return *model_; }

 private:
  std::shared_ptr<const ParserModel> model_;
};

}  // namespace crosscheck::syntax

// syntax/pos_tagger.h: part-of-speech tags and morphological features.
// In: the word forms of one sentence (UD words, gold or from text/).
// Out: one label per word; a label names a UPOS ("VERB"), a Penn Treebank
// XPOS ("VBN") and, with the form, the UD FEATS ("Tense=Past|VerbForm=Part").
// Method: two averaged perceptrons over hashed sparse features (form,
// affixes, shape, word clusters, neighbours +-2, the two labels already
// chosen): a right-to-left greedy pass, then a left-to-right one that picks
// the label with the best summed score; frequent words only take labels they
// had in training, frequent unambiguous ones are looked up. Trained on UD
// English EWT (+ openly licensed GUM genres) by syntax/pos_trainer.h.
// Cost: linear in words, about 2 us per word; no allocation once the Scratch
// has grown. Thread-safety: a loaded PosTagger is immutable (copies share the
// model): call Tag from any number of threads, one Scratch per thread.
//
//   auto tagger = PosTagger::Load("models/pos.bin");
//   if (!tagger.ok()) return tagger.status();
//   PosTagger::Scratch scratch;
//   std::vector<uint16_t> labels;
//   tagger->Tag({"Men", "were", "detained", "."}, &scratch, &labels);
//   tagger->upos(labels[2]);  // "VERB"; xpos(labels[2]) == "VBN"
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/lemmatizer.h"

namespace crosscheck::syntax {

struct PosModel;
struct WordKeys;

class PosTagger {
 public:
  // Per-thread working memory for Tag.
  class Scratch {
   public:
    Scratch();
    ~Scratch();
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;

   private:
    friend class PosTagger;
    std::vector<WordKeys> keys_;
    std::vector<int32_t> scores_;     // per word: both models' label scores
    std::vector<uint16_t> backward_;  // labels of the backward pass
    std::vector<uint32_t> known_;     // dictionary label per word, or none
    std::vector<const uint64_t*> allowed_;  // candidate labels per word, or null
  };

  // Reads models/pos.bin; checks magic, version, checksum and the self-tests
  // stored in the file. Errors name the file and what was wrong.
  static Result<PosTagger> Load(const std::filesystem::path& path);

  // Sets (*labels)[i] to the label of forms[i]; labels->size() == forms.size().
  void Tag(const std::vector<std::string_view>& forms, Scratch* scratch,
           std::vector<uint16_t>* labels) const;

  std::string_view upos(uint16_t label) const;
  std::string_view xpos(uint16_t label) const;
  // UD FEATS of `form` with `label` ("_" if none).
  std::string_view feats(std::string_view form, uint16_t label) const;
  size_t label_count() const;
  // The lemmatizer stored in the same model file.
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  // Who trained the model and how to rebuild it.
  const std::string& trainer() const;
  const std::string& command() const;

  // Runs the model's self-tests; the error names `name` and the first failure.
  Status SelfTest(const std::string& name) const;
  // "form/UPOS/XPOS/lemma/FEATS ..." of one sentence (used by self-tests).
  std::string Render(const std::vector<std::string_view>& forms, Scratch* scratch) const;

 private:
  friend PosTagger MakePosTagger(std::shared_ptr<const PosModel> model);
  explicit PosTagger(std::shared_ptr<const PosModel> model);
  std::shared_ptr<const PosModel> model_;
  Lemmatizer lemmatizer_;
};

// Splits a sentence written with single spaces between words.
std::vector<std::string_view> SplitWords(std::string_view sentence);

}  // namespace crosscheck::syntax

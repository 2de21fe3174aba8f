// syntax/lemmatizer.h: dictionary forms of words ("detained" -> "detain",
// "men" -> "man", "said" -> "say", "n't" -> "not", "'s" -> "be" or "'s").
// In: a word form with its UPOS and Penn Treebank XPOS (from PosTagger).
// Out: the lemma as UD English EWT writes it (lowercased except proper nouns).
// Method: an exception list of irregular (form, XPOS) pairs learned from the
// treebank, then suffix-edit rules ("strip 2, append ''") chosen by the
// longest known suffix, the XPOS and the capitalization. Data lives in
// models/pos.bin next to the tagger. Cost: a few hash probes per word.
// Thread-safety: immutable after Load; Lemmatize may be called concurrently.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck::syntax {

struct PosModel;

class Lemmatizer {
 public:
  // Reads the lemma rules from models/pos.bin (no self-tests; PosTagger::Load
  // runs them). Errors name the file.
  static Result<Lemmatizer> Load(const std::filesystem::path& path);

  // Writes the lemma of `form` to *lemma (reusing its capacity).
  void Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                 std::string* lemma) const;
  std::string Lemmatize(std::string_view form, std::string_view upos,
                        std::string_view xpos) const {
    std::string lemma;
    Lemmatize(form, upos, xpos, &lemma);
    return lemma;
  }

 private:
  friend class PosTagger;
  explicit Lemmatizer(std::shared_ptr<const PosModel> model) : model_(std::move(model)) {}
  std::shared_ptr<const PosModel> model_;
};

}  // namespace crosscheck::syntax

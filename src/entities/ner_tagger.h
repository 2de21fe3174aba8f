// entities/ner_tagger.h (private to entities/): BIO sequence labelling.
// Scores each token's features against the model's per-label weights, adds
// label-bigram transition weights and finds the best label sequence with
// Viterbi, never allowing I-X after anything but B-X / I-X. Sentences that are
// mostly capitals are first re-cased word by word (the document's own
// spelling, else lower case for common words, else Title case), so a shouted
// headline looks like ordinary text to the model. Linear in tokens.
// Thread-safety: const methods only; one Scratch per thread.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"

namespace crosscheck::entities {

// allowed[prev * K + cur] for prev in [0, K] (K = sentence start).
std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels);

// Best label sequence for emissions (n x K, row-major) and transitions
// ((K+1) x K); writes n labels into *best.
void Viterbi(const std::vector<float>& emissions, size_t n, size_t labels,
             const std::vector<float>& transitions, const std::vector<uint8_t>& allowed,
             std::vector<float>* scratch, std::vector<uint16_t>* best);

// The words of an all-caps sentence re-cased (see top comment); other
// sentences unchanged. `is_lower_word` says a word is usually lower-case.
template <typename IsLowerWord>
void Recase(const std::vector<std::string_view>& forms, const DocumentCasing& casing,
            IsLowerWord is_lower_word, std::vector<std::string>* storage,
            std::vector<std::string_view>* out);

class NerTagger {
 public:
  struct Scratch {
    SentenceFeatures features;
    std::vector<float> emissions, viterbi;
    std::vector<std::string> recased;
    std::vector<std::string_view> forms;
  };
  NerTagger(const NerModel* model, const Gazetteer* gazetteer)
      : model_(model), extractor_(gazetteer, &model->clusters), allowed_(AllowedTransitions(model->labels)) {}

  // Label ids (indexes into labels()) for one sentence.
  void Tag(const std::vector<std::string_view>& forms, const DocumentCasing& casing,
           Scratch* scratch, std::vector<uint16_t>* labels) const;
  const std::vector<std::string>& labels() const { return model_->labels; }

 private:
  const NerModel* model_;
  FeatureExtractor extractor_;
  std::vector<uint8_t> allowed_;
};

// ---- implementation of the template ----
std::string TitleCase(std::string_view word);

template <typename IsLowerWord>
void Recase(const std::vector<std::string_view>& forms, const DocumentCasing& casing,
            IsLowerWord is_lower_word, std::vector<std::string>* storage,
            std::vector<std::string_view>* out) {
  out->assign(forms.begin(), forms.end());
  if (!IsAllCapsSentence(forms)) return;
  storage->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view spelling = casing.PreferredSpelling(forms[i]);
    std::string lower = AsciiLower(forms[i]);
    if (!spelling.empty()) (*storage)[i] = std::string(spelling);
    else if (is_lower_word(lower) || forms[i].size() <= 1) (*storage)[i] = lower;
    else (*storage)[i] = TitleCase(forms[i]);
    (*out)[i] = (*storage)[i];
  }
}

}  // namespace crosscheck::entities

#include "syntax/lemmatizer.h"

#include "syntax/pos_model.h"

namespace crosscheck::syntax {

Result<Lemmatizer> Lemmatizer::Load(const std::filesystem::path& path) {
  auto model = ReadPosModel(path);
  if (!model.ok()) return model.status();
  return Lemmatizer(std::move(model).value());
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                           std::string* lemma) const {
  model_->lemma_rules.Lemmatize(form, upos, xpos, lemma);
}

}  // namespace crosscheck::syntax

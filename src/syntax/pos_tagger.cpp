#include "syntax/pos_tagger.h"

#include <algorithm>

#include "syntax/pos_model.h"

namespace crosscheck::syntax {

PosTagger::Scratch::Scratch() = default;
PosTagger::Scratch::~Scratch() = default;
PosTagger::Scratch::Scratch(Scratch&&) noexcept = default;
PosTagger::Scratch& PosTagger::Scratch::operator=(Scratch&&) noexcept = default;

PosTagger::PosTagger(std::shared_ptr<const PosModel> model)
    : model_(model), lemmatizer_(std::move(model)) {}

PosTagger MakePosTagger(std::shared_ptr<const PosModel> model) {
  return PosTagger(std::move(model));
}

Result<PosTagger> PosTagger::Load(const std::filesystem::path& path) {
  auto model = ReadPosModel(path);
  if (!model.ok()) return model.status();
  PosTagger tagger(std::move(model).value());
  if (Status status = tagger.SelfTest(path.string()); !status.ok()) return status;
  return tagger;
}

void PosTagger::Tag(const std::vector<std::string_view>& forms, Scratch* scratch,
                    std::vector<uint16_t>* labels) const {
  const PosModel& model = *model_;
  const int n = static_cast<int>(forms.size());
  const uint32_t label_count = static_cast<uint32_t>(model.upos.size());
  const size_t row_size = 2 * label_count;  // forward model's labels, then backward's
  std::vector<WordKeys>& keys = scratch->keys_;
  ComputeWordKeys(forms, model.lexicon, &keys);
  scratch->scores_.assign(n * row_size + label_count, 0);
  int32_t* const rows = scratch->scores_.data();
  int32_t* const combined = rows + n * row_size;
  labels->resize(n);
  std::vector<uint16_t>& backward = scratch->backward_;
  backward.resize(n);
  // Per word: its dictionary label (or kStartLabel) and its allowed labels.
  std::vector<uint32_t>& known = scratch->known_;
  std::vector<const uint64_t*>& allowed = scratch->allowed_;
  known.resize(n);
  allowed.resize(n);
  uint64_t features[kMaxTaggerFeatures];
  // Both models share the label-independent features: one probe scores both.
  for (int i = 0; i < n; ++i) {
    const auto label = model.tag_dictionary.Find(keys[i].form);
    known[i] = label ? *label : kStartLabel;
    if (label) continue;
    allowed[i] = model.candidates.Find(keys[i].form);
    model.weights.Score(features, ExtractStaticFeatures(keys, i, features), rows + i * row_size);
  }
  uint32_t prev1 = kStartLabel, prev2 = kStartLabel;
  for (int i = n - 1; i >= 0; --i) {
    uint32_t label = known[i];
    if (label == kStartLabel) {
      int32_t* row = rows + i * row_size;
      const int count = ExtractHistoryFeatures(keys, i, Direction::kBackward, prev1, prev2, features);
      model.weights.Score(features, count, row);
      label = BestLabel(row + label_count, label_count, allowed[i]);
    }
    backward[i] = static_cast<uint16_t>(label);
    prev2 = prev1;
    prev1 = label;
  }
  prev1 = prev2 = kStartLabel;
  for (int i = 0; i < n; ++i) {
    uint32_t label = backward[i];
    if (known[i] == kStartLabel) {
      int32_t* row = rows + i * row_size;
      const int count = ExtractHistoryFeatures(keys, i, Direction::kForward, prev1, prev2, features);
      model.weights.Score(features, count, row);
      for (uint32_t l = 0; l < label_count; ++l) combined[l] = row[l] + row[label_count + l];
      label = BestLabel(combined, label_count, allowed[i]);
    }
    (*labels)[i] = static_cast<uint16_t>(label);
    prev2 = prev1;
    prev1 = label;
  }
}

std::string_view PosTagger::upos(uint16_t label) const { return model_->upos[label]; }
std::string_view PosTagger::xpos(uint16_t label) const { return model_->xpos[label]; }
size_t PosTagger::label_count() const { return model_->upos.size(); }
const std::string& PosTagger::trainer() const { return model_->trainer; }
const std::string& PosTagger::command() const { return model_->command; }

std::string_view PosTagger::feats(std::string_view form, uint16_t label) const {
  const FeatsTable& feats = model_->feats;
  const uint64_t key = FeatsKey(HashLowercaseAscii(form), label);
  if (auto hit = feats.exceptions.Find(key)) return feats.values[*hit];
  return feats.values[feats.label_default[label]];
}

std::string PosTagger::Render(const std::vector<std::string_view>& forms,
                              Scratch* scratch) const {
  std::vector<uint16_t> labels;
  Tag(forms, scratch, &labels);
  std::string out, lemma;
  for (size_t i = 0; i < forms.size(); ++i) {
    lemmatizer_.Lemmatize(forms[i], upos(labels[i]), xpos(labels[i]), &lemma);
    if (i) out += ' ';
    out.append(forms[i]).append("/").append(upos(labels[i])).append("/");
    out.append(xpos(labels[i])).append("/").append(lemma).append("/");
    out.append(feats(forms[i], labels[i]));
  }
  return out;
}

Status PosTagger::SelfTest(const std::string& name) const {
  Scratch scratch;
  for (const PosSelfTest& test : model_->self_tests) {
    const std::string got = Render(SplitWords(test.forms), &scratch);
    if (got != test.expected) {
      return Status::Error(name + ": self-test failed on \"" + test.forms + "\": expected \"" +
                           test.expected + "\", got \"" + got + "\"");
    }
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitWords(std::string_view sentence) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start <= sentence.size()) {
    size_t end = sentence.find(' ', start);
    if (end == std::string_view::npos) end = sentence.size();
    if (end > start) words.push_back(sentence.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace crosscheck::syntax

#include "entities/ner_tagger.h"

#include <cstring>
#include <limits>

#include "core/binary_io.h"
#include "entities/iob2_corpus.h"

namespace crosscheck::entities {

std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels) {
  const size_t k = labels.size();
  std::vector<uint8_t> allowed((k + 1) * k, 1);
  for (size_t cur = 0; cur < k; ++cur) {
    if (labels[cur][0] != 'I') continue;
    for (size_t prev = 0; prev <= k; ++prev) {
      const bool ok = prev < k && labels[prev][0] != 'O' &&
                      TagType(labels[prev]) == TagType(labels[cur]);
      allowed[prev * k + cur] = ok;
    }
  }
  return allowed;
}

void Viterbi(const std::vector<float>& emissions, size_t n, size_t labels,
             const std::vector<float>& transitions, const std::vector<uint8_t>& allowed,
             std::vector<float>* scratch, std::vector<uint16_t>* best) {
  best->assign(n, 0);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // scratch: n x K scores, then n x K back-pointers stored as floats.
  scratch->assign(2 * n * labels, 0);
  float* score = scratch->data();
  float* back = score + n * labels;
  for (size_t cur = 0; cur < labels; ++cur) {
    score[cur] = allowed[labels * labels + cur]
                     ? emissions[cur] + transitions[labels * labels + cur] : kNone;
  }
  for (size_t t = 1; t < n; ++t) {
    for (size_t cur = 0; cur < labels; ++cur) {
      float top = kNone;
      size_t arg = 0;
      for (size_t prev = 0; prev < labels; ++prev) {
        if (!allowed[prev * labels + cur]) continue;
        const float s = score[(t - 1) * labels + prev] + transitions[prev * labels + cur];
        if (s > top) top = s, arg = prev;
      }
      score[t * labels + cur] = top + emissions[t * labels + cur];
      back[t * labels + cur] = static_cast<float>(arg);
    }
  }
  size_t arg = 0;
  for (size_t cur = 1; cur < labels; ++cur) {
    if (score[(n - 1) * labels + cur] > score[(n - 1) * labels + arg]) arg = cur;
  }
  for (size_t t = n; t-- > 0;) {
    (*best)[t] = static_cast<uint16_t>(arg);
    if (t > 0) arg = static_cast<size_t>(back[t * labels + arg]);
  }
}

std::string TitleCase(std::string_view word) {
  std::string out = AsciiLower(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// row[0..k) += w[0..k), 4 lanes at a time (the model has few labels): GCC -O2
// leaves the plain loop scalar. Lane-wise float adds in the same order per
// label, so the emissions are bit-identical to the scalar loop's.
static void AddRow(const float* w, size_t k, float* row) {
  typedef float Lanes4 __attribute__((vector_size(16)));
  size_t l = 0;
  for (; l + 4 <= k; l += 4) {
    Lanes4 a, b;
    std::memcpy(&a, row + l, sizeof a);
    std::memcpy(&b, w + l, sizeof b);
    a += b;
    std::memcpy(row + l, &a, sizeof a);
  }
  for (; l < k; ++l) row[l] += w[l];
}

void NerTagger::Tag(const std::vector<std::string_view>& forms, const DocumentCasing& casing,
                    Scratch* scratch, std::vector<uint16_t>* labels) const {
  Recase(forms, casing,
         [this](const std::string& lower) { return model_->IsLowerWord(HashString(lower)); },
         &scratch->recased, &scratch->forms);
  extractor_.Extract(scratch->forms, casing, &scratch->features);
  const size_t k = model_->labels.size(), n = forms.size();
  scratch->emissions.assign(n * k, 0);
  const SentenceFeatures& f = scratch->features;
  for (size_t t = 0; t < n; ++t) {
    float* row = &scratch->emissions[t * k];
    for (uint32_t j = f.begin[t]; j < f.begin[t + 1]; ++j) {
      const float* w = model_->weights.Find(f.hashes[j]);
      if (w == nullptr) continue;
      AddRow(w, k, row);
    }
  }
  Viterbi(scratch->emissions, n, k, model_->transitions, allowed_, &scratch->viterbi, labels);
}

}  // namespace crosscheck::entities

#include "text/boundary_trainer.h"

#include <algorithm>
#include <unordered_set>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace crosscheck::text {
namespace {

struct Example {
  BoundaryFeatures features;
  bool boundary = false;
};

bool ClassifierDecides(CandidateKind k) {
  return k == CandidateKind::kTerminal || k == CandidateKind::kAbbreviation ||
         k == CandidateKind::kCapitalized;
}

void CollectExamples(const UdDocument& doc, const Tokenizer& tokenizer, const TokenLexicon& lexicon,
                     std::vector<Example>* examples) {
  std::unordered_set<uint32_t> gold_ends;
  for (const Span& s : doc.sentences) gold_ends.insert(s.end);
  std::vector<Token> tokens;
  std::vector<uint8_t> breaks;
  std::vector<Candidate> candidates;
  for (const Span& para : doc.paragraphs) {
    const uint32_t first = static_cast<uint32_t>(tokens.size());
    tokenizer.Tokenize(doc.text, para.begin, para.end, &tokens, &breaks);
    const uint32_t end = static_cast<uint32_t>(tokens.size());
    SentenceSplitter::FindCandidates(tokens, breaks, first, end, &candidates);
    for (const Candidate& c : candidates) {
      if (!ClassifierDecides(c.kind)) continue;
      Example& e = examples->emplace_back();
      BoundaryClassifier::Extract(tokens, end, c, lexicon, &e.features);
      e.boundary = gold_ends.count(tokens[c.last].span.end) > 0;
    }
  }
}

float Dot(const std::vector<float>& w, const BoundaryFeatures& f) {
  float s = 0;
  for (int i = 0; i < f.size; ++i) s += w[f.index[i]];
  return s;
}

}  // namespace

double TrainBoundaryClassifier(const std::vector<UdDocument>& docs, const TokenLexicon& lexicon,
                               int epochs, BoundaryClassifier* classifier, size_t* examples_out) {
  const Tokenizer tokenizer(&lexicon);
  std::vector<Example> examples;
  for (const UdDocument& doc : docs) CollectExamples(doc, tokenizer, lexicon, &examples);
  *examples_out = examples.size();
  std::vector<float>& w = *classifier->mutable_weights();
  std::vector<float> totals(w.size(), 0.0f);  // sum of updates weighted by time (averaging trick)
  std::vector<uint32_t> order(examples.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t lcg = 0x9E3779B97F4A7C15ull;
  float step = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed LCG
      lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(order[i - 1], order[(lcg >> 33) % i]);
    }
    for (uint32_t k : order) {
      const Example& e = examples[k];
      const float y = e.boundary ? 1.0f : -1.0f;
      if (y * Dot(w, e.features) <= 0) {
        for (int i = 0; i < e.features.size; ++i) {
          w[e.features.index[i]] += y;
          totals[e.features.index[i]] += step * y;
        }
      }
      ++step;
    }
  }
  for (size_t i = 0; i < w.size(); ++i) w[i] -= totals[i] / step;
  size_t correct = 0;
  for (const Example& e : examples) correct += classifier->IsBoundary(e.features) == e.boundary;
  return examples.empty() ? 0 : 100.0 * static_cast<double>(correct) / static_cast<double>(examples.size());
}

}  // namespace crosscheck::text

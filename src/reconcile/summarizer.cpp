#include "reconcile/summarizer.h"

#include <algorithm>
#include <cmath>

#include "reconcile/summary_features.h"

namespace crosscheck::reconcile {
namespace {

constexpr double kMostlyQuoted = 0.5;  // share of words inside quotation marks

struct Candidate {
  SentenceFeatures features;
  double score = 0;
};

bool IsCopy(const SummaryInput& extra, size_t d) { return d < extra.is_copy.size() && extra.is_copy[d]; }

double SupportOf(const SummaryInput& extra, size_t d, uint32_t s) {
  auto it = extra.support.find({d, s});
  return it == extra.support.end() ? 0 : it->second;
}

// Every sentence of the original documents that could stand in a summary.
std::vector<Candidate> CollectCandidates(const std::vector<const AnalyzedDocument*>& docs, const SummaryInput& extra,
                                         const Summarizer::Lexicon& lexicon, size_t min_words, bool compress,
                                         bool strict) {
  std::vector<Candidate> candidates;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (IsCopy(extra, d) || docs[d] == nullptr) continue;
    bool inside_quote = false;
    for (uint32_t s = 0; s < docs[d]->sentences.size(); ++s) {
      if (s > 0 && docs[d]->sentences[s].paragraph != docs[d]->sentences[s - 1].paragraph) inside_quote = false;
      Candidate c{DescribeSentence(*docs[d], s, lexicon, &inside_quote), 0};
      c.features.doc = d;
      if (compress) c.features.text = c.features.compressed, c.features.words = c.features.compressed_words;
      if (c.features.words < min_words || c.features.terms.empty()) continue;
      // Not in the story's own voice: a question, mostly quotation, the writer's first person.
      if (strict && (c.features.question || c.features.quoted >= kMostlyQuoted || c.features.first_person)) continue;
      candidates.push_back(std::move(c));
    }
  }
  return candidates;
}

// Centrality, headline, position and support, less the penalties.
void ScoreCandidates(const std::vector<const AnalyzedDocument*>& docs, const SummaryInput& extra,
                     const Summarizer::Lexicon& lexicon, const SummaryWeights& w, std::vector<Candidate>* candidates) {
  std::vector<std::vector<const TermVector*>> by_doc(docs.size());
  for (const Candidate& c : *candidates) by_doc[c.features.doc].push_back(&c.features.terms);
  std::vector<TermVector> doc_vectors(docs.size());
  std::vector<TermVector> headlines;
  for (size_t d = 0; d < docs.size(); ++d) {
    doc_vectors[d] = Centroid(by_doc[d]);
    if (!IsCopy(extra, d) && docs[d] != nullptr) headlines.push_back(HeadlineVector(docs[d]->doc.title, lexicon));
  }
  std::vector<const TermVector*> headline_ptrs;
  for (const TermVector& h : headlines) headline_ptrs.push_back(&h);
  const TermVector headline = Centroid(headline_ptrs);
  double max_support = 0;
  for (const auto& entry : extra.support) max_support = std::max(max_support, entry.second);
  for (Candidate& c : *candidates) {
    const SentenceFeatures& f = c.features;
    double centrality = 0;
    int others = 0;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (d == f.doc || doc_vectors[d].empty()) continue;
      centrality += Cosine(f.terms, doc_vectors[d]);
      ++others;
    }
    centrality = others > 0 ? centrality / others : Cosine(f.terms, doc_vectors[f.doc]);
    const double support =
        max_support > 0 ? std::log1p(SupportOf(extra, f.doc, f.sentence)) / std::log1p(max_support) : 0;
    c.score = w.centrality * centrality + w.headline * Cosine(f.terms, headline) +
              w.position / (1.0 + f.sentence) + w.support * support;
    c.score -= w.loaded * f.loaded + w.quote * f.quoted + w.question * f.question +
               w.first_person * f.first_person + w.fragment * f.fragment + w.dangling * f.dangling;
  }
}

// Greedy MMR under the length cap; ties go to the earlier document and sentence.
std::vector<const Candidate*> Select(const std::vector<Candidate>& candidates, const SummaryWeights& w,
                                     SummaryLength length) {
  std::vector<const Candidate*> picked;
  std::vector<bool> used(candidates.size(), false);
  size_t words = 0;
  while (length.max_sentences == 0 || picked.size() < length.max_sentences) {
    int best = -1;
    double best_value = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (used[i]) continue;
      const Candidate& c = candidates[i];
      if (!picked.empty() && length.max_words > 0 && words + c.features.words > length.max_words) continue;
      double overlap = 0;
      for (const Candidate* p : picked) overlap = std::max(overlap, Cosine(c.features.terms, p->features.terms));
      if (overlap >= w.duplicate) continue;
      const double value = c.score - w.redundancy * overlap;
      if (best < 0 || value > best_value) best = static_cast<int>(i), best_value = value;
    }
    if (best < 0) break;
    used[best] = true;
    picked.push_back(&candidates[best]);
    words += candidates[best].features.words;
  }
  return picked;
}

}  // namespace

Result<Summarizer> Summarizer::Load(const std::filesystem::path& data_dir, SummaryWeights weights) {
  auto lexicon = LoadSummaryLexicon(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  Summarizer summarizer;
  summarizer.lexicon_ = *lexicon;
  summarizer.weights_ = weights;
  return summarizer;
}

std::vector<SummarySentence> Summarizer::Summarize(const std::vector<const AnalyzedDocument*>& docs,
                                                   const SummaryInput& extra, SummaryLength length) const {
  const bool compress = weights_.drop_parentheticals;
  std::vector<Candidate> candidates = CollectCandidates(docs, extra, *lexicon_, weights_.min_words, compress, true);
  // Nothing else to say: the penalized sentences, then the short ones, compete after all.
  if (candidates.empty()) candidates = CollectCandidates(docs, extra, *lexicon_, weights_.min_words, compress, false);
  if (candidates.empty()) candidates = CollectCandidates(docs, extra, *lexicon_, 1, compress, false);
  ScoreCandidates(docs, extra, *lexicon_, weights_, &candidates);
  std::vector<SummarySentence> out;
  for (const Candidate* c : Select(candidates, weights_, length)) {
    out.push_back({c->features.text, {{docs[c->features.doc]->doc.id, c->features.sentence}}});
  }
  return out;
}

}  // namespace crosscheck::reconcile

#include "eval/ner_eval.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

#include "entities/iob2_corpus.h"

namespace crosscheck::eval {
namespace {

using entities::NerSentence;
using entities::TaggedSpan;

std::string GoldType(const std::string& our_type) { return our_type == "PERSON" ? "PER" : our_type; }

// One document built from consecutive gold sentences [begin, end).
AnalyzedDocument BuildDocument(const std::vector<NerSentence>& gold, size_t begin, size_t end) {
  AnalyzedDocument doc;
  std::string& text = doc.doc.text;
  for (size_t s = begin; s < end; ++s) {
    Sentence sentence;
    sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
    for (const std::string& word : gold[s].words) {
      if (!text.empty()) text.push_back(doc.tokens.size() == sentence.first_token ? '\n' : ' ');
      Token token;
      token.span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + word.size())};
      token.form = word;
      text += word;
      doc.tokens.push_back(std::move(token));
    }
    sentence.end_token = static_cast<uint32_t>(doc.tokens.size());
    sentence.span = {doc.tokens[sentence.first_token].span.begin, doc.tokens.back().span.end};
    doc.sentences.push_back(sentence);
  }
  doc.doc.paragraphs.push_back({0, static_cast<uint32_t>(text.size())});
  return doc;
}

// Per-sentence IOB2 tags of the name mentions in `doc`.
std::vector<std::vector<std::string>> TagsOf(const AnalyzedDocument& doc) {
  std::vector<std::vector<std::string>> tags;
  for (const Sentence& s : doc.sentences) tags.emplace_back(s.end_token - s.first_token, "O");
  for (const Entity& entity : doc.entities) {
    for (const EntityMention& m : entity.mentions) {
      if (m.kind == "title" || m.kind == "pronoun" || m.kind == "handle") continue;
      const std::string type = GoldType(entity.type == "MISC" ? "MISC" : entity.type);
      const uint32_t first = doc.sentences[m.sentence].first_token;
      std::vector<std::string>& row = tags[m.sentence];
      for (uint32_t t = m.first_token; t < m.end_token; ++t) {
        row[t - first] = (t == m.first_token ? "B-" : "I-") + type;
      }
    }
  }
  return tags;
}

void Finish(PRF* prf) {
  prf->precision = prf->predicted ? 100.0 * prf->correct / prf->predicted : 0;
  prf->recall = prf->gold ? 100.0 * prf->correct / prf->gold : 0;
  const double sum = prf->precision + prf->recall;
  prf->f1 = sum > 0 ? 2 * prf->precision * prf->recall / sum : 0;
}

class Scorer {
 public:
  explicit Scorer(const NerEvalOptions& options) : options_(options) {}
  void Add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
    const std::vector<TaggedSpan> g = entities::SpansOfTags(gold), p = entities::SpansOfTags(predicted);
    for (const TaggedSpan& span : g) Count(span.type).gold++;
    for (const TaggedSpan& span : p) {
      Count(span.type).predicted++;
      if (std::find(g.begin(), g.end(), span) != g.end()) Count(span.type).correct++;
    }
    ++scores_.sentences;
    scores_.tokens += gold.size();
  }
  NerScores Finish(uint64_t documents) {
    for (auto& [type, prf] : scores_.per_type) {
      eval::Finish(&prf);
      if (std::find(options_.types.begin(), options_.types.end(), type) == options_.types.end()) continue;
      scores_.overall.gold += prf.gold;
      scores_.overall.predicted += prf.predicted;
      scores_.overall.correct += prf.correct;
    }
    eval::Finish(&scores_.overall);
    scores_.documents = documents;
    return scores_;
  }

 private:
  PRF& Count(const std::string& type) { return scores_.per_type[type]; }
  NerEvalOptions options_;
  NerScores scores_;
};

// Calls use(first, end) for each run of sentences with the same doc_id.
template <typename Fn>
uint64_t ForEachDocument(const std::vector<NerSentence>& sentences, Fn use) {
  uint64_t documents = 0;
  for (size_t begin = 0; begin < sentences.size(); ++documents) {
    size_t end = begin;
    while (end < sentences.size() && sentences[end].doc_id == sentences[begin].doc_id) ++end;
    use(begin, end);
    begin = end;
  }
  return documents;
}

}  // namespace

Result<NerScores> EvaluateNer(const entities::EntityRecognizer& recognizer,
                              const std::filesystem::path& gold, const NerEvalOptions& options) {
  Result<std::vector<NerSentence>> sentences = entities::ReadIob2(gold);
  if (!sentences.ok()) return sentences.status();
  Scorer scorer(options);
  const uint64_t documents = ForEachDocument(*sentences, [&](size_t begin, size_t end) {
    AnalyzedDocument doc = BuildDocument(*sentences, begin, end);
    recognizer.Analyze(&doc);
    const std::vector<std::vector<std::string>> predicted = TagsOf(doc);
    for (size_t s = begin; s < end; ++s) scorer.Add((*sentences)[s].tags, predicted[s - begin]);
  });
  return scorer.Finish(documents);
}

Result<NerScores> EvaluateNerOutput(const std::filesystem::path& system,
                                    const std::filesystem::path& gold, const NerEvalOptions& options) {
  Result<std::vector<NerSentence>> g = entities::ReadIob2(gold);
  if (!g.ok()) return g.status();
  Result<std::vector<NerSentence>> p = entities::ReadIob2(system);
  if (!p.ok()) return p.status();
  if (g->size() != p->size()) {
    return Status::Error(system.string() + ": " + std::to_string(p->size()) + " sentences, but " +
                         gold.string() + " has " + std::to_string(g->size()));
  }
  Scorer scorer(options);
  for (size_t s = 0; s < g->size(); ++s) {
    if ((*g)[s].words.size() != (*p)[s].words.size()) {
      return Status::Error(system.string() + ": sentence " + std::to_string(s + 1) +
                           " has a different number of tokens than the gold file");
    }
    scorer.Add((*g)[s].tags, (*p)[s].tags);
  }
  return scorer.Finish(ForEachDocument(*g, [](size_t, size_t) {}));
}

Status WriteNerOutput(const entities::EntityRecognizer& recognizer,
                      const std::filesystem::path& gold, const std::filesystem::path& out_path) {
  Result<std::vector<NerSentence>> sentences = entities::ReadIob2(gold);
  if (!sentences.ok()) return sentences.status();
  std::ofstream out(out_path);
  ForEachDocument(*sentences, [&](size_t begin, size_t end) {
    AnalyzedDocument doc = BuildDocument(*sentences, begin, end);
    recognizer.Analyze(&doc);
    const std::vector<std::vector<std::string>> predicted = TagsOf(doc);
    for (size_t s = begin; s < end; ++s) {
      for (size_t t = 0; t < predicted[s - begin].size(); ++t) {
        out << (*sentences)[s].words[t] << '\t' << predicted[s - begin][t] << '\n';
      }
      out << '\n';
    }
  });
  if (!out) return Status::Error(out_path.string() + ": cannot write");
  return Status::Ok();
}

}  // namespace crosscheck::eval

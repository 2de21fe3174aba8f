#include "eval/segment_eval.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/conllu.h"
#include "text/ud_text.h"

namespace crosscheck::eval {
namespace {

using SpanSet = std::set<std::pair<uint64_t, uint64_t>>;

struct Counts {
  uint64_t gold = 0, predicted = 0, correct = 0;
  void Add(const SpanSet& gold_spans, const SpanSet& predicted_spans) {
    gold += gold_spans.size();
    predicted += predicted_spans.size();
    for (const auto& s : predicted_spans) correct += gold_spans.count(s);
  }
  PRF ToPRF() const {
    PRF p;
    p.gold = gold;
    p.predicted = predicted;
    p.correct = correct;
    p.precision = predicted ? 100.0 * static_cast<double>(correct) / static_cast<double>(predicted) : 0;
    p.recall = gold ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0;
    p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0;
    return p;
  }
};

struct Tally {
  Counts tokens, words, sentences;
  SegmentScores Scores(uint64_t documents) const {
    return {tokens.ToPRF(), words.ToPRF(), sentences.ToPRF(), documents};
  }
};

void Insert(SpanSet* set, Span s, uint64_t base) { set->insert({base + s.begin, base + s.end}); }

Result<std::vector<text::UdDocument>> ReadGold(const std::filesystem::path& gold) {
  Result<std::vector<conllu::Sentence>> sentences = conllu::ReadFile(gold);
  if (!sentences.ok()) return sentences.status();
  return text::BuildUdDocuments(*sentences, gold.string());
}

// Gold spans of one document, shifted by `base`.
void GoldSpans(const text::UdDocument& doc, uint64_t base, SpanSet* tokens, SpanSet* words,
               SpanSet* sentences) {
  for (const Span& t : doc.tokens) Insert(tokens, t, base);
  for (const text::UdWord& w : doc.words) Insert(words, w.span, base);
  for (const Span& s : doc.sentences) Insert(sentences, s, base);
}

// Surface tokens of an analysis: words joined while mwt_continues is set.
void SystemSpans(const AnalyzedDocument& a, SpanSet* tokens, SpanSet* words, SpanSet* sentences) {
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const uint32_t begin = a.tokens[i].span.begin;
    while (i + 1 < a.tokens.size() && a.tokens[i].mwt_continues) {
      Insert(words, a.tokens[i].span, 0);
      ++i;
    }
    Insert(words, a.tokens[i].span, 0);
    Insert(tokens, {begin, a.tokens[i].span.end}, 0);
  }
  for (const Sentence& s : a.sentences) Insert(sentences, s.span, 0);
}

// Aligns a peer's tokens (one sentence per line) to `raw`; errors name the line.
Status AlignPeer(const std::string& system, const std::string& raw, const std::string& name,
                 SpanSet* tokens, SpanSet* sentences) {
  std::istringstream lines(system);
  std::string line;
  size_t pos = 0, line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    std::istringstream words(line);
    std::string token;
    uint64_t sentence_begin = 0, sentence_end = 0;
    bool any = false;
    while (words >> token) {
      pos = text::SkipSpaces(raw, pos);
      if (raw.compare(pos, token.size(), token) != 0)
        return Status::Error(name + ":" + std::to_string(line_number) + ": token \"" + token +
                             "\" does not match the gold raw text at byte " + std::to_string(pos));
      tokens->insert({pos, pos + token.size()});
      if (!any) sentence_begin = pos;
      any = true;
      pos += token.size();
      sentence_end = pos;
    }
    if (any) sentences->insert({sentence_begin, sentence_end});
  }
  return Status::Ok();
}

}  // namespace

Result<SegmentScores> EvaluateSegmentation(const text::TextAnalyzer& analyzer,
                                           const std::filesystem::path& gold) {
  Result<std::vector<text::UdDocument>> docs = ReadGold(gold);
  if (!docs.ok()) return docs.status();
  Tally tally;
  for (const text::UdDocument& doc : *docs) {
    AnalyzedDocument a;
    a.doc.id = doc.id;
    a.doc.text = doc.text;
    a.doc.paragraphs = doc.paragraphs;
    analyzer.Analyze(&a);
    SpanSet gt, gw, gs, st, sw, ss;
    GoldSpans(doc, 0, &gt, &gw, &gs);
    SystemSpans(a, &st, &sw, &ss);
    tally.tokens.Add(gt, st);
    tally.words.Add(gw, sw);
    tally.sentences.Add(gs, ss);
  }
  return tally.Scores(docs->size());
}

Result<std::string> RawTextOf(const std::filesystem::path& gold) {
  Result<std::vector<text::UdDocument>> docs = ReadGold(gold);
  if (!docs.ok()) return docs.status();
  std::string raw;
  for (const text::UdDocument& doc : *docs) {
    if (!raw.empty()) raw += "\n\n";
    raw += doc.text;
  }
  return raw;
}

Result<SegmentScores> EvaluateSegmentationOutput(const std::filesystem::path& system,
                                                 const std::filesystem::path& gold) {
  Result<std::vector<text::UdDocument>> docs = ReadGold(gold);
  if (!docs.ok()) return docs.status();
  std::string raw;
  SpanSet gt, gw, gs;
  for (const text::UdDocument& doc : *docs) {
    if (!raw.empty()) raw += "\n\n";
    GoldSpans(doc, raw.size(), &gt, &gw, &gs);
    raw += doc.text;
  }
  Result<std::string> output = conllu::ReadMaybeGzipped(system);
  if (!output.ok()) return output.status();
  SpanSet st, ss;
  if (Status s = AlignPeer(*output, raw, system.string(), &st, &ss); !s.ok()) return s;
  Tally tally;
  tally.tokens.Add(gt, st);
  tally.words.Add(gw, st);  // a peer's tokens are its words
  tally.sentences.Add(gs, ss);
  return tally.Scores(docs->size());
}

}  // namespace crosscheck::eval

#include "eval/quote_eval.h"

#include <zlib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace crosscheck::eval {
namespace {

constexpr double kMinGoldShare = 0.3;  // GGT's threshold (strictly greater)

Result<std::vector<std::string>> ReadGzipLines(const std::filesystem::path& path) {
  gzFile file = gzopen(path.string().c_str(), "rb");
  if (!file) return Status::Error(path.string() + ": cannot open (expected a PolNeAR jsonl.gz)");
  std::string data;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof(buffer))) > 0) data.append(buffer, n);
  bool failed = n < 0;
  gzclose(file);
  if (failed) return Status::Error(path.string() + ": corrupt gzip data");
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    if (end > start) lines.push_back(data.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// byte_of[cp] = byte offset of code point cp in `text` (one past the end included).
std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> byte_of;
  byte_of.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  }
  byte_of.push_back(static_cast<uint32_t>(text.size()));
  return byte_of;
}

std::vector<Span> SpansOf(const nlohmann::json& role, const std::vector<uint32_t>& byte_of) {
  std::vector<Span> spans;
  if (!role.is_object() || !role.contains("spans")) return spans;
  for (const auto& pair : role["spans"]) {
    size_t b = pair[0].get<size_t>(), e = pair[1].get<size_t>();
    if (b < e && e < byte_of.size()) spans.push_back(Span{byte_of[b], byte_of[e]});
  }
  return spans;
}

uint64_t Size(const std::vector<Span>& spans) {
  uint64_t n = 0;
  for (const Span& s : spans) n += s.size();
  return n;
}

uint64_t Intersection(const std::vector<Span>& a, const std::vector<Span>& b) {
  uint64_t n = 0;
  for (const Span& x : a) {
    for (const Span& y : b) {
      uint32_t begin = std::max(x.begin, y.begin), end = std::min(x.end, y.end);
      if (end > begin) n += end - begin;
    }
  }
  return n;
}

struct GoldDocument {
  bool primary = false;  // the one annotation per article that is scored
  Document doc;
  std::vector<ScoredQuote> direct, mixed, indirect;
};

Result<GoldDocument> ParseGold(const std::string& line, const std::filesystem::path& file, size_t number) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.contains("text") || !j.contains("attributions")) {
    return Status::Error(file.string() + ":" + std::to_string(number) +
                         ": expected a PolNeAR attribution object with text and attributions");
  }
  GoldDocument gold;
  gold.primary = j.value("primary", false);
  if (!gold.primary) return gold;
  gold.doc.id = j.value("article", "");
  gold.doc.text = j["text"].get<std::string>();
  gold.doc.date = j.value("date", "");
  std::vector<uint32_t> byte_of = CodePointOffsets(gold.doc.text);
  for (const auto& a : j["attributions"]) {
    if (!a.contains("quote_type") || !a["quote_type"].is_string()) continue;
    ScoredQuote q;
    q.content = SpansOf(a["content"], byte_of);
    for (const Span& s : SpansOf(a["content2"], byte_of)) q.content.push_back(s);
    q.speaker = SpansOf(a["source"], byte_of);
    if (q.content.empty()) continue;
    const std::string type = a["quote_type"];
    if (type == "direct") gold.direct.push_back(std::move(q));
    else if (type == "mixed") gold.mixed.push_back(std::move(q));
    else if (type == "indirect") gold.indirect.push_back(std::move(q));
  }
  return gold;
}

// Predictions of the given kinds; a quote that continues another joins its chain.
std::vector<ScoredQuote> Predictions(const AnalyzedDocument& doc, std::initializer_list<std::string_view> kinds) {
  std::vector<ScoredQuote> out;
  std::vector<int> slot(doc.quotes.size(), -1);
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    if (std::find(kinds.begin(), kinds.end(), q.kind) == kinds.end()) continue;
    if (q.continues >= 0 && q.continues < static_cast<int>(i) && slot[q.continues] >= 0) {
      slot[i] = slot[q.continues];
      out[slot[i]].content.push_back(q.content);
      continue;
    }
    slot[i] = static_cast<int>(out.size());
    ScoredQuote scored{{q.content}, {}};
    if (!q.speaker_span.empty()) scored.speaker.push_back(q.speaker_span);
    out.push_back(std::move(scored));
  }
  return out;
}

std::vector<ScoredQuote> Join(std::vector<ScoredQuote> a, const std::vector<ScoredQuote>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

namespace {

// GGT's rule: the unused prediction covering the largest share (> 0.3) of `g`; -1 if none.
int BestUnused(const ScoredQuote& g, const std::vector<ScoredQuote>& predicted,
               const std::vector<bool>& used) {
  uint64_t gold_size = Size(g.content);
  if (gold_size == 0) return -1;
  int best = -1;
  double best_share = kMinGoldShare;
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (used[p]) continue;
    double share = static_cast<double>(Intersection(g.content, predicted[p].content)) / gold_size;
    if (share > best_share) best_share = share, best = static_cast<int>(p);
  }
  return best;
}

}  // namespace

void ScoreDocument(const std::vector<ScoredQuote>& gold, const std::vector<ScoredQuote>& predicted,
                   AttributionScores* scores, const std::vector<ScoredQuote>& set_aside) {
  std::vector<bool> used(predicted.size(), false);
  scores->quotes.gold += gold.size();
  scores->quotes.predicted += predicted.size();
  for (const ScoredQuote& g : gold) {
    int best = BestUnused(g, predicted, used);
    if (best < 0) continue;
    used[best] = true;
    ++scores->quotes.correct;
    const ScoredQuote& p = predicted[best];
    bool both_absent = g.speaker.empty() && p.speaker.empty();
    if (both_absent || Intersection(g.speaker, p.speaker) > 0) ++scores->speaker_correct;
  }
  for (const ScoredQuote& g : set_aside) {
    int best = BestUnused(g, predicted, used);
    if (best < 0) continue;
    used[best] = true;
    --scores->quotes.predicted;
  }
}

void Finish(AttributionScores* scores) {
  PRF& q = scores->quotes;
  q.precision = q.predicted ? 100.0 * q.correct / q.predicted : 0;
  q.recall = q.gold ? 100.0 * q.correct / q.gold : 0;
  q.f1 = q.precision + q.recall > 0 ? 2 * q.precision * q.recall / (q.precision + q.recall) : 0;
  scores->speaker_accuracy = q.correct ? 100.0 * scores->speaker_correct / q.correct : 0;
}

Result<QuoteScores> EvaluateQuotes(const QuoteAnalyzer& analyze, const std::filesystem::path& gold,
                                   const std::string& split) {
  if (split != "train" && split != "dev" && split != "test") {
    return Status::Error("quotes eval: split must be train, dev or test, not '" + split + "'");
  }
  const std::filesystem::path file = gold / ("attributions." + split + ".jsonl.gz");
  Result<std::vector<std::string>> lines = ReadGzipLines(file);
  if (!lines.ok()) return lines.status();
  QuoteScores scores;
  for (size_t number = 0; number < lines->size(); ++number) {
    Result<GoldDocument> doc = ParseGold((*lines)[number], file, number + 1);
    if (!doc.ok()) return doc.status();
    if (!doc->primary) continue;
    AnalyzedDocument analyzed = analyze(std::move(doc->doc));
    auto direct = Predictions(analyzed, {"direct"});
    auto partial = Predictions(analyzed, {"direct", "partial"});
    auto indirect = Predictions(analyzed, {"indirect"});
    ScoreDocument(doc->direct, direct, &scores.direct, doc->mixed);
    ScoreDocument(doc->direct, direct, &scores.direct_strict);
    ScoreDocument(Join(doc->direct, doc->mixed), partial, &scores.with_mixed);
    ScoreDocument(doc->indirect, indirect, &scores.indirect);
    ScoreDocument(Join(doc->indirect, doc->mixed), indirect, &scores.indirect_with_mixed);
    ++scores.documents;
  }
  for (AttributionScores* s : {&scores.direct, &scores.direct_strict, &scores.with_mixed, &scores.indirect, &scores.indirect_with_mixed}) {
    Finish(s);
  }
  return scores;
}

}  // namespace crosscheck::eval

// eval/claim_eval.cpp: the claim gold set against the claims stage.
#include "eval/claim_eval.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include "ingest/readers.h"

namespace crosscheck::eval {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct GoldArticle {
  std::string id;
  std::string split;
  int line = 0;
  nlohmann::json claims;
};

struct Article {
  std::string text, date, outlet, title;
};

Result<std::vector<std::string>> ReadGzipLines(const std::filesystem::path& path) {
  gzFile file = gzopen(path.string().c_str(), "rb");
  if (!file) return Status::Error(path.string() + ": cannot open");
  std::vector<std::string> lines;
  std::string line;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) {
    for (int i = 0; i < n; ++i) {
      if (buffer[i] == '\n') { lines.push_back(std::move(line)); line.clear(); }
      else line.push_back(buffer[i]);
    }
  }
  gzclose(file);
  if (n < 0) return Status::Error(path.string() + ": corrupt gzip data");
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string StringOr(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The NeuS articles named by the gold set, by id, from every split file present.
Result<std::map<std::string, Article>> ReadArticles(const std::filesystem::path& dir,
                                                    const std::vector<GoldArticle>& wanted) {
  std::map<std::string, Article> out;
  for (const GoldArticle& g : wanted) out[g.id];
  for (const char* split : {"train", "val", "test"}) {
    const std::filesystem::path file = dir / (std::string(split) + ".articles.jsonl.gz");
    if (!std::filesystem::exists(file)) continue;
    auto lines = ReadGzipLines(file);
    if (!lines.ok()) return lines.status();
    for (size_t i = 0; i < lines->size(); ++i) {
      auto j = nlohmann::json::parse((*lines)[i], nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        return Status::Error(file.string() + ":" + std::to_string(i + 1) + ": expected a JSON object");
      }
      auto it = out.find(StringOr(j, "id"));
      if (it != out.end()) it->second = {StringOr(j, "text"), StringOr(j, "date"), StringOr(j, "outlet"), StringOr(j, "title")};
    }
  }
  return out;
}

Result<std::vector<GoldArticle>> ReadGold(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open the claim gold file");
  std::vector<GoldArticle> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    const std::string where = path.string() + ":" + std::to_string(number) + ": ";
    if (j.is_discarded() || !j.is_object() || !j.contains("claims") || !j["claims"].is_array()) {
      return Status::Error(where + "expected {\"article\", \"split\", \"claims\": [...]}");
    }
    GoldArticle g{StringOr(j, "article"), StringOr(j, "split"), number, j["claims"]};
    if (g.id.empty() || (g.split != "dev" && g.split != "test")) {
      return Status::Error(where + "expected an \"article\" id and \"split\" dev or test");
    }
    out.push_back(std::move(g));
  }
  return out;
}

// Byte offset of every code point of `text` (and of its end).
std::vector<uint32_t> CharToByte(const std::string& text) {
  std::vector<uint32_t> map;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) map.push_back(i);
  }
  map.push_back(static_cast<uint32_t>(text.size()));
  return map;
}

double NumberOr(const nlohmann::json& j, const char* key, double fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

Result<std::vector<ScoredClaim>> GoldClaims(const GoldArticle& g, const std::string& text,
                                            const std::filesystem::path& path) {
  const std::vector<uint32_t> bytes = CharToByte(text);
  std::vector<ScoredClaim> out;
  for (const nlohmann::json& c : g.claims) {
    const std::string where = path.string() + ":" + std::to_string(g.line) + ": article " + g.id + ": ";
    if (!c.is_object() || !c.contains("trigger") || !c["trigger"].is_array() || c["trigger"].size() != 2 ||
        !c["trigger"][0].is_number_unsigned() || !c["trigger"][1].is_number_unsigned()) {
      return Status::Error(where + "expected a claim with \"trigger\": [begin, end]");
    }
    const size_t b = c["trigger"][0], e = c["trigger"][1];
    if (b >= e || e >= bytes.size()) return Status::Error(where + "trigger offsets outside the article text");
    ScoredClaim s;
    s.trigger = {bytes[b], bytes[e]};
    s.event = StringOr(c, "event");
    s.modality = StringOr(c, "modality");
    if (c.contains("count") && c["count"].is_object()) {
      const nlohmann::json& n = c["count"];
      s.count = ClaimCount{NumberOr(n, "value", 0), NumberOr(n, "low", 0), NumberOr(n, "high", kInf), StringOr(n, "bound")};
    }
    if (c.contains("attribution") && c["attribution"].is_array()) {
      for (const nlohmann::json& a : c["attribution"]) {
        if (a.is_string()) s.attribution.push_back(a.get<std::string>());
      }
    }
    if (s.event.empty() || s.modality.empty()) return Status::Error(where + "expected \"event\" and \"modality\"");
    out.push_back(std::move(s));
  }
  return out;
}

std::string Normalize(const std::string& name) {
  std::string out;
  for (char ch : name) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) out.push_back(static_cast<char>(std::tolower(c)));
    else if (!out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (out.starts_with(article)) { out.erase(0, article.size()); break; }
  }
  return out;
}

bool NamesAgree(const std::string& a, const std::string& b) {
  const std::string x = Normalize(a), y = Normalize(b);
  if (x.empty() || y.empty()) return x == y;
  if ((" " + x + " ").find(" " + y + " ") != std::string::npos) return true;
  if ((" " + y + " ").find(" " + x + " ") != std::string::npos) return true;
  return x.substr(x.rfind(' ') + 1) == y.substr(y.rfind(' ') + 1);
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a)); }

bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

void Percent(PRF* p) {
  p->precision = p->predicted ? 100.0 * p->correct / p->predicted : 0;
  p->recall = p->gold ? 100.0 * p->correct / p->gold : 0;
  p->f1 = p->precision + p->recall > 0 ? 2 * p->precision * p->recall / (p->precision + p->recall) : 0;
}

}  // namespace

bool CountsAgree(const std::optional<ClaimCount>& gold, const std::optional<ClaimCount>& predicted) {
  if (!gold || !predicted) return !gold && !predicted;
  if (gold->bound != predicted->bound || !Near(gold->value, predicted->value)) return false;
  if (gold->bound == "range") return Near(gold->low, predicted->low) && Near(gold->high, predicted->high);
  return true;
}

bool SourcesAgree(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  if (gold.size() != predicted.size()) return false;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!NamesAgree(gold[i], predicted[i])) return false;
  }
  return true;
}

ScoredClaim Scored(const AnalyzedDocument& doc, const Claim& claim) {
  ScoredClaim s;
  s.trigger = claim.trigger_span;
  s.event = claim.event;
  s.modality = claim.modality;
  for (const Attribution& a : claim.attribution) s.attribution.push_back(a.source);
  if (claim.quantity >= 0 && static_cast<size_t>(claim.quantity) < doc.quantities.size()) {
    const Quantity& q = doc.quantities[claim.quantity];
    s.count = ClaimCount{q.value, q.low, q.high, q.vague ? "vague" : q.bound};
  }
  return s;
}

void ScoreArticle(const std::vector<ScoredClaim>& gold, const std::vector<ScoredClaim>& predicted,
                  ClaimScores* scores) {
  std::vector<bool> used(predicted.size(), false);
  for (PRF* p : {&scores->trigger, &scores->event, &scores->event_count, &scores->event_modality,
                 &scores->event_attribution, &scores->all}) {
    p->gold += gold.size();
    p->predicted += predicted.size();
  }
  for (const ScoredClaim& g : gold) {
    int best = -1, best_score = -1;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (used[p] || !Overlap(g.trigger, predicted[p].trigger)) continue;
      const ScoredClaim& c = predicted[p];
      const int score = 8 * (c.event == g.event) + 4 * CountsAgree(g.count, c.count) +
                        2 * (c.modality == g.modality) + SourcesAgree(g.attribution, c.attribution);
      if (score > best_score) { best = static_cast<int>(p); best_score = score; }
    }
    if (best < 0) continue;
    used[best] = true;
    const ScoredClaim& c = predicted[best];
    ++scores->trigger.correct;
    if (c.event != g.event) continue;
    const bool count = CountsAgree(g.count, c.count), modality = c.modality == g.modality,
               sources = SourcesAgree(g.attribution, c.attribution);
    ++scores->event.correct;
    scores->event_count.correct += count;
    scores->event_modality.correct += modality;
    scores->event_attribution.correct += sources;
    scores->all.correct += count && modality && sources;
  }
}

void Finish(ClaimScores* s) {
  for (PRF* p : {&s->trigger, &s->event, &s->event_count, &s->event_modality, &s->event_attribution, &s->all}) {
    Percent(p);
  }
  const double matched = static_cast<double>(s->event.correct);
  s->modality_accuracy = matched ? 100.0 * s->event_modality.correct / matched : 0;
  s->attribution_accuracy = matched ? 100.0 * s->event_attribution.correct / matched : 0;
  s->count_accuracy = matched ? 100.0 * s->event_count.correct / matched : 0;
}

Result<ClaimEvalResult> EvaluateClaims(const ClaimAnalyzer& analyze, const std::filesystem::path& gold,
                                       const std::filesystem::path& articles) {
  auto golds = ReadGold(gold);
  if (!golds.ok()) return golds.status();
  auto texts = ReadArticles(articles, *golds);
  if (!texts.ok()) return texts.status();
  ClaimEvalResult result;
  for (const GoldArticle& g : *golds) {
    const Article& a = texts->at(g.id);
    if (a.text.empty()) {
      return Status::Error(gold.string() + ":" + std::to_string(g.line) + ": article " + g.id +
                           " not found (or empty) in " + articles.string());
    }
    auto gold_claims = GoldClaims(g, a.text, gold);
    if (!gold_claims.ok()) return gold_claims.status();
    Document doc;
    doc.id = g.id;
    doc.text = a.text;
    doc.date = a.date;
    doc.source = a.outlet;
    doc.title = a.title;
    doc.paragraphs = ingest::SplitParagraphs(doc.text);
    AnalyzedDocument analyzed = analyze(std::move(doc));
    std::vector<ScoredClaim> predicted;
    for (const Claim& c : analyzed.claims) predicted.push_back(Scored(analyzed, c));
    for (ClaimScores* s : {&result.all, g.split == "dev" ? &result.dev : &result.test}) {
      ScoreArticle(*gold_claims, predicted, s);
      ++s->articles;
    }
  }
  for (ClaimScores* s : {&result.dev, &result.test, &result.all}) Finish(s);
  return result;
}

}  // namespace crosscheck::eval

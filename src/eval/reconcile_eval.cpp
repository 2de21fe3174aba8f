#include "eval/reconcile_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cluster/story_clusterer.h"
#include "eval/story_gold.h"

namespace crosscheck::eval {
namespace {

using Pair = std::pair<size_t, size_t>;

// ---- reading the gold file

Result<ReconcileGoldVersion> ParseVersion(const nlohmann::json& v, bool fact) {
  if (!v.is_object() || !v.contains("article") || !v["article"].is_string() || !v.contains("span") ||
      !v["span"].is_array() || v["span"].size() != 2 || !v["span"][0].is_number_unsigned() ||
      !v["span"][1].is_number_unsigned()) {
    return Status::Error("expected a version with a string article and span [begin, end]");
  }
  ReconcileGoldVersion out;
  out.article = v["article"];
  out.begin = v["span"][0];
  out.end = v["span"][1];
  if (out.end <= out.begin) return Status::Error("empty span in a version of " + out.article);
  if (fact) {
    out.modality = v.value("modality", "asserted");
    if (v.contains("value") && v["value"].is_object() && v["value"].contains("low") && v["value"]["low"].is_number())
      out.low = v["value"]["low"].get<double>();
  }
  return out;
}

Result<std::vector<ReconcileGoldGroup>> ParseGroups(const nlohmann::json& j, const char* key, bool fact) {
  std::vector<ReconcileGoldGroup> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) return Status::Error(std::string("expected an array ") + key);
  for (const auto& g : j[key]) {
    if (!g.is_object() || !g.contains("versions") || !g["versions"].is_array())
      return Status::Error(std::string("expected ") + key + " objects with versions");
    ReconcileGoldGroup group;
    group.id = g.value("id", "");
    if (fact) {
      group.event = g.value("event", "");
      group.label = g.value("status", "");
      if (group.label.empty()) return Status::Error("fact " + group.id + " has no status");
    } else if (g.contains("match") && g["match"].is_string()) {
      group.label = g["match"];
    }
    for (const auto& v : g["versions"]) {
      auto version = ParseVersion(v, fact);
      if (!version.ok()) return version.status();
      group.versions.push_back(std::move(version).value());
    }
    out.push_back(std::move(group));
  }
  return out;
}

Result<ReconcileGoldStory> ParseStory(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("cluster") || !j["cluster"].is_string() ||
      !j.contains("articles") || !j["articles"].is_array()) {
    return Status::Error("expected a JSON object with cluster, articles, facts and quotes");
  }
  ReconcileGoldStory story;
  story.cluster = j["cluster"];
  story.split = j.value("split", "");
  for (const auto& a : j["articles"]) {
    if (!a.is_string()) return Status::Error("expected article ids as strings");
    story.articles.push_back(a);
  }
  auto facts = ParseGroups(j, "facts", true);
  if (!facts.ok()) return facts.status();
  auto quotes = ParseGroups(j, "quotes", false);
  if (!quotes.ok()) return quotes.status();
  story.facts = std::move(facts).value();
  story.quotes = std::move(quotes).value();
  for (const auto* groups : {&story.facts, &story.quotes})
    for (const ReconcileGoldGroup& g : *groups)
      for (const ReconcileGoldVersion& v : g.versions)
        if (std::find(story.articles.begin(), story.articles.end(), v.article) == story.articles.end())
          return Status::Error(g.id + ": article " + v.article + " is not one of the story's articles");
  return story;
}

// ---- offsets

// byte_of[cp] = byte offset of code point cp in `text` (one past the end included).
std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> byte_of;
  byte_of.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(static_cast<uint32_t>(text.size()));
  return byte_of;
}

uint32_t Overlap(Span a, Span b) {
  const uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

// One gold version as bytes of its analysed document.
struct FlatVersion {
  size_t group = 0;
  const AnalyzedDocument* doc = nullptr;
  Span bytes;
  std::string event;
  bool credible = true;
  std::optional<double> low;
};

std::vector<FlatVersion> Flatten(const std::vector<ReconcileGoldGroup>& groups,
                                 const std::map<std::string, const AnalyzedDocument*>& docs) {
  std::vector<FlatVersion> out;
  std::map<std::string, std::vector<uint32_t>> offsets;
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const ReconcileGoldVersion& v : groups[g].versions) {
      auto doc = docs.find(v.article);
      if (doc == docs.end()) continue;
      auto [it, added] = offsets.try_emplace(v.article);
      if (added) it->second = CodePointOffsets(doc->second->doc.text);
      const std::vector<uint32_t>& byte_of = it->second;
      if (v.end >= byte_of.size()) continue;  // checked when the texts are read
      FlatVersion f;
      f.group = g;
      f.doc = doc->second;
      f.bytes = {byte_of[v.begin], byte_of[v.end]};
      f.event = groups[g].event;
      f.credible = v.modality.empty() || v.modality == "asserted" || v.modality == "hedged";
      f.low = v.low;
      out.push_back(std::move(f));
    }
  }
  return out;
}

// ---- mapping predictions to gold versions

// What is known about one predicted version.
struct Probe {
  const AnalyzedDocument* doc = nullptr;
  uint32_t sentence = 0;
  std::string event;             // "" = no preference
  std::optional<double> value;
  std::optional<bool> credible;
  std::string words;             // quantity (claims) or quoted words (quotes), as the brief gives them
};

// Where `words` (or their first word) occur in the probe's sentence; the sentence if nowhere.
Span Locate(const Probe& p, Span sentence) {
  const std::string& text = p.doc->doc.text;
  std::string needle = p.words.substr(0, p.words.find(" … "));
  for (int attempt = 0; attempt < 2 && !needle.empty(); ++attempt) {
    const size_t at = text.find(needle, sentence.begin);
    if (at != std::string::npos && at < sentence.end)
      return {static_cast<uint32_t>(at), static_cast<uint32_t>(std::min(at + needle.size(), text.size()))};
    needle = needle.substr(0, needle.find(' '));
  }
  return sentence;
}

bool SameFigure(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return false;
  return std::fabs(*a - *b) <= 0.01 * std::max(std::fabs(*b), 1.0);
}

// The gold version a claim version stands for, -1 if none overlaps its sentence.
int MapClaim(const std::vector<FlatVersion>& gold, const Probe& p) {
  if (!p.doc || p.sentence >= p.doc->sentences.size()) return -1;
  const Span sentence = p.doc->sentences[p.sentence].span;
  const Span quantity = p.words.empty() ? Span{} : Locate(p, sentence);
  const bool located = !quantity.empty() && !(quantity == sentence);
  int best = -1;
  std::tuple<bool, bool, bool, bool, int64_t> best_key;
  for (size_t i = 0; i < gold.size(); ++i) {
    const FlatVersion& g = gold[i];
    if (g.doc != p.doc || Overlap(g.bytes, sentence) == 0) continue;
    const auto key = std::make_tuple(!p.event.empty() && p.event == g.event, SameFigure(p.value, g.low),
                                     p.credible.has_value() && *p.credible == g.credible,
                                     located && g.bytes.begin <= quantity.begin && quantity.begin < g.bytes.end,
                                     -static_cast<int64_t>(g.bytes.size()));
    if (best < 0 || key > best_key) best = static_cast<int>(i), best_key = key;
  }
  return best;
}

// The gold quote version a quote version stands for: most shared bytes, then the shortest.
int MapQuote(const std::vector<FlatVersion>& gold, const Probe& p) {
  if (!p.doc || p.sentence >= p.doc->sentences.size()) return -1;
  const Span words = Locate(p, p.doc->sentences[p.sentence].span);
  int best = -1;
  std::pair<uint32_t, int64_t> best_key;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].doc != p.doc) continue;
    const uint32_t shared = Overlap(gold[i].bytes, words);
    if (shared == 0) continue;
    const auto key = std::make_pair(shared, -static_cast<int64_t>(gold[i].bytes.size()));
    if (best < 0 || key > best_key) best = static_cast<int>(i), best_key = key;
  }
  return best;
}

const AnalyzedDocument* DocumentOf(const std::map<std::string, const AnalyzedDocument*>& docs, const std::string& id) {
  auto it = docs.find(id);
  return it == docs.end() ? nullptr : it->second;
}

// Per predicted claim: the gold versions its members map to.
std::vector<std::set<size_t>> MapClaims(const reconcile::StoryBrief& brief, const std::vector<FlatVersion>& gold,
                                        const std::map<std::string, const AnalyzedDocument*>& docs,
                                        ReconcileScores* scores) {
  std::vector<std::set<size_t>> out;
  for (const reconcile::BriefClaim& claim : brief.claims) {
    std::set<size_t> mapped;
    for (const reconcile::ClaimVersion& v : claim.versions) {
      Probe p{DocumentOf(docs, v.cite.document), v.cite.sentence, v.event, std::nullopt, std::nullopt, v.quantity_text};
      if (v.value && v.value->low) p.value = *v.value->low;
      p.credible = v.modality.empty() || v.modality == "asserted" || v.modality == "hedged";
      const int g = MapClaim(gold, p);
      ++scores->claim_versions;
      if (g >= 0) ++scores->mapped_versions, mapped.insert(static_cast<size_t>(g));
    }
    for (const reconcile::Challenge& c : claim.challenges) {
      if (c.modality != "questioned") continue;
      const int g = MapClaim(gold, Probe{DocumentOf(docs, c.cite.document), c.cite.sentence, "", std::nullopt, false, ""});
      if (g >= 0) mapped.insert(static_cast<size_t>(g));
    }
    out.push_back(std::move(mapped));
  }
  scores->claims += brief.claims.size();
  return out;
}

std::vector<std::set<size_t>> MapQuotes(const reconcile::StoryBrief& brief, const std::vector<FlatVersion>& gold,
                                        const std::map<std::string, const AnalyzedDocument*>& docs) {
  std::vector<std::set<size_t>> out;
  for (const reconcile::BriefQuote& quote : brief.quotes) {
    std::set<size_t> mapped;
    for (const reconcile::QuoteVersion& v : quote.versions) {
      const int g = MapQuote(gold, Probe{DocumentOf(docs, v.cite.document), v.cite.sentence, "", std::nullopt,
                                         std::nullopt, v.text});
      if (g >= 0) mapped.insert(static_cast<size_t>(g));
    }
    out.push_back(std::move(mapped));
  }
  return out;
}

// ---- counting

void AddPairs(const std::set<size_t>& members, std::set<Pair>* pairs) {
  for (auto a = members.begin(); a != members.end(); ++a)
    for (auto b = std::next(a); b != members.end(); ++b) pairs->insert({*a, *b});
}

void CountPairs(const std::vector<FlatVersion>& gold, const std::vector<std::set<size_t>>& predicted, PRF* prf) {
  std::map<size_t, std::set<size_t>> groups;
  for (size_t i = 0; i < gold.size(); ++i) groups[gold[i].group].insert(i);
  std::set<Pair> gold_pairs, predicted_pairs;
  for (const auto& [group, members] : groups) AddPairs(members, &gold_pairs);
  for (const std::set<size_t>& members : predicted) AddPairs(members, &predicted_pairs);
  prf->gold += gold_pairs.size();
  prf->predicted += predicted_pairs.size();
  for (const Pair& p : predicted_pairs) prf->correct += gold_pairs.count(p);
}

// The predicted group holding most versions of gold group `group` (ties: the
// first listed); -1 if none holds at least `min_held`.
int Holder(const std::vector<FlatVersion>& gold, size_t group, const std::vector<std::set<size_t>>& predicted,
           size_t min_held) {
  int best = -1;
  size_t best_held = 0;
  for (size_t c = 0; c < predicted.size(); ++c) {
    size_t held = 0;
    for (size_t g : predicted[c]) held += gold[g].group == group;
    if (held >= min_held && held > best_held) best_held = held, best = static_cast<int>(c);
  }
  return best;
}

void Percent(PRF* p) {
  p->precision = p->predicted ? 100.0 * p->correct / p->predicted : 0;
  p->recall = p->gold ? 100.0 * p->correct / p->gold : 0;
  p->f1 = p->precision + p->recall > 0 ? 2 * p->precision * p->recall / (p->precision + p->recall) : 0;
}

}  // namespace

Result<std::vector<ReconcileGoldStory>> ReadReconcileGold(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot read (expected the reconcile gold JSONL)");
  std::vector<ReconcileGoldStory> stories;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto story = ParseStory(line);
    if (!story.ok()) return Status::Error(path.string() + ":" + std::to_string(number) + ": " + story.status().message());
    stories.push_back(std::move(story).value());
  }
  return stories;
}

void ScoreReconcileStory(const ReconcileGoldStory& gold, const reconcile::StoryBrief& brief,
                         const std::vector<const AnalyzedDocument*>& documents, ReconcileScores* scores) {
  std::map<std::string, const AnalyzedDocument*> docs;
  for (const AnalyzedDocument* d : documents) docs[d->doc.id] = d;
  const std::vector<FlatVersion> facts = Flatten(gold.facts, docs), quotes = Flatten(gold.quotes, docs);
  const std::vector<std::set<size_t>> claims = MapClaims(brief, facts, docs, scores);
  const std::vector<std::set<size_t>> groups = MapQuotes(brief, quotes, docs);
  ++scores->stories;
  CountPairs(facts, claims, &scores->alignment);
  CountPairs(quotes, groups, &scores->quote_alignment);
  for (size_t f = 0; f < gold.facts.size(); ++f) {
    ++scores->facts;
    const int holder = Holder(facts, f, claims, 1);
    scores->facts_found += holder >= 0;
    const std::string predicted = holder >= 0 ? brief.claims[holder].status : "none";
    scores->status_correct += predicted == gold.facts[f].label;
    ++scores->status_confusion[{gold.facts[f].label, predicted}];
  }
  for (size_t q = 0; q < gold.quotes.size(); ++q) {
    if (gold.quotes[q].versions.size() < 2) continue;
    ++scores->quote_groups;
    const int holder = Holder(quotes, q, groups, 2);
    scores->quote_match_correct += holder >= 0 && brief.quotes[holder].match == gold.quotes[q].label;
  }
}

void Finish(ReconcileScores* s) {
  Percent(&s->alignment);
  Percent(&s->quote_alignment);
  s->fact_recall = s->facts ? 100.0 * s->facts_found / s->facts : 0;
  s->status_accuracy = s->facts ? 100.0 * s->status_correct / s->facts : 0;
  s->quote_match_accuracy = s->quote_groups ? 100.0 * s->quote_match_correct / s->quote_groups : 0;
}

namespace {

// "neus-val-0030-a0" -> "val": the split file the article is in.
std::string SplitOfArticle(const std::string& id) {
  const size_t start = id.find('-') + 1, end = id.find('-', start);
  return start == 0 || end == std::string::npos ? "" : id.substr(start, end - start);
}

Result<std::map<std::string, Document>> ReadArticles(const std::vector<ReconcileGoldStory>& stories,
                                                     const std::filesystem::path& folder) {
  std::set<std::string> splits;
  for (const ReconcileGoldStory& s : stories)
    for (const std::string& a : s.articles) splits.insert(SplitOfArticle(a));
  std::map<std::string, Document> out;
  for (const std::string& split : splits) {
    const std::filesystem::path file = folder / (split + ".articles.jsonl.gz");
    uint64_t errors = 0;
    auto read = ReadJsonlGold(file, &errors);
    if (!read.ok()) return read.status();
    for (GoldDocument& g : *read) out[g.doc.id] = std::move(g.doc);
  }
  for (const ReconcileGoldStory& s : stories) {
    for (const std::string& a : s.articles)
      if (!out.count(a)) return Status::Error(folder.string() + ": article " + a + " (story " + s.cluster + ") not found");
    for (const auto* groups : {&s.facts, &s.quotes})
      for (const ReconcileGoldGroup& g : *groups)
        for (const ReconcileGoldVersion& v : g.versions)
          if (v.end > CodePointOffsets(out[v.article].text).size() - 1)
            return Status::Error(s.cluster + " " + g.id + ": span [" + std::to_string(v.begin) + ", " +
                                 std::to_string(v.end) + ") beyond the text of " + v.article);
  }
  return out;
}

cluster::Story MakeStory(const ReconcileGoldStory& gold, const std::vector<const AnalyzedDocument*>& docs) {
  cluster::Story story;
  story.id = gold.cluster;
  for (const AnalyzedDocument* d : docs) {
    cluster::StoryDocument member;
    member.id = d->doc.id;
    member.title = d->doc.title;
    member.date = d->doc.date;
    member.source = d->doc.source;
    member.ordinal = story.documents.size();
    story.documents.push_back(member);
    if (story.title.empty()) story.title = d->doc.title;
    if (d->doc.date.empty()) continue;
    if (story.first_date.empty() || d->doc.date < story.first_date) story.first_date = d->doc.date;
    if (story.last_date.empty() || d->doc.date > story.last_date) story.last_date = d->doc.date;
  }
  return story;
}

}  // namespace

Result<ReconcileEvalReport> EvaluateReconcile(const ReconcileAnalyzer& analyze, const reconcile::Reconciler& reconciler,
                                              const std::filesystem::path& gold, const std::filesystem::path& articles) {
  auto stories = ReadReconcileGold(gold);
  if (!stories.ok()) return stories.status();
  auto texts = ReadArticles(*stories, articles);
  if (!texts.ok()) return texts.status();
  ReconcileEvalReport report;
  for (const ReconcileGoldStory& s : *stories) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<AnalyzedDocument> analysed;
    for (const std::string& a : s.articles) analysed.push_back(analyze((*texts)[a]));
    report.analysis_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<const AnalyzedDocument*> members;
    for (const AnalyzedDocument& d : analysed) members.push_back(&d);
    const reconcile::StoryBrief brief = reconciler.Reconcile(MakeStory(s, members), members);
    ScoreReconcileStory(s, brief, members, &report.all);
    if (s.split == "dev") ScoreReconcileStory(s, brief, members, &report.dev);
    if (s.split == "test") ScoreReconcileStory(s, brief, members, &report.test);
  }
  Finish(&report.all);
  Finish(&report.dev);
  Finish(&report.test);
  return report;
}

}  // namespace crosscheck::eval

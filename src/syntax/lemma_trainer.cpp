#include "syntax/lemma_trainer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "syntax/tagger_features.h"

namespace crosscheck::syntax {
namespace {

// The most frequent key of a count map; ties go to the smallest key.
template <typename K>
K MostFrequent(const std::map<K, int>& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

uint32_t EditId(const LemmaEdit& edit, std::vector<LemmaEdit>* edits) {
  auto it = std::find(edits->begin(), edits->end(), edit);
  if (it != edits->end()) return static_cast<uint32_t>(it - edits->begin());
  edits->push_back(edit);
  return static_cast<uint32_t>(edits->size() - 1);
}

constexpr int kMinRuleTypes = 2;

// (key, length, parent key) of one suffix rule, counted per edit.
struct RuleCounts {
  int length = 0;
  uint64_t parent = 0;
  std::map<uint32_t, int> edits;
};

void AddSuffixRules(const LemmaRules& rules, const std::map<uint64_t, RuleCounts>& counts,
                    HashIndex* out) {
  for (const auto& [key, rule] : counts) {
    int types = 0;
    for (const auto& entry : rule.edits) types += entry.second;
    // A suffix seen in one word type is that word's quirk, not a rule.
    if (rule.length > 0 && types < kMinRuleTypes) continue;
    const uint32_t best = MostFrequent(rule.edits);
    if (rule.length > 0) {
      const uint32_t parent_best = MostFrequent(counts.at(rule.parent).edits);
      if (parent_best == best) continue;  // the shorter suffix already says so
    }
    out->Insert(key, best);
  }
}

}  // namespace

std::vector<GoldWord> PreferPrimary(std::vector<GoldWord> words) {
  std::set<std::pair<std::string, uint16_t>> primary;
  for (const GoldWord& w : words) {
    if (w.primary) primary.insert({w.form, w.label});
  }
  std::erase_if(words, [&](const GoldWord& w) {
    return !w.primary && primary.count({w.form, w.label});
  });
  return words;
}

LemmaRules BuildLemmaRules(const std::vector<GoldWord>& words,
                           const std::vector<std::string>& xpos) {
  // (form, xpos) -> lemma counts, and the distinct (form, xpos, lemma) types.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> lemma_counts;
  for (const GoldWord& w : words) ++lemma_counts[{w.form, xpos[w.label]}][w.lemma];

  LemmaRules rules;
  std::map<uint64_t, RuleCounts> counts;
  std::string lower;
  for (const auto& [form_xpos, lemmas] : lemma_counts) {
    const auto& [form, tag] = form_xpos;
    LowercaseAscii(form, &lower);
    const int case_class = CaseClass(form);
    for (const auto& [lemma, n] : lemmas) {
      const LemmaEdit between = EditBetween(form, lemma);
      // Rewriting the whole word ("went" -> "go") is that word's exception, not a rule.
      if (between.strip == form.size() && form.size() > 1) continue;
      const uint32_t edit = EditId(between, &rules.edits);
      uint64_t parent = 0;
      const int longest = std::min<int>(kMaxLemmaSuffix, static_cast<int>(lower.size()));
      for (int length = 0; length <= longest; ++length) {
        const std::string_view suffix = std::string_view(lower).substr(lower.size() - length);
        const uint64_t key = LemmaSuffixKey(tag, case_class, suffix, length);
        RuleCounts& rule = counts[key];
        rule.length = length;
        rule.parent = parent;
        ++rule.edits[edit];
        parent = key;
      }
    }
  }
  AddSuffixRules(rules, counts, &rules.suffix_rules);

  std::string predicted;
  for (const auto& [form_xpos, lemmas] : lemma_counts) {
    const std::string best = MostFrequent(lemmas);
    rules.ApplyRules(form_xpos.first, form_xpos.second, &predicted);
    if (predicted == best) continue;
    rules.exceptions.Insert(LemmaExceptionKey(form_xpos.first, form_xpos.second),
                            static_cast<uint32_t>(rules.lemmas.size()));
    rules.lemmas.push_back(best);
  }
  return rules;
}

FeatsTable BuildFeatsTable(const std::vector<GoldWord>& words, size_t labels) {
  std::vector<std::map<std::string, int>> per_label(labels);
  std::map<std::pair<std::string, uint16_t>, std::map<std::string, int>> per_word;
  std::string lower;
  for (const GoldWord& w : words) {
    ++per_label[w.label][w.feats];
    LowercaseAscii(w.form, &lower);
    ++per_word[{lower, w.label}][w.feats];
  }
  FeatsTable table;
  std::map<std::string, uint32_t> ids;
  auto value_id = [&](const std::string& feats) {
    auto [it, inserted] = ids.try_emplace(feats, static_cast<uint32_t>(table.values.size()));
    if (inserted) table.values.push_back(feats);
    return it->second;
  };
  value_id("_");
  for (const auto& counts : per_label) {
    table.label_default.push_back(counts.empty() ? 0 : value_id(MostFrequent(counts)));
  }
  for (const auto& [word, counts] : per_word) {
    const uint32_t best = value_id(MostFrequent(counts));
    if (best == table.label_default[word.second]) continue;
    table.exceptions.Insert(FeatsKey(HashString(word.first), word.second), best);
  }
  return table;
}

}  // namespace crosscheck::syntax

#include "entities/mention_rules.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace crosscheck::entities {
namespace {

bool IsNameSuffix(std::string_view form) {
  return form == "Jr." || form == "Jr" || form == "Sr." || form == "Sr" || form == "II" ||
         form == "III" || form == "IV";
}

bool IsEdgePunctuation(std::string_view form) {
  if (form.empty()) return true;
  const unsigned char c = static_cast<unsigned char>(form[0]);
  const bool ascii_word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (ascii_word || c >= 0x80) return form == "“" || form == "”" || form == "‘" || form == "’";
  return form != "@" && form != "&";
}

bool IsNonName(std::string_view form) {
  return form.starts_with("@") || form.starts_with("#") || form.starts_with("http") ||
         form.starts_with("pic.twitter");
}

}  // namespace

bool IsPossessive(std::string_view form) {
  return form == "'s" || form == "’s" || form == "'" || form == "’" || form == "'S";
}

bool IsHandle(std::string_view form) { return form.size() > 1 && form[0] == '@'; }

void RepairMentions(const std::vector<Token>& tokens, std::vector<RawMention>* mentions) {
  std::vector<RawMention> kept;
  for (RawMention m : *mentions) {
    while (m.end > m.first && (IsPossessive(tokens[m.end - 1].form) ||
                               IsEdgePunctuation(tokens[m.end - 1].form))) --m.end;
    while (m.end > m.first && IsEdgePunctuation(tokens[m.first].form)) ++m.first;
    if (m.end <= m.first) continue;
    bool all_non_names = true;
    for (uint32_t t = m.first; t < m.end; ++t) all_non_names &= IsNonName(tokens[t].form);
    if (all_non_names) continue;
    if (m.type == "PERSON" && m.end < tokens.size() && IsNameSuffix(tokens[m.end].form)) ++m.end;
    kept.push_back(m);
  }
  *mentions = std::move(kept);
}

namespace {

bool IsCapitalized(std::string_view form) {
  return !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
}

uint32_t SentenceOfToken(const AnalyzedDocument& doc, uint32_t token) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.first_token; });
  return static_cast<uint32_t>(it - doc.sentences.begin()) - 1;
}

}  // namespace

void PropagateNames(const AnalyzedDocument& doc, std::vector<RawMention>* mentions) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  std::vector<uint8_t> covered(n, 0);
  for (const RawMention& m : *mentions) std::fill(covered.begin() + m.first, covered.begin() + m.end, 1);
  // Name word sequences -> type; a sequence tagged with two types is left alone.
  std::map<std::vector<std::string_view>, std::string> names;
  auto add = [&](std::vector<std::string_view> words, const std::string& type) {
    auto [it, added] = names.emplace(std::move(words), type);
    if (!added && it->second != type) it->second.clear();
  };
  for (const RawMention& m : *mentions) {
    if (m.kind != "name" || !IsCapitalized(doc.tokens[m.first].form)) continue;
    std::vector<std::string_view> words;
    for (uint32_t t = m.first; t < m.end; ++t) words.push_back(doc.tokens[t].form);
    if (m.type == "PERSON" && words.size() >= 2 && IsCapitalized(words.back())) add({words.back()}, m.type);
    add(std::move(words), m.type);
  }
  std::vector<RawMention> added;
  for (uint32_t t = 0; t < n; ++t) {
    if (covered[t] || !IsCapitalized(doc.tokens[t].form)) continue;
    for (auto it = names.lower_bound({doc.tokens[t].form}); it != names.end() && it->first[0] == doc.tokens[t].form; ++it) {
      const std::vector<std::string_view>& words = it->first;
      if (it->second.empty() || t + words.size() > n) continue;
      bool match = true;
      for (uint32_t k = 0; k < words.size() && match; ++k) {
        match = !covered[t + k] && doc.tokens[t + k].form == words[k];
      }
      const uint32_t end = t + static_cast<uint32_t>(words.size());
      const uint32_t s = SentenceOfToken(doc, t);
      // Whole names only: not part of a longer capitalized run (a capitalized
      // sentence-initial word before it does not count).
      const bool run_before = t > doc.sentences[s].first_token && IsCapitalized(doc.tokens[t - 1].form) &&
                              !covered[t - 1] && t - 1 != doc.sentences[s].first_token;
      if (!match || (end < n && IsCapitalized(doc.tokens[end].form)) || run_before) continue;
      if (end > doc.sentences[s].end_token) continue;
      added.push_back({t, end, s, it->second, "name", -1});
      std::fill(covered.begin() + t, covered.begin() + end, 1);
      break;
    }
  }
  mentions->insert(mentions->end(), added.begin(), added.end());
}

namespace {

bool IsNameLinker(std::string_view form) {
  return form == "to" || form == "for" || form == "of" || form == "on" || form == "against";
}

bool IsInnerFunctionWord(std::string_view form) {
  return form == "the" || form == "and" || form == "of" || form == "for" || form == "&";
}

// End (exclusive) of the organisation name opening at token t, or t if none.
uint32_t OrganizationPatternEnd(const AnalyzedDocument& doc, const Sentence& s, uint32_t t,
                                const std::unordered_set<std::string>& opening_words) {
  if (!opening_words.count(doc.tokens[t].form) || t + 2 >= s.end_token ||
      !IsNameLinker(doc.tokens[t + 1].form)) return t;
  uint32_t end = t + 2;
  while (end < s.end_token && doc.tokens[end].form == "the") ++end;
  if (end >= s.end_token || !IsCapitalized(doc.tokens[end].form)) return t;
  while (true) {
    if (end < s.end_token && IsCapitalized(doc.tokens[end].form)) { ++end; continue; }
    uint32_t j = end;
    while (j < s.end_token && IsInnerFunctionWord(doc.tokens[j].form)) ++j;
    const bool two_names = j == end + 2 && doc.tokens[end].form == "and" && doc.tokens[end + 1].form == "the";
    if (j > end && j < s.end_token && IsCapitalized(doc.tokens[j].form) && !two_names) {
      end = j + 1;
      continue;
    }
    return end;
  }
}

}  // namespace

void AddOrganizationPatterns(const AnalyzedDocument& doc,
                             const std::unordered_set<std::string>& opening_words,
                             std::vector<RawMention>* mentions) {
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const uint32_t end = OrganizationPatternEnd(doc, s, t, opening_words);
      if (end == t) continue;
      // Tagged mentions inside the pattern give way; one reaching outside it wins.
      bool crosses = false;
      for (const RawMention& m : *mentions) {
        const bool overlaps = m.first < end && t < m.end;
        crosses |= overlaps && (m.first < t || m.end > end);
      }
      if (crosses) continue;
      std::erase_if(*mentions, [&](const RawMention& m) { return m.first >= t && m.end <= end; });
      mentions->push_back({t, end, si, "ORG", "name", -1});
      t = end - 1;
    }
  }
}

void AddDemonyms(const AnalyzedDocument& doc, uint32_t s, const Gazetteer& gazetteer,
                 std::vector<RawMention>* mentions) {
  const Sentence& sentence = doc.sentences[s];
  // "the Russian LGBT Network": a demonym right before an organisation's
  // name, after "the", belongs to the name.
  for (RawMention& m : *mentions) {
    if (m.sentence != s || m.type != "ORG" || m.first == sentence.first_token) continue;
    const uint32_t t = m.first - 1;
    const bool after_the = t == sentence.first_token || doc.tokens[t - 1].form == "the" ||
                           doc.tokens[t - 1].form == "The";
    if (after_the && gazetteer.FindDemonym(NameKeyOf(doc.tokens[t].form)) != nullptr) m.first = t;
  }
  std::vector<uint8_t> covered(sentence.end_token - sentence.first_token, 0);
  for (const RawMention& m : *mentions) {
    if (m.sentence != s) continue;
    for (uint32_t t = m.first; t < m.end; ++t) covered[t - sentence.first_token] = 1;
  }
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const std::string& form = doc.tokens[t].form;
    if (covered[t - sentence.first_token] || form.empty() || form[0] < 'A' || form[0] > 'Z') continue;
    const Demonym* demonym = gazetteer.FindDemonym(NameKeyOf(form));
    if (demonym == nullptr) continue;
    mentions->push_back({t, t + 1, s, "MISC", "demonym", demonym->place});
  }
}

}  // namespace crosscheck::entities

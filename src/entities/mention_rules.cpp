#include "entities/mention_rules.h"

#include <algorithm>

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

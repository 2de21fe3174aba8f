// Mention repairs that need no model: document consistency and organisation
// name patterns, on hand-made tagger output.
#include "entities/mention_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "entities_test_util.h"

namespace crosscheck::entities {
namespace {

using testing::MakeDocument;

RawMention Name(const AnalyzedDocument& doc, uint32_t first, uint32_t end, const std::string& type) {
  uint32_t s = 0;
  while (s + 1 < doc.sentences.size() && doc.sentences[s + 1].first_token <= first) ++s;
  return {first, end, s, type, "name", -1};
}

std::vector<std::string> Texts(const AnalyzedDocument& doc, std::vector<RawMention> mentions) {
  std::sort(mentions.begin(), mentions.end(),
            [](const RawMention& a, const RawMention& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const RawMention& m : mentions) {
    std::string text;
    for (uint32_t t = m.first; t < m.end; ++t) text += (t > m.first ? " " : "") + doc.tokens[t].form;
    out.push_back(m.type + ":" + text);
  }
  return out;
}

TEST(MentionRulesTest, ATaggedNameIsFoundAgainElsewhereInTheDocument) {
  AnalyzedDocument doc = MakeDocument("Officials of Freedom House came. Later Freedom House left.");
  std::vector<RawMention> mentions = {Name(doc, 2, 4, "ORG")};
  PropagateNames(doc, &mentions);
  EXPECT_EQ(Texts(doc, mentions), (std::vector<std::string>{"ORG:Freedom House", "ORG:Freedom House"}));
}

TEST(MentionRulesTest, APersonsSurnameAloneJoinsTheName) {
  AnalyzedDocument doc = MakeDocument("Anna Lindqvist spoke first. Then Lindqvist left.");
  std::vector<RawMention> mentions = {Name(doc, 0, 2, "PERSON")};
  PropagateNames(doc, &mentions);
  EXPECT_EQ(Texts(doc, mentions), (std::vector<std::string>{"PERSON:Anna Lindqvist", "PERSON:Lindqvist"}));
}

TEST(MentionRulesTest, PropagationSkipsPartsOfLongerNamesAndAmbiguousTypes) {
  AnalyzedDocument doc = MakeDocument(
      "Jordan spoke. Jordan Peterson wrote. Jordan said so. Jordan is far.");
  // "Jordan" was tagged both PERSON and LOC: left alone; "Jordan Peterson"
  // is a longer capitalized run, not a second "Jordan".
  std::vector<RawMention> mentions = {Name(doc, 0, 1, "PERSON"), Name(doc, 11, 12, "LOC")};
  PropagateNames(doc, &mentions);
  EXPECT_EQ(mentions.size(), 2u);
}

TEST(MentionRulesTest, OrganisationNameWithAPrepositionIsOneMention) {
  AnalyzedDocument doc = MakeDocument(
      "The Committee to Protect Journalists and the Ministry of Defence of Peru replied.");
  std::vector<RawMention> mentions = {Name(doc, 4, 5, "PERSON")};  // "Journalists", mistagged
  AddOrganizationPatterns(doc, {"Committee", "Ministry"}, &mentions);
  EXPECT_EQ(Texts(doc, mentions),
            (std::vector<std::string>{"ORG:Committee to Protect Journalists", "ORG:Ministry of Defence of Peru"}));
}

TEST(MentionRulesTest, OrganisationPatternNeedsACapitalizedNameAfterThePreposition) {
  AnalyzedDocument doc = MakeDocument("The committee met. The Committee of experts met.");
  std::vector<RawMention> mentions;
  AddOrganizationPatterns(doc, {"Committee"}, &mentions);
  EXPECT_TRUE(mentions.empty());
}

}  // namespace
}  // namespace crosscheck::entities

// Name coreference on hand-made mentions (independent of the tagger).
#include "entities/coreference.h"

#include <gtest/gtest.h>

#include "entities_test_util.h"

namespace crosscheck::entities {
namespace {

using testing::MakeDocument;

// The mention of tokens [first, end) in the sentence that holds them.
RawMention Mention(const AnalyzedDocument& doc, uint32_t first, uint32_t end, const std::string& type) {
  uint32_t s = 0;
  while (doc.sentences[s].end_token <= first) ++s;
  return {first, end, s, type, "name", -1};
}

std::vector<Entity> Resolve(const AnalyzedDocument& doc, std::vector<RawMention> mentions) {
  std::vector<int64_t> places;
  return ResolveEntities(doc, std::move(mentions), CorefLexicons{{"said"}, {"head"}}, &places);
}

TEST(CoreferenceTest, AcronymAfterTheFullNameJoinsIt) {
  // "Human Rights Watch said so . HRW said more ."
  AnalyzedDocument doc = MakeDocument("Human Rights Watch said so. HRW said more.");
  auto entities = Resolve(doc, {Mention(doc, 0, 3, "ORG"), Mention(doc, 6, 7, "ORG")});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Human Rights Watch");
  EXPECT_EQ(entities[0].mentions[1].kind, "acronym");
}

TEST(CoreferenceTest, AcronymBeforeTheFullNameJoinsIt) {
  AnalyzedDocument doc = MakeDocument("HRW said so. Human Rights Watch said more.");
  auto entities = Resolve(doc, {Mention(doc, 0, 1, "ORG"), Mention(doc, 4, 7, "ORG")});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Human Rights Watch");
  EXPECT_EQ(entities[0].mentions[0].kind, "acronym");
}

TEST(CoreferenceTest, EarlierSurnameJoinsTheLaterFullNameWhateverItsType) {
  // The tagger may type a lone surname as ORG; the full name decides.
  AnalyzedDocument doc = MakeDocument("Ressa spoke. Maria Ressa said more.");
  auto entities = Resolve(doc, {Mention(doc, 0, 1, "ORG"), Mention(doc, 3, 5, "PERSON")});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, "PERSON");
  EXPECT_EQ(entities[0].name, "Maria Ressa");
  EXPECT_EQ(entities[0].mentions[0].kind, "surname");
}

TEST(CoreferenceTest, DifferentPeopleWithDifferentSurnamesStayApart) {
  AnalyzedDocument doc = MakeDocument("Angela Merkel met Emmanuel Macron. Macron said so.");
  auto entities = Resolve(doc, {Mention(doc, 0, 2, "PERSON"), Mention(doc, 3, 5, "PERSON"),
                                Mention(doc, 6, 7, "PERSON")});
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[1].name, "Emmanuel Macron");
  EXPECT_EQ(entities[1].mentions.size(), 2u);
}

TEST(CoreferenceTest, PronounSkipsAPersonAlreadyCalledByTheOtherPronoun) {
  AnalyzedDocument doc = MakeDocument(
      "Anna Lindqvist wrote the story, she said. Haddad denied it. Then she said more.");
  auto entities = Resolve(doc, {Mention(doc, 0, 2, "PERSON"), Mention(doc, 9, 10, "PERSON")});
  ASSERT_EQ(entities.size(), 2u);
  // "Haddad" has no pronoun yet, so the last "she" goes to him: a limitation
  // without a gender list, pinned here so a change is noticed.
  EXPECT_EQ(entities[0].mentions.back().kind, "pronoun");
  EXPECT_EQ(entities[1].mentions.back().kind, "pronoun");
}

}  // namespace
}  // namespace crosscheck::entities

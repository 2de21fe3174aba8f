#include <gtest/gtest.h>

#include "cluster/document_record.h"
#include "cluster/hashing.h"
#include "cluster_test_util.h"

namespace crosscheck::cluster {
namespace {

TEST(DocumentRecord, ParsesIsoDaysAndRejectsOtherText) {
  EXPECT_EQ(ParseIsoDay("1970-01-02"), 86400);
  EXPECT_EQ(ParseIsoDay("2017-07"), ParseIsoDay("2017-07-01"));
  EXPECT_EQ(ParseIsoDay("2017-07-14T10:00:00Z"), ParseIsoDay("2017-07-14"));
  EXPECT_EQ(ParseIsoDay(""), kUnknownTime);
  EXPECT_EQ(ParseIsoDay("July 14"), kUnknownTime);
  EXPECT_EQ(FormatIsoDay(ParseIsoDay("2016-02-29")), "2016-02-29");
  EXPECT_EQ(FormatIsoDay(kUnknownTime), "");
}

TEST(DocumentRecord, TitleWordsCountInTextAndTitleVectors) {
  const auto r = MakeRecord(testing::MakeDoc("d", "2020-01-01", "Korvex chip", "The Korvex chip ships in June."));
  auto count = [](const std::vector<TermCount>& v, const char* word) {
    for (const auto& t : v) if (t.term == Hash64(word)) return t.count;
    return 0.0f;
  };
  EXPECT_EQ(count(r.words, "korvex"), 2);
  EXPECT_EQ(count(r.title_words, "korvex"), 1);
  EXPECT_EQ(count(r.title_words, "june"), 0);
  EXPECT_EQ(r.time, ParseIsoDay("2020-01-01"));
}

TEST(DocumentRecord, UsesLemmasAndEntitiesWhenTheLayersRan) {
  auto doc = testing::MakeDoc("d", "", "", "Men were detained");
  doc.syntax.resize(doc.tokens.size());
  doc.syntax[0].lemma = "man";
  doc.syntax[1].lemma = "be";
  doc.syntax[2].lemma = "detain";
  doc.entities.push_back({"Ramzan Kadyrov", "PERSON", {}, {}});
  const auto r = MakeRecord(doc);
  bool has_man = false;
  for (const auto& t : r.words) has_man |= t.term == Hash64("man");
  EXPECT_TRUE(has_man);
  ASSERT_EQ(r.entity_names.size(), 1u);
  EXPECT_EQ(r.entity_names[0], "ramzan kadyrov");
}

TEST(DocumentRecord, FallsBackToCapitalisedRunsForEntities) {
  const auto r = MakeRecord(testing::MakeDoc("d", "", "", "Reports in Novaya Gazeta said the police acted."));
  ASSERT_FALSE(r.entity_names.empty());
  EXPECT_EQ(r.entity_names[0], "novaya gazeta");
}

}  // namespace
}  // namespace crosscheck::cluster

// Tests of facts::QuantityExtractor on sentences of news text.
#include "facts/quantity_extractor.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "facts_test_util.h"

namespace crosscheck::facts {
namespace {

std::vector<Quantity> Quantities(const std::string& text) { return AnalyzeFacts(text).quantities; }

TEST(QuantityExtractorTest, ReadsAtLeastWithCountedNoun) {
  const std::string text = "Novaya Gazeta reported that at least 100 men had been detained.";
  const AnalyzedDocument doc = AnalyzeFacts(text);
  ASSERT_EQ(doc.quantities.size(), 1u);
  const Quantity& q = doc.quantities[0];
  EXPECT_EQ(SpanText(doc, q.span), "at least 100");
  EXPECT_EQ(q.value, 100);
  EXPECT_EQ(q.bound, "at_least");
  EXPECT_TRUE(std::isinf(q.high));
  EXPECT_EQ(q.counted, "man");
  EXPECT_EQ(SpanText(doc, q.counted_span), "men");
}

TEST(QuantityExtractorTest, ReadsEachBoundCue) {
  const auto q = Quantities("More than 100 people, up to 400 jobs, fewer than 20 minutes, no more than 5 "
                            "cars, roughly 13 miles and 30 or more tanks.");
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(q[0].bound, "more_than");
  EXPECT_EQ(q[1].bound, "at_most");
  EXPECT_EQ(q[2].bound, "less_than");
  EXPECT_EQ(q[3].bound, "at_most");
  EXPECT_EQ(q[4].bound, "approx");
  EXPECT_EQ(q[4].unit, "miles");
  EXPECT_EQ(q[5].bound, "at_least");
}

TEST(QuantityExtractorTest, FollowsOfToTheCountedNoun) {
  const AnalyzedDocument doc = AnalyzeFacts("Three of those men were possibly killed.");
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].value, 3);
  EXPECT_EQ(doc.quantities[0].counted, "man");
}

TEST(QuantityExtractorTest, ReadsNumberWords) {
  const auto q = Quantities("Fifty three members of congress, twenty-five boats, two hundred and ten "
                            "cases and a dozen eggs.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].value, 53);
  EXPECT_EQ(q[0].counted, "member");
  EXPECT_EQ(q[1].value, 25);
  EXPECT_EQ(q[2].value, 210);
  EXPECT_EQ(q[3].value, 12);
}

TEST(QuantityExtractorTest, MarksVagueAmountsWithLowAndHigh) {
  const auto q = Quantities("Dozens of people were killed and tens of thousands of dollars were lost.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_TRUE(q[0].vague);
  EXPECT_EQ(q[0].value, 12);
  EXPECT_EQ(q[0].high, 120);
  EXPECT_EQ(q[0].counted, "people");
  EXPECT_EQ(q[1].value, 10000);
  EXPECT_EQ(q[1].unit, "USD");
}

TEST(QuantityExtractorTest, ReadsRanges) {
  const auto q = Quantities("Between 3 and 5 soldiers, 15-22 miles per hour, three to five thousand "
                            "people and $10 to $15 billion.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].bound, "range");
  EXPECT_EQ(q[0].low, 3);
  EXPECT_EQ(q[0].high, 5);
  EXPECT_EQ(q[1].unit, "mph");
  EXPECT_EQ(q[1].high, 22);
  EXPECT_EQ(q[2].low, 3000);
  EXPECT_EQ(q[2].high, 5000);
  EXPECT_EQ(q[3].low, 10e9);
  EXPECT_EQ(q[3].unit, "USD");
}

TEST(QuantityExtractorTest, ReadsScalesMoneyAndPercent) {
  const auto q = Quantities("It cost $2bn, then 1.5 million euros, 30k fans, PS6m and 19 per cent.");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].value, 2e9);
  EXPECT_EQ(q[0].unit, "USD");
  EXPECT_EQ(q[1].value, 1.5e6);
  EXPECT_EQ(q[1].unit, "EUR");
  EXPECT_EQ(q[2].value, 30000);
  EXPECT_EQ(q[3].value, 6e6);
  EXPECT_EQ(q[3].unit, "GBP");
  EXPECT_EQ(q[4].value, 19);
  EXPECT_EQ(q[4].unit, "percent");
}

TEST(QuantityExtractorTest, ReadsStatedChange) {
  const auto q = Quantities("The Dow Jones Industrial Average lost 190 points, or 0.6%, while Nvidia rose 8% to $90.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].change, "decrease");
  EXPECT_EQ(q[1].change, "decrease");  // restates the first figure
  EXPECT_EQ(q[2].change, "increase");
  EXPECT_EQ(q[3].change, "");          // where it ended, not how much it moved
}

TEST(QuantityExtractorTest, SkipsYearsDatesTimesAndOrdinals) {
  const auto q = Quantities("In 2017, on July 14 at 11 a.m. and at 9:35, the 22nd team came 3rd in the 1990s.");
  EXPECT_TRUE(q.empty()) << q.size() << " quantities, first " << (q.empty() ? 0 : q[0].value);
}

TEST(QuantityExtractorTest, SkipsPhoneNumbersUrlsHandlesAndLabels) {
  const auto q = Quantities("Call 555-123-4567 or see http://example.com/a/123 and @user42 about Game 6 of the Galaxy S23.");
  EXPECT_TRUE(q.empty()) << q.size() << " quantities, first " << (q.empty() ? 0 : q[0].value);
}

TEST(QuantityExtractorTest, SkipsListMarkersAndPronounOne) {
  EXPECT_TRUE(Quantities("1. Each one of them left.").empty());
}

TEST(QuantityExtractorTest, CountsMoneyThatLooksLikeAYear) {
  const auto q = Quantities("The MacBook is worth exactly $2000 and about 1900 people came.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value, 2000);
  EXPECT_EQ(q[1].value, 1900);
}

TEST(QuantityExtractorTest, ReadsFractionsAndNegatives) {
  const auto q = Quantities("A third of the population saw -5 yards and 1/2 pound.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_NEAR(q[0].value, 1.0 / 3, 1e-5);
  EXPECT_EQ(q[1].value, -5);
  EXPECT_EQ(q[2].value, 0.5);
  EXPECT_EQ(q[2].unit, "lb");
}

TEST(QuantityExtractorTest, ReadsRatesPer) {
  const auto q = Quantities("They have a $3500 a month mortgage at $62 per share.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].per, "month");
  EXPECT_EQ(q[1].per, "share");
}

TEST(QuantityExtractorTest, SpansStayInsideTheText) {
  const AnalyzedDocument doc = AnalyzeFacts("Revenue rose 6.5% to 164p, up 58.06 points (0.4%).");
  for (const Quantity& q : doc.quantities) {
    EXPECT_LE(q.span.end, doc.doc.text.size());
    EXPECT_LT(q.span.begin, q.span.end);
  }
}

TEST(QuantityExtractorTest, NamesUnits) {
  EXPECT_EQ(ShippedFacts().quantities().UnitName("USD"), "dollar");
  EXPECT_EQ(ShippedFacts().quantities().UnitName("percent"), "percentage");
  EXPECT_EQ(ShippedFacts().quantities().UnitName("nonsense"), "");
}

}  // namespace
}  // namespace crosscheck::facts

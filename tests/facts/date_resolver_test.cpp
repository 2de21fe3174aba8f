// Tests of facts::DateResolver: absolute, partial and relative dates.
#include "facts/date_resolver.h"

#include <string>

#include <gtest/gtest.h>

#include "facts_test_util.h"

namespace crosscheck::facts {
namespace {

// "iso/granularity" of each date, space-separated.
std::string Dates(const std::string& text, const std::string& date) {
  const AnalyzedDocument doc = AnalyzeFacts(text, date);
  std::string out;
  for (const DateMention& d : doc.dates) {
    out += (out.empty() ? "" : " ") + SpanText(doc, d.span) + "=" + d.iso + "/" + d.granularity;
  }
  return out;
}

TEST(DateResolverTest, ReadsAbsoluteDates) {
  EXPECT_EQ(Dates("On July 14, 2017 and 2017-07-17 and 14 July 2017.", ""),
            "July 14, 2017=2017-07-14/day 2017-07-17=2017-07-17/day 14 July 2017=2017-07-14/day");
  EXPECT_EQ(Dates("In April 2018 and in 2016.", ""), "April 2018=2018-04/month 2016=2016/year");
}

TEST(DateResolverTest, ResolvesBareMonthToMostRecentNotAfterDocumentDate) {
  EXPECT_EQ(Dates("The claims emerged in April.", "2017-07-17"), "April=2017-04/month");
  EXPECT_EQ(Dates("The claims emerged in September.", "2017-07-17"), "September=2016-09/month");
  EXPECT_EQ(Dates("MTV made the July 14 video.", "2017-07-17"), "July 14=2017-07-14/day");
}

TEST(DateResolverTest, ResolvesWeekdaysToTheMostRecentBeforeTheDocumentDate) {
  // 2017-07-17 is a Monday.
  EXPECT_EQ(Dates("It happened on Tuesday.", "2017-07-17"), "Tuesday=2017-07-11/day");
  EXPECT_EQ(Dates("It happened on Monday.", "2017-07-17"), "Monday=2017-07-10/day");
  EXPECT_EQ(Dates("It happens today, not yesterday.", "2017-07-17"), "today=2017-07-17/day yesterday=2017-07-16/day");
}

TEST(DateResolverTest, ResolvesRelativeUnits) {
  EXPECT_EQ(Dates("Last week, earlier this month and last year.", "2017-07-17"),
            "Last week=2017-07-10/week earlier this month=2017-07/month last year=2016/year");
  EXPECT_EQ(Dates("It began three days ago.", "2017-07-17"), "three days ago=2017-07-14/day");
}

TEST(DateResolverTest, LeavesRelativeDatesUnresolvedWithoutDocumentDate) {
  const AnalyzedDocument doc = AnalyzeFacts("In April, last week, on Wednesday.", "");
  ASSERT_EQ(doc.dates.size(), 3u);
  for (const DateMention& d : doc.dates) {
    EXPECT_EQ(d.iso, "");
    EXPECT_EQ(d.granularity, "");
    EXPECT_TRUE(d.relative);
  }
}

TEST(DateResolverTest, NeedsContextForMayAndMarch) {
  EXPECT_EQ(Dates("They may march on.", "2017-07-17"), "");
  EXPECT_EQ(Dates("It opened in May.", "2017-07-17"), "May=2017-05/month");
}

TEST(DateResolverTest, DoesNotTakeMoneyForAYear) {
  EXPECT_EQ(Dates("It is worth $2000 and about 1990 people came in 1990.", ""), "1990=1990/year");
}

}  // namespace
}  // namespace crosscheck::facts

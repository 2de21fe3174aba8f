#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace crosscheck::ingest {
namespace {

TEST(NormalizeDateTest, KeepsIsoDate) { EXPECT_EQ(NormalizeDate("2017-07-17"), "2017-07-17"); }

TEST(NormalizeDateTest, ReadsMonthDayYear) {
  EXPECT_EQ(NormalizeDate("July 17, 2017"), "2017-07-17");
  EXPECT_EQ(NormalizeDate("Jul. 7 2017"), "2017-07-07");
  EXPECT_EQ(NormalizeDate("Sept 3rd, 2019"), "2019-09-03");
}

TEST(NormalizeDateTest, ReadsDayMonthYear) {
  EXPECT_EQ(NormalizeDate("17 July 2017"), "2017-07-17");
  EXPECT_EQ(NormalizeDate("1st March 2020"), "2020-03-01");
}

TEST(NormalizeDateTest, ReadsRfc2822) {
  EXPECT_EQ(NormalizeDate("Mon, 17 Jul 2017 10:00:00 +0000"), "2017-07-17");
}

TEST(NormalizeDateTest, ReadsIsoWithTime) {
  EXPECT_EQ(NormalizeDate("2017-07-17T10:22:33Z"), "2017-07-17");
  EXPECT_EQ(NormalizeDate(" 2017-07-17 10:22:33+03:00 "), "2017-07-17");
}

TEST(NormalizeDateTest, ReadsEuropeanDottedDate) { EXPECT_EQ(NormalizeDate("17.07.2017"), "2017-07-17"); }

TEST(NormalizeDateTest, KeepsPartialDates) {
  EXPECT_EQ(NormalizeDate("2017-07"), "2017-07");
  EXPECT_EQ(NormalizeDate("2017"), "2017");
  EXPECT_EQ(NormalizeDate("July 2017"), "2017-07");
}

TEST(NormalizeDateTest, RejectsNonDatesAndImpossibleDays) {
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("2017-02-30"), "");
  EXPECT_EQ(NormalizeDate("2017-13-01"), "");
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("07/17/2017"), "");  // ambiguous order: not guessed
}

TEST(FindDatelineTest, FindsFullDateNearStart) {
  EXPECT_EQ(FindDateline("By Jane Doe | July 17, 2017\n\nMOSCOW - Officials said..."), "2017-07-17");
  EXPECT_EQ(FindDateline("Updated 2017-07-18 09:00. The report..."), "2017-07-18");
}

TEST(FindDatelineTest, IgnoresDatesWithoutYear) {
  EXPECT_EQ(FindDateline("MOSCOW, April 3 (Reuters) - Russian police detained..."), "");
}

TEST(FindDatelineTest, IgnoresDatesBeyondWindow) {
  const std::string text = std::string(300, 'a') + " July 17, 2017";
  EXPECT_EQ(FindDateline(text), "");
}

TEST(FindDatelineTest, DoesNotMatchInsideWords) {
  EXPECT_EQ(FindDateline("Codename X2017-07-17Y is not a dateline"), "");
}

}  // namespace
}  // namespace crosscheck::ingest

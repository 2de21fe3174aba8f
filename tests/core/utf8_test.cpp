#include "core/utf8.h"

#include <gtest/gtest.h>

namespace crosscheck::utf8 {
namespace {

TEST(Utf8, AcceptsWellFormedMultibyteText) {
  EXPECT_TRUE(IsValid("Chechnya — “gay purge” 🏳️‍🌈"));
}

TEST(Utf8, RejectsOverlongSurrogateAndTruncatedSequences) {
  EXPECT_FALSE(IsValid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(IsValid("abc\xE2\x80"));       // truncated at end
  EXPECT_FALSE(IsValid("\xF5\x80\x80\x80"));  // beyond U+10FFFF
}

TEST(Utf8, RepairReplacesEachInvalidRunWithOneReplacementCharacterAndCounts) {
  uint32_t repaired = 0;
  EXPECT_EQ(Repair("a\xFF\xFE" "b\x80\x80" "c", &repaired), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(repaired, 3u);
}

TEST(Utf8, RepairLeavesValidTextByteIdentical) {
  uint32_t repaired = 0;
  const std::string text = "Grozny, “13 miles” from Argun";
  EXPECT_EQ(Repair(text, &repaired), text);
  EXPECT_EQ(repaired, 0u);
}

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  const std::string text = "é—🏳";
  std::string back;
  for (size_t pos = 0; pos < text.size();) Append(Next(text, &pos), &back);
  EXPECT_EQ(back, text);
}

TEST(Utf8, BinaryFractionFlagsControlBytesNotWhitespace) {
  EXPECT_EQ(BinaryFraction("line one\nline two\ttab\r\n"), 0.0);
  EXPECT_GT(BinaryFraction(std::string("\x00\x01\x02\x03PK", 6)), 0.5);
}

}  // namespace
}  // namespace crosscheck::utf8

#include <gtest/gtest.h>

#include "ingest/readers.h"

namespace crosscheck::ingest {
namespace {

std::string ParagraphText(const Document& d, size_t i) {
  return d.text.substr(d.paragraphs[i].begin, d.paragraphs[i].size());
}

TEST(TxtReaderTest, ReadsHeaderFieldsAndBody) {
  const std::string data =
      "Title: MTV campaign\nDate: July 17, 2017\nsource: MTV News\nURL: http://x.example/a\n"
      "Language: EN\n\nFirst paragraph.\n\nSecond paragraph\ncontinues here.\n";
  Result<Document> d = ParseTxt(data, "corpus/000_9c69864088f3bb14.txt");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->id, "000_9c69864088f3bb14.txt");
  EXPECT_EQ(d->title, "MTV campaign");
  EXPECT_EQ(d->date, "2017-07-17");
  EXPECT_EQ(d->source, "MTV News");
  EXPECT_EQ(d->url, "http://x.example/a");
  EXPECT_EQ(d->language, "en");
  EXPECT_EQ(d->origin, "corpus/000_9c69864088f3bb14.txt");
  ASSERT_EQ(d->paragraphs.size(), 2u);
  EXPECT_EQ(ParagraphText(*d, 0), "First paragraph.");
  EXPECT_EQ(ParagraphText(*d, 1), "Second paragraph\ncontinues here.");
}

TEST(TxtReaderTest, HeaderIdOverridesFileNameAndUnknownKeysGoToExtra) {
  Result<Document> d = ParseTxt("Id: story-7\nAuthor: A. Writer\n\nBody.\n", "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->id, "story-7");
  ASSERT_EQ(d->extra.size(), 1u);
  EXPECT_EQ(d->extra[0].first, "author");
  EXPECT_EQ(d->extra[0].second, "\"A. Writer\"");
}

TEST(TxtReaderTest, FileWithoutHeaderIsAllText) {
  Result<Document> d = ParseTxt("Moscow: police detained dozens of men.\nMore text.\n", "a.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->title, "");
  EXPECT_EQ(d->text, "Moscow: police detained dozens of men.\nMore text.\n");
}

TEST(TxtReaderTest, HeaderLikeFirstLineWithoutBlankLineIsText) {
  Result<Document> d = ParseTxt("Note: this looks like a header\nbut it is text", "a.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text.substr(0, 5), "Note:");
}

TEST(TxtReaderTest, TakesDateFromDatelineWhenHeaderHasNone) {
  Result<Document> d = ParseTxt("MOSCOW, July 17, 2017 - Police said.\n", "a.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date, "2017-07-17");
}

TEST(TxtReaderTest, RepairsInvalidUtf8AndCountsIt) {
  Result<Document> d = ParseTxt("caf\xE9 au lait \xFF\xFE ok\n", "a.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->repaired_bytes, 3u);  // \xE9, \xFF and \xFE are each a maximal invalid sequence
  EXPECT_NE(d->text.find("caf\xEF\xBF\xBD au"), std::string::npos);
}

TEST(TxtReaderTest, RejectsEmptyFile) {
  EXPECT_FALSE(ParseTxt("", "a.txt").ok());
  EXPECT_FALSE(ParseTxt(" \n\n \n", "a.txt").ok());
}

TEST(TxtReaderTest, RejectsBinaryFile) {
  std::string binary;
  for (int i = 0; i < 512; ++i) binary.push_back(static_cast<char>(i % 32));
  Result<Document> d = ParseTxt(binary, "a.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("binary"), std::string::npos);
}

TEST(TxtReaderTest, HandlesCrLfHeaders) {
  Result<Document> d = ParseTxt("Title: T\r\nDate: 2017-07-17\r\n\r\nBody text.\r\n", "a.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->title, "T");
  EXPECT_EQ(d->date, "2017-07-17");
  ASSERT_EQ(d->paragraphs.size(), 1u);
  EXPECT_EQ(ParagraphText(*d, 0), "Body text.");
}

TEST(SplitParagraphsTest, SplitsAtBlankLinesAndTrims) {
  const std::string text = "  one\n \n\ntwo a\ntwo b\n\t\nthree  ";
  const auto p = SplitParagraphs(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(text.substr(p[0].begin, p[0].size()), "one");
  EXPECT_EQ(text.substr(p[1].begin, p[1].size()), "two a\ntwo b");
  EXPECT_EQ(text.substr(p[2].begin, p[2].size()), "three");
}

TEST(SplitParagraphsTest, SplitsAtLinesWhenAskedAndNoBlankLine) {
  const std::string text = "one\ntwo\nthree";
  EXPECT_EQ(SplitParagraphs(text).size(), 1u);
  EXPECT_EQ(SplitParagraphs(text, true).size(), 3u);
}

}  // namespace
}  // namespace crosscheck::ingest

#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

struct Parsed {
  std::vector<Document> docs;
  testing::ErrorLog log;
};

Parsed Parse(const std::string& data, const std::string& name = "dir/feed.jsonl") {
  Parsed p;
  ParseJsonl(data, name, [&](Document&& d) { p.docs.push_back(std::move(d)); }, p.log.Sink());
  return p;
}

TEST(JsonlReaderTest, ReadsKnownFieldsAndKeepsUnknownAsRawJson) {
  Parsed p = Parse(
      R"({"id":"a1","title":"T","text":"Body one.","date":"July 17, 2017","source":"Reuters",)"
      R"("url":"https://r.example/a","tags":["x",1],"score":0.5})"
      "\n");
  ASSERT_EQ(p.docs.size(), 1u);
  const Document& d = p.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.text, "Body one.");
  EXPECT_EQ(d.date, "2017-07-17");
  EXPECT_EQ(d.source, "Reuters");
  EXPECT_EQ(d.url, "https://r.example/a");
  EXPECT_EQ(d.origin, "dir/feed.jsonl:1");
  ASSERT_EQ(d.extra.size(), 2u);
  EXPECT_EQ(d.extra[0].second, R"(["x",1])");
  EXPECT_EQ(d.extra[1].first, "score");
}

TEST(JsonlReaderTest, AcceptsAlternativeFieldNames) {
  Parsed p = Parse(R"({"body":"B.","published":"2017-07-17T08:00:00Z","outlet":"AP"})" "\n"
                   R"({"content":"C.","domain":"ap.org"})" "\n");
  ASSERT_EQ(p.docs.size(), 2u);
  EXPECT_EQ(p.docs[0].text, "B.");
  EXPECT_EQ(p.docs[0].date, "2017-07-17");
  EXPECT_EQ(p.docs[0].source, "AP");
  EXPECT_EQ(p.docs[1].source, "ap.org");
}

TEST(JsonlReaderTest, MissingIdBecomesFileNameAndLine) {
  Parsed p = Parse("\n" R"({"text":"x"})" "\n", "some/dir/feed.jsonl");
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_EQ(p.docs[0].id, "feed.jsonl#2");
}

TEST(JsonlReaderTest, NumericIdIsKeptAsText) {
  Parsed p = Parse(R"({"id":42,"text":"x"})");
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_EQ(p.docs[0].id, "42");
}

TEST(JsonlReaderTest, ReportsMalformedJsonLineWithLineNumberAndContinues) {
  Parsed p = Parse(R"({"text":"one"})" "\n" R"({"text": "two)" "\n" R"({"text":"three"})" "\n");
  ASSERT_EQ(p.docs.size(), 2u);
  EXPECT_EQ(p.docs[1].text, "three");
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_EQ(p.log.errors[0].line, 2u);
  EXPECT_EQ(p.log.errors[0].file, "dir/feed.jsonl");
  EXPECT_NE(p.log.errors[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(p.log.errors[0].ToString().rfind("dir/feed.jsonl:2: ", 0), 0u);
}

TEST(JsonlReaderTest, ReportsRecordWithoutTextOrNotAnObject) {
  Parsed p = Parse(R"({"title":"no text"})" "\n" "[1,2]\n");
  EXPECT_TRUE(p.docs.empty());
  ASSERT_EQ(p.log.errors.size(), 2u);
  EXPECT_NE(p.log.errors[0].message.find("\"text\""), std::string::npos);
  EXPECT_NE(p.log.errors[1].message.find("object"), std::string::npos);
}

TEST(JsonlReaderTest, RepairsInvalidUtf8InsideStrings) {
  Parsed p = Parse("{\"text\":\"caf\xE9\"}\n");
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_EQ(p.docs[0].text, "caf\xEF\xBF\xBD");
  EXPECT_EQ(p.docs[0].repaired_bytes, 1u);
}

TEST(JsonlReaderTest, SplitsParagraphsAtNewlinesWhenNoBlankLine) {
  Parsed p = Parse(R"({"text":"First.\nSecond.\nThird."})");
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_EQ(p.docs[0].paragraphs.size(), 3u);
}

TEST(JsonlReaderTest, ReportsEmptyAndBinaryInputOnce) {
  Parsed empty = Parse("");
  EXPECT_EQ(empty.log.errors.size(), 1u);
  Parsed binary = Parse(std::string(1000, '\x01'));
  ASSERT_EQ(binary.log.errors.size(), 1u);
  EXPECT_NE(binary.log.errors[0].message.find("binary"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::ingest

#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "ingest/readers.h"
#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

using testing::Gzip;
using testing::HtmlResponse;
using testing::NewsPage;
using testing::WarcRecord;

struct Parsed {
  std::vector<Document> docs;
  testing::ErrorLog log;
};

Parsed Parse(const std::string& data) {
  Parsed p;
  ParseWarc(data, "crawl/news.warc.gz", [&](Document&& d) { p.docs.push_back(std::move(d)); },
            p.log.Sink());
  return p;
}

std::string Hex(size_t n) {
  std::ostringstream out;
  out << std::hex << n;
  return out.str();
}

std::string WarcInfo() { return WarcRecord("warcinfo", "software: test\r\n"); }

std::string Request(const std::string& url) {
  return WarcRecord("request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "WARC-Target-URI: " + url + "\r\n");
}

TEST(WarcReaderTest, ReadsHtmlResponseRecordsOnly) {
  const std::string warc =
      WarcInfo() + Request("https://a.example/1") +
      HtmlResponse("https://a.example/1", NewsPage("First story", "Police detained dozens of men on Monday in the city."), "1111-aaaa") +
      WarcRecord("response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                 "WARC-Target-URI: https://a.example/logo.png\r\n") +
      HtmlResponse("https://www.b.example/2", NewsPage("Second story", "The ministry denied the report in a short statement."));
  Parsed p = Parse(warc);
  EXPECT_TRUE(p.log.errors.empty());
  ASSERT_EQ(p.docs.size(), 2u);
  EXPECT_EQ(p.docs[0].id, "1111-aaaa");
  EXPECT_EQ(p.docs[0].url, "https://a.example/1");
  EXPECT_EQ(p.docs[0].title, "First story | Example");
  EXPECT_EQ(p.docs[0].date, "2017-07-18");  // from WARC-Date: the page names none
  EXPECT_EQ(p.docs[0].source, "a.example");
  EXPECT_NE(p.docs[0].text.find("Police detained dozens"), std::string::npos);
  EXPECT_EQ(p.docs[0].text.find("Copyright"), std::string::npos);
  EXPECT_EQ(p.docs[1].id, "news.warc.gz#5");  // no WARC-Record-ID: file#ordinal
  EXPECT_EQ(p.docs[1].source, "b.example");
  EXPECT_EQ(p.docs[0].origin.rfind("crawl/news.warc.gz@", 0), 0u);
}

TEST(WarcReaderTest, ReadsPerRecordGzipMembers) {
  const std::string warc = Gzip(WarcInfo()) +
                           Gzip(HtmlResponse("https://a.example/1", NewsPage("One", "Text one is here and long enough."))) +
                           Gzip(HtmlResponse("https://a.example/2", NewsPage("Two", "Text two is here and long enough.")));
  Parsed p = Parse(warc);
  EXPECT_TRUE(p.log.errors.empty());
  EXPECT_EQ(p.docs.size(), 2u);
}

TEST(WarcReaderTest, ReadsOneBigGzipMember) {
  const std::string warc = Gzip(WarcInfo() + HtmlResponse("https://a.example/1", NewsPage("One", "Text one is long enough here.")) +
                                HtmlResponse("https://a.example/2", NewsPage("Two", "Text two is long enough here.")));
  EXPECT_EQ(Parse(warc).docs.size(), 2u);
}

TEST(WarcReaderTest, UndoesChunkedTransferEncoding) {
  const std::string html = NewsPage("Chunked", "Chunked body text arrives in pieces today.");
  const std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
                              Hex(html.size() / 2) +
                              "\r\n" + html.substr(0, html.size() / 2) + "\r\n" +
                              Hex(html.size() - html.size() / 2) +
                              "\r\n" + html.substr(html.size() / 2) + "\r\n0\r\n\r\n";
  Parsed p = Parse(WarcRecord("response", chunked, "WARC-Target-URI: https://c.example/\r\n"));
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_NE(p.docs[0].text.find("Chunked body text arrives in pieces today."), std::string::npos);
}

TEST(WarcReaderTest, ReportsTruncatedRecordWithByteOffset) {
  const std::string first = HtmlResponse("https://a.example/1", NewsPage("One", "Complete record text is long enough."));
  std::string second = HtmlResponse("https://a.example/2", NewsPage("Two", "Cut record text."));
  second.resize(second.size() / 2);
  Parsed p = Parse(first + second);
  ASSERT_EQ(p.docs.size(), 1u);
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_EQ(p.log.errors[0].offset, first.size());
  EXPECT_NE(p.log.errors[0].message.find("truncated WARC record"), std::string::npos);
  EXPECT_EQ(p.log.errors[0].ToString().rfind("crawl/news.warc.gz@byte " + std::to_string(first.size()), 0), 0u);
}

TEST(WarcReaderTest, ReportsTruncatedGzipMemberOnceAndKeepsEarlierDocuments) {
  std::string last = Gzip(HtmlResponse("https://a.example/2", NewsPage("Two", "Second text.")));
  last.resize(last.size() - 20);
  Parsed p = Parse(Gzip(HtmlResponse("https://a.example/1", NewsPage("One", "First text is long enough."))) + last);
  EXPECT_EQ(p.docs.size(), 1u);
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_NE(p.log.errors[0].message.find("truncated gzip member"), std::string::npos);
}

TEST(WarcReaderTest, SkipsCorruptGzipMemberAndReadsTheNext) {
  std::string bad = Gzip(HtmlResponse("https://a.example/2", NewsPage("Two", std::string(3000, 'q'))));
  for (size_t i = bad.size() / 3; i < bad.size() / 3 + 8; ++i) bad[i] ^= 0x5A;
  Parsed p = Parse(Gzip(HtmlResponse("https://a.example/1", NewsPage("One", "First text is long enough."))) + bad +
                   Gzip(HtmlResponse("https://a.example/3", NewsPage("Three", "Third text is long enough."))));
  ASSERT_EQ(p.docs.size(), 2u);
  EXPECT_EQ(p.docs[1].url, "https://a.example/3");
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_NE(p.log.errors[0].message.find("corrupt gzip"), std::string::npos);
}

TEST(WarcReaderTest, ReportsGarbageBetweenRecordsOnceAndResyncs) {
  Parsed p = Parse("garbage line\nmore garbage\n" +
                   HtmlResponse("https://a.example/1", NewsPage("One", "Text after garbage is long enough.")));
  ASSERT_EQ(p.docs.size(), 1u);
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_EQ(p.log.errors[0].offset, 0u);
}

TEST(WarcReaderTest, ReportsRecordWithoutContentLength) {
  Parsed p = Parse("WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n" +
                   HtmlResponse("https://a.example/1", NewsPage("One", "Text after a bad record is here.")));
  ASSERT_EQ(p.docs.size(), 1u);
  ASSERT_EQ(p.log.errors.size(), 1u);
  EXPECT_NE(p.log.errors[0].message.find("Content-Length"), std::string::npos);
}

TEST(WarcReaderTest, ReportsEmptyFile) {
  Parsed p = Parse("");
  EXPECT_TRUE(p.docs.empty());
  EXPECT_EQ(p.log.errors.size(), 1u);
}

TEST(WarcReaderTest, SkipsRedirectsQuietly) {
  Parsed p = Parse(WarcRecord("response", "HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\n",
                              "WARC-Target-URI: https://a.example/\r\n"));
  EXPECT_TRUE(p.docs.empty());
  EXPECT_TRUE(p.log.errors.empty());
}

}  // namespace
}  // namespace crosscheck::ingest

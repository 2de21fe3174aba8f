#include "ingest/document_source.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

using testing::ErrorLog;
using testing::Gzip;
using testing::TempDir;
using testing::Zstd;

std::vector<Document> ReadAll(const std::vector<std::string>& inputs, ErrorLog* log,
                              uint32_t shard_index = 0, uint32_t shard_count = 1) {
  IngestOptions options;
  options.on_error = log->Sink();
  options.shard_index = shard_index;
  options.shard_count = shard_count;
  auto source = DocumentSource::Open(inputs, options);
  EXPECT_NE(source, nullptr);
  std::vector<Document> docs;
  if (!source) return docs;
  Document doc;
  while (source->Next(&doc)) docs.push_back(doc);
  EXPECT_EQ(source->error_count(), log->errors.size());
  return docs;
}

std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  return ids;
}

TEST(DocumentSourceTest, WalksDirectoryRecursivelyInByteOrderSkippingHiddenAndUnknown) {
  TempDir dir;
  dir.Write("b.txt", "Bee.\n");
  dir.Write("a/z.txt", "Zed.\n");
  dir.Write("A.txt", "Upper A.\n");
  dir.Write(".hidden.txt", "Hidden.\n");
  dir.Write(".git/c.txt", "In hidden dir.\n");
  dir.Write("notes.md", "Unknown extension.\n");
  dir.Write("c.jsonl", "{\"id\":\"j1\",\"text\":\"J.\"}\n");
  ErrorLog log;
  const auto docs = ReadAll({dir.path().string()}, &log);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"A.txt", "z.txt", "b.txt", "j1"}));
  EXPECT_TRUE(log.errors.empty());
}

TEST(DocumentSourceTest, ReadsExplicitFileWithUnknownExtensionAsText) {
  TempDir dir;
  const std::string path = dir.Write("notes.md", "Title: Notes\n\nSome notes.\n");
  ErrorLog log;
  const auto docs = ReadAll({path}, &log);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, "Notes");
  EXPECT_EQ(docs[0].id, "notes.md");
}

TEST(DocumentSourceTest, DecompressesGzAndZstdOfEachFormat) {
  TempDir dir;
  dir.Write("1.txt.gz", Gzip("Gzipped text.\n"));
  dir.Write("2.jsonl.zst", Zstd("{\"id\":\"z1\",\"text\":\"Zstd line.\"}\n"));
  dir.Write("3.html.gz", Gzip("<html><body><p>Gzipped page text, long enough to count.</p></body></html>"));
  dir.Write("4.warc.gz", Gzip(testing::HtmlResponse("https://a.example/", testing::NewsPage("W", "Warc text here."), "w1")));
  ErrorLog log;
  const auto docs = ReadAll({dir.path().string()}, &log);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"1.txt.gz", "z1", "3.html.gz", "w1"}));
  EXPECT_TRUE(log.errors.empty());
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].text, "Gzipped text.\n");
}

// A directory with every record-bearing format: JSONL lines, WARC records
// (with and without WARC-Record-ID), and one-document text files.
void WriteMixedCorpus(const TempDir& dir) {
  std::string jsonl;
  for (int i = 0; i < 40; ++i) jsonl += "{\"id\":\"j" + std::to_string(i) + "\",\"text\":\"Line " + std::to_string(i) + ".\"}\n";
  dir.Write("feed.jsonl", jsonl);
  std::string warc;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    warc += Gzip(testing::HtmlResponse("https://a.example/" + n, testing::NewsPage("Story " + n, "Body of story " + n + "."),
                                       i % 3 == 0 ? "" : "w" + n));
  }
  dir.Write("crawl/part.warc.gz", warc);
  for (int i = 0; i < 20; ++i) dir.Write("txt/" + std::to_string(i) + ".txt", "Text file " + std::to_string(i) + ".\n");
}

std::vector<std::string> Origins(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const Document& d : docs) out.push_back(d.origin);
  return out;
}

TEST(DocumentSourceTest, ShardsPartitionRecordsOfEveryFormat) {
  TempDir dir;
  WriteMixedCorpus(dir);
  ErrorLog log;
  const auto all = Origins(ReadAll({dir.path().string()}, &log));
  ASSERT_EQ(all.size(), 90u);
  for (uint32_t n : {2u, 3u, 7u}) {
    std::vector<std::string> union_of_shards;
    for (uint32_t shard = 0; shard < n; ++shard) {
      const auto part = Origins(ReadAll({dir.path().string()}, &log, shard, n));
      EXPECT_FALSE(part.empty()) << shard << "/" << n;
      // Each shard keeps the input order of its records.
      auto at = all.begin();
      for (const std::string& o : part) {
        at = std::find(at, all.end(), o);
        ASSERT_NE(at, all.end()) << o << " out of order in shard " << shard << "/" << n;
      }
      union_of_shards.insert(union_of_shards.end(), part.begin(), part.end());
    }
    auto sorted_all = all;
    std::sort(sorted_all.begin(), sorted_all.end());
    std::sort(union_of_shards.begin(), union_of_shards.end());
    EXPECT_EQ(union_of_shards, sorted_all) << "shards of " << n << " overlap or miss records";
  }
  EXPECT_TRUE(log.errors.empty());
}

TEST(DocumentSourceTest, ShardDoesNotDependOnWhereTheDataIsMountedOrOnOtherRecords) {
  TempDir a, b;
  WriteMixedCorpus(a);
  WriteMixedCorpus(b);
  // b's WARC loses its first records: the others, keyed by WARC-Record-ID, keep their shard.
  std::string warc;
  for (int i = 10; i < 30; ++i) {
    const std::string n = std::to_string(i);
    if (i % 3 == 0) continue;
    warc += Gzip(testing::HtmlResponse("https://a.example/" + n, testing::NewsPage("Story " + n, "Body of story " + n + "."), "w" + n));
  }
  b.Write("crawl/part.warc.gz", warc);
  ErrorLog log;
  for (uint32_t shard = 0; shard < 3; ++shard) {
    const auto ids_a = Ids(ReadAll({a.path().string()}, &log, shard, 3));
    const auto ids_b = Ids(ReadAll({b.path().string()}, &log, shard, 3));
    for (const std::string& id : ids_b) {
      EXPECT_NE(std::find(ids_a.begin(), ids_a.end(), id), ids_a.end()) << id << " changed shard";
    }
  }
}

TEST(DocumentSourceTest, BadRecordIsReportedOnlyByTheShardThatOwnsIt) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 12; ++i) jsonl += i == 5 ? "{\"id\": broken\n" : "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"x\"}\n";
  const std::string path = dir.Write("all.jsonl", jsonl);
  size_t errors = 0, docs = 0;
  for (uint32_t shard = 0; shard < 4; ++shard) {
    ErrorLog log;
    docs += ReadAll({path}, &log, shard, 4).size();
    errors += log.errors.size();
    for (const InputError& e : log.errors) EXPECT_EQ(e.line, 6u);
  }
  EXPECT_EQ(docs, 11u);
  EXPECT_EQ(errors, 1u);
}

TEST(DocumentSourceTest, ReportsEmptyAndBinaryFilesAndGoesOn) {
  TempDir dir;
  dir.Write("a_empty.txt", "");
  dir.Write("b_binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0", 24));
  dir.Write("c_good.txt", "Good text.\n");
  dir.Write("d_empty.jsonl", "");
  ErrorLog log;
  const auto docs = ReadAll({dir.path().string()}, &log);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"c_good.txt"}));
  ASSERT_EQ(log.errors.size(), 3u);
  EXPECT_NE(log.errors[0].file.find("a_empty.txt"), std::string::npos);
  EXPECT_NE(log.errors[0].message.find("empty"), std::string::npos);
  EXPECT_NE(log.errors[1].message.find("binary"), std::string::npos);
  EXPECT_NE(log.errors[2].file.find("d_empty.jsonl"), std::string::npos);
}

TEST(DocumentSourceTest, ReportsMalformedJsonLineWithLineNumberAndContinues) {
  TempDir dir;
  const std::string path = dir.Write("f.jsonl", "{\"text\":\"a\"}\n{oops\n{\"text\":\"b\"}\n");
  ErrorLog log;
  const auto docs = ReadAll({path}, &log);
  EXPECT_EQ(docs.size(), 2u);
  ASSERT_EQ(log.errors.size(), 1u);
  EXPECT_EQ(log.errors[0].file, path);
  EXPECT_EQ(log.errors[0].line, 2u);
}

TEST(DocumentSourceTest, ReportsTruncatedGzipTextFile) {
  TempDir dir;
  std::string gz = Gzip(std::string(4000, 'a') + " text");
  gz.resize(gz.size() - 8);
  const std::string path = dir.Write("t.txt.gz", gz);
  ErrorLog log;
  ReadAll({path}, &log);
  ASSERT_GE(log.errors.size(), 1u);
  EXPECT_NE(log.errors[0].message.find("truncated gzip"), std::string::npos);
}

TEST(DocumentSourceTest, OpenFailsForMissingPath) {
  ErrorLog log;
  IngestOptions options;
  options.on_error = log.Sink();
  EXPECT_EQ(DocumentSource::Open({"/no/such/path.txt"}, options), nullptr);
  ASSERT_EQ(log.errors.size(), 1u);
  EXPECT_EQ(log.errors[0].file, "/no/such/path.txt");
}

TEST(DocumentSourceTest, DefaultErrorHandlerPrintsToStderr) {
  TempDir dir;
  const std::string path = dir.Write("e.txt", "");
  auto source = DocumentSource::Open({path}, IngestOptions());
  ASSERT_NE(source, nullptr);
  ::testing::internal::CaptureStderr();
  Document doc;
  EXPECT_FALSE(source->Next(&doc));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "crosscheck: " + path + "@byte 0: empty file: expected text\n");
  EXPECT_EQ(source->error_count(), 1u);
}

TEST(DocumentSourceTest, CountsCompressedBytesRead) {
  TempDir dir;
  const std::string gz = Gzip("Some text.\n");
  const std::string path = dir.Write("a.txt.gz", gz);
  auto source = DocumentSource::Open({path}, IngestOptions());
  Document doc;
  while (source->Next(&doc)) {}
  EXPECT_EQ(source->bytes_read(), gz.size());
}

TEST(InputErrorTest, FormatsLineOrByteOffset) {
  EXPECT_EQ((InputError{"a.jsonl", 3, 0, "bad"}).ToString(), "a.jsonl:3: bad");
  EXPECT_EQ((InputError{"a.warc.gz", 0, 1234, "cut"}).ToString(), "a.warc.gz@byte 1234: cut");
}

}  // namespace
}  // namespace crosscheck::ingest

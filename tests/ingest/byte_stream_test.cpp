#include "ingest/byte_stream.h"

#include <gtest/gtest.h>

#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

using testing::Gzip;
using testing::TempDir;
using testing::Zstd;

struct Reported {
  std::string data;  // the stream reads it in place, so it must outlive the stream
  std::vector<std::pair<uint64_t, std::string>> errors;
};

std::unique_ptr<ByteStream> Memory(std::string data, Reported* reported) {
  reported->data = std::move(data);
  auto s = ByteStream::FromMemory(reported->data);
  s->set_error_handler([reported](uint64_t offset, const std::string& m) {
    reported->errors.emplace_back(offset, m);
  });
  return s;
}

std::string ReadEverything(ByteStream* s) {
  std::string out;
  s->ReadAll(&out);
  return out;
}

TEST(ByteStreamTest, ReadsPlainBytesUnchanged) {
  Reported r;
  const std::string data = "line one\nline two\r\nlast";
  auto s = Memory(data, &r);
  std::string line;
  ASSERT_TRUE(s->ReadLine(&line));
  EXPECT_EQ(line, "line one");
  ASSERT_TRUE(s->ReadLine(&line));
  EXPECT_EQ(line, "line two");
  ASSERT_TRUE(s->ReadLine(&line));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(s->ReadLine(&line));
  EXPECT_EQ(s->offset(), data.size());
}

TEST(ByteStreamTest, InflatesMultiMemberGzipAsOneStream) {
  Reported r;
  const std::string data = Gzip("first member\n") + Gzip("second member\n") + Gzip("third\n");
  auto s = Memory(data, &r);
  EXPECT_EQ(ReadEverything(s.get()), "first member\nsecond member\nthird\n");
  EXPECT_TRUE(r.errors.empty());
}

TEST(ByteStreamTest, InflatesOneLargeMemberAcrossManyBlocks) {
  Reported r;
  std::string big;
  for (int i = 0; big.size() < 3'500'000; ++i) big += "record " + std::to_string(i) + "\n";
  auto s = Memory(Gzip(big), &r);
  EXPECT_EQ(ReadEverything(s.get()), big);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ByteStreamTest, DecompressesZstdFrames) {
  Reported r;
  auto s = Memory(Zstd("alpha\n") + Zstd("beta\n"), &r);
  EXPECT_EQ(ReadEverything(s.get()), "alpha\nbeta\n");
  EXPECT_TRUE(r.errors.empty());
}

TEST(ByteStreamTest, ReportsTruncatedGzipMemberWithOffsetAndKeepsPrefix) {
  Reported r;
  std::string text(5000, 'x');
  std::string data = Gzip("ok\n") + Gzip(text);
  data.resize(data.size() - 10);
  auto s = Memory(data, &r);
  const std::string out = ReadEverything(s.get());
  EXPECT_EQ(out.substr(0, 3), "ok\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].second.find("truncated gzip member"), std::string::npos);
  EXPECT_GE(r.errors[0].first, 3u);
}

TEST(ByteStreamTest, SkipsCorruptGzipMemberAndResumesAtNextMember) {
  Reported r;
  std::string bad = Gzip(std::string(2000, 'b') + "tail");
  bad[bad.size() / 2] ^= 0x55;
  bad[bad.size() / 2 + 1] ^= 0x55;
  const std::string data = Gzip("good one\n") + bad + Gzip("good two\n");
  auto s = Memory(data, &r);
  std::string out;
  s->ReadAll(&out);
  EXPECT_EQ(out.substr(0, 9), "good one\n");
  ASSERT_TRUE(s->broken());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].second.find("corrupt gzip"), std::string::npos);
  s->Resume();
  EXPECT_EQ(ReadEverything(s.get()), "good two\n");
}

TEST(ByteStreamTest, StopsWhenGzipIsCorruptBeyondRecovery) {
  Reported r;
  std::string data = Gzip("ok\n") + "this is not gzip at all";
  auto s = Memory(data, &r);
  EXPECT_EQ(ReadEverything(s.get()), "ok\n");
  EXPECT_FALSE(s->broken());
  ASSERT_EQ(r.errors.size(), 2u);  // the corruption, then "beyond recovery"
  EXPECT_NE(r.errors[1].second.find("beyond recovery"), std::string::npos);
}

TEST(ByteStreamTest, ReportsTruncatedZstdFrame) {
  Reported r;
  std::string data = Zstd(std::string(10000, 'z') + "end");
  data.resize(data.size() - 4);
  auto s = Memory(data, &r);
  ReadEverything(s.get());
  ASSERT_EQ(r.errors.size(), 1u);
}

TEST(ByteStreamTest, OpensFileWithCodecFromCallerAndCountsRawBytes) {
  TempDir dir;
  const std::string gz = Gzip("hello file\n");
  const std::string path = dir.Write("a.txt.gz", gz);
  auto s = ByteStream::OpenFile(path, Codec::kGzip);
  ASSERT_TRUE(s.ok());
  std::string line;
  ASSERT_TRUE((*s)->ReadLine(&line));
  EXPECT_EQ(line, "hello file");
  EXPECT_EQ((*s)->raw_bytes(), gz.size());
}

TEST(ByteStreamTest, OpenFailsForMissingFile) {
  EXPECT_FALSE(ByteStream::OpenFile("/nonexistent/dir/x.txt", Codec::kNone).ok());
}

TEST(ByteStreamTest, ReadAndSkipStopAtEndOfInput) {
  Reported r;
  auto s = Memory("0123456789", &r);
  std::string out;
  EXPECT_EQ(s->Skip(3), 3u);
  EXPECT_EQ(s->Read(4, &out), 4u);
  EXPECT_EQ(out, "3456");
  EXPECT_EQ(s->Read(100, &out), 3u);
  EXPECT_EQ(s->offset(), 10u);
}

}  // namespace
}  // namespace crosscheck::ingest

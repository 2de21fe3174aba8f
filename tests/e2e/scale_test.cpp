// The map/merge split of issue 11 through the real binary: `analyze --shard
// I/N` partitions the input records, and `stories --from-analysis` over the
// shards' JSONL gives exactly the stories of `stories` on the raw inputs.
// Inputs: examples/ plus the NeuS test articles when ../shared is there.
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_util.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

class ScaleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "cc_e2e_scale_XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
    inputs_ = "examples/chechnya-2017";
    const fs::path neus = fs::path(CROSSCHECK_SHARED_DIR) / "data/clusters/neus/test.articles.jsonl.gz";
    if (fs::exists(neus)) inputs_ += " " + neus.string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes shard i of n to a part file and returns its path.
  std::string AnalyzeShard(int i, int n, bool gzip) {
    const std::string part = (dir_ / ("part-" + std::to_string(i) + ".jsonl")).string();
    const CommandResult run = RunCrosscheck("analyze " + inputs_ + " --quiet --format jsonl --shard " + std::to_string(i) + "/" +
                               std::to_string(n) + " -o " + part);
    EXPECT_EQ(run.exit_code, 0);
    if (!gzip) return part;
    std::ifstream in(part, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), {});
    gzFile gz = gzopen((part + ".gz").c_str(), "wb");
    gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
    gzclose(gz);
    fs::remove(part);
    return part + ".gz";
  }

  fs::path dir_;
  std::string inputs_;
};

TEST_F(ScaleTest, ShardsPartitionTheRecordsOfTheUnshardedRun) {
  const CommandResult all = RunCrosscheck("analyze " + inputs_ + " --quiet --format jsonl");
  ASSERT_EQ(all.exit_code, 0);
  auto expected = Lines(all.out);
  ASSERT_GE(expected.size(), 3u);
  std::vector<std::string> shards;
  for (int i = 0; i < 3; ++i) {
    std::ifstream in(AnalyzeShard(i, 3, false), std::ios::binary);
    const auto part = Lines(std::string((std::istreambuf_iterator<char>(in)), {}));
    if (expected.size() > 30) {
      EXPECT_GT(part.size(), expected.size() / 6) << "shard " << i << " is lopsided";
    }
    shards.insert(shards.end(), part.begin(), part.end());
  }
  std::sort(expected.begin(), expected.end());
  std::sort(shards.begin(), shards.end());
  EXPECT_EQ(shards.size(), expected.size()) << "shards overlap or miss records";
  EXPECT_TRUE(shards == expected) << "a shard's analysis differs from the unsharded one";
}

TEST_F(ScaleTest, StoriesFromShardAnalysesEqualStoriesFromTheRawInputs) {
  const CommandResult raw = RunCrosscheck("stories " + inputs_ + " --quiet --format jsonl");
  ASSERT_EQ(raw.exit_code, 0);
  ASSERT_FALSE(raw.out.empty());
  for (bool gzip : {false, true}) {  // plain parts are re-read by offset; gzip parts are read once
    std::vector<std::string> parts;
    for (int i = 0; i < 3; ++i) parts.push_back(AnalyzeShard(i, 3, gzip));
    // Parts in any order give the same stories.
    const CommandResult merged = RunCrosscheck("stories --quiet --format jsonl --from-analysis " + parts[2] + " " + parts[0] +
                                  " " + parts[1]);
    ASSERT_EQ(merged.exit_code, 0);
    EXPECT_TRUE(merged.out == raw.out) << (gzip ? "gzip" : "plain") << " parts give other stories";
    const CommandResult one_thread = RunCrosscheck("--threads 1 stories --quiet --format jsonl --from-analysis " + parts[1] +
                                      " " + parts[2] + " " + parts[0]);
    EXPECT_TRUE(one_thread.out == raw.out);
  }
}

TEST_F(ScaleTest, StoriesFromAnalysisSkipsABadLineNamesItAndExitsWithTwo) {
  const std::string part = AnalyzeShard(0, 1, false);
  {
    std::ofstream(part, std::ios::app) << "{\"id\": \"truncated\n";
  }
  const CommandResult run = RunCrosscheck("stories --quiet --from-analysis " + part);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("\"stories\""), std::string::npos);
  EXPECT_NE(run.err.find(part + ":"), std::string::npos) << run.err;
}

}  // namespace

// Runs the real crosscheck binary on real text (examples/) and checks what a user sees.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace {

const char* kExample = "examples/chechnya-2017";

TEST(AnalyzeExample, ReadsTheThreeReportsWithTheirHeaders) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + " --format jsonl --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["id"], "000_9c69864088f3bb14.txt");
  EXPECT_EQ(docs[0]["date"], "2017-07-17");
  EXPECT_EQ(docs[1]["title"], "RuPaul, Rita Ora and Lena Dunham among celebrities to back Chechnya campaign");
  EXPECT_TRUE(docs[2]["date"].is_null());
}

TEST(AnalyzeExample, EveryTokenSpanPointsAtItsTextInTheOriginal) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + " --format jsonl --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& doc : ParseLines(run.out)) {
    const std::string text = doc["text"];
    ASSERT_GT(doc["sentences"].size(), 5u);
    size_t last_end = 0;
    for (const auto& sentence : doc["sentences"]) {
      const size_t sb = sentence["begin"];
      const size_t se = sentence["end"];
      EXPECT_EQ(text.substr(sb, se - sb), sentence["text"]);
      for (const auto& token : sentence["tokens"]) {
        const size_t b = token["begin"];
        const size_t e = token["end"];
        ASSERT_LE(e, text.size());
        EXPECT_GE(b, last_end) << "tokens overlap or go backwards";
        EXPECT_GE(b, sb);
        EXPECT_LE(e, se);
        last_end = e;
      }
    }
  }
}

TEST(AnalyzeExample, KeepsTheEmbeddedTweetWithItsAttributionInOneSentence) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + "/000_9c69864088f3bb14.txt --format jsonl --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 1u);
  bool found = false;
  for (const auto& sentence : docs[0]["sentences"]) {
    const std::string text = sentence["text"];
    if (text.find("— RuPaul (@RuPaul) July 14, 2017") != std::string::npos) {
      found = true;
      EXPECT_NE(text.find("Will @whitehouse speak out?"), std::string::npos) << text;
    }
  }
  EXPECT_TRUE(found);
}

TEST(AnalyzeExample, OutputIsIdenticalWhateverTheThreadCount) {
  const CommandResult one = RunCrosscheck(std::string("--threads 1 analyze ") + kExample + " --format jsonl --quiet");
  const CommandResult two = RunCrosscheck(std::string("--threads 2 analyze ") + kExample + " " + kExample + " --format jsonl --quiet");
  ASSERT_EQ(one.exit_code, 0);
  ASSERT_EQ(two.exit_code, 0);
  EXPECT_EQ(two.out, one.out + one.out);
}

TEST(AnalyzeInput, SkipsAMalformedJsonLineNamesItAndExitsWithTwo) {
  const auto path = std::filesystem::temp_directory_path() / "crosscheck_e2e_bad.jsonl";
  std::ofstream(path) << R"({"id":"a","text":"First good document."})" "\n"
                      << R"({"id":"b","text": oops)" "\n"
                      << R"({"id":"c","text":"Second good document."})" "\n";
  const CommandResult run = RunCrosscheck("analyze " + path.string() + " --format jsonl --quiet");
  std::filesystem::remove(path);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("crosscheck_e2e_bad.jsonl:2"), std::string::npos) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["id"], "a");
  EXPECT_EQ(docs[1]["id"], "c");
}

TEST(AnalyzeInput, ReadsJsonlFromStandardInput) {
  const CommandResult run = RunCrosscheck(
      "analyze - --format jsonl --quiet < " + std::string(CROSSCHECK_SOURCE_DIR) + "/tests/e2e/two_docs.jsonl");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1]["source"], "example.org");
}

TEST(Cli, BriefOfAMissingInputReportsItAndExitsTwo) {
  const CommandResult run = RunCrosscheck("brief /nonexistent/input.txt --quiet");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/nonexistent/input.txt"), std::string::npos) << run.err;
}

TEST(Cli, BadUsageExitsWithOneAndHelpShowsExamples) {
  EXPECT_EQ(RunCrosscheck("analyze").exit_code, 1);
  EXPECT_EQ(RunCrosscheck("analyze x --format nonsense").exit_code, 1);
  const CommandResult help = RunCrosscheck("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
  const CommandResult version = RunCrosscheck("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("crosscheck "), std::string::npos);
}

TEST(Cli, MissingInputFileIsReportedAndExitsWithTwo) {
  const CommandResult run = RunCrosscheck("analyze /nonexistent/file.txt --format jsonl --quiet");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/nonexistent/file.txt"), std::string::npos) << run.err;
}

}  // namespace

namespace {

TEST(AnalyzeExample, FindsTheDetentionFigureAsAtLeastOneHundredMen) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + "/000_9c69864088f3bb14.txt --format jsonl --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 1u);
  bool found = false;
  for (const auto& q : docs[0]["quantities"]) {
    if (q["value"] == 100 && q["bound"] == "at_least" && q.value("counted", "") == "man") found = true;
  }
  EXPECT_TRUE(found) << docs[0]["quantities"].dump();
}

TEST(AnalyzeExample, ResolvesInAprilAgainstTheDocumentDate) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + "/000_9c69864088f3bb14.txt --format jsonl --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto docs = ParseLines(run.out);
  ASSERT_EQ(docs.size(), 1u);
  std::set<std::string> isos;
  for (const auto& d : docs[0]["dates"]) if (d["iso"].is_string()) isos.insert(d["iso"].get<std::string>());
  EXPECT_TRUE(isos.count("2017-04")) << docs[0]["dates"].dump();
  EXPECT_TRUE(isos.count("2017-07-14")) << docs[0]["dates"].dump();
}

TEST(AnalyzeExample, WritesCoNLLUWithOneBlockPerSentence) {
  const CommandResult run = RunCrosscheck(std::string("analyze ") + kExample + "/001_cdcf99743a70625a.txt --format conllu --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("# newdoc id = 001_cdcf99743a70625a.txt\n", 0), 0u);
  size_t blocks = 0;
  for (size_t pos = 0; (pos = run.out.find("# text = ", pos)) != std::string::npos; ++pos) ++blocks;
  EXPECT_GT(blocks, 10u);
}

}  // namespace

namespace {

TEST(StoriesExample, GroupsTheThreeReportsIntoOneStoryWithNoCopies) {
  const CommandResult run = RunCrosscheck(std::string("stories ") + kExample + " --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["stories"].size(), 1u) << run.out;
  const auto& docs = json["stories"][0]["documents"];
  ASSERT_EQ(docs.size(), 3u);
  for (const auto& doc : docs) EXPECT_TRUE(doc["copy_of"].is_null()) << doc.dump();
}

}  // namespace

// `crosscheck brief` on the example corpus: the three formats, the contract's
// JSON shape, and citations that resolve to real sentences.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "e2e_util.h"

namespace {

const char* kBriefExample = "examples/chechnya-2017";

TEST(BriefExample, JsonFollowsTheContractAndEveryCiteResolves) {
  const CommandResult run = RunCrosscheck(std::string("brief ") + kBriefExample + " --format json --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json brief = nlohmann::json::parse(run.out);
  ASSERT_EQ(brief["stories"].size(), 1u) << "the three reports are one story";
  const nlohmann::json& story = brief["stories"][0];
  for (const char* key : {"id", "title", "documents", "summary", "entities", "claims", "quotes", "timeline"})
    EXPECT_TRUE(story.contains(key)) << key;
  std::map<std::string, size_t> sentences;
  for (const auto& d : story["documents"]) {
    for (const char* key : {"id", "title", "date", "source", "copy_of"}) EXPECT_TRUE(d.contains(key)) << key;
    sentences[d["id"]] = d["sentences"].size();
  }
  EXPECT_EQ(sentences.size(), 3u);
  auto resolves = [&](const std::string& doc, size_t sentence) {
    return sentences.count(doc) && sentence < sentences[doc];
  };
  for (const auto& s : story["summary"])
    for (const auto& c : s["cites"]) EXPECT_TRUE(resolves(c["document"], c["sentence"])) << s.dump();
  for (const auto& c : story["claims"]) {
    for (const char* key : {"id", "event", "summary", "status", "estimate", "primary_sources", "independent_sources", "versions"})
      EXPECT_TRUE(c.contains(key)) << key;
    const std::set<std::string> statuses = {"corroborated", "single-source", "disputed", "denied"};
    EXPECT_TRUE(statuses.count(c["status"])) << c["status"];
    for (const auto& v : c["versions"]) {
      EXPECT_TRUE(resolves(v["document"], v["sentence"])) << v.dump();
      for (const char* key : {"text", "value", "attributed_to", "modality"}) EXPECT_TRUE(v.contains(key)) << key;
    }
  }
  for (const auto& q : story["quotes"]) {
    const std::set<std::string> matches = {"verbatim", "variant", "paraphrase"};
    EXPECT_TRUE(matches.count(q["match"]));
    for (const auto& v : q["versions"]) EXPECT_TRUE(resolves(v["document"], v["sentence"]));
  }
  for (const auto& t : story["timeline"]) EXPECT_TRUE(std::regex_match(t["date"].get<std::string>(), std::regex(R"(\d{4}(-\d{2}(-\d{2})?)?)")));
}

TEST(BriefExample, AStatementQuotedInTwoDocumentsIsOneQuoteWithWordDifferences) {
  const CommandResult run = RunCrosscheck(std::string("brief ") + kBriefExample + " --format json --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json story = nlohmann::json::parse(run.out)["stories"][0];
  size_t multi = 0;
  for (const auto& q : story["quotes"]) {
    if (q["versions"].size() < 2) continue;
    ++multi;
    std::set<std::string> docs;
    for (const auto& v : q["versions"]) docs.insert(v["document"]);
    EXPECT_EQ(docs.size(), q["versions"].size()) << "one version per document";
    if (q["match"] != "verbatim") EXPECT_FALSE(q["diff"].empty());
  }
  EXPECT_GE(multi, 2u);
}

TEST(BriefExample, HtmlIsOnePageWhoseCitationLinksAllHaveTargets) {
  const CommandResult run = RunCrosscheck(std::string("brief ") + kBriefExample + " --format html --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(run.out.find("<script src"), std::string::npos) << "self-contained";
  EXPECT_EQ(run.out.find("http://"), run.out.find("http://")) ;
  std::set<std::string> ids, targets;
  const std::regex id_re(R"re(id="([^"]+)")re"), href_re(R"re(href="#([^"]+)")re");
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), id_re); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1]);
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), href_re); it != std::sregex_iterator(); ++it)
    targets.insert((*it)[1]);
  ASSERT_FALSE(targets.empty());
  for (const std::string& t : targets) EXPECT_TRUE(ids.count(t)) << "dangling citation #" << t;
}

TEST(BriefExample, MarkdownCitesDocumentsAndSentences) {
  const CommandResult run = RunCrosscheck(std::string("brief ") + kBriefExample + " --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("## Documents"), std::string::npos);
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"(\[D[123]:\d+\])")));
}

TEST(BriefExample, UnknownFormatIsAUsageError) {
  const CommandResult run = RunCrosscheck(std::string("brief ") + kBriefExample + " --format pdf --quiet");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("pdf"), std::string::npos);
}

}  // namespace

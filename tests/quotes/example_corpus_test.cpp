// The chechnya-2017 example: speakers the issue names (checked, not special-cased).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "quote_test_util.h"

namespace crosscheck::quotes {
namespace {

using ExampleCorpus = QuoteFinderTest;

// The file's body: the "Key: value" header ends at the first blank line.
std::string Body(const std::string& name) {
  std::ifstream in(std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "examples/chechnya-2017" / name);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  size_t blank = all.find("\n\n");
  return blank == std::string::npos ? all : all.substr(blank + 2);
}

TEST_F(ExampleCorpus, EmbeddedTweetsHaveAuthorsHandlesAndDates) {
  AnalyzedDocument doc = Analyze(Body("000_9c69864088f3bb14.txt"));
  std::vector<std::tuple<std::string, std::string, std::string>> posts;
  for (const Quote& q : doc.quotes) {
    if (q.kind == "post") posts.emplace_back(q.speaker, q.handle, q.date);
  }
  using T = std::tuple<std::string, std::string, std::string>;
  EXPECT_EQ(posts, (std::vector<T>{{"RuPaul", "@RuPaul", "2017-07-14"},
                                   {"Lena Dunham", "@lenadunham", "2017-07-12"},
                                   {"Nick Cannon", "@NickCannon", "2017-07-12"},
                                   {"Omar Sharif Jr.", "@OmarSharifJr", "2017-07-13"}}));
}

TEST_F(ExampleCorpus, GovernmentSpokespersonKeepsItsDescription) {
  AnalyzedDocument doc = Analyze(Body("001_cdcf99743a70625a.txt"));
  EXPECT_EQ(QuoteWith(doc, "detain and harass").speaker, "a Chechen government spokesperson");
}

TEST_F(ExampleCorpus, SpeakersOfTheNbcReport) {
  AnalyzedDocument doc = Analyze(Body("002_08b4920fa0f48840.txt"));
  EXPECT_EQ(QuoteWith(doc, "You cannot arrest or repress people who just don't exist in the republic",
                      "direct").speaker, "Alvi Karimov");
  EXPECT_EQ(QuoteWith(doc, "Calling it a concentration camp", "direct").speaker, "Maxim Eristavi");
  EXPECT_EQ(QuoteWith(doc, "Creating more misinformation", "direct").speaker, "Maxim Eristavi");
  EXPECT_EQ(QuoteWith(doc, "need some time to get back", "direct").speaker, "Natalia Poplevskaya");
  EXPECT_EQ(QuoteWith(doc, "won't admit that gay men", "direct").speaker, "Amnesty International");
  EXPECT_EQ(QuoteWith(doc, "We urgently need your help", "direct").speaker, "Amnesty International");
}

}  // namespace
}  // namespace crosscheck::quotes

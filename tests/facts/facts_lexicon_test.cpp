// Tests of the lexicon loader: errors name the file and the line.
#include "facts/facts_lexicon.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace crosscheck::facts {
namespace {

class FactsLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("facts_lexicon_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(CROSSCHECK_SOURCE_DIR "/data/lexicons", dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Append(const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file, std::ios::app) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(FactsLexiconTest, LoadsTheShippedLexicons) {
  auto lex = FactsLexicon::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->cardinals.at("three"), 3);
  EXPECT_EQ(lex->vague.at("dozens").first, 12);
  ASSERT_NE(lex->unit_suffixes.Find("KM"), nullptr);  // lower-case surfaces match any casing
  EXPECT_EQ(lex->unit_suffixes.Find("KM")->unit, "km");
  EXPECT_EQ(lex->Singular("men"), "man");
  EXPECT_EQ(lex->Singular("cases"), "case");
}

TEST_F(FactsLexiconTest, RejectsARowWithTooFewColumnsNamingFileAndLine) {
  const int lines = [&] {
    std::ifstream in(dir_ / "units.tsv");
    int n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }();
  Append("units.tsv", "furlong\n");
  auto lex = FactsLexicon::Load(dir_);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("units.tsv:" + std::to_string(lines + 1) + ":"), std::string::npos)
      << lex.status().message();
}

TEST_F(FactsLexiconTest, RejectsANonNumericValue) {
  Append("vague_amounts.tsv", "oodles\tmany\t100\n");
  auto lex = FactsLexicon::Load(dir_);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("vague_amounts.tsv:"), std::string::npos);
  EXPECT_NE(lex.status().message().find("expected a number"), std::string::npos);
}

TEST_F(FactsLexiconTest, RejectsAMissingHeader) {
  std::ofstream(dir_ / "change_cues.tsv") << "# comment only\nrose\tincrease\n";
  auto lex = FactsLexicon::Load(dir_);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("change_cues.tsv:2: expected a header"), std::string::npos)
      << lex.status().message();
}

TEST_F(FactsLexiconTest, ReportsAMissingFile) {
  std::filesystem::remove(dir_ / "date_words.tsv");
  auto lex = FactsLexicon::Load(dir_);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("date_words.tsv"), std::string::npos);
}

// PhraseTable::Find skips work (string_view lookup, no folding of lower-case
// probes, a length cut-off); the matching rules must stay as documented.
TEST(PhraseTableTest, ExactThenFoldedLowerCaseEntriesAndNothingLonger) {
  PhraseTable<int> table;
  table.Add("km", 1);
  table.Add("PS", 2);
  table.Add("per cent", 3);
  ASSERT_NE(table.Find("km"), nullptr);
  EXPECT_EQ(*table.Find("km"), 1);
  ASSERT_NE(table.Find("KM"), nullptr);  // folded: written in lower case
  EXPECT_EQ(*table.Find("KM"), 1);
  ASSERT_NE(table.Find("PS"), nullptr);
  EXPECT_EQ(table.Find("ps"), nullptr);  // "PS" was not written in lower case
  ASSERT_NE(table.Find("Per Cent"), nullptr);
  EXPECT_EQ(*table.Find("Per Cent"), 3);
  EXPECT_EQ(table.Find("per cents"), nullptr);       // longer than any entry
  EXPECT_EQ(table.Find(std::string(100, 'k')), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
}

}  // namespace
}  // namespace crosscheck::facts

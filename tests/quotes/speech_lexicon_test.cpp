#include "quotes/speech_lexicon.h"

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "quotes/quote_finder.h"

namespace crosscheck::quotes {
namespace {

class SpeechLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("crosscheck_speech_lexicon_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "_" + std::to_string(::getpid()));  // ctest runs tests of one fixture in parallel
    std::filesystem::create_directories(dir_);
    Write("reporting_verbs.tsv", "lemma\tclasses\tforms\ndeny\tdenial\tdeny|denies|denied|denying\n");
    Write("quote_verbs_ggt.txt", "announce\nannounced\nannounces\nsay\n");
    Write("quote_cues.tsv", "# comment\nword\tclass\tvalue\nhe\tpronoun\t\njuly\tmonth\t7\n");
    Write("quote_verbs_extra.tsv", "joke\tneutral\tjoke|joked\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) { std::ofstream(dir_ / name) << content; }
  std::filesystem::path dir_;
};

TEST_F(SpeechLexiconTest, ReadsStanceLemmaAndGgtForms) {
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(dir_);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  ASSERT_NE(lexicon->VerbForm("Denied"), nullptr);
  EXPECT_EQ(lexicon->VerbForm("denied")->lemma, "deny");
  EXPECT_EQ(lexicon->VerbForm("denied")->stance, "denial");
  ASSERT_NE(lexicon->VerbForm("announced"), nullptr);
  EXPECT_EQ(lexicon->VerbForm("announced")->lemma, "announce");
  EXPECT_EQ(lexicon->VerbForm("announced")->stance, "neutral");
  EXPECT_EQ(lexicon->VerbForm("table"), nullptr);
  EXPECT_TRUE(lexicon->Classes("He") & kPronoun);
  EXPECT_EQ(lexicon->Month("July"), 7);
}

TEST_F(SpeechLexiconTest, MissingColumnNamesFileAndLine) {
  Write("reporting_verbs.tsv", "lemma\tclasses\tforms\ndeny\tdenial\tdeny|denied\nclaim\tdistancing\n");
  Result<QuoteFinder> finder = QuoteFinder::Load(dir_);
  ASSERT_FALSE(finder.ok());
  EXPECT_NE(finder.status().message().find("reporting_verbs.tsv:3"), std::string::npos)
      << finder.status().message();
}

TEST_F(SpeechLexiconTest, UnknownCueClassNamesFileAndLine) {
  Write("quote_cues.tsv", "word\tclass\tvalue\nhe\tpronoun\t\nshe\tpronown\t\n");
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(dir_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("quote_cues.tsv:3"), std::string::npos)
      << lexicon.status().message();
}

TEST_F(SpeechLexiconTest, BadMonthNumberNamesFileAndLine) {
  Write("quote_cues.tsv", "july\tmonth\t13\n");
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(dir_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("quote_cues.tsv:1"), std::string::npos);
}

TEST_F(SpeechLexiconTest, MissingFileIsNamed) {
  std::filesystem::remove(dir_ / "quote_verbs_ggt.txt");
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(dir_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("quote_verbs_ggt.txt"), std::string::npos);
}

TEST_F(SpeechLexiconTest, GgtLineWithSpacesIsAnError) {
  Write("quote_verbs_ggt.txt", "say\nsay so\n");
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(dir_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("quote_verbs_ggt.txt:2"), std::string::npos);
}

TEST(ShippedLexicons, Load) {
  Result<QuoteFinder> finder = QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
  EXPECT_TRUE(finder.ok()) << finder.status().message();
}

}  // namespace
}  // namespace crosscheck::quotes

#include "eval/rouge.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace crosscheck::eval {
namespace {

// Expected stems from nltk.stem.porter.PorterStemmer() (NLTK 3.8, default
// NLTK_EXTENSIONS mode): one or more words per rule of the algorithm, the
// irregular forms and NLTK's own extensions. The implementation also agrees
// with NLTK on all 20,653 distinct tokens longer than 3 characters of NeuS.
TEST(PorterStem, MatchesNltkOnEveryRule) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"}, {"dies", "die"}, {"flies", "fli"},
      {"cats", "cat"}, {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
      {"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"},
      {"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"}, {"falling", "fall"}, {"hissing", "hiss"},
      {"fizzed", "fizz"}, {"failing", "fail"}, {"filing", "file"}, {"happy", "happi"}, {"sky", "sky"},
      {"skies", "sky"}, {"enjoy", "enjoy"}, {"spied", "spi"}, {"died", "die"}, {"relational", "relat"},
      {"conditional", "condit"}, {"rational", "ration"}, {"valenci", "valenc"}, {"digitizer", "digit"},
      {"conformabli", "conform"}, {"radically", "radic"}, {"differentli", "differ"}, {"vileli", "vile"},
      {"analogousli", "analog"}, {"vietnamization", "vietnam"}, {"predication", "predic"},
      {"operator", "oper"}, {"feudalism", "feudal"}, {"decisiveness", "decis"}, {"hopefulness", "hope"},
      {"callousness", "callous"}, {"formaliti", "formal"}, {"sensitiviti", "sensit"},
      {"sensibiliti", "sensibl"}, {"fully", "fulli"}, {"geology", "geolog"}, {"archaeology", "archaeolog"},
      {"triplicate", "triplic"}, {"formative", "form"}, {"formalize", "formal"}, {"electriciti", "electr"},
      {"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"},
      {"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"}, {"gyroscopic", "gyroscop"},
      {"adjustable", "adjust"}, {"defensible", "defens"}, {"irritant", "irrit"}, {"replacement", "replac"},
      {"adjustment", "adjust"}, {"dependent", "depend"}, {"adoption", "adopt"}, {"homologou", "homolog"},
      {"communism", "commun"}, {"activate", "activ"}, {"angulariti", "angular"}, {"homologous", "homolog"},
      {"effective", "effect"}, {"bowdlerize", "bowdler"}, {"probate", "probat"}, {"rate", "rate"},
      {"cease", "ceas"}, {"controlling", "control"}, {"roll", "roll"}, {"dying", "die"}, {"lying", "lie"},
      {"news", "news"}, {"innings", "inning"}, {"proceed", "proceed"}, {"exceeded", "exceed"},
      {"generously", "gener"}, {"reporters", "report"}, {"said", "said"}, {"officials", "offici"},
      {"announced", "announc"}, {"elections", "elect"}};
  for (const auto& [word, stem] : cases) EXPECT_EQ(PorterStem(word), stem) << word;
}

TEST(RougeTokens, LowercasesSplitsOnNonAlphanumericsAndStemsLongTokens) {
  EXPECT_EQ(RougeTokens("The U.S. officials' 2020 elections!"),
            (std::vector<std::string>{"the", "u", "s", "offici", "2020", "elect"}));
  EXPECT_EQ(RougeTokens("cats dogs", /*stem=*/false), (std::vector<std::string>{"cats", "dogs"}));
  // Tokens of 3 characters or fewer are not stemmed ("ies" would become "i").
  EXPECT_EQ(RougeTokens("ies was"), (std::vector<std::string>{"ies", "was"}));
}

TEST(RougeTokens, NonAsciiLettersSeparateTokensAsInPython) {
  // "café".lower() keeps é, which is outside [a-z0-9] and becomes a space.
  EXPECT_EQ(RougeTokens("Café—Paris"), (std::vector<std::string>{"caf", "pari"}));
  // Python lowercases the Kelvin sign to "k" and İ to "i" + a combining dot.
  EXPECT_EQ(RougeTokens("5 \xE2\x84\xAA \xC4\xB0stanbul"), (std::vector<std::string>{"5", "k", "i", "stanbul"}));
  EXPECT_TRUE(RougeTokens("").empty());
}

// rouge-score's rouge_scorer_test.py: values from manual runs of ROUGE-1.5.5.
TEST(ScoreRouge, ReproducesRougeScoreTestValues) {
  const std::string target =
      "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer "
      "HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion "
      "gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
  const std::string prediction =
      "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed "
      "nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";
  const RougeScores s = ScoreRouge(target, prediction);
  EXPECT_NEAR(s.rouge1.precision, 0.69231, 5e-6);
  EXPECT_NEAR(s.rouge1.recall, 0.42857, 5e-6);
  EXPECT_NEAR(s.rouge1.f, 0.52941, 5e-6);
  EXPECT_NEAR(s.rouge2.precision, 0.48000, 5e-6);
  EXPECT_NEAR(s.rouge2.recall, 0.29268, 5e-6);
  EXPECT_NEAR(s.rouge2.f, 0.36364, 5e-6);
}

TEST(ScoreRouge, ReproducesTheReadmeExample) {
  const RougeScores s = ScoreRouge("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
  EXPECT_NEAR(s.rouge1.f, 0.70588235, 1e-6);
  EXPECT_NEAR(s.rougeL.f, 0.58823529, 1e-6);
}

TEST(ScoreRouge, ClipsCountsAndHandlesEmptySides) {
  RougeScores s = ScoreRouge("testing one two", "testing");
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.rouge1.f, 0.5);
  EXPECT_DOUBLE_EQ(ScoreRouge("testing one two", "testing two").rougeL.f, 0.8);
  s = ScoreRouge("testing one two", "");
  EXPECT_DOUBLE_EQ(s.rougeL.f, 0);
  EXPECT_DOUBLE_EQ(s.rouge1.f, 0);
  // A repeated word counts only as often as the reference has it.
  EXPECT_DOUBLE_EQ(ScoreRouge("the cat", "the the the").rouge1.precision, 1.0 / 3);
}

}  // namespace
}  // namespace crosscheck::eval

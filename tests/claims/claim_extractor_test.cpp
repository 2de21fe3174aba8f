// Claims stage: general behaviours on sentences of our own, run through the real analyzer
// (text, syntax, entities, facts, quotes, claims). The last tests check the acceptance
// items of issue 6 on examples/chechnya-2017 through the same analyzer.
#include "claims/claim_extractor.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "ingest/document_source.h"

namespace crosscheck::claims {
namespace {

class ClaimExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = analyze::Analyzer::Load(CROSSCHECK_SOURCE_DIR "/models", CROSSCHECK_SOURCE_DIR "/data");
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    analyzer_ = new analyze::Analyzer(std::move(analyzer).value());
  }
  static void TearDownTestSuite() { delete analyzer_; }

  static AnalyzedDocument Analyze(std::string text, std::string date = "2020-05-04") {
    Document doc;
    doc.id = "test";
    doc.date = std::move(date);
    doc.text = std::move(text);
    doc.paragraphs.push_back({0, static_cast<uint32_t>(doc.text.size())});
    return analyzer_->Analyze(std::move(doc));
  }

  static std::string Text(const AnalyzedDocument& d, Span s) { return d.doc.text.substr(s.begin, s.size()); }

  // The first claim of `event` whose trigger is `trigger` (as written); fails the test if none.
  static const Claim& ClaimOf(const AnalyzedDocument& d, std::string_view event, std::string_view trigger) {
    for (const Claim& c : d.claims) {
      if (c.event == event && Text(d, c.trigger_span) == trigger) return c;
    }
    std::string all;
    for (const Claim& c : d.claims) all += " " + c.event + ":" + Text(d, c.trigger_span);
    ADD_FAILURE() << "no " << event << " claim on '" << trigger << "'; claims:" << all;
    static const Claim kNone;
    return kNone;
  }

  static bool HasEvent(const AnalyzedDocument& d, std::string_view event) {
    for (const Claim& c : d.claims) {
      if (c.event == event) return true;
    }
    return false;
  }

  static std::vector<std::string> Sources(const Claim& c) {
    std::vector<std::string> out;
    for (const Attribution& a : c.attribution) out.push_back(a.source);
    return out;
  }

  static double Count(const AnalyzedDocument& d, const Claim& c) {
    return c.quantity >= 0 ? d.quantities[c.quantity].value : -1;
  }

  static inline analyze::Analyzer* analyzer_ = nullptr;
};

TEST_F(ClaimExtractorTest, PassiveEventCountsItsSubjectAndNamesTheReportingOutlet) {
  AnalyzedDocument d = Analyze(
      "A local newspaper, the Daily Courier, reported that at least 40 protesters had been arrested in Lagos.");
  const Claim& c = ClaimOf(d, "DETAIN", "arrested");
  EXPECT_EQ(Count(d, c), 40);
  EXPECT_EQ(d.quantities[c.quantity].bound, "at_least");
  EXPECT_EQ(c.modality, "asserted");
  ASSERT_EQ(c.attribution.size(), 1u);
  EXPECT_EQ(c.attribution[0].kind, "outlet");
  EXPECT_NE(c.attribution[0].source.find("Daily Courier"), std::string::npos);
  EXPECT_EQ(c.attribution[0].cue, "report");
}

TEST_F(ClaimExtractorTest, AbsoluteParticipleCountsItsSubjectAndParticipantNounIsNoSeparateClaim) {
  AnalyzedDocument d = Analyze(
      "A local paper, the Daily Courier, reported that at least 40 protesters had been arrested, two of them "
      "possibly injured.");
  const Claim& wound = ClaimOf(d, "WOUND", "injured");
  EXPECT_EQ(Count(d, wound), 2);
  EXPECT_EQ(wound.modality, "hedged");
  EXPECT_EQ(Sources(wound).size(), 1u);
  EXPECT_FALSE(HasEvent(d, "PROTEST"));  // the protesters are the arrest's patients
}

TEST_F(ClaimExtractorTest, HedgeAdverbMakesTheClaimHedged) {
  AnalyzedDocument d = Analyze("Five people were reportedly killed in the blast on Sunday.");
  const Claim& c = ClaimOf(d, "KILL", "killed");
  EXPECT_EQ(Count(d, c), 5);
  EXPECT_EQ(c.modality, "hedged");
  EXPECT_EQ(c.modality_cue, "reportedly");
  ASSERT_GE(c.date, 0);
  EXPECT_EQ(d.dates[c.date].iso, "2020-05-03");
}

TEST_F(ClaimExtractorTest, ContentOfADenialIsDeniedAndAttributedToTheDenier) {
  AnalyzedDocument d = Analyze("The army spokesman denied that any journalists had been detained.");
  const Claim& c = ClaimOf(d, "DETAIN", "detained");
  EXPECT_EQ(c.modality, "denied");
  EXPECT_EQ(c.modality_cue, "deny");
  ASSERT_EQ(Sources(c).size(), 1u);
  EXPECT_NE(Sources(c)[0].find("spokesman"), std::string::npos);
  EXPECT_EQ(c.attribution[0].kind, "person");
}

TEST_F(ClaimExtractorTest, DenialOfAReportIsADeniedStatement) {
  AnalyzedDocument d = Analyze("The interior ministry denied the report on Tuesday.");
  const Claim& c = ClaimOf(d, "STATE", "denied");
  EXPECT_EQ(c.modality, "denied");
  ASSERT_EQ(c.attribution.size(), 1u);
  EXPECT_EQ(c.attribution[0].kind, "organisation");
}

TEST_F(ClaimExtractorTest, PlainNegationIsNegated) {
  AnalyzedDocument d = Analyze("No arrests were made after the march.");
  EXPECT_EQ(ClaimOf(d, "DETAIN", "arrests").modality, "negated");
}

TEST_F(ClaimExtractorTest, ObjectionToAWordingIsQuestioned) {
  AnalyzedDocument d = Analyze("\"Calling these sites prisons is misleading,\" the minister said.");
  const Claim& c = ClaimOf(d, "STATE", "misleading");
  EXPECT_EQ(c.modality, "questioned");
  EXPECT_EQ(c.modality_cue, "misleading");
}

TEST_F(ClaimExtractorTest, SayingSomethingDoesNotExistIsADenial) {
  AnalyzedDocument d = Analyze("The governor said such groups do not exist in the province.");
  const Claim& c = ClaimOf(d, "STATE", "exist");
  EXPECT_EQ(c.modality, "denied");
  ASSERT_EQ(Sources(c).size(), 1u);
  EXPECT_EQ(Sources(c)[0], "governor");
}

TEST_F(ClaimExtractorTest, NestedReportingFramesFormAChainOutermostFirst) {
  AnalyzedDocument d = Analyze("The mayor told reporters that a police official said 12 people had been injured.");
  const Claim& c = ClaimOf(d, "WOUND", "injured");
  EXPECT_EQ(Count(d, c), 12);
  ASSERT_EQ(Sources(c).size(), 2u);
  EXPECT_EQ(Sources(c)[0], "mayor");
  EXPECT_EQ(Sources(c)[1], "police official");
  EXPECT_EQ(c.attribution[1].kind, "anonymous");
}

TEST_F(ClaimExtractorTest, AccordingToAtTheEndCoversTheSentence) {
  AnalyzedDocument d = Analyze("At least 30 people died in the floods, according to the Red Cross.");
  const Claim& c = ClaimOf(d, "KILL", "died");
  EXPECT_EQ(Count(d, c), 30);
  ASSERT_EQ(Sources(c).size(), 1u);
  EXPECT_NE(Sources(c)[0].find("Red Cross"), std::string::npos);
}

TEST_F(ClaimExtractorTest, ResultWordMakesTheVerbAKilling) {
  AnalyzedDocument d = Analyze("Police fatally shot the suspect outside the station.");
  EXPECT_EQ(ClaimOf(d, "KILL", "shot").modality, "asserted");
  EXPECT_FALSE(HasEvent(d, "ATTACK"));
}

TEST_F(ClaimExtractorTest, CountNotOfAnEventIsAStatement) {
  AnalyzedDocument d = Analyze("The hotline has received 300 calls since Monday.");
  const Claim& c = ClaimOf(d, "STATE", "received");
  EXPECT_EQ(Count(d, c), 300);
}

TEST_F(ClaimExtractorTest, DurationsAndAgesAreNotStatements) {
  AnalyzedDocument d = Analyze("The 34-year-old driver waited for 20 minutes.");
  EXPECT_FALSE(HasEvent(d, "STATE"));
}

TEST_F(ClaimExtractorTest, FuturePlansAndPurposesAreNotClaims) {
  EXPECT_FALSE(HasEvent(Analyze("Teachers will protest outside parliament on Friday."), "PROTEST"));
  EXPECT_FALSE(HasEvent(Analyze("Residents gathered to protest the new law."), "PROTEST"));
}

TEST_F(ClaimExtractorTest, VoteTallyIsTheCountOfTheVote) {
  AnalyzedDocument d = Analyze("The Senate voted 60-40 on Thursday.");
  const Claim& c = ClaimOf(d, "VOTE", "voted");
  ASSERT_GE(c.quantity, 0);
  EXPECT_EQ(d.quantities[c.quantity].low, 40);
  EXPECT_EQ(d.quantities[c.quantity].high, 60);
}

TEST_F(ClaimExtractorTest, PaymentCountsTheMoney) {
  AnalyzedDocument d = Analyze("The company paid $2 million to the families last year.");
  const Claim& c = ClaimOf(d, "PAY", "paid");
  EXPECT_EQ(Count(d, c), 2000000);
}

TEST_F(ClaimExtractorTest, ClaimsInsideAQuoteAreAttributedToItsSpeaker) {
  AnalyzedDocument d = Analyze("\"Four of our workers were abducted last night,\" said Maria Lopez, the company's director.");
  const Claim& c = ClaimOf(d, "ABDUCT", "abducted");
  EXPECT_EQ(Count(d, c), 4);
  ASSERT_FALSE(c.attribution.empty());
  EXPECT_EQ(c.attribution.back().source, "Maria Lopez");
  EXPECT_GE(c.quote, 0);
}

TEST_F(ClaimExtractorTest, WithoutAParseEventWordsTakeTheNearestCount) {
  auto lexical = ClaimExtractor::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
  ASSERT_TRUE(lexical.ok());
  AnalyzedDocument d = Analyze("Police arrested 25 people on Saturday.");
  d.syntax.clear();  // as without models/pos.bin
  lexical->Extract(&d);
  const Claim& c = ClaimOf(d, "DETAIN", "arrested");
  EXPECT_EQ(Count(d, c), 25);
  EXPECT_FALSE(HasEvent(d, "STATE"));
}

TEST(ClaimLexiconLoad, BadRowNamesFileAndLine) {
  const std::filesystem::path src = CROSSCHECK_SOURCE_DIR "/data/lexicons";
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("claims_lexicon_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const char* name : {"claim_cues.tsv", "reporting_verbs.tsv", "quote_verbs_extra.tsv"}) {
    std::filesystem::copy_file(src / name, dir / name, std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "events.tsv") << "# comment\nlemma\tpos\tevent\tflags\nkill\tVERB\tKILL\t-\nmaim\tVERBS\tWOUND\t-\n";
  auto loaded = ClaimExtractor::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("events.tsv:4"), std::string::npos) << loaded.status().message();
  std::ofstream(dir / "events.tsv") << "lemma\tpos\tevent\tflags\nkill\tVERB\tKILL\tsometimes\n";
  loaded = ClaimExtractor::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("events.tsv:2"), std::string::npos) << loaded.status().message();
  std::filesystem::remove_all(dir);
}

// ---- examples/chechnya-2017 through the analyzer (the acceptance items of issue 6).

using ExampleCorpus = ClaimExtractorTest;

// A file of the example read as `crosscheck analyze` reads it (header, paragraphs, date).
AnalyzedDocument AnalyzeExample(const analyze::Analyzer& analyzer, const std::string& name) {
  const std::string path = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/chechnya-2017/" + name;
  auto source = ingest::DocumentSource::Open({path}, ingest::IngestOptions{});
  Document doc;
  EXPECT_TRUE(source && source->Next(&doc)) << path;
  return analyzer.Analyze(std::move(doc));
}

// The claim of `event` whose count has `value` and `bound` (any bound when empty).
const Claim* Counted(const AnalyzedDocument& d, std::string_view event, double value, std::string_view bound = {}) {
  for (const Claim& c : d.claims) {
    if (c.event != event || c.quantity < 0) continue;
    const Quantity& q = d.quantities[c.quantity];
    if (q.value == value && (bound.empty() || q.bound == bound)) return &c;
  }
  return nullptr;
}

bool HasModality(const AnalyzedDocument& d, std::string_view modality, std::string_view source_part) {
  for (const Claim& c : d.claims) {
    if (c.modality != modality) continue;
    for (const Attribution& a : c.attribution) {
      if (a.source.find(source_part) != std::string::npos) return true;
    }
  }
  return false;
}

TEST_F(ExampleCorpus, DetentionsOfMoreThanAHundredInEveryReport) {
  AnalyzedDocument a = AnalyzeExample(*analyzer_, "000_9c69864088f3bb14.txt");
  const Claim* detained = Counted(a, "DETAIN", 100, "at_least");
  ASSERT_NE(detained, nullptr);
  ASSERT_EQ(detained->attribution.size(), 1u) << detained->attribution.back().source;  // "a newspaper, X, reported"
  EXPECT_EQ(detained->attribution[0].kind, "outlet");
  EXPECT_NE(Counted(AnalyzeExample(*analyzer_, "001_cdcf99743a70625a.txt"), "DETAIN", 100, "more_than"), nullptr);
  EXPECT_NE(Counted(AnalyzeExample(*analyzer_, "002_08b4920fa0f48840.txt"), "DETAIN", 100, "more_than"), nullptr);
}

TEST_F(ExampleCorpus, KillingsWithTheirCountsAndHedges) {
  AnalyzedDocument a = AnalyzeExample(*analyzer_, "000_9c69864088f3bb14.txt");
  const Claim* three = Counted(a, "KILL", 3, "exact");
  ASSERT_NE(three, nullptr);
  EXPECT_EQ(three->modality, "hedged");
  EXPECT_NE(Counted(AnalyzeExample(*analyzer_, "001_cdcf99743a70625a.txt"), "KILL", 26, "at_least"), nullptr);
  EXPECT_NE(Counted(AnalyzeExample(*analyzer_, "002_08b4920fa0f48840.txt"), "KILL", 3), nullptr);
}

TEST_F(ExampleCorpus, DenialsAndTheObjection) {
  AnalyzedDocument b = AnalyzeExample(*analyzer_, "001_cdcf99743a70625a.txt");
  EXPECT_TRUE(HasModality(b, "denied", "spokesperson"));
  EXPECT_TRUE(HasModality(b, "denied", "Kremlin"));
  AnalyzedDocument c = AnalyzeExample(*analyzer_, "002_08b4920fa0f48840.txt");
  EXPECT_TRUE(HasModality(c, "denied", "Karimov"));
  bool objection = false;
  for (const Claim& claim : c.claims) objection |= claim.modality == "questioned" && claim.modality_cue == "inaccurate";
  EXPECT_TRUE(objection);
}

}  // namespace
}  // namespace crosscheck::claims

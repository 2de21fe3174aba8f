// Quotation marks, kinds of quotes, posts and indirect speech.
#include "quote_test_util.h"

#include <random>

namespace crosscheck::quotes {
namespace {

using QuoteMarks = QuoteFinderTest;
using QuoteKinds = QuoteFinderTest;

TEST_F(QuoteMarks, StraightAndCurlyDoubleMarks) {
  AnalyzedDocument doc = Analyze(
      "\"We are deeply disturbed,\" Mark Toner said. “We urge the authorities to act,” he added.");
  EXPECT_EQ(QuoteWith(doc, "deeply disturbed", "direct").speaker, "Mark Toner");
  EXPECT_EQ(QuoteWith(doc, "We urge", "direct").speaker, "Mark Toner");
}

TEST_F(QuoteMarks, BacktickPairsAsWrittenInOldNewswire) {
  AnalyzedDocument doc = Analyze("``It is over,'' the coach said.");
  const Quote& q = QuoteWith(doc, "It is over", "direct");
  EXPECT_EQ(Text(doc, q.content), "It is over,");
  EXPECT_EQ(q.speaker, "the coach");
}

TEST_F(QuoteMarks, NestedSingleQuotesStayInsideTheDoubleQuote) {
  AnalyzedDocument doc = Analyze(
      "\"They ordered what the police call 'preventive mopping up' of people,\" Amnesty International said.");
  const Quote& q = QuoteWith(doc, "preventive mopping up", "direct");
  EXPECT_EQ(Text(doc, q.content), "They ordered what the police call 'preventive mopping up' of people,");
  EXPECT_EQ(doc.quotes.size(), 1u);
}

TEST_F(QuoteMarks, QuoteRunsOverParagraphsWithTheMarkRepeated) {
  AnalyzedDocument doc = Analyze(
      "The statement read:\n\n“We will not be silenced. Our members were detained.\n\n"
      "“We call on the government to act now.”\n\nThe hearing is on Monday.");
  const Quote& q = QuoteWith(doc, "We will not be silenced", "direct");
  EXPECT_NE(Text(doc, q.content).find("act now."), std::string::npos);
  EXPECT_FALSE(HasQuoteWith(doc, "The hearing", "direct"));
}

TEST_F(QuoteMarks, UnclosedQuoteEndsAtItsParagraph) {
  AnalyzedDocument doc = Analyze("He said: “We will win this.\n\nThe vote is next week.");
  const Quote& q = QuoteWith(doc, "We will win", "direct");
  EXPECT_EQ(Text(doc, q.content), "We will win this.");
}

TEST_F(QuoteMarks, StrayClosingMarkIsDropped) {
  AnalyzedDocument doc = Analyze("The vote is next week.” Officials said nothing.");
  EXPECT_TRUE(doc.quotes.empty() || doc.quotes[0].kind == "indirect");
}

TEST_F(QuoteMarks, SecondOpeningMarkClosesTheFirstQuote) {
  AnalyzedDocument doc = Analyze("“We will win, he said. “We always do,” Smith added.");
  EXPECT_TRUE(HasQuoteWith(doc, "We always do", "direct"));
}

TEST_F(QuoteMarks, RandomMarksNeverBreakSpans) {
  std::mt19937 rng(7);
  const char* pieces[] = {"\"", "“", "”", "‘", "’", "'", "``", "''", " said ", " Smith", ". ", ",", "\n\n", " — ", "a", "«", "»"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += pieces[rng() % std::size(pieces)];
    AnalyzedDocument doc = Analyze(text);
    for (const Quote& q : doc.quotes) {
      EXPECT_LE(q.content.begin, q.content.end);
      EXPECT_LE(q.content.end, doc.doc.text.size());
      EXPECT_LE(q.speaker_span.end, doc.doc.text.size());
      EXPECT_LT(q.continues, static_cast<int32_t>(doc.quotes.size()));
    }
  }
}

TEST_F(QuoteKinds, ShortQuoteWithoutSpeechVerbIsAScareQuote) {
  AnalyzedDocument doc = Analyze("Celebrities backed a new campaign to end the “gay purge” in Chechnya.");
  const Quote& q = QuoteWith(doc, "gay purge");
  EXPECT_EQ(q.kind, "scare");
  EXPECT_TRUE(q.speaker.empty());
}

TEST_F(QuoteKinds, QuotedFragmentInsideASentenceIsPartial) {
  AnalyzedDocument doc = Analyze(
      "Kadyrov was once described as a \"coward armed to the teeth and surrounded by security guards\".");
  EXPECT_EQ(QuoteWith(doc, "coward armed").kind, "partial");
}

TEST_F(QuoteKinds, ShortFragmentWithASpeechVerbIsPartialWithItsSpeaker) {
  AnalyzedDocument doc = Analyze(
      "The Washington Post noted that the move \"galvanized\" a sweep of gay men.");
  const Quote& q = QuoteWith(doc, "galvanized", "partial");
  EXPECT_EQ(q.speaker, "Washington Post");
}

TEST_F(QuoteKinds, TitleCaseQuoteIsNotSpeech) {
  AnalyzedDocument doc = Analyze("In his book, “Make Your Kid a Millionaire,” Mr. McKinley suggested saving.");
  EXPECT_FALSE(HasQuoteWith(doc, "Make Your Kid", "direct"));
}

TEST_F(QuoteKinds, EmbeddedPostBecomesAPostWithHandleAndDate) {
  AnalyzedDocument doc = Analyze(
      "Stars joined the campaign.\n\nWe’ve known about gay men targeted in Chechnya for more than 100 "
      "days. Will @whitehouse speak out? #EyesOnChechnya — RuPaul (@RuPaul) July 14, 2017\n\n"
      "Others followed.");
  const Quote& q = QuoteWith(doc, "We’ve known", "post");
  EXPECT_EQ(q.speaker, "RuPaul");
  EXPECT_EQ(q.handle, "@RuPaul");
  EXPECT_EQ(q.date, "2017-07-14");
  EXPECT_EQ(Text(doc, q.content),
            "We’ve known about gay men targeted in Chechnya for more than 100 days. Will @whitehouse "
            "speak out? #EyesOnChechnya");
}

TEST_F(QuoteKinds, DenialIsIndirectSpeechWithDenialStance) {
  AnalyzedDocument doc = Analyze("A government spokesperson denied that any gay people were detained.");
  const Quote& q = QuoteWith(doc, "any gay people were detained", "indirect");
  EXPECT_EQ(Text(doc, q.content), "any gay people were detained");
  EXPECT_EQ(q.speaker, "A government spokesperson");
  EXPECT_EQ(q.verb, "deny");
  EXPECT_EQ(q.stance, "denial");
}

TEST_F(QuoteKinds, ClaimIsDistancingAndToldKeepsAddressee) {
  AnalyzedDocument doc = Analyze(
      "Kadyrov's spokesperson Alvi Karimov claimed to Interfax that the article was a lie. "
      "Eristavi told NBC News that such a comparison is dangerous.");
  const Quote& claim = QuoteWith(doc, "the article was a lie", "indirect");
  EXPECT_EQ(claim.stance, "distancing");
  EXPECT_EQ(claim.speaker, "Alvi Karimov");
  EXPECT_EQ(claim.addressee, "Interfax");
  const Quote& told = QuoteWith(doc, "such a comparison", "indirect");
  EXPECT_EQ(told.addressee, "NBC News");
  EXPECT_EQ(told.verb, "tell");
}

TEST_F(QuoteKinds, ContentBeforeTheAttribution) {
  AnalyzedDocument doc = Analyze("The economy will recover next year, the minister said.");
  const Quote& q = QuoteWith(doc, "The economy will recover", "indirect");
  EXPECT_EQ(Text(doc, q.content), "The economy will recover next year");
  EXPECT_EQ(q.speaker, "the minister");
}

TEST_F(QuoteKinds, AdmissionStance) {
  AnalyzedDocument doc = Analyze("The company admitted that its data had been stolen.");
  EXPECT_EQ(QuoteWith(doc, "its data had been stolen", "indirect").stance, "admission");
}

}  // namespace
}  // namespace crosscheck::quotes

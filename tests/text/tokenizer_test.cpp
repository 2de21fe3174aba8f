// Tokenization on cases from real text (the seeds in ../shared/corpus and UD EWT).
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include "analyzer_test_util.h"

namespace crosscheck::text {
namespace {

TEST(TokenizerTest, KeepsDottedAbbreviations) {
  EXPECT_EQ(Words("the U.S. State Department"), "the U.S. State Department");
  EXPECT_EQ(Words("Mr. Smith said."), "Mr. Smith said .");
  EXPECT_EQ(Words("fine, e.g. yes"), "fine , e.g. yes");
}

TEST(TokenizerTest, KeepsJuniorInAttribution) {
  EXPECT_EQ(Words("Omar Sharif Jr. (@OmarSharifJr) July 13, 2017"),
            "Omar Sharif Jr. ( @OmarSharifJr ) July 13 , 2017");
}

TEST(TokenizerTest, KeepsUrlsWhole) {
  EXPECT_EQ(Words("#EyesOnChechnya https://t.co/VVHkEyNefF pic.twitter.com/6jBYpBWka7"),
            "#EyesOnChechnya https://t.co/VVHkEyNefF pic.twitter.com/6jBYpBWka7");
  EXPECT_EQ(Words("(see http://www.example.com/a_b?x=1)."), "( see http://www.example.com/a_b?x=1 ) .");
}

TEST(TokenizerTest, KeepsEmailsHandlesAndHashtags) {
  EXPECT_EQ(Words("mail laurie.ellis@enron.com or @whitehouse about #EyesOnChechnya"),
            "mail laurie.ellis@enron.com or @whitehouse about #EyesOnChechnya");
}

TEST(TokenizerTest, KeepsNumbersWithSeparators) {
  EXPECT_EQ(Words("150,000 signatures, 1.5 times, at 10:30"),
            "150,000 signatures , 1.5 times , at 10:30");
  EXPECT_EQ(Words("13 miles"), "13 miles");
}

TEST(TokenizerTest, SplitsHyphenatedCompoundsAsEwtDoes) {
  EXPECT_EQ(Words("a 13-mile search-engine"), "a 13 - mile search - engine");
  EXPECT_EQ(Words("send an e-mail"), "send an e-mail");
}

TEST(TokenizerTest, SplitsCliticsIntoMultiwordTokens) {
  EXPECT_EQ(Words("I can't"), "I ca~n't");
  EXPECT_EQ(Words("they don't"), "they do~n't");
  EXPECT_EQ(Words("it's Bush's"), "it~'s Bush~'s");
  EXPECT_EQ(Words("we\xE2\x80\x99ve known"), "we~\xE2\x80\x99ve known");
  EXPECT_EQ(Words("I cannot"), "I can~not");
}

TEST(TokenizerTest, MultiwordWordsCoverTheSurfaceToken) {
  const std::string text = "can't";
  const AnalyzedDocument doc = Analyze(text);
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[0].span, (Span{0, 2}));
  EXPECT_EQ(doc.tokens[1].span, (Span{2, 5}));
  EXPECT_TRUE(doc.tokens[0].mwt_continues);
  EXPECT_FALSE(doc.tokens[0].space_after);
}

TEST(TokenizerTest, SeparatesCurlyQuotesAndDashes) {
  EXPECT_EQ(Words("\xE2\x80\x9CIn Chechnya\xE2\x80\x9D \xE2\x80\x94 officials"),
            "\xE2\x80\x9C In Chechnya \xE2\x80\x9D \xE2\x80\x94 officials");
}

TEST(TokenizerTest, KeepsEllipsesAndPunctuationRunsTogether) {
  EXPECT_EQ(Words("these... really?!"), "these ... really ?!");
}

TEST(TokenizerTest, SpansAndFormsReferToOriginalBytes) {
  const std::string text = "  Caf\x65\xCC\x81 (Paris)\n";  // decomposed é
  const AnalyzedDocument doc = Analyze(text);
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[0].span, (Span{2, 8}));  // "Cafe" + 2-byte combining mark
  EXPECT_EQ(doc.tokens[0].form, "Caf\xC3\xA9");  // NFC
  EXPECT_EQ(text.substr(doc.tokens[2].span.begin, doc.tokens[2].span.size()), "Paris");
}

TEST(TokenizerTest, UrlMatcherTrimsSentencePunctuation) {
  const std::string s = "https://t.co/abc).";
  EXPECT_EQ(MatchUrlOrEmail(s, 0, s.size()), s.size() - 2);
  const std::string q = "(https://en.wikipedia.org/wiki/Foo_(bar))";
  EXPECT_EQ(MatchUrlOrEmail(q, 1, q.size()), q.size() - 1);
  EXPECT_EQ(MatchUrlOrEmail("and/or", 0, 6), 0u);
}

}  // namespace
}  // namespace crosscheck::text

// Sentence splitting on cases from real news text (../shared/corpus/seeds).
#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include "analyzer_test_util.h"

namespace crosscheck::text {
namespace {

using Strings = std::vector<std::string>;

TEST(SentenceSplitterTest, DoesNotSplitAfterAbbreviations) {
  EXPECT_EQ(Sentences("The U.S. State Department declined. Mr. Smith said so."),
            (Strings{"The U.S. State Department declined.", "Mr. Smith said so."}));
}

TEST(SentenceSplitterTest, SplitsAfterQuoteEndingSentence) {
  EXPECT_EQ(Sentences("The claims came from local sources.\" These reports were denied."),
            (Strings{"The claims came from local sources.\"", "These reports were denied."}));
  EXPECT_EQ(Sentences("\xE2\x80\x9CMany have been tortured,\xE2\x80\x9D officials wrote. "
                      "\xE2\x80\x9CIn spite of these horrors, not enough people are aware.\xE2\x80\x9D"),
            (Strings{"\xE2\x80\x9CMany have been tortured,\xE2\x80\x9D officials wrote.",
                     "\xE2\x80\x9CIn spite of these horrors, not enough people are aware.\xE2\x80\x9D"}));
}

TEST(SentenceSplitterTest, SplitsAfterEllipsisBeforeCapital) {
  EXPECT_EQ(Sentences("I waited and waited... Nobody came."),
            (Strings{"I waited and waited...", "Nobody came."}));
}

TEST(SentenceSplitterTest, HeadlineWithoutPeriodEndsAtParagraphBreak) {
  EXPECT_EQ(Sentences("Stars Join MTV Campaign on Chechnya\n\nJussie Smollett is among them."),
            (Strings{"Stars Join MTV Campaign on Chechnya", "Jussie Smollett is among them."}));
}

TEST(SentenceSplitterTest, HeadlineWithoutPeriodEndsAtLineBreak) {
  EXPECT_EQ(Sentences("Stars Join MTV Campaign\nJussie Smollett is among them."),
            (Strings{"Stars Join MTV Campaign", "Jussie Smollett is among them."}));
}

TEST(SentenceSplitterTest, EmbeddedPostWithAttributionIsOneSentence) {
  const std::string post =
      "It's a scary thing that in 2017 I still have to contribute to videos like these... "
      "#EyesOnChechnya #LGBT https://t.co/p0LzqKJ6VT \xE2\x80\x94 Omar Sharif Jr. (@OmarSharifJr) "
      "July 13, 2017";
  EXPECT_EQ(Sentences(post), (Strings{post}));
  const std::string two =
      "We\xE2\x80\x99ve known about it for more than 100 days. Will @whitehouse speak out? "
      "#EyesOnChechnya https://t.co/VVHkEyNefF pic.twitter.com/6jBYpBWka7 \xE2\x80\x94 RuPaul "
      "(@RuPaul) July 14, 2017";
  EXPECT_EQ(Sentences(two), (Strings{two}));
}

TEST(SentenceSplitterTest, SplitsOrdinaryQuestionsAndExclamations) {
  EXPECT_EQ(Sentences("Will they speak out? Nobody knows! We wait."),
            (Strings{"Will they speak out?", "Nobody knows!", "We wait."}));
}

TEST(SentenceSplitterTest, SentencesCoverTokensInOrderWithParagraphs) {
  const AnalyzedDocument doc = Analyze("One. Two.\n\nThree four.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].first_token, 0u);
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_EQ(doc.doc.paragraphs.size(), 2u);
  for (size_t i = 1; i < doc.sentences.size(); ++i)
    EXPECT_EQ(doc.sentences[i].first_token, doc.sentences[i - 1].end_token);
  EXPECT_EQ(doc.sentences.back().end_token, doc.tokens.size());
}

TEST(SentenceSplitterTest, DetectsPostAttribution) {
  const AnalyzedDocument doc = Analyze("text \xE2\x80\x94 Lena Dunham (@lenadunham) July 12, 2017");
  EXPECT_TRUE(SentenceSplitter::EndsWithPostAttribution(doc.tokens, 0, doc.tokens.size()));
  const AnalyzedDocument plain = Analyze("He left on July 12, 2017.");
  EXPECT_FALSE(SentenceSplitter::EndsWithPostAttribution(plain.tokens, 0, plain.tokens.size()));
}

TEST(SentenceSplitterTest, EmptyAndBlankTextsGiveNothing) {
  EXPECT_TRUE(Analyze("").sentences.empty());
  EXPECT_TRUE(Analyze(" \n\n \t").tokens.empty());
}

}  // namespace
}  // namespace crosscheck::text

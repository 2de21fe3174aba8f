#include "quotes/quote_finder.h"

#include "quote_test_util.h"

namespace crosscheck::quotes {
namespace {

using QuoteSpeakers = QuoteFinderTest;

TEST_F(QuoteSpeakers, NameBeforeSaidAfterTheQuote) {
  AnalyzedDocument doc = Analyze("\"The people need some time to get back to normal life,\" Poplevskaya said.");
  const Quote& q = QuoteWith(doc, "The people need some time", "direct");
  EXPECT_EQ(Text(doc, q.content), "The people need some time to get back to normal life,");
  EXPECT_EQ(q.speaker, "Poplevskaya");
  EXPECT_EQ(q.verb, "say");
  EXPECT_EQ(Text(doc, q.verb_span), "said");
  EXPECT_EQ(q.stance, "neutral");
}

TEST_F(QuoteSpeakers, SaidBeforeTheNameAfterTheQuote) {
  AnalyzedDocument doc = Analyze("“Here comes the candidate,” said Caddell, a pollster.");
  EXPECT_EQ(QuoteWith(doc, "Here comes", "direct").speaker, "Caddell");
}

TEST_F(QuoteSpeakers, ToldKeepsTheAddressee) {
  AnalyzedDocument doc = Analyze("“We will not stop,” the mayor told Reuters.");
  const Quote& q = QuoteWith(doc, "We will not stop", "direct");
  EXPECT_EQ(q.speaker, "the mayor");
  EXPECT_EQ(q.verb, "tell");
  EXPECT_EQ(q.addressee, "Reuters");
}

TEST_F(QuoteSpeakers, WroteBeforeTheQuoteWithColon) {
  AnalyzedDocument doc = Analyze("The senator wrote: “This bill is a disgrace.”");
  const Quote& q = QuoteWith(doc, "This bill is a disgrace", "direct");
  EXPECT_EQ(q.speaker, "The senator");
  EXPECT_EQ(q.verb, "write");
}

TEST_F(QuoteSpeakers, AccordingTo) {
  AnalyzedDocument doc = Analyze("“Prices will rise again,” according to Maria Lopez, an economist.");
  const Quote& q = QuoteWith(doc, "Prices will rise", "direct");
  EXPECT_EQ(q.speaker, "Maria Lopez");
  EXPECT_EQ(q.verb, "according to");
}

TEST_F(QuoteSpeakers, NameAndColonBeforeTheQuote) {
  AnalyzedDocument doc = Analyze("Kadyrov: “There are no such people here.”");
  const Quote& q = QuoteWith(doc, "There are no such people", "direct");
  EXPECT_EQ(q.speaker, "Kadyrov");
  EXPECT_EQ(q.verb, ":");
}

TEST_F(QuoteSpeakers, DashAttributionAfterTheQuote) {
  AnalyzedDocument doc = Analyze("“The most unqualified child to ever run for president.” ― Francisco Herrero");
  const Quote& q = QuoteWith(doc, "The most unqualified", "direct");
  EXPECT_EQ(q.speaker, "Francisco Herrero");
  EXPECT_EQ(q.verb, "—");
}

TEST_F(QuoteSpeakers, SpeakerNamedInThePreviousSentence) {
  AnalyzedDocument doc = Analyze(
      "Maxim Eristavi told NBC News on Wednesday that such a comparison is dangerous. "
      "“Calling it a concentration camp is actually inaccurate.”");
  EXPECT_EQ(QuoteWith(doc, "Calling it", "direct").speaker, "Maxim Eristavi");
}

TEST_F(QuoteSpeakers, KeepsTheRoleBeforeTheName) {
  AnalyzedDocument doc = Analyze(
      "Kadyrov's spokesperson Alvi Karimov said: \"The article is an absolute lie.\"");
  const Quote& q = QuoteWith(doc, "absolute lie", "direct");
  EXPECT_EQ(q.speaker, "Alvi Karimov");
  EXPECT_EQ(q.speaker_role, "Kadyrov's spokesperson");
  EXPECT_EQ(Text(doc, q.speaker_span), "Kadyrov's spokesperson Alvi Karimov");
}

TEST_F(QuoteSpeakers, SurnameResolvesToTheFullNameWrittenEarlier) {
  AnalyzedDocument doc = Analyze(
      "Kadyrov's spokesperson Alvi Karimov called the report a lie.\n\n"
      "\"You cannot arrest people who just don't exist in the republic,\" Karimov told Interfax.");
  const Quote& q = QuoteWith(doc, "You cannot arrest", "direct");
  EXPECT_EQ(q.speaker, "Alvi Karimov");
  EXPECT_EQ(Text(doc, q.speaker_span), "Karimov");
  EXPECT_EQ(q.addressee, "Interfax");
}

TEST_F(QuoteSpeakers, PronounResolvesToTheNearestPerson) {
  AnalyzedDocument doc = Analyze(
      "Natalia Poplevskaya works for the Russian LGBT Network. Poplevskaya spoke to BBC News "
      "on Tuesday. Victims were beaten, \"sometimes with cables,\" she added.");
  EXPECT_EQ(QuoteWith(doc, "sometimes with cables").speaker, "Natalia Poplevskaya");
}

TEST_F(QuoteSpeakers, FloatingQuoteInheritsTheSpeakerAndContinuesTheStatement) {
  AnalyzedDocument doc = Analyze(
      "“Over 100 days we’ve known about gays targeted in Chechnya,” wrote Ru Paul. "
      "“The White House remains silent.”");
  const Quote& first = QuoteWith(doc, "Over 100 days", "direct");
  const Quote& second = QuoteWith(doc, "remains silent", "direct");
  EXPECT_EQ(first.speaker, "Ru Paul");
  EXPECT_EQ(second.speaker, "Ru Paul");
  ASSERT_GE(second.continues, 0);
  EXPECT_EQ(&doc.quotes[second.continues], &first);
  EXPECT_EQ(second.speaker_from, second.continues);
}

TEST_F(QuoteSpeakers, OrganisationsSpeak) {
  AnalyzedDocument doc = Analyze("\"We urgently need your help,\" Amnesty International explained.");
  const Quote& q = QuoteWith(doc, "We urgently need", "direct");
  EXPECT_EQ(q.speaker, "Amnesty International");
  EXPECT_EQ(q.verb, "explain");
}

TEST_F(QuoteSpeakers, UnnamedSpeakerKeepsItsDescription) {
  AnalyzedDocument doc = Analyze(
      "In a chilling response, a Chechen government spokesperson denied that there are any gay "
      "people to detain, insisting that “you can’t detain someone who doesn’t exist in the republic”.");
  const Quote& q = QuoteWith(doc, "you can’t detain", "partial");
  EXPECT_EQ(q.speaker, "a Chechen government spokesperson");
  EXPECT_EQ(q.verb, "insist");
}

TEST_F(QuoteSpeakers, SubjectWithARelativeClause) {
  AnalyzedDocument doc = Analyze(
      "One man who was released from the camp also told the newspaper: \"They beat us every day.\"");
  EXPECT_EQ(QuoteWith(doc, "They beat us", "direct").speaker, "One man who was released from the camp");
}

TEST_F(QuoteSpeakers, AppositiveBetweenNameAndVerb) {
  AnalyzedDocument doc = Analyze(
      "\"It's an invasion of the state regulatory domain,\" Scott Pruitt, the Republican attorney "
      "general of Oklahoma, one of the states suing the agency, said at an event.");
  EXPECT_EQ(QuoteWith(doc, "invasion", "direct").speaker, "Scott Pruitt");
}

TEST_F(QuoteSpeakers, UsesTheParseSubjectWhenPresent) {
  AnalyzedDocument doc;
  doc.doc.text = "\"No comment,\" the official who spoke said.";
  (*text_)->Analyze(&doc);
  ASSERT_EQ(doc.sentences.size(), 1u);
  auto index = [&](std::string_view form) {
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.tokens[i].form == form) return i;
    }
    ADD_FAILURE() << "no token " << form;
    return 0u;
  };
  const uint32_t said = index("said"), official = index("official");
  doc.syntax.assign(doc.tokens.size(), TokenSyntax{"PUNCT", "_", "_", "_", said + 1, "punct"});
  doc.syntax[index("comment")] = {"NOUN", "NN", "_", "comment", said + 1, "ccomp"};
  doc.syntax[index("the")] = {"DET", "DT", "_", "the", official + 1, "det"};
  doc.syntax[official] = {"NOUN", "NN", "_", "official", said + 1, "nsubj"};
  doc.syntax[index("who")] = {"PRON", "WP", "_", "who", index("spoke") + 1, "nsubj"};
  doc.syntax[index("spoke")] = {"VERB", "VBD", "_", "speak", official + 1, "acl:relcl"};
  doc.syntax[said] = {"VERB", "VBD", "_", "say", 0, "root"};
  finder_->Find(&doc);
  const Quote& q = QuoteWith(doc, "No comment", "direct");
  EXPECT_EQ(q.verb, "say");
  EXPECT_EQ(Text(doc, q.speaker_span), "the official who spoke");
}

}  // namespace
}  // namespace crosscheck::quotes

// Reconciler rules on small hand-built stories: documents are segmented by the
// real text layer; their claims, quantities and quotes are set by the test so
// each rule of docs/reconciliation.md is pinned on its own.
#include "reconcile/reconciler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "text/text_analyzer.h"

namespace crosscheck::reconcile {
namespace {

class ReconcilerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto text = text::TextAnalyzer::Load(CROSSCHECK_SOURCE_DIR "/models");
    ASSERT_TRUE(text.ok()) << text.status().message();
    text_ = new std::shared_ptr<const text::TextAnalyzer>(std::move(text).value());
    auto r = Reconciler::Load(CROSSCHECK_SOURCE_DIR "/data");
    ASSERT_TRUE(r.ok()) << r.status().message();
    reconciler_ = new Reconciler(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete text_;
    delete reconciler_;
  }

  static AnalyzedDocument Doc(const std::string& id, const std::string& source, const std::string& text) {
    AnalyzedDocument d;
    d.doc.id = id;
    d.doc.source = source;
    d.doc.text = text;
    d.doc.paragraphs.push_back({0, static_cast<uint32_t>(text.size())});
    (*text_)->Analyze(&d);
    return d;
  }
  static Span Find(const AnalyzedDocument& d, const std::string& words) {
    const size_t at = d.doc.text.find(words);
    EXPECT_NE(at, std::string::npos) << words;
    return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
  }
  static uint32_t SentenceOf(const AnalyzedDocument& d, Span span) {
    for (uint32_t s = 0; s < d.sentences.size(); ++s)
      if (d.sentences[s].span.begin <= span.begin && span.begin < d.sentences[s].span.end) return s;
    return 0;
  }
  // Adds a claim "trigger ... patient" with an optional count and attribution.
  static void AddClaim(AnalyzedDocument& d, const std::string& event, const std::string& trigger,
                       const std::string& patient, const std::string& counted, const std::string& count_text,
                       double low, double high, const std::string& bound, const std::string& modality = "asserted",
                       const std::vector<std::string>& chain = {}) {
    Claim c;
    c.event = event;
    c.trigger_span = Find(d, trigger);
    c.trigger = trigger;
    c.sentence = SentenceOf(d, c.trigger_span);
    if (!patient.empty()) { c.patient_span = Find(d, patient); c.patient = patient; }
    if (!count_text.empty()) {
      Quantity q;
      q.span = Find(d, count_text);
      q.sentence = c.sentence;
      q.value = low;
      q.low = low;
      q.high = high;
      q.bound = bound;
      q.counted = counted;
      c.quantity = static_cast<int32_t>(d.quantities.size());
      d.quantities.push_back(q);
    }
    c.modality = modality;
    for (const std::string& name : chain) {
      Attribution a;
      a.source = name;
      a.kind = "organisation";
      c.attribution.push_back(a);
    }
    d.claims.push_back(c);
  }
  static cluster::Story StoryOf(const std::vector<const AnalyzedDocument*>& docs) {
    cluster::Story story;
    story.id = "0123456789abcdef";
    for (const AnalyzedDocument* d : docs) story.documents.push_back({d->doc.id, d->doc.title, d->doc.date, d->doc.source});
    return story;
  }
  static const BriefClaim* ClaimWithEvent(const StoryBrief& b, const std::string& event, const std::string& status) {
    for (const BriefClaim& c : b.claims)
      if (c.event == event && c.status == status) return &c;
    return nullptr;
  }

  static inline std::shared_ptr<const text::TextAnalyzer>* text_ = nullptr;
  static inline Reconciler* reconciler_ = nullptr;
  static constexpr double kOpen = std::numeric_limits<double>::infinity();
};

TEST_F(ReconcilerTest, OutletsRelayingOnePrimarySourceAreSingleSource) {
  AnalyzedDocument a = Doc("a", "Daily One", "The Harbour Courier reported that more than 40 workers were arrested in the port.");
  AnalyzedDocument b = Doc("b", "Daily Two", "At least 40 workers were arrested, according to the Harbour Courier.");
  AnalyzedDocument c = Doc("c", "Daily Three", "Police arrested over 40 workers at the port, the Harbour Courier said.");
  AddClaim(a, "DETAIN", "arrested", "workers", "worker", "more than 40", 40, kOpen, "more_than", "asserted", {"Harbour Courier"});
  AddClaim(b, "DETAIN", "arrested", "workers", "worker", "At least 40", 40, kOpen, "at_least", "asserted", {"Harbour Courier"});
  AddClaim(c, "DETAIN", "arrested", "workers", "worker", "over 40", 40, kOpen, "more_than", "asserted", {"the Harbour Courier"});
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b, &c}), {&a, &b, &c});
  const BriefClaim* fact = ClaimWithEvent(brief, "DETAIN", "single-source");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->versions.size(), 3u);
  EXPECT_EQ(fact->independent_sources, 1u);
  ASSERT_EQ(fact->primary_sources.size(), 1u);
  EXPECT_EQ(fact->primary_sources[0], "Harbour Courier");
}

TEST_F(ReconcilerTest, TwoOutletsOnTheirOwnWordCorroborate) {
  AnalyzedDocument a = Doc("a", "Daily One", "Twelve people were killed in the flood on Monday.");
  AnalyzedDocument b = Doc("b", "Daily Two", "The flood killed 12 people.");
  AddClaim(a, "KILL", "killed", "people", "person", "Twelve", 12, 12, "exact");
  AddClaim(b, "KILL", "killed", "12 people", "person", "12", 12, 12, "exact");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  const BriefClaim* fact = ClaimWithEvent(brief, "KILL", "corroborated");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->independent_sources, 2u);
  EXPECT_EQ(*fact->estimate.best, 12);
}

TEST_F(ReconcilerTest, DisjointFiguresAreDisputedWithConservativeLow) {
  AnalyzedDocument a = Doc("a", "Daily One", "Three men were reportedly killed in the raids.");
  AnalyzedDocument b = Doc("b", "Daily Two", "At least 26 men were killed in the raids.");
  AnalyzedDocument c = Doc("c", "Daily Three", "Three men were killed during the raids.");
  AddClaim(a, "KILL", "killed", "men", "man", "Three", 3, 3, "exact", "hedged");
  AddClaim(b, "KILL", "killed", "men", "man", "At least 26", 26, kOpen, "at_least");
  AddClaim(c, "KILL", "killed", "men", "man", "Three", 3, 3, "exact");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b, &c}), {&a, &b, &c});
  const BriefClaim* fact = ClaimWithEvent(brief, "KILL", "disputed");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->versions.size(), 3u);
  EXPECT_EQ(*fact->estimate.low, 3);
  EXPECT_EQ(*fact->estimate.best, 3);  // two sources against one
  EXPECT_EQ(*fact->estimate.high, 26);
  EXPECT_NE(fact->dispute.find("26"), std::string::npos);
  EXPECT_EQ(fact->versions[0].modality, "hedged");
}

TEST_F(ReconcilerTest, OverlappingBoundsAgree) {
  AnalyzedDocument a = Doc("a", "Daily One", "More than 100 protesters were detained.");
  AnalyzedDocument b = Doc("b", "Daily Two", "At least 100 protesters were detained on Friday.");
  AddClaim(a, "DETAIN", "detained", "protesters", "protester", "More than 100", 100, kOpen, "more_than");
  AddClaim(b, "DETAIN", "detained", "protesters", "protester", "At least 100", 100, kOpen, "at_least");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  EXPECT_NE(ClaimWithEvent(brief, "DETAIN", "corroborated"), nullptr);
  EXPECT_EQ(ClaimWithEvent(brief, "DETAIN", "disputed"), nullptr);
}

TEST_F(ReconcilerTest, DifferentParticipantsStaySeparateFacts) {
  AnalyzedDocument a = Doc("a", "Daily One", "Forty soldiers were killed near the border.");
  AnalyzedDocument b = Doc("b", "Daily Two", "Two journalists were killed near the border.");
  AddClaim(a, "KILL", "killed", "soldiers", "soldier", "Forty", 40, 40, "exact");
  AddClaim(b, "KILL", "killed", "journalists", "journalist", "Two", 2, 2, "exact");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  EXPECT_EQ(ClaimWithEvent(brief, "KILL", "disputed"), nullptr) << "no invented dispute";
  EXPECT_EQ(brief.claims.size(), 2u);
}

TEST_F(ReconcilerTest, SyndicatedCopyCountsOnce) {
  AnalyzedDocument a = Doc("a", "Wire", "Nine villagers were abducted by gunmen overnight.");
  AnalyzedDocument b = Doc("b", "Reprint", "Nine villagers were abducted by gunmen overnight.");
  AddClaim(a, "ABDUCT", "abducted", "villagers", "villager", "Nine", 9, 9, "exact");
  AddClaim(b, "ABDUCT", "abducted", "villagers", "villager", "Nine", 9, 9, "exact");
  cluster::Story story = StoryOf({&a, &b});
  story.documents[1].copy_of = "a";
  const StoryBrief brief = reconciler_->Reconcile(story, {&a, &b});
  const BriefClaim* fact = ClaimWithEvent(brief, "ABDUCT", "single-source");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->independent_sources, 1u);
  bool copy_edge = false;
  for (const Relay& r : brief.relays) copy_edge |= r.kind == "copies" && r.from == "Wire" && r.to == "Reprint";
  EXPECT_TRUE(copy_edge);
}

TEST_F(ReconcilerTest, DenialIsItsOwnFactAndAChallenge) {
  AnalyzedDocument a = Doc("a", "Daily One", "Dozens of students were detained by police, activists said.");
  AnalyzedDocument b = Doc("b", "Daily Two", "The interior ministry denied that any students had been detained.");
  AddClaim(a, "DETAIN", "detained", "students", "student", "Dozens", 24, kOpen, "at_least", "asserted", {"activists"});
  AddClaim(b, "DETAIN", "detained", "students", "", "", 0, 0, "", "denied", {"interior ministry"});
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  const BriefClaim* denial = ClaimWithEvent(brief, "DETAIN", "denied");
  ASSERT_NE(denial, nullptr);
  EXPECT_NE(denial->summary.find("interior ministry"), std::string::npos);
  const BriefClaim* fact = ClaimWithEvent(brief, "DETAIN", "single-source");
  ASSERT_NE(fact, nullptr);
  ASSERT_EQ(fact->challenges.size(), 1u);
  EXPECT_EQ(fact->challenges[0].speaker, "interior ministry");
  EXPECT_EQ(fact->challenges[0].modality, "denied");
}

TEST_F(ReconcilerTest, UnattributedMentionInheritsTheDocumentsAttribution) {
  AnalyzedDocument a = Doc("a", "Daily One",
                           "Fifty miners were trapped, the Valley Gazette reported. Rescuers said the fifty miners were trapped underground.");
  AnalyzedDocument b = Doc("b", "Daily Two", "According to the Valley Gazette, 50 miners were trapped.");
  AddClaim(a, "STATE", "trapped, the", "miners", "miner", "Fifty", 50, 50, "exact", "asserted", {"Valley Gazette"});
  AddClaim(a, "STATE", "trapped underground", "fifty miners", "miner", "fifty", 50, 50, "exact");
  AddClaim(b, "STATE", "trapped.", "miners", "miner", "50", 50, 50, "exact", "asserted", {"Valley Gazette"});
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  const BriefClaim* fact = ClaimWithEvent(brief, "STATE", "single-source");
  ASSERT_NE(fact, nullptr) << (brief.claims.empty() ? "" : brief.claims[0].status);
  EXPECT_EQ(fact->versions.size(), 3u);
  EXPECT_EQ(fact->independent_sources, 1u);
}

TEST_F(ReconcilerTest, SameStatementInTwoWordingsIsOneQuote) {
  AnalyzedDocument a = Doc("a", "Daily One",
                           "\"We will not allow the factory to close this year,\" said Maria Lindqvist, the mayor's spokeswoman.");
  AnalyzedDocument b = Doc("b", "Daily Two",
                           "A city spokesperson said: \"We will never allow the factory to close this year.\"");
  Entity e;
  e.name = "Maria Lindqvist";
  e.type = "PERSON";
  EntityMention m;
  m.span = Find(a, "Maria Lindqvist");
  m.kind = "name";
  e.mentions.push_back(m);
  a.entities.push_back(e);
  Quote qa;
  qa.content = Find(a, "We will not allow the factory to close this year,");
  qa.kind = "direct";
  qa.speaker = "Maria Lindqvist";
  qa.speaker_entity = 0;
  qa.speaker_role = "the mayor's spokeswoman";
  a.quotes.push_back(qa);
  Quote qb;
  qb.content = Find(b, "We will never allow the factory to close this year.");
  qb.kind = "direct";
  qb.speaker = "A city spokesperson";
  b.quotes.push_back(qb);
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  ASSERT_FALSE(brief.quotes.empty());
  const BriefQuote& q = brief.quotes.front();
  ASSERT_EQ(q.versions.size(), 2u);
  EXPECT_EQ(q.speaker, "Maria Lindqvist");
  EXPECT_EQ(q.match, "variant");
  bool removed = false, added = false;
  for (const WordDiff& d : q.diff) {
    removed |= d.op == '-' && d.words == "not";
    added |= d.op == '+' && d.words == "never";
  }
  EXPECT_TRUE(removed && added);
}

TEST_F(ReconcilerTest, PartialQuoteOfTheSameWordsIsVerbatim) {
  AnalyzedDocument a = Doc("a", "Daily One", "The union called the offer \"an insult to every nurse in the country\" on Monday.");
  AnalyzedDocument b = Doc("b", "Daily Two", "It was \"an insult to every nurse in the country,\" the union said.");
  Quote qa;
  qa.content = Find(a, "an insult to every nurse in the country");
  qa.kind = "partial";
  qa.speaker = "The union";
  a.quotes.push_back(qa);
  Quote qb;
  qb.content = Find(b, "an insult to every nurse in the country,");
  qb.kind = "direct";
  qb.speaker = "the union";
  b.quotes.push_back(qb);
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  ASSERT_FALSE(brief.quotes.empty());
  EXPECT_EQ(brief.quotes.front().versions.size(), 2u);
  EXPECT_EQ(brief.quotes.front().match, "verbatim");
}

TEST_F(ReconcilerTest, TimelineIsInDateOrderWithPublications) {
  AnalyzedDocument a = Doc("a", "Daily One", "The dam failed in March. Repairs began in May.");
  a.doc.date = "2020-06-02";
  a.dates.push_back({Find(a, "in May"), 1, "2020-05", "month", false});
  a.dates.push_back({Find(a, "in March"), 0, "2020-03", "month", false});
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a}), {&a});
  ASSERT_EQ(brief.timeline.size(), 3u);
  EXPECT_EQ(brief.timeline[0].date, "2020-03");
  EXPECT_EQ(brief.timeline[1].date, "2020-05");
  EXPECT_EQ(brief.timeline[2].kind, "publication");
  EXPECT_EQ(brief.timeline[0].cites.front().sentence, 0u);
}

TEST_F(ReconcilerTest, SurnameJoinsTheFullNameAcrossDocuments) {
  AnalyzedDocument a = Doc("a", "Daily One", "Helena Marsh opened the bridge.");
  AnalyzedDocument b = Doc("b", "Daily Two", "Marsh opened the bridge on Sunday.");
  Entity full{"Helena Marsh", "PERSON", {{Find(a, "Helena Marsh"), 0, 2, 0, "name"}}, {}};
  Entity sur{"Marsh", "PERSON", {{Find(b, "Marsh"), 0, 1, 0, "surname"}}, {}};
  a.entities.push_back(full);
  b.entities.push_back(sur);
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  ASSERT_EQ(brief.entities.size(), 1u);
  EXPECT_EQ(brief.entities[0].name, "Helena Marsh");
  EXPECT_EQ(brief.entities[0].documents.size(), 2u);
}

TEST_F(ReconcilerTest, MissingLexiconIsAnErrorNamingTheFile) {
  auto r = Reconciler::Load("/nonexistent-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("participant_classes.tsv"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::reconcile

namespace crosscheck::reconcile {
namespace {

TEST_F(ReconcilerTest, HedgedUnattributedVersionRelaysTheNamedSource) {
  AnalyzedDocument a = Doc("a", "Daily One", "Thirty fishermen were detained, the Coast Herald reported.");
  AnalyzedDocument b = Doc("b", "Daily Two", "Thirty fishermen were reportedly detained at sea.");
  AddClaim(a, "DETAIN", "detained", "fishermen", "fisherman", "Thirty", 30, 30, "exact", "asserted", {"Coast Herald"});
  AddClaim(b, "DETAIN", "detained", "fishermen", "fisherman", "Thirty", 30, 30, "exact", "hedged");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  const BriefClaim* fact = ClaimWithEvent(brief, "DETAIN", "single-source");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->independent_sources, 1u);
  EXPECT_EQ(fact->versions[1].primary_source, "Coast Herald");
}

TEST_F(ReconcilerTest, AVersionWithoutTheFigureDoesNotCorroborateIt) {
  AnalyzedDocument a = Doc("a", "Daily One", "More than 200 miners were evacuated from the valley.");
  AnalyzedDocument b = Doc("b", "Daily Two", "Miners were evacuated from the valley on Sunday.");
  AddClaim(a, "DISPLACE", "evacuated", "miners", "miner", "More than 200", 200, kOpen, "more_than");
  AddClaim(b, "DISPLACE", "evacuated", "Miners", "", "", 0, 0, "");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  const BriefClaim* fact = ClaimWithEvent(brief, "DISPLACE", "single-source");
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->versions.size(), 2u);
  EXPECT_EQ(fact->independent_sources, 1u);
}

TEST_F(ReconcilerTest, TwoFiguresInOneSentenceAreTwoFacts) {
  AnalyzedDocument a = Doc("a", "Daily One", "Police detained 40 people on Friday and 25 people on Saturday.");
  AddClaim(a, "DETAIN", "detained", "people on Friday", "person", "40", 40, 40, "exact");
  AddClaim(a, "DETAIN", "detained", "people on Saturday", "person", "25", 25, 25, "exact");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a}), {&a});
  EXPECT_EQ(ClaimWithEvent(brief, "DETAIN", "disputed"), nullptr);
  EXPECT_EQ(brief.claims.size(), 2u);
}

TEST_F(ReconcilerTest, PointFiguresBeyondTheToleranceConflict) {
  AnalyzedDocument a = Doc("a", "Daily One", "The party won 156 seats in the election.");
  AnalyzedDocument b = Doc("b", "Daily Two", "The party won 157 seats in the election.");
  AddClaim(a, "VOTE", "won", "seats", "seat", "156", 156, 156, "exact");
  AddClaim(b, "VOTE", "won", "seats", "seat", "157", 157, 157, "exact");
  const StoryBrief brief = reconciler_->Reconcile(StoryOf({&a, &b}), {&a, &b});
  EXPECT_NE(ClaimWithEvent(brief, "VOTE", "disputed"), nullptr);
}

}  // namespace
}  // namespace crosscheck::reconcile

namespace crosscheck::reconcile {
namespace {

TEST_F(ReconcilerTest, UndatedDocumentsMonthNamesAreReadAgainstTheStorysDate) {
  AnalyzedDocument a = Doc("a", "Daily One", "The strike began in March. It spread last week.");
  cluster::Story story = StoryOf({&a});
  story.last_date = "2020-06-02";
  // The facts stage left them unresolved: the document has no date.
  a.dates.push_back({Find(a, "in March"), 0, "", "", true});
  a.dates.push_back({Find(a, "last week"), 1, "", "", true});
  const StoryBrief brief = reconciler_->Reconcile(story, {&a});
  ASSERT_EQ(brief.timeline.size(), 1u) << "a month name is read, 'last week' is not guessed";
  EXPECT_EQ(brief.timeline[0].date, "2020-03");
}

}  // namespace
}  // namespace crosscheck::reconcile

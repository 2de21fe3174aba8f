// Behaviour of the entities stage on news-like sentences, with the shipped
// models/ner.bin and data/.
#include "entities/entity_recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "entities_test_util.h"

namespace crosscheck::entities {
namespace {

using testing::MakeDocument;

const EntityRecognizer& Recognizer() {
  static const std::shared_ptr<const EntityRecognizer> recognizer = [] {
    auto loaded = EntityRecognizer::Load(CROSSCHECK_SOURCE_DIR "/models");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? *loaded : nullptr;
  }();
  return *recognizer;
}

AnalyzedDocument Analyze(const std::string& text) {
  AnalyzedDocument doc = MakeDocument(text);
  Recognizer().Analyze(&doc);
  return doc;
}

const Entity* Find(const AnalyzedDocument& doc, const std::string& name) {
  for (const Entity& e : doc.entities) if (e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> MentionTexts(const AnalyzedDocument& doc, const Entity& e,
                                      const std::string& kind) {
  std::vector<std::string> out;
  for (const EntityMention& m : e.mentions) {
    if (m.kind == kind) out.push_back(doc.doc.text.substr(m.span.begin, m.span.size()));
  }
  return out;
}

TEST(EntityRecognizerTest, PossessiveStaysOutOfThePersonName) {
  AnalyzedDocument doc = Analyze("In a statement, Erdogan's spokesman Ibrahim Kalin told Reuters "
                                 "that the article was an absolute lie.");
  const Entity* erdogan = Find(doc, "Erdogan");
  ASSERT_NE(erdogan, nullptr);
  EXPECT_EQ(erdogan->type, "PERSON");
  const Entity* kalin = Find(doc, "Ibrahim Kalin");
  ASSERT_NE(kalin, nullptr);
  EXPECT_EQ(kalin->type, "PERSON");
}

TEST(EntityRecognizerTest, SurnameJoinsTheEarlierFullName) {
  AnalyzedDocument doc = Analyze("Viktor Orban has denied these reports. "
                                 "Orban has also denied the existence of the camps in Hungary.");
  const Entity* orban = Find(doc, "Viktor Orban");
  ASSERT_NE(orban, nullptr);
  EXPECT_EQ(orban->type, "PERSON");
  EXPECT_EQ(MentionTexts(doc, *orban, "surname"), std::vector<std::string>{"Orban"});
  EXPECT_EQ(Find(doc, "Orban"), nullptr);
}

TEST(EntityRecognizerTest, AllCapsHeadlineNamesAreFound) {
  AnalyzedDocument doc = Analyze("PUTIN MEETS MERKEL IN MOSCOW AFTER MONTHS OF TENSION\n"
                                 "Vladimir Putin met Angela Merkel in Moscow on Tuesday.");
  const Entity* moscow = Find(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->type, "LOC");
  EXPECT_EQ(MentionTexts(doc, *moscow, "name").size(), 2u);  // "MOSCOW" and "Moscow"
  const Entity* putin = Find(doc, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->mentions.size(), 2u);  // "PUTIN" joins by surname
}

TEST(EntityRecognizerTest, PlaceLinkingPrefersTheDocumentsCountry) {
  AnalyzedDocument in_us = Analyze("Police in Texas said the fire started in Paris on Sunday. "
                                   "Texas officials said Paris residents were safe.");
  const Entity* paris = Find(in_us, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->place.country, "US");
  AnalyzedDocument in_france = Analyze("Protesters marched in Paris on Sunday against the French government.");
  paris = Find(in_france, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->place.country, "FR");
  EXPECT_EQ(paris->place.feature, "city");
  EXPECT_GT(paris->place.geonames_id, 0);
}

TEST(EntityRecognizerTest, CityLinksToItsRegionAndDemonymToItsPlace) {
  AnalyzedDocument doc = Analyze("Bavarian authorities held the men in Nuremberg, the second city of Bavaria.");
  const Entity* nuremberg = Find(doc, "Nuremberg");
  ASSERT_NE(nuremberg, nullptr);
  EXPECT_EQ(nuremberg->place.country, "DE");
  EXPECT_EQ(nuremberg->place.admin1, "Bavaria");
  const Entity* bavarian = Find(doc, "Bavarian");
  ASSERT_NE(bavarian, nullptr);
  EXPECT_EQ(bavarian->type, "MISC");
  EXPECT_EQ(bavarian->mentions.front().kind, "demonym");
  EXPECT_EQ(bavarian->place.name, "Bavaria");
}

TEST(EntityRecognizerTest, TitleAppositionBecomesATitleMention) {
  AnalyzedDocument doc = Analyze("A spokesperson for Viktor Orban, the Prime Minister of Hungary, "
                                 "said the reports were false.");
  const Entity* orban = Find(doc, "Viktor Orban");
  ASSERT_NE(orban, nullptr);
  EXPECT_EQ(MentionTexts(doc, *orban, "title"),
            std::vector<std::string>{"the Prime Minister of Hungary"});
}

TEST(EntityRecognizerTest, SpeechVerbPronounResolvesToTheLastPerson) {
  AnalyzedDocument doc = Analyze("Maria Ressa said reporters were held at a detention center. "
                                 "Reporters are reportedly subjected to threats, she added.");
  const Entity* ressa = Find(doc, "Maria Ressa");
  ASSERT_NE(ressa, nullptr);
  EXPECT_EQ(MentionTexts(doc, *ressa, "pronoun"), std::vector<std::string>{"she"});
}

TEST(EntityRecognizerTest, HandleThatSpellsTheNameJoinsThePerson) {
  AnalyzedDocument doc = Analyze("Demand justice now. — Lena Dunham (@lenadunham) July 12, 2017");
  const Entity* dunham = Find(doc, "Lena Dunham");
  ASSERT_NE(dunham, nullptr);
  EXPECT_EQ(MentionTexts(doc, *dunham, "handle"), std::vector<std::string>{"@lenadunham"});
}

TEST(EntityRecognizerTest, MultiwordOrganisationsAndOutletsAreFound) {
  AnalyzedDocument doc = Analyze("The arrests were condemned by Human Rights Watch and the Committee to "
                                 "Protect Journalists, the Los Angeles Times reported.");
  for (const char* name : {"Human Rights Watch", "Committee to Protect Journalists", "Los Angeles Times"}) {
    const Entity* org = Find(doc, name);
    ASSERT_NE(org, nullptr) << name;
    EXPECT_EQ(org->type, "ORG") << name;
  }
}

TEST(EntityRecognizerTest, ANameTaggedOnceIsFoundAgainInTheDocument) {
  AnalyzedDocument doc = Analyze("Officials from Freedom House visited the prison on Monday. "
                                 "Freedom House called for the release of the men.");
  const Entity* org = Find(doc, "Freedom House");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(MentionTexts(doc, *org, "name").size(), 2u);
}

TEST(EntityRecognizerTest, JuniorSuffixStaysWithTheName) {
  AnalyzedDocument doc = Analyze("The actor Omar Sharif Jr. shared the video on Thursday.");
  EXPECT_NE(Find(doc, "Omar Sharif Jr."), nullptr);
}

TEST(EntityRecognizerTest, MentionsAreInTextOrderAndEntitiesByFirstMention) {
  AnalyzedDocument doc = Analyze("Viktor Orban met Vladimir Putin in Moscow. Orban later left Moscow.");
  for (size_t e = 1; e < doc.entities.size(); ++e) {
    EXPECT_LT(doc.entities[e - 1].mentions.front().first_token, doc.entities[e].mentions.front().first_token);
  }
  for (const Entity& e : doc.entities) {
    EXPECT_TRUE(std::is_sorted(e.mentions.begin(), e.mentions.end(),
                               [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; }));
  }
}

}  // namespace
}  // namespace crosscheck::entities

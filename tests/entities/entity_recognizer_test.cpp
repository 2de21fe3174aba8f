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
  AnalyzedDocument doc = Analyze("Kadyrov's spokesperson Alvi Karimov also claimed to Interfax "
                                 "that the article was an absolute lie.");
  const Entity* kadyrov = Find(doc, "Kadyrov");
  ASSERT_NE(kadyrov, nullptr);
  EXPECT_EQ(kadyrov->type, "PERSON");
  const Entity* karimov = Find(doc, "Alvi Karimov");
  ASSERT_NE(karimov, nullptr);
  EXPECT_EQ(karimov->type, "PERSON");
}

TEST(EntityRecognizerTest, SurnameJoinsTheEarlierFullName) {
  AnalyzedDocument doc = Analyze("Ramzan Kadyrov has denied these reports. "
                                 "Kadyrov has also denied the existence of gay men in Chechnya.");
  const Entity* kadyrov = Find(doc, "Ramzan Kadyrov");
  ASSERT_NE(kadyrov, nullptr);
  EXPECT_EQ(kadyrov->type, "PERSON");
  EXPECT_EQ(MentionTexts(doc, *kadyrov, "surname"), std::vector<std::string>{"Kadyrov"});
  EXPECT_EQ(Find(doc, "Kadyrov"), nullptr);
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
  AnalyzedDocument doc = Analyze("Chechen authorities held the men in Grozny, the capital of Chechnya.");
  const Entity* grozny = Find(doc, "Grozny");
  ASSERT_NE(grozny, nullptr);
  EXPECT_EQ(grozny->place.country, "RU");
  EXPECT_EQ(grozny->place.admin1, "Chechnya");
  const Entity* chechen = Find(doc, "Chechen");
  ASSERT_NE(chechen, nullptr);
  EXPECT_EQ(chechen->type, "MISC");
  EXPECT_EQ(chechen->mentions.front().kind, "demonym");
  EXPECT_EQ(chechen->place.name, "Chechnya");
}

TEST(EntityRecognizerTest, TitleAppositionBecomesATitleMention) {
  AnalyzedDocument doc = Analyze("A spokesperson for Ramzan Kadyrov, the Head of the Chechen Republic, "
                                 "said the reports were false.");
  const Entity* kadyrov = Find(doc, "Ramzan Kadyrov");
  ASSERT_NE(kadyrov, nullptr);
  EXPECT_EQ(MentionTexts(doc, *kadyrov, "title"),
            std::vector<std::string>{"the Head of the Chechen Republic"});
}

TEST(EntityRecognizerTest, SpeechVerbPronounResolvesToTheLastPerson) {
  AnalyzedDocument doc = Analyze("Natalia Poplevskaya said victims were held at a detention center. "
                                 "Victims are reportedly subjected to torture, she added.");
  const Entity* poplevskaya = Find(doc, "Natalia Poplevskaya");
  ASSERT_NE(poplevskaya, nullptr);
  EXPECT_EQ(MentionTexts(doc, *poplevskaya, "pronoun"), std::vector<std::string>{"she"});
}

TEST(EntityRecognizerTest, HandleThatSpellsTheNameJoinsThePerson) {
  AnalyzedDocument doc = Analyze("Demand justice now. — Lena Dunham (@lenadunham) July 12, 2017");
  const Entity* dunham = Find(doc, "Lena Dunham");
  ASSERT_NE(dunham, nullptr);
  EXPECT_EQ(MentionTexts(doc, *dunham, "handle"), std::vector<std::string>{"@lenadunham"});
}

TEST(EntityRecognizerTest, JuniorSuffixStaysWithTheName) {
  AnalyzedDocument doc = Analyze("The actor Omar Sharif Jr. shared the video on Thursday.");
  EXPECT_NE(Find(doc, "Omar Sharif Jr."), nullptr);
}

TEST(EntityRecognizerTest, MentionsAreInTextOrderAndEntitiesByFirstMention) {
  AnalyzedDocument doc = Analyze("Ramzan Kadyrov met Vladimir Putin in Moscow. Kadyrov later left Moscow.");
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

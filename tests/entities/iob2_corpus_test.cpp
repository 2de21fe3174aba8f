// Reading NER data: Universal NER and WikiGold layouts, IOB repair.
#include "entities/iob2_corpus.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck::entities {
namespace {

std::filesystem::path Write(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(Iob2CorpusTest, ReadsUniversalNerColumnsAndDocuments) {
  auto sentences = ReadIob2(Write("uner.iob2",
      "# newdoc id = d1\n# sent_id = 1\n1\tAnna\tB-PER\t-\tx\n2\tLindqvist\tI-PER\t-\tx\n3\tspoke\tO\t-\t-\n\n"
      "# newdoc id = d2\n1\tTampere\tB-LOC\t-\tx\n\n"));
  ASSERT_TRUE(sentences.ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].doc_id, "d1");
  EXPECT_EQ((*sentences)[0].words, (std::vector<std::string>{"Anna", "Lindqvist", "spoke"}));
  EXPECT_EQ((*sentences)[1].doc_id, "d2");
  EXPECT_EQ(SpansOfTags((*sentences)[0].tags), (std::vector<TaggedSpan>{{0, 2, "PER"}}));
}

TEST(Iob2CorpusTest, ReadsWikiGoldTwoColumnsAndRepairsInsideTags) {
  auto sentences = ReadIob2(Write("wikigold.iob2",
      "-DOCSTART-\tO\n\nThe\tI-ORG\nMad\tI-ORG\nCapsule\tI-ORG\nplayed\tO\nJapan\tI-LOC\n\n"));
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 1u);
  EXPECT_EQ((*sentences)[0].tags,
            (std::vector<std::string>{"B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"}));
}

TEST(Iob2CorpusTest, LineWithoutTagIsAnErrorNamingFileAndLine) {
  auto sentences = ReadIob2(Write("bad.iob2", "1\tfine\tO\nbroken\n"));
  ASSERT_FALSE(sentences.ok());
  EXPECT_NE(sentences.status().message().find("bad.iob2:2"), std::string::npos);
}

TEST(Iob2CorpusTest, GumEntitiesBecomeProperNameSpansOfOpenGenresOnly) {
  const std::string conllu =
      "# newdoc id = GUM_news_test\n# sent_id = a\n# text = President Obama visited Chicago\n"
      "1\tPresident\tpresident\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-1-coref-Obama\n"
      "2\tObama\tObama\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)\n"
      "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tChicago\tChicago\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-new-x-1-coref-Chicago)\n\n"
      "# newdoc id = GUM_fiction_test\n# sent_id = b\n# text = Bob\n"
      "1\tBob\tBob\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(3-person-new-x-1-coref)\n\n";
  auto sentences = ReadGumEntities(Write("gum.conllu", conllu), {"news"});
  ASSERT_TRUE(sentences.ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 1u);
  EXPECT_EQ((*sentences)[0].tags, (std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC"}));
}

// GUM gives "United" in "United States" the UPOS VERB but the XPOS NNP; a
// title is not part of a person's name, a place nested in the person's
// mention is a place of its own, and a lone plural proper noun is a group.
TEST(Iob2CorpusTest, GumNamesFollowUniversalNerConventions) {
  const std::string conllu =
      "# newdoc id = GUM_news_conventions\n# sent_id = a\n# text = U.S. President Joe Biden met Afghans\n"
      "1\tU.S.\tU.S.\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=(1-person-new-x-4-coref-Joe_Biden(2-place-new-x-1-coref-United_States)\n"
      "2\tPresident\tpresident\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "3\tJoe\tJoe\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "4\tBiden\tBiden\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)\n"
      "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\tAfghans\tAfghan\tPROPN\tNNPS\t_\t5\tobj\t_\tEntity=(3-person-new-x-1-sgl)\n\n"
      "# sent_id = b\n# text = the United States\n"
      "1\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(4-place-giv-x-2,3-coref-United_States\n"
      "2\tUnited\tUnite\tVERB\tNNP\t_\t3\tamod\t_\t_\n"
      "3\tStates\tState\tPROPN\tNNPS\t_\t0\troot\t_\tEntity=4)\n\n";
  auto sentences = ReadGumEntities(Write("gum2.conllu", conllu), {"news"}, {"president"});
  ASSERT_TRUE(sentences.ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].tags,
            (std::vector<std::string>{"B-LOC", "O", "B-PER", "I-PER", "O", "O"}));
  EXPECT_EQ((*sentences)[1].tags, (std::vector<std::string>{"O", "B-LOC", "I-LOC"}));
}

}  // namespace
}  // namespace crosscheck::entities

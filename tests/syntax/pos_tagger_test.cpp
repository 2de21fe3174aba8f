// Tests for syntax/pos_tagger.h and the models/pos.bin format.
#include "syntax/pos_tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "syntax/pos_trainer.h"

namespace crosscheck::syntax {
namespace {

const std::filesystem::path kModel = CROSSCHECK_SOURCE_DIR "/models/pos.bin";

const PosTagger& Tagger() {
  static const PosTagger* tagger = [] {
    auto loaded = PosTagger::Load(kModel);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new PosTagger(std::move(loaded).value());
  }();
  return *tagger;
}

struct Tagged {
  std::vector<std::string> upos, xpos;
};

Tagged Tag(const PosTagger& tagger, const std::string& sentence) {
  PosTagger::Scratch scratch;
  std::vector<uint16_t> labels;
  tagger.Tag(SplitWords(sentence), &scratch, &labels);
  Tagged out;
  for (uint16_t label : labels) {
    out.upos.emplace_back(tagger.upos(label));
    out.xpos.emplace_back(tagger.xpos(label));
  }
  return out;
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::filesystem::path WriteTemp(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(PosTaggerTest, TagsNewsSentenceAboutDetentions) {
  const Tagged tagged =
      Tag(Tagger(), "Novaya Gazeta reported that at least 100 men had been detained .");
  // "at least" is ADP + ADJ (IN + JJS) throughout UD English EWT.
  const std::vector<std::string> upos = {"PROPN", "PROPN", "VERB", "SCONJ", "ADP", "ADJ",
                                         "NUM",   "NOUN",  "AUX",  "AUX",   "VERB", "PUNCT"};
  EXPECT_EQ(tagged.upos, upos);
  EXPECT_EQ(tagged.xpos[2], "VBD");
  EXPECT_EQ(tagged.xpos[5], "JJS");
  EXPECT_EQ(tagged.xpos[7], "NNS");
  EXPECT_EQ(tagged.xpos[10], "VBN");
}

TEST(PosTaggerTest, GivesFeaturesForTheTag) {
  PosTagger::Scratch scratch;
  std::vector<uint16_t> labels;
  const auto forms = SplitWords("They were detained on Monday .");
  Tagger().Tag(forms, &scratch, &labels);
  EXPECT_EQ(Tagger().feats("They", labels[0]), "Case=Nom|Number=Plur|Person=3|PronType=Prs");
  EXPECT_EQ(Tagger().feats("detained", labels[2]), "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(Tagger().feats(".", labels[5]), "_");
}

TEST(PosTaggerTest, HandlesEmptyAndOneWordSentences) {
  PosTagger::Scratch scratch;
  std::vector<uint16_t> labels = {1, 2, 3};
  Tagger().Tag({}, &scratch, &labels);
  EXPECT_TRUE(labels.empty());
  EXPECT_EQ(Tag(Tagger(), "Moscow").upos, std::vector<std::string>{"PROPN"});
}

TEST(PosTaggerTest, OutputIsDeterministicAndIndependentOfScratchHistory) {
  const std::string sentence = "Police said 17 people were killed in clashes on Sunday .";
  const Tagged first = Tag(Tagger(), sentence);
  Tag(Tagger(), "An unrelated , much longer sentence warms the scratch memory up first .");
  EXPECT_EQ(Tag(Tagger(), sentence).upos, first.upos);
  auto again = PosTagger::Load(kModel);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Tag(*again, sentence).xpos, first.xpos);
}

TEST(PosTaggerTest, ModelRecordsHowToRebuildIt) {
  EXPECT_NE(Tagger().trainer().find("TrainPosTagger"), std::string::npos);
  EXPECT_NE(Tagger().command().find("crosscheck train pos"), std::string::npos);
}

TEST(PosTaggerTest, MissingFileIsReportedWithItsPath) {
  auto tagger = PosTagger::Load("/nonexistent/pos.bin");
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("/nonexistent/pos.bin"), std::string::npos);
}

TEST(PosTaggerTest, WrongMagicIsReported) {
  const auto path = WriteTemp("cc_pos_wrong_magic.bin", "CCSEGMNT and then something else entirely");
  auto tagger = PosTagger::Load(path);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find(path.string()), std::string::npos);
  EXPECT_NE(tagger.status().message().find("magic"), std::string::npos);
}

TEST(PosTaggerTest, TruncatedOrCorruptFileIsReported) {
  const std::string bytes = ReadBytes(kModel);
  ASSERT_GT(bytes.size(), 1000u);
  const auto truncated = WriteTemp("cc_pos_truncated.bin", bytes.substr(0, bytes.size() / 2));
  auto tagger = PosTagger::Load(truncated);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find(truncated.string()), std::string::npos);

  std::string flipped = bytes;
  flipped[bytes.size() / 3] ^= 0x40;
  const auto corrupt = WriteTemp("cc_pos_corrupt.bin", flipped);
  tagger = PosTagger::Load(corrupt);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("checksum"), std::string::npos);
}

// A tiny treebank: training on it twice must give identical model bytes.
const char kTinyTreebank[] =
    "# newdoc id = tiny\n# text = Men were detained.\n"
    "1\tMen\tman\tNOUN\tNNS\tNumber=Plur\t3\tnsubj:pass\t_\t_\n"
    "2\twere\tbe\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t3\taux:pass\t_\t_\n"
    "3\tdetained\tdetain\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "# text = Police said so.\n"
    "1\tPolice\tpolice\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tsaid\tsay\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

TEST(PosTrainerTest, TrainingIsDeterministic) {
  const auto data = WriteTemp("cc_pos_tiny.conllu", kTinyTreebank);
  PosTrainOptions options;
  options.train = {data};
  options.clusters.clear();
  options.epochs = 3;
  options.quiet = true;
  options.out = std::filesystem::temp_directory_path() / "cc_pos_tiny_1.bin";
  ASSERT_TRUE(TrainPosTagger(options).ok());
  const std::string first = ReadBytes(options.out);
  options.out = std::filesystem::temp_directory_path() / "cc_pos_tiny_2.bin";
  ASSERT_TRUE(TrainPosTagger(options).ok());
  EXPECT_EQ(ReadBytes(options.out), first);
  auto tagger = PosTagger::Load(options.out);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  EXPECT_EQ(Tag(*tagger, "Men were detained .").xpos[2], "VBN");
}

TEST(PosTrainerTest, MissingTrainingFileIsReported) {
  PosTrainOptions options;
  options.train = {"/nonexistent/train.conllu"};
  options.clusters.clear();
  options.out = std::filesystem::temp_directory_path() / "cc_pos_never.bin";
  const Status status = TrainPosTagger(options);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/train.conllu"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::syntax

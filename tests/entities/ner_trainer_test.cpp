// Rebuilds models/ner.bin (disabled: run on purpose, see docs/models.md) and
// checks that training is deterministic on a small corpus.
#include "entities/ner_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/ner_model.h"

namespace crosscheck::entities {
namespace {

const std::filesystem::path kSource = CROSSCHECK_SOURCE_DIR;
const std::filesystem::path kShared = CROSSCHECK_SHARED_DIR;

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The same data as `crosscheck train ner` with no arguments (src/cli/train_command.cpp).
TEST(NerTrainerTest, DISABLED_RebuildShippedModel) {
  const std::filesystem::path ewt = kShared / "data/ner/uner-en-ewt/en_ewt-ud-train.draft-normalized.iob2.gz";
  NerTrainOptions options;
  options.train_files = {ewt, ewt, kShared / "data/ud/en_gum/en_gum-ud-train.conllu.gz",
                         kShared / "data/ner/wikigold/wikigold.iob2.gz"};
  options.dev_file = kShared / "data/ner/uner-en-ewt/en_ewt-ud-dev.iob2.gz";
  options.data_dir = kSource / "data";
  options.clusters = kSource / "data/word_clusters.tsv";
  options.out_path = kSource / "models/ner.bin";
  options.command = "crosscheck train ner";
  Status status = TrainNer(options);
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(NerTrainerTest, TrainingTwiceWritesIdenticalModels) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cc_ner_trainer_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream train(dir / "train.iob2");
    for (int i = 0; i < 20; ++i) {
      train << "1\tAnna\tB-PER\n2\tLindqvist\tI-PER\n3\tvisited\tO\n4\tTampere\tB-LOC\n5\t.\tO\n\n"
            << "1\tHuman\tB-ORG\n2\tRights\tI-ORG\n3\tWatch\tI-ORG\n4\tsaid\tO\n5\tso\tO\n\n";
    }
  }
  NerTrainOptions options;
  options.train_files = {dir / "train.iob2"};
  options.data_dir = kSource / "data";
  options.clusters = "";
  options.epochs = 3;
  options.quiet = true;
  options.out_path = dir / "a.bin";
  ASSERT_TRUE(TrainNer(options).ok());
  options.out_path = dir / "b.bin";
  ASSERT_TRUE(TrainNer(options).ok());
  EXPECT_EQ(ReadAll(dir / "a.bin"), ReadAll(dir / "b.bin"));
  EXPECT_FALSE(ReadAll(dir / "a.bin").empty());
}

// WikiGold's MISC (nationalities, events, works) is outside Universal NER's
// types: such words are learned as O, and the model has no MISC labels.
TEST(NerTrainerTest, TypesOutsidePerOrgLocAreReadAsOutside) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cc_ner_trainer_misc";
  std::filesystem::create_directories(dir);
  {
    std::ofstream train(dir / "train.iob2");
    for (int i = 0; i < 10; ++i) {
      train << "Anna\tB-PER\nLindqvist\tI-PER\nwatched\tO\nthe\tO\nOlympics\tB-MISC\nin\tO\nTampere\tB-LOC\n\n";
    }
  }
  NerTrainOptions options;
  options.train_files = {dir / "train.iob2"};
  options.data_dir = kSource / "data";
  options.clusters = "";
  options.epochs = 2;
  options.runs = 1;
  options.quiet = true;
  options.out_path = dir / "misc.bin";
  ASSERT_TRUE(TrainNer(options).ok());
  Result<NerModel> model = LoadNerModel(dir / "misc.bin");
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->labels, (std::vector<std::string>{"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}));
}

TEST(NerTrainerTest, MissingTrainingFileIsNamed) {
  NerTrainOptions options;
  options.train_files = {"/nonexistent/train.iob2"};
  options.data_dir = kSource / "data";
  options.quiet = true;
  Status status = TrainNer(options);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/train.iob2"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::entities

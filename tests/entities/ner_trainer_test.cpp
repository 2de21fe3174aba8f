// Rebuilds models/ner.bin (disabled: run on purpose, see docs/models.md) and
// checks that training is deterministic on a small corpus.
#include "entities/ner_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

TEST(NerTrainerTest, DISABLED_RebuildShippedModel) {
  NerTrainOptions options;
  options.train_files = {kShared / "data/ner/uner-en-ewt/en_ewt-ud-train.draft-normalized.iob2.gz"};
  options.dev_file = kShared / "data/ner/uner-en-ewt/en_ewt-ud-dev.iob2.gz";
  options.data_dir = kSource / "data";
  options.clusters = kSource / "data/word_clusters.tsv";
  options.out_path = kSource / "models/ner.bin";
  options.command =
      "crosscheck train ner ../shared/data/ner/uner-en-ewt/en_ewt-ud-train.draft-normalized.iob2.gz "
      "--dev ../shared/data/ner/uner-en-ewt/en_ewt-ud-dev.iob2.gz";
  Status status = TrainNer(options);
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(NerTrainerTest, TrainingTwiceWritesIdenticalModels) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cc_ner_trainer_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream train(dir / "train.iob2");
    for (int i = 0; i < 20; ++i) {
      train << "1\tRamzan\tB-PER\n2\tKadyrov\tI-PER\n3\tvisited\tO\n4\tGrozny\tB-LOC\n5\t.\tO\n\n"
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

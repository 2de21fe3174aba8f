#include "text/segmenter_trainer.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "text/text_analyzer.h"

namespace crosscheck::text {
namespace {

std::string ReadBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Word(int id, const std::string& form, const std::string& misc = "_") {
  return std::to_string(id) + "\t" + form + "\t_\tX\tX\t_\t0\tdep\t_\t" + misc + "\n";
}

// A tiny treebank: two documents, abbreviations, a clitic, sentence punctuation.
std::string TinyTreebank() {
  std::string t;
  for (int d = 0; d < 2; ++d) {
    t += "# newdoc id = doc" + std::to_string(d) + "\n# newpar\n# text = Mr. Smith can't go.\n";
    t += Word(1, "Mr.") + Word(2, "Smith") + "3-4\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" + Word(3, "ca") +
         Word(4, "n't") + Word(5, "go", "SpaceAfter=No") + Word(6, ".") + "\n";
    t += "# text = He left.\n" + Word(1, "He") + Word(2, "left", "SpaceAfter=No") + Word(3, ".") + "\n";
  }
  return t;
}

TEST(SegmenterTrainerTest, TrainingIsDeterministicAndTheModelLoads) {
  const auto dir = std::filesystem::temp_directory_path() / "crosscheck_trainer_test";
  std::filesystem::create_directories(dir / "a");
  std::filesystem::create_directories(dir / "b");
  std::ofstream(dir / "tiny.conllu") << TinyTreebank();
  SegmenterTrainingOptions options;
  options.command = "test";
  auto a = TrainSegmenter({dir / "tiny.conllu"}, dir / "a" / "segmenter.bin", options);
  auto b = TrainSegmenter({dir / "tiny.conllu"}, dir / "b" / "segmenter.bin", options);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->documents, 2u);
  EXPECT_EQ(a->sentences, 4u);
  EXPECT_EQ(ReadBytes(dir / "a" / "segmenter.bin"), ReadBytes(dir / "b" / "segmenter.bin"));
  auto analyzer = TextAnalyzer::Load(dir / "a");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  std::filesystem::remove_all(dir);
}

TEST(SegmenterTrainerTest, DamagedModelFailsToLoadWithFileName) {
  const auto dir = std::filesystem::temp_directory_path() / "crosscheck_trainer_damaged";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "tiny.conllu") << TinyTreebank();
  ASSERT_TRUE(TrainSegmenter({dir / "tiny.conllu"}, dir / "segmenter.bin").ok());
  std::string bytes = ReadBytes(dir / "segmenter.bin");
  bytes[bytes.size() / 2] ^= 0x5A;
  std::ofstream(dir / "segmenter.bin", std::ios::binary | std::ios::trunc) << bytes;
  auto analyzer = TextAnalyzer::Load(dir);
  ASSERT_FALSE(analyzer.ok());
  EXPECT_NE(analyzer.status().message().find("segmenter.bin"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(SegmenterTrainerTest, UnreadableInputIsAnError) {
  auto r = TrainSegmenter({"/nonexistent.conllu"}, "/tmp/never.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent.conllu"), std::string::npos);
}

// Rebuilds the shipped models/segmenter.bin (run on purpose:
//   build-text/tests/text_tests --gtest_also_run_disabled_tests --gtest_filter='*RebuildShippedModel*'
// until `crosscheck train segmenter` is wired).
TEST(SegmenterTrainerTest, DISABLED_RebuildShippedModel) {
  const std::filesystem::path ud = CROSSCHECK_SHARED_DIR "/data/ud";
  SegmenterTrainingOptions options;
  options.command =
      "crosscheck train segmenter ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz "
      "../shared/data/ud/en_gum/en_gum-ud-train.conllu.gz";
  auto r = TrainSegmenter({ud / "en_ewt/en_ewt-ud-train.conllu.gz", ud / "en_gum/en_gum-ud-train.conllu.gz"},
                          CROSSCHECK_SOURCE_DIR "/models/segmenter.bin", options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::printf("documents %zu (skipped %zu), sentences %zu, candidates %zu, training accuracy %.2f\n",
              r->documents, r->skipped_documents, r->sentences, r->candidates, r->training_accuracy);
}

}  // namespace
}  // namespace crosscheck::text

// Loading models/ner.bin: clear errors for missing, foreign and corrupt files.
#include "entities/ner_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/entity_recognizer.h"

namespace crosscheck::entities {
namespace {

const std::filesystem::path kModels = CROSSCHECK_SOURCE_DIR "/models";
const std::filesystem::path kData = CROSSCHECK_SOURCE_DIR "/data";

std::filesystem::path TempModelDir(const std::string& name, const std::string& bytes) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cc_ner_" + name);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "ner.bin", std::ios::binary) << bytes;
  return dir;
}

std::string ShippedBytes() {
  std::ifstream in(kModels / "ner.bin", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(NerModelTest, ShippedModelLoadsAndPassesItsSelfTests) {
  auto recognizer = EntityRecognizer::Load(kModels, kData);
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().message();
  auto model = LoadNerModel(kModels / "ner.bin");
  ASSERT_TRUE(model.ok());
  EXPECT_FALSE(model->self_tests.empty());
  EXPECT_NE(model->command.find("train ner"), std::string::npos);
}

TEST(NerModelTest, MissingModelIsNamed) {
  auto recognizer = EntityRecognizer::Load("/nonexistent/models", kData);
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("/nonexistent/models/ner.bin"), std::string::npos);
  EXPECT_NE(recognizer.status().message().find("cannot open"), std::string::npos);
}

TEST(NerModelTest, ForeignFileIsRejectedByMagic) {
  auto recognizer = EntityRecognizer::Load(TempModelDir("foreign", "GIF89a not a model at all"), kData);
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("not a crosscheck NER model"), std::string::npos);
}

TEST(NerModelTest, FlippedByteIsReportedAsCorrupt) {
  std::string bytes = ShippedBytes();
  ASSERT_GT(bytes.size(), 1000u);
  bytes[bytes.size() / 2] ^= 0x40;
  auto recognizer = EntityRecognizer::Load(TempModelDir("corrupt", bytes), kData);
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("corrupt"), std::string::npos);
}

TEST(NerModelTest, TruncatedFileIsReportedAsCorrupt) {
  std::string bytes = ShippedBytes();
  auto recognizer = EntityRecognizer::Load(TempModelDir("truncated", bytes.substr(0, bytes.size() / 3)), kData);
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("corrupt"), std::string::npos);
}

TEST(NerModelTest, MissingGazetteerIsNamed) {
  auto recognizer = EntityRecognizer::Load(kModels, "/nonexistent/data");
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("places.tsv.gz"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::entities

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cluster/stories_writer.h"
#include "cluster/story_model.h"
#include "cluster/story_trainer.h"
#include "cluster_test_util.h"

namespace crosscheck::cluster {
namespace {

TEST(StoryModel, SavedModelLoadsWithTheSameProbabilities) {
  StoryModel model = testing::CosineModel();
  model.kinds[1].threshold = 0.7f;
  model.command = "test";
  const auto path = std::filesystem::temp_directory_path() / "story_model_test.bin";
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = StoryModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  Features f{};
  f[kBias] = 1;
  f[kTextCosine] = 0.4f;
  EXPECT_NEAR(loaded->Probability(DocumentKind::kArticle, f), model.Probability(DocumentKind::kArticle, f), 1e-6);
  EXPECT_FLOAT_EQ(loaded->Threshold(DocumentKind::kHeadline), 0.7f);
  EXPECT_EQ(loaded->command, "test");
}

TEST(StoryModel, DamagedWeightsFailTheSelfTest) {
  const auto path = std::filesystem::temp_directory_path() / "story_model_damaged.bin";
  ASSERT_TRUE(testing::CosineModel().Save(path).ok());
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find(" 10 "), 4, " 11 ");
  std::ofstream(path) << text;
  auto loaded = StoryModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("self-test"), std::string::npos);
}

TEST(StoryModel, NotAModelIsRejectedWithFileAndLine) {
  const auto path = std::filesystem::temp_directory_path() / "story_model_wrong.bin";
  std::ofstream(path) << "hello\n";
  auto loaded = StoryModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find(":1:"), std::string::npos);
}

TEST(StoryTrainer, LearnsThatHigherCosineMeansSameStory) {
  std::vector<TrainingExample> examples;
  for (int i = 0; i < 200; ++i) {
    TrainingExample e;
    e.features[kBias] = 1;
    e.features[kTextCosine] = (i % 20) / 20.0f;
    e.same_story = (i % 20) >= 8 ? (i % 7 != 0) : (i % 9 == 0);
    examples.push_back(e);
  }
  const KindWeights w = FitLogistic(examples, DocumentKind::kArticle);
  EXPECT_GT(w.weights[kTextCosine], 1.0f);
  EXPECT_LT(w.weights[kBias], 0.0f);
}

TEST(StoriesWriter, WritesNullForUnknownDateSourceAndCopy) {
  Story story{"00ff", "Title", "", "", {{"doc1", "Title", "", "", "", 0, 0, 0}}, {}};
  std::string json;
  StoriesWriter::AppendStoryJson(story, &json);
  EXPECT_NE(json.find("\"date\":null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"source\":null"), std::string::npos);
  EXPECT_NE(json.find("\"copy_of\":null"), std::string::npos);
  EXPECT_NE(json.find("\"first_date\":null"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::cluster

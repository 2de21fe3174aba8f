// cluster/story_model.h: the learned join-or-new decision.
// A document is compared with each candidate story through a few similarity
// features; a logistic regression turns them into P(same story). The session
// joins the most probable candidate when P >= the model's threshold, else it
// opens a new story. There are two weight vectors: one for documents with a
// body ("articles") and one for headline-only items ("headlines"), because
// the same cosine means different things for 10 words and for 600.
// File (models/story.bin): text lines after the magic line "CCSTORY1": the
// trainer, the training command, the feature names, per kind a threshold and
// weights, and self-test samples that Load checks. Immutable once loaded.
#pragma once
#include <array>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace crosscheck::cluster {

enum Feature {
  kBias, kTextCosine, kTitleCosine, kEntityCosine, kTitleTextCosine,
  kLogGapDays, kNoTime, kLogStorySize, kMargin, kBothEntities, kSameSource, kNearestMember, kFeatureCount
};
using Features = std::array<float, kFeatureCount>;
const char* FeatureName(int feature);

enum class DocumentKind { kArticle, kHeadline };
inline constexpr int kKinds = 2;

struct KindWeights {
  Features weights{};
  float threshold = 0.5f;  // join when P(same story) >= threshold
};

// One scored (document, candidate story) pair seen in training.
struct TrainingExample {
  DocumentKind kind = DocumentKind::kArticle;
  Features features{};
  bool same_story = false;
};

struct StoryModel {
  std::array<KindWeights, kKinds> kinds;
  std::string trainer = "crosscheck story_trainer (logistic regression)";
  std::string command;    // how it was trained
  // Share of documents containing each common word (data/stories/background-df.tsv):
  // a prior for IDF while a stream has few documents of its own.
  std::vector<std::pair<std::string, float>> background;
  Status LoadBackground(const std::filesystem::path& tsv);

  double Probability(DocumentKind kind, const Features& f) const;
  float Threshold(DocumentKind kind) const { return kinds[static_cast<int>(kind)].threshold; }

  static Result<StoryModel> Load(const std::filesystem::path& file);
  Status Save(const std::filesystem::path& file) const;
};

}  // namespace crosscheck::cluster

// cluster/story_trainer.h: learns the join-or-new weights of StoryModel.
// In: DocumentRecords in stream order with gold story labels. The session
// runs with teacher forcing (each document joins its gold story), and every
// candidate story it scores becomes an example: features -> same story or
// not. Out: logistic-regression weights per document kind, fitted by Newton's
// method with L2 regularisation (deterministic; a few ms for 10^6 examples
// of 10 features). Join thresholds are tuned by the caller (src/eval), which
// owns the clustering metrics. Not thread-safe; use one trainer per thread.
#pragma once
#include <memory>
#include <vector>

#include "cluster/story_clusterer.h"

namespace crosscheck::cluster {

class StorySessionImpl;

class StoryExampleCollector {
 public:
  // `model` supplies the background IDF prior; its weights are not used.
  StoryExampleCollector(const StoryModel& model, const StoryOptions& options);
  ~StoryExampleCollector();
  // Feeds one labelled record (in stream order).
  void Add(DocumentRecord record, int64_t gold);
  // Finishes the stream and returns the examples collected.
  std::vector<TrainingExample> Finish();

 private:
  std::unique_ptr<StorySessionImpl> session_;
  std::unique_ptr<std::vector<TrainingExample>> examples_;
};

// Fits P(same story | features) on the examples of `kind`; `l2` penalises
// every weight but the bias. Keeps `threshold` at 0.5 (tuned elsewhere).
KindWeights FitLogistic(const std::vector<TrainingExample>& examples, DocumentKind kind, double l2 = 1.0);

}  // namespace crosscheck::cluster

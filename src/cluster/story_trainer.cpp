#include "cluster/story_trainer.h"

#include <cmath>

#include "cluster/story_session.h"

namespace crosscheck::cluster {
namespace {

constexpr int kNewtonSteps = 25;
using Matrix = std::array<std::array<double, kFeatureCount>, kFeatureCount>;
using Vector = std::array<double, kFeatureCount>;

// Solves h x = g by Gaussian elimination with partial pivoting (h is small and positive definite).
Vector Solve(Matrix h, Vector g) {
  const int n = kFeatureCount;
  for (int c = 0; c < n; ++c) {
    int pivot = c;
    for (int r = c + 1; r < n; ++r) if (std::abs(h[r][c]) > std::abs(h[pivot][c])) pivot = r;
    std::swap(h[c], h[pivot]);
    std::swap(g[c], g[pivot]);
    if (std::abs(h[c][c]) < 1e-12) continue;
    for (int r = c + 1; r < n; ++r) {
      const double f = h[r][c] / h[c][c];
      for (int k = c; k < n; ++k) h[r][k] -= f * h[c][k];
      g[r] -= f * g[c];
    }
  }
  Vector x{};
  for (int r = n - 1; r >= 0; --r) {
    double s = g[r];
    for (int k = r + 1; k < n; ++k) s -= h[r][k] * x[k];
    x[r] = std::abs(h[r][r]) < 1e-12 ? 0 : s / h[r][r];
  }
  return x;
}

}  // namespace

StoryExampleCollector::StoryExampleCollector(const StoryModel& model, const StoryOptions& options)
    : session_(std::make_unique<StorySessionImpl>(std::make_shared<const StoryModel>(model), options)),
      examples_(std::make_unique<std::vector<TrainingExample>>()) {}

StoryExampleCollector::~StoryExampleCollector() = default;

void StoryExampleCollector::Add(DocumentRecord record, int64_t gold) {
  session_->AddLabelled(std::move(record), gold, examples_.get());
}

std::vector<TrainingExample> StoryExampleCollector::Finish() {
  session_->Finish(nullptr);
  return std::move(*examples_);
}

KindWeights FitLogistic(const std::vector<TrainingExample>& examples, DocumentKind kind, double l2) {
  Vector w{};
  for (int step = 0; step < kNewtonSteps; ++step) {
    Vector gradient{};
    Matrix hessian{};
    for (const TrainingExample& e : examples) {
      if (e.kind != kind) continue;
      double z = 0;
      for (int i = 0; i < kFeatureCount; ++i) z += w[i] * e.features[i];
      const double p = 1 / (1 + std::exp(-z));
      const double r = p - (e.same_story ? 1 : 0);
      const double s = p * (1 - p);
      for (int i = 0; i < kFeatureCount; ++i) {
        gradient[i] += r * e.features[i];
        for (int j = 0; j <= i; ++j) hessian[i][j] += s * e.features[i] * e.features[j];
      }
    }
    for (int i = 0; i < kFeatureCount; ++i) {
      for (int j = 0; j < i; ++j) hessian[j][i] = hessian[i][j];
      if (i != kBias) { gradient[i] += l2 * w[i]; hessian[i][i] += l2; }
      hessian[i][i] += 1e-9;
    }
    const Vector delta = Solve(hessian, gradient);
    double change = 0;
    for (int i = 0; i < kFeatureCount; ++i) { w[i] -= delta[i]; change += std::abs(delta[i]); }
    if (change < 1e-7) break;
  }
  KindWeights out;
  for (int i = 0; i < kFeatureCount; ++i) out.weights[i] = static_cast<float>(w[i]);
  return out;
}

}  // namespace crosscheck::cluster

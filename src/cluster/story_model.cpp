#include "cluster/story_model.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace crosscheck::cluster {
namespace {

constexpr const char* kMagic = "CCSTORY1";
constexpr const char* kKindNames[kKinds] = {"articles", "headlines"};
constexpr const char* kFeatureNames[kFeatureCount] = {
    "bias", "text_cosine", "title_cosine", "entity_cosine", "title_text_cosine",
    "log_gap_days", "no_time", "log_story_size", "margin", "both_entities", "same_source", "nearest_member"};

// Fixed inputs whose probabilities are written at save time and checked at load.
std::vector<Features> SelfTestInputs() {
  std::vector<Features> inputs;
  for (float cosine : {0.1f, 0.4f, 0.8f}) {
    Features f{};
    f[kBias] = 1; f[kTextCosine] = cosine; f[kTitleCosine] = cosine / 2; f[kEntityCosine] = cosine;
    f[kTitleTextCosine] = cosine; f[kLogGapDays] = 0.5f; f[kLogStorySize] = 1; f[kMargin] = cosine / 3;
    f[kBothEntities] = 1;
    inputs.push_back(f);
  }
  return inputs;
}

Status Bad(const std::filesystem::path& file, int line, const std::string& what) {
  return Status::Error(file.string() + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

const char* FeatureName(int feature) { return kFeatureNames[feature]; }

double StoryModel::Probability(DocumentKind kind, const Features& f) const {
  const Features& w = kinds[static_cast<int>(kind)].weights;
  double z = 0;
  for (int i = 0; i < kFeatureCount; ++i) z += static_cast<double>(w[i]) * f[i];
  return 1.0 / (1.0 + std::exp(-z));
}

Status StoryModel::LoadBackground(const std::filesystem::path& tsv) {
  std::ifstream in(tsv);
  if (!in) return Status::Error("cannot open " + tsv.string());
  std::string line;
  background.clear();
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    char* end = nullptr;
    const float share = tab == std::string::npos ? -1 : std::strtof(line.c_str() + tab + 1, &end);
    if (share < 0 || share > 1 || tab == 0) return Bad(tsv, number, "expected WORD<TAB>SHARE with 0 <= SHARE <= 1");
    background.emplace_back(line.substr(0, tab), share);
  }
  return Status::Ok();
}

Status StoryModel::Save(const std::filesystem::path& file) const {
  std::ostringstream out;
  out.precision(9);
  out << kMagic << "\nversion 1\ntrainer " << trainer << "\ncommand " << command << "\nfeatures";
  for (const char* name : kFeatureNames) out << ' ' << name;
  out << '\n';
  for (int k = 0; k < kKinds; ++k) {
    out << "kind " << kKindNames[k] << " threshold " << kinds[k].threshold << " weights";
    for (float w : kinds[k].weights) out << ' ' << w;
    out << '\n';
  }
  for (const auto& [word, share] : background) out << "background " << word << ' ' << share << '\n';
  for (int k = 0; k < kKinds; ++k) {
    for (const Features& f : SelfTestInputs()) out << "selftest " << kKindNames[k] << ' ' << Probability(DocumentKind(k), f) << '\n';
  }
  std::ofstream stream(file, std::ios::binary);
  stream << out.str();
  if (!stream) return Status::Error("cannot write " + file.string());
  return Status::Ok();
}

Result<StoryModel> StoryModel::Load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Error("cannot open " + file.string());
  StoryModel model;
  std::string line;
  int number = 0, loaded = 0;
  std::vector<std::pair<int, double>> selftests;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line != kMagic) return Bad(file, 1, "expected the magic line CCSTORY1 (not a story model)");
      continue;
    }
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "trainer" || key == "command") {
      std::string rest;
      std::getline(fields, rest);
      (key == "trainer" ? model.trainer : model.command) = rest.empty() ? rest : rest.substr(1);
    } else if (key == "features") {
      for (const char* name : kFeatureNames) {
        std::string got;
        if (!(fields >> got) || got != name) return Bad(file, number, std::string("expected feature ") + name);
      }
    } else if (key == "kind") {
      std::string name, word;
      KindWeights w;
      fields >> name >> word >> w.threshold >> word;
      for (float& x : w.weights) fields >> x;
      const int k = name == kKindNames[0] ? 0 : name == kKindNames[1] ? 1 : -1;
      if (k < 0 || !fields) return Bad(file, number, "expected 'kind articles|headlines threshold T weights W...'");
      model.kinds[k] = w;
      ++loaded;
    } else if (key == "background") {
      std::string word;
      float share = 0;
      if (!(fields >> word >> share) || share < 0 || share > 1) return Bad(file, number, "expected 'background WORD SHARE'");
      model.background.emplace_back(word, share);
    } else if (key == "selftest") {
      std::string name;
      double p = 0;
      fields >> name >> p;
      selftests.emplace_back(name == kKindNames[0] ? 0 : 1, p);
    }
  }
  if (loaded != kKinds) return Bad(file, number, "expected weights for both kinds");
  const auto inputs = SelfTestInputs();
  for (size_t i = 0; i < selftests.size(); ++i) {
    const double p = model.Probability(DocumentKind(selftests[i].first), inputs[i % inputs.size()]);
    if (std::abs(p - selftests[i].second) > 1e-4) return Bad(file, number, "self-test failed: model damaged");
  }
  return model;
}

}  // namespace crosscheck::cluster

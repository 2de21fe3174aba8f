// store/brief_maker.h: one story's brief as the store keeps it.
// In: a cluster::Story and its members' AnalyzedDocuments. Out: the brief as
// JSON (report::BriefToJson), as an HTML fragment (report::BriefToHtmlSection)
// and its claim counts by status. Wraps reconcile::Reconciler, which it loads
// from data/. Immutable once loaded; Make() is safe from several threads.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/document.h"
#include "core/status.h"

namespace crosscheck::reconcile { class Reconciler; }

namespace crosscheck::store {

struct MadeBrief {
  std::string json;   // one element of `brief --format json`'s "stories"
  std::string html;   // a <section> fragment
  uint32_t claims = 0, corroborated = 0, disputed = 0, denied = 0;
};

class BriefMaker {
 public:
  // Reads the reconciler's lexicons under `data_dir` (data/).
  static Result<BriefMaker> Load(const std::filesystem::path& data_dir);
  MadeBrief Make(const cluster::Story& story, const std::vector<const AnalyzedDocument*>& documents) const;

 private:
  std::shared_ptr<const reconcile::Reconciler> reconciler_;
};

}  // namespace crosscheck::store

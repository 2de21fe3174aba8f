#include "store/brief_maker.h"

#include "reconcile/reconciler.h"
#include "report/brief_writer.h"

namespace crosscheck::store {

Result<BriefMaker> BriefMaker::Load(const std::filesystem::path& data_dir) {
  auto reconciler = reconcile::Reconciler::Load(data_dir);
  if (!reconciler.ok()) return reconciler.status();
  BriefMaker maker;
  maker.reconciler_ = std::make_shared<const reconcile::Reconciler>(std::move(reconciler).value());
  return maker;
}

MadeBrief BriefMaker::Make(const cluster::Story& story, const std::vector<const AnalyzedDocument*>& documents) const {
  const reconcile::StoryBrief brief = reconciler_->Reconcile(story, documents);
  MadeBrief made;
  made.json = report::BriefToJson(brief);
  made.html = report::BriefToHtmlSection(brief);
  for (const reconcile::BriefClaim& claim : brief.claims) {
    ++made.claims;
    if (claim.status == "corroborated") ++made.corroborated;
    if (claim.status == "disputed") ++made.disputed;
    if (claim.status == "denied") ++made.denied;
  }
  return made;
}

}  // namespace crosscheck::store

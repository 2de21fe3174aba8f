// reconcile/entity_merger.h (private): one story's entities across documents.
// Each document's entities (already merged within the document) are joined
// by name: same normalized canonical name; a one-word PERSON name equal to
// the surname of exactly one fuller PERSON name; an acronym equal to the
// initials of exactly one multi-word ORG. Role descriptions the quotes stage
// tied to a named speaker ("the minister's spokesperson") become aliases.
#pragma once
#include <string>
#include <vector>

#include "core/document.h"
#include "reconcile/brief.h"

namespace crosscheck::reconcile {

struct MergedEntities {
  std::vector<BriefEntity> entities;
  std::vector<std::vector<int>> canonical;  // [document][entity] -> index into entities
  std::vector<std::vector<std::string>> roles;  // per entity: role descriptions (lowercased)

  // Canonical name of a document's entity, "" if out of range.
  std::string Name(size_t document, int32_t entity) const;
  int Index(size_t document, int32_t entity) const;
};

MergedEntities MergeEntities(const std::vector<const AnalyzedDocument*>& docs);

}  // namespace crosscheck::reconcile

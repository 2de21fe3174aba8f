// reconcile/claim_aligner.h (private): groups a story's claims into facts.
// Versions of one fact share the event class, have compatible participants
// (same head noun, or nouns of one participant class: "men" / "people"), no
// conflicting place or date, and similar wording; a version joins a group
// only if it is compatible with every member (complete linkage), because a
// false merge would invent corroboration or a dispute. Denials, objections
// and negations are attached to the fact they answer as challenges; denials
// and unattached objections are also facts of their own. Status, estimate
// and sources follow docs/reconciliation.md.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/document.h"
#include "reconcile/brief.h"
#include "reconcile/entity_merger.h"
#include "reconcile/reconciler.h"

namespace crosscheck::reconcile {

struct StoryContext {
  const std::vector<const AnalyzedDocument*>& docs;
  const MergedEntities& entities;
  const std::map<std::string, std::string>& participant_class;  // lemma -> class
  std::vector<std::string> outlet;          // per document: source, site or id
  std::vector<std::string> independent_outlet;  // per document: the outlet of the original for copies
  const ReconcileOptions& options;
};

struct AlignedClaims {
  std::vector<BriefClaim> claims;
  std::vector<Relay> relays;
  uint32_t independent_sources = 0;  // distinct primary sources over all credible versions
  // Per (document, sentence): independent sources behind the facts it states (for the summary).
  std::map<std::pair<size_t, uint32_t>, double> sentence_support;
};

AlignedClaims AlignClaims(const StoryContext& context);

}  // namespace crosscheck::reconcile

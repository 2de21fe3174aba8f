// reconcile/quote_aligner.h (private): the same statement quoted by several
// documents becomes one BriefQuote with its versions. Two quotes are one
// statement when their speakers are the same canonical entity, or one is a
// description whose role noun fits the other's role ("a spokesperson" /
// "X, the minister's spokesman"), and their content words overlap; quotes
// sharing most of their words align whatever their speakers, unless both
// name different people. Parts of one statement interrupted by their
// attribution are joined first. Match: verbatim (same words, or one a run of
// the other), variant (word LCS ≥ threshold), paraphrase (otherwise).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "reconcile/brief.h"
#include "reconcile/entity_merger.h"
#include "reconcile/reconciler.h"

namespace crosscheck::reconcile {

std::vector<BriefQuote> AlignQuotes(const std::vector<const AnalyzedDocument*>& docs,
                                    const MergedEntities& entities,
                                    const std::map<std::string, std::string>& participant_class,
                                    const std::vector<std::string>& outlets,
                                    const ReconcileOptions& options);

}  // namespace crosscheck::reconcile

// reconcile/timeline.h (private): a story's dated events and statements in
// order. Each resolved date mention of an original (non-copy) document gives
// an entry for its sentence; entries with the same date and similar words in
// several documents are one entry citing them all; the documents' own
// publication dates are entries of kind "publication".
#pragma once
#include <string>
#include <vector>

#include "core/document.h"
#include "reconcile/brief.h"

namespace crosscheck::reconcile {

std::vector<TimelineEntry> BuildTimeline(const std::vector<const AnalyzedDocument*>& docs,
                                         const std::vector<bool>& is_copy, size_t max_entries);

}  // namespace crosscheck::reconcile

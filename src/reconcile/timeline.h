// reconcile/timeline.h (private): a story's dated events and statements in
// order. Each resolved date mention of an original (non-copy) document gives
// an entry for its sentence; entries with the same date and similar words in
// several documents are one entry citing them all; the documents' own
// publication dates are entries of kind "publication".
#pragma once
#include <string>
#include <vector>

#include "core/document.h"
#include "facts/date_resolver.h"
#include "reconcile/brief.h"

namespace crosscheck::reconcile {

// An undated document's month names ("in February") are read against the
// story's latest date (`story_date`, ISO, may be empty) with `dates`, since a
// story's documents appeared within days of each other; its relative dates
// ("last week") stay unresolved: they would need the day it appeared.
std::vector<TimelineEntry> BuildTimeline(const std::vector<const AnalyzedDocument*>& docs,
                                         const std::vector<bool>& is_copy, size_t max_entries,
                                         const facts::DateResolver* dates, const std::string& story_date);

}  // namespace crosscheck::reconcile

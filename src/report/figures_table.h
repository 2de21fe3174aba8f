// report/figures_table.h: how a claim version's figure reads, shared by the
// Markdown figures table (FiguresTable in pictures.h) and the figures picture.
// Private to src/report/.
#pragma once
#include <string>

#include "reconcile/brief.h"

namespace crosscheck::report::figures {

// True if the version states a figure (a low or a high end).
bool HasValue(const reconcile::ClaimVersion& v);
// The bound, filled in from which ends are known when it is empty or unknown:
// exact|at_least|more_than|at_most|less_than|approx|range|vague.
std::string BoundOf(const reconcile::ValueInterval& value);
// The middle of the interval, or its one known end.
double Point(const reconcile::ValueInterval& value);
// "at least 26", "3–5", "about 30", "1,200".
std::string ValueText(const reconcile::ValueInterval& value);
// "estimate 3 (3–26)", "estimate 3–26".
std::string EstimateText(const reconcile::Estimate& e);
// The outlet, or the document id when the outlet is unknown.
std::string OutletOf(const reconcile::ClaimVersion& v);

}  // namespace crosscheck::report::figures

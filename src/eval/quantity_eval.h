// eval/quantity_eval.h: quantity extraction accuracy on NewsQuant (CQE's test set).
// In: NewsQuant.json, a list of {"text", "quantities": [{"value", "change", "unit",
// "normalized_unit", ...}]}. Each sentence is annotated (text stage, plus syntax if the
// caller has it) and run through the facts stage. Out: micro P/R/F1 over all quantities
// with CQE's rules (evaluate_models.py): a value matches if np.isclose(rtol=1e-5) holds,
// for ranges at both ends (compared as an unordered pair: we store [low, high]);
// value+unit also needs equal lower-cased normalized units (our unit's spelled-out name,
// "dollar per month", or the counted noun phrase with its head lemmatized);
// value+change also needs the same change label (= ~ > < up down). Predictions are
// matched one-to-one to gold quantities of the same sentence, greedily in text order.
// `half` scores only even (0) or odd (1) sentence indices: tune on one, report both.
// Cost: ~1 s for the 590 sentences. The gold data is for internal evaluation only.
#pragma once
#include <cstdint>
#include <filesystem>
#include <ostream>

#include "core/status.h"
#include "eval/segment_eval.h"  // PRF
#include "facts/facts_analyzer.h"

namespace crosscheck::eval {

struct QuantityEvalOptions {
  int half = -1;                    // -1: all sentences; 0: even indices; 1: odd indices
  std::ostream* errors = nullptr;   // if set, each sentence with a miss or a spurious quantity
};

struct QuantityScores {
  PRF value;          // value (both ends of ranges)
  PRF value_unit;     // value and normalized unit
  PRF value_change;   // value and change label
  uint64_t sentences = 0;
};

Result<QuantityScores> EvaluateQuantities(const facts::FactsAnalyzer& facts, const facts::Annotator& annotate,
                                          const std::filesystem::path& gold, const QuantityEvalOptions& options);

// The CQE change label of one of our quantities: ">" (more_than, at_least), "<" (at_most,
// less_than), "up"/"down" (a stated change), "~" (approx), else "=".
const char* ChangeLabel(const Quantity& quantity);

}  // namespace crosscheck::eval

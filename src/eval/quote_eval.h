// eval/quote_eval.h: quotation and speaker accuracy on PolNeAR.
// In: the PolNeAR folder (attributions.{train,dev,test}.jsonl.gz; lines with
// "primary": true only; offsets are Unicode code points, converted to bytes).
// Out: GenderGapTracker's scores (nlp/english/evaluation/src/evaluate_quotes.py):
// per document, each gold quote in order takes the unused prediction with the
// highest |gold ∩ predicted| / |gold| bytes, if that share is > 0.3; P/R/F1 are
// micro-averaged; a matched quote's speaker is correct when the predicted speaker
// span shares a byte with the gold source (or both are absent).
// Gold direct quotes are quote_type "direct" (content spans united, not their
// extent); predictions matching gold "mixed" are set aside (see QuoteScores).
// A prediction is one direct Quote plus the quotes that continue it
// (Quote::continues: "…," he said, "…" is one statement). `with_mixed` adds gold
// "mixed" and predicted partial quotes; `indirect` scores predicted indirect
// speech against gold "indirect" (and `indirect_with_mixed` against both).
// Cost: one analysis per article (84 test articles: about a second).
// INTERNAL EVALUATION ONLY: PolNeAR has no data licence; never copy it into the repo.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "eval/segment_eval.h"

namespace crosscheck::eval {

struct AttributionScores {
  PRF quotes;                     // content matching
  double speaker_accuracy = 0;    // percent of matched quotes with the right speaker
  uint64_t speaker_correct = 0;
};

struct QuoteScores {
  // The contract's quote_f1 / speaker_accuracy: gold "direct"; a prediction
  // that matches a gold "mixed" attribution instead (a quote inside a
  // paraphrase) is set aside, neither true nor false positive.
  AttributionScores direct;
  AttributionScores direct_strict;        // the same, every unmatched prediction a false positive
  AttributionScores with_mixed;           // gold direct+mixed vs predicted direct+partial
  AttributionScores indirect;             // gold indirect vs predicted indirect
  AttributionScores indirect_with_mixed;  // gold indirect+mixed vs predicted indirect
  uint64_t documents = 0;
};

// Runs the whole analysis (text layer, and whatever stages are loaded, then
// quotes::QuoteFinder) on one document; must fill AnalyzedDocument::quotes.
using QuoteAnalyzer = std::function<AnalyzedDocument(Document)>;

// Scores `analyze` on `split` ("train", "dev" or "test") of the PolNeAR folder `gold`.
Result<QuoteScores> EvaluateQuotes(const QuoteAnalyzer& analyze, const std::filesystem::path& gold,
                                   const std::string& split = "test");

// One attribution, gold or predicted, as byte ranges of its document.
struct ScoredQuote {
  std::vector<Span> content;
  std::vector<Span> speaker;  // empty: no speaker
};

// Adds one document's matches to `scores` (counts only; see Finish). Predictions
// left unmatched that match one of `set_aside` by the same rule are not counted.
void ScoreDocument(const std::vector<ScoredQuote>& gold, const std::vector<ScoredQuote>& predicted,
                   AttributionScores* scores, const std::vector<ScoredQuote>& set_aside = {});
// Turns the counts of `scores` into percentages.
void Finish(AttributionScores* scores);

}  // namespace crosscheck::eval

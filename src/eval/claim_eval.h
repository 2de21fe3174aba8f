// eval/claim_eval.h: claim accuracy on the project's own gold set (data/gold/claims/).
// In: the gold JSONL (one article per line: {"article", "split", "claims": [{"trigger":
// [begin, end) in characters of the article's text, "event", "count": {value, low, high,
// bound} | null, "modality", "attribution": [names]}]}; docs/claims-guideline.md, section 6)
// and the NeuS folder whose {train,val,test}.articles.jsonl.gz hold the texts by id.
// Out: per split (dev, test, all) P/R/F1 of the trigger, event, event+count,
// event+modality, event+attribution and of all four fields together, and the modality and
// attribution accuracy over event matches.
// Matching: a predicted claim matches a gold claim when their trigger bytes overlap; each
// side matches once, gold claims in order taking the overlapping prediction that agrees
// on most fields. Counts agree when bound and value agree (a predicted vague quantity is
// bound "vague"; a range also compares low and high). Attribution chains agree when they
// have the same length and each pair of names agrees (case and punctuation aside, one
// contains the other or both end in the same word).
// Cost: one analysis per article (30 articles: well under a second after model loading).
// The article texts are read from ../shared at run time and never stored in the repo.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "eval/segment_eval.h"

namespace crosscheck::eval {

struct ClaimCount {
  double value = 0, low = 0, high = 0;  // high = +inf when open
  std::string bound;                    // exact|at_least|more_than|at_most|less_than|approx|range|vague
};

// One claim, gold or predicted, with its trigger as bytes of the article text.
struct ScoredClaim {
  Span trigger;
  std::string event;
  std::optional<ClaimCount> count;
  std::string modality;
  std::vector<std::string> attribution;  // source names, outermost first
};

struct ClaimScores {
  PRF trigger, event, event_count, event_modality, event_attribution, all;
  double modality_accuracy = 0, attribution_accuracy = 0, count_accuracy = 0;  // over event matches
  uint64_t articles = 0;
};

struct ClaimEvalResult {
  ClaimScores dev, test, all;
};

// Runs the whole analysis on one document; must fill AnalyzedDocument::claims.
using ClaimAnalyzer = std::function<AnalyzedDocument(Document)>;

// Scores `analyze` on the gold file `gold`, reading texts from `articles` (the NeuS folder).
// Errors (unreadable file, bad JSON, an unknown article, offsets outside the text) name the
// file and line.
Result<ClaimEvalResult> EvaluateClaims(const ClaimAnalyzer& analyze, const std::filesystem::path& gold,
                                       const std::filesystem::path& articles);

// The parts, for tests: matches one article's claims and adds the counts to `scores`;
// Finish turns counts into percentages.
void ScoreArticle(const std::vector<ScoredClaim>& gold, const std::vector<ScoredClaim>& predicted,
                  ClaimScores* scores);
void Finish(ClaimScores* scores);
bool CountsAgree(const std::optional<ClaimCount>& gold, const std::optional<ClaimCount>& predicted);
bool SourcesAgree(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
// A predicted claim of an analysed document in the scorer's terms.
ScoredClaim Scored(const AnalyzedDocument& doc, const Claim& claim);

}  // namespace crosscheck::eval

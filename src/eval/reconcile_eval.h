// eval/reconcile_eval.h: `crosscheck eval reconcile` on the project's story gold set.
// In: data/gold/reconcile/reconcile.jsonl (one NeuS story per line: its three
// article ids, facts whose versions are [begin, end) code points of an
// article's `text` with a status, quote groups with a match class; see
// docs/reconcile-guideline.md and the README there) and the NeuS folder with
// {split}.articles.jsonl.gz, where the texts are read by article id.
// Per story, the three articles are analysed, made one cluster::Story
// directly (no clustering, no copies) and reconciled. Scores:
// - a predicted claim version (document, sentence) maps to one gold version
//   of that article whose span overlaps the sentence: among several, the one
//   of the same event class, then with the same figure, then of the same
//   credibility (asserted/hedged or not), then containing the version's
//   quantity, then the shortest. A claim's members are its versions and its
//   `questioned` challenges (the gold puts objections inside the fact they
//   question; denials are facts of their own). Quote versions map the same
//   way through the quoted words found in the sentence (else the sentence).
// - alignment: pairwise P/R/F1 over pairs of distinct gold versions — gold
//   pairs are the pairs within one fact (across articles and within one);
//   predicted pairs are the pairs of gold versions mapped from one claim.
//   Unmapped predictions are not counted. quote_alignment: the same for quotes.
// - fact_recall: gold facts with at least one mapped predicted version.
// - status_accuracy: per gold fact, the predicted claim holding most of its
//   versions; right when the statuses are equal (no such claim: wrong).
// - quote_match_accuracy: per gold quote group of two or more versions, the
//   predicted group holding most (at least two) of them has the same class.
// Cost: one analysis per article (45 articles: about a second) and one
// reconciliation per story. INTERNAL EVALUATION ONLY: NeuS texts stay in
// ../shared; the gold holds ids, offsets and labels only.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "eval/segment_eval.h"
#include "reconcile/brief.h"
#include "reconcile/reconciler.h"

namespace crosscheck::eval {

struct ReconcileGoldVersion {
  std::string article;            // NeuS article id
  uint32_t begin = 0, end = 0;    // code points of the article's text
  std::string modality;           // facts: asserted|hedged|denied|questioned|negated
  std::optional<double> low;      // facts: the figure the version states, if any
};

struct ReconcileGoldGroup {       // a fact or a quote group
  std::string id;                 // "f1", "q1"
  std::string event;              // facts: KILL, ..., STATE
  std::string label;              // facts: status; quotes: match class ("" for one version)
  std::vector<ReconcileGoldVersion> versions;
};

struct ReconcileGoldStory {
  std::string cluster, split;     // split: dev | test
  std::vector<std::string> articles;
  std::vector<ReconcileGoldGroup> facts, quotes;
};

// Reads the gold file; errors name the file and line.
Result<std::vector<ReconcileGoldStory>> ReadReconcileGold(const std::filesystem::path& path);

struct ReconcileScores {
  PRF alignment;                  // fact version pairs
  PRF quote_alignment;            // quote version pairs
  uint64_t stories = 0, facts = 0, facts_found = 0, status_correct = 0;
  uint64_t quote_groups = 0, quote_match_correct = 0;  // groups of two or more versions
  uint64_t claims = 0, claim_versions = 0, mapped_versions = 0;  // predicted
  double fact_recall = 0, status_accuracy = 0, quote_match_accuracy = 0;  // percent
  // (gold status, predicted status or "none") -> facts
  std::map<std::pair<std::string, std::string>, uint64_t> status_confusion;
};

// Adds one story: `brief` reconciled from `documents` (the story's articles,
// whose texts the gold offsets refer to). Counts only; see Finish.
void ScoreReconcileStory(const ReconcileGoldStory& gold, const reconcile::StoryBrief& brief,
                         const std::vector<const AnalyzedDocument*>& documents, ReconcileScores* scores);
// Turns the counts of `scores` into percentages.
void Finish(ReconcileScores* scores);

struct ReconcileEvalReport {
  ReconcileScores all, dev, test;
  double analysis_seconds = 0;
};

// Runs the whole analysis (every stage, claims included) on one document.
using ReconcileAnalyzer = std::function<AnalyzedDocument(Document)>;

// Scores `reconciler` on the gold file, reading articles from the NeuS folder `articles`.
Result<ReconcileEvalReport> EvaluateReconcile(const ReconcileAnalyzer& analyze, const reconcile::Reconciler& reconciler,
                                              const std::filesystem::path& gold, const std::filesystem::path& articles);

}  // namespace crosscheck::eval

// reconcile/reconciler.h: turns one story's analysed documents into its brief.
// In: the story (members, syndicated copies) from cluster and the members'
// AnalyzedDocuments (with claims and quotes). Out: a StoryBrief — canonical
// entities, aligned claims with versions, estimate, primary and independent
// sources and status, aligned quotes with word differences, a timeline, a
// short extractive summary and the relay graph. Rules: docs/reconciliation.md.
// Cost: O(claims^2 + quotes^2) per story plus the summary; a loaded
// Reconciler is immutable and may be shared by threads.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/document.h"
#include "core/status.h"
#include "facts/date_resolver.h"
#include "reconcile/brief.h"
#include "reconcile/summarizer.h"

namespace crosscheck::reconcile {

struct ReconcileOptions {
  // Exact figures agree within their written precision (half a unit of the
  // last non-zero digit) or this relative tolerance, whichever is wider.
  double point_tolerance = 0;
  double claim_match_threshold = 0.5;
  double quote_variant_threshold = 0.6;  // word overlap above: variant; below (same speaker, topic): paraphrase
  size_t summary_sentences = 0;         // 0: no cap on sentences, only on words
  size_t summary_words = 60;            // the length NeuS was tuned at (docs/summary.md)
  size_t timeline_entries = 24;
};

class Reconciler {
 public:
  // Lexicons (data/lexicons) for event participants and loaded wording.
  static Result<Reconciler> Load(const std::filesystem::path& data_dir,
                                 ReconcileOptions options = {});
  StoryBrief Reconcile(const cluster::Story& story,
                       const std::vector<const AnalyzedDocument*>& documents) const;

 private:
  ReconcileOptions options_;
  // data/lexicons/participant_classes.tsv: noun lemma -> participant class.
  std::shared_ptr<const std::map<std::string, std::string>> participant_class_;
  std::shared_ptr<const Summarizer> summarizer_;
  std::shared_ptr<const facts::DateResolver> dates_;  // month names of undated documents
};

}  // namespace crosscheck::reconcile

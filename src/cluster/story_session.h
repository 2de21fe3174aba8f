// cluster/story_session.h: the StorySession implementation (private to cluster/).
// Split in two files: story_session.cpp (batching, windows, closing, output)
// and story_scoring.cpp (vectors, candidate retrieval, features, decision).
// The trainer drives the same code with gold labels ("teacher forcing"): each
// document joins its gold story, and every scored candidate becomes a training
// example, so the features seen in training are those seen at run time.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/near_duplicates.h"
#include "cluster/story_clusterer.h"
#include "cluster/term_stats.h"

namespace crosscheck::cluster {

// A document's weighted terms: `unit` is the L2-normalised sublinear tf (what
// a story centroid sums), `query` the L2-normalised tf-idf.
struct WeightedTerm {
  uint64_t term = 0;
  float unit = 0, query = 0;
  float idf = 0;
};
struct DocumentVectors {
  std::vector<WeightedTerm> text, title, entities;
};

struct StoryState {
  std::string id;
  uint32_t generation = 0;   // bumped when the slot is reused: stale postings are skipped
  uint32_t version = 0;      // bumped on every join: stale window entries are skipped
  bool open = false;
  int64_t gold = -1;         // training only
  int64_t first_time = kUnknownTime, last_time = kUnknownTime;  // member dates
  std::unordered_map<uint64_t, float> text, title, entities;    // summed unit vectors
  // Norms of the centroids under the current IDF, recomputed when stale.
  float text_norm = 0, title_norm = 0, entity_norm = 0;
  uint64_t norms_epoch = UINT64_MAX;
  std::vector<StoryDocument> members;
  std::vector<std::vector<TermCount>> member_titles;   // to pick the story title
  std::vector<ParagraphOverlap> overlaps;
};

class StorySessionImpl : public StorySession {
 public:
  StorySessionImpl(std::shared_ptr<const StoryModel> model, const StoryOptions& options);

  std::vector<Assignment> Add(const AnalyzedDocument& doc) override;
  std::vector<Assignment> Add(DocumentRecord record) override { return AddLabelled(std::move(record), -1, nullptr); }
  std::vector<Story> TakeClosed() override;
  std::vector<Story> Finish(std::vector<Assignment>* last) override;
  size_t active_stories() const override { return open_count_; }
  size_t MemoryBytes() const override;

  // Training: `gold` >= 0 forces the document into the open story of that
  // label (or a new one) and appends one example per scored candidate.
  std::vector<Assignment> AddLabelled(DocumentRecord record, int64_t gold, std::vector<TrainingExample>* examples);

 private:
  struct Pending {
    DocumentRecord record;
    uint64_t ordinal = 0;
    int64_t gold = -1;
    DuplicateResult duplicates;
  };
  struct Posting { uint32_t slot, generation, member; float weight; };
  struct Candidate {
    uint32_t slot = 0;
    float nearest = 0;    // cosine (over top terms) with the most similar member
    Features features{};
    double probability = 0;
  };

  // story_session.cpp
  void Flush(std::vector<Assignment>* out);
  void Expire();
  void CloseStory(uint32_t slot);
  void Touch(uint32_t slot);
  Story MakeStory(StoryState& s) const;
  uint32_t NewSlot();
  // story_scoring.cpp
  Assignment Assign(Pending& p);
  DocumentVectors Vectorize(const DocumentRecord& r) const;
  std::vector<Candidate> FindCandidates(const DocumentVectors& v, const Pending& p);
  void ScoreCandidates(const DocumentVectors& v, const Pending& p, DocumentKind kind, std::vector<Candidate>* c);
  void RefreshNorms(StoryState& s);
  void Join(uint32_t slot, Pending& p, const DocumentVectors& v);
  void IndexTerms(uint32_t slot, uint32_t member, const DocumentVectors& v);
  bool Live(const Posting& p) const { return stories_[p.slot].open && stories_[p.slot].generation == p.generation; }
  int PartnerStory(const Pending& p) const;
  float IndexIdfFloor() const;

  std::shared_ptr<const StoryModel> model_;
  StoryOptions options_;
  int64_t window_ = 0;
  DecayedTermStats stats_;
  uint64_t stats_epoch_ = 0;      // bumped every kEpochDocuments documents: norms go stale
  uint64_t stats_added_ = 0;
  NearDuplicateIndex duplicates_;
  std::vector<Pending> batch_;
  int64_t batch_time_ = kUnknownTime;
  int64_t clock_ = kUnknownTime;  // latest date seen
  uint64_t next_ordinal_ = 0;
  std::vector<StoryState> stories_;
  std::vector<uint32_t> free_slots_;
  size_t open_count_ = 0;
  struct Update { int64_t time; uint32_t slot, version; };
  std::deque<Update> dated_updates_, undated_updates_;  // in time order
  // Member documents of open stories by their top terms. Entries of closed
  // stories are dropped lazily (generation check) when a list is scanned,
  // and by a sweep of all lists every kSweepEvery documents.
  std::unordered_map<uint64_t, std::vector<Posting>> postings_;
  uint64_t postings_added_ = 0;
  void SweepPostings();
  std::unordered_map<uint64_t, uint64_t> member_story_;  // open documents: ordinal -> slot << 32 | generation
  std::unordered_map<int64_t, uint32_t> gold_story_;     // training: label -> open slot
  std::vector<Story> closed_;
  std::vector<TrainingExample>* examples_ = nullptr;
  std::unordered_map<uint64_t, float> member_dot_;  // FindCandidates scratch
  std::unordered_map<uint32_t, float> nearest_;     // training: where examples go
};

}  // namespace crosscheck::cluster

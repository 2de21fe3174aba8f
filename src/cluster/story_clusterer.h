// cluster/story_clusterer.h: groups a stream of documents into stories.
// In: AnalyzedDocuments (or their compact DocumentRecords) in date order; a
// document with no date takes the time of the latest dated one. Out: for each
// document, its story and, if it is a near-verbatim copy, the earliest
// document it copies; when a story closes, the Story with its documents and
// the paragraphs they lift from each other.
// How (docs/stories.md): near-duplicates through MinHash LSH; candidate
// stories through an inverted index over each story's top terms; a learned
// logistic model (models/story.bin) over text/title/entity cosines (TF-IDF
// with decayed online document frequencies), time gap and story size decides
// join-or-new. Documents sharing a date are decided in a fixed order (hash of
// id), so their input order does not change the stories. A story closes once
// `window_days` pass without a new document; memory is bounded by the open
// stories and the duplicate window, never by the corpus.
// Story ids are the hash of the first document's id: rerunning, or appending
// later input, keeps them. Cost: O(terms + candidates x terms) per document.
// A loaded StoryClusterer is immutable and may be shared; a StorySession is
// used by one thread at a time.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cluster/document_record.h"
#include "cluster/story_model.h"
#include "core/document.h"
#include "core/status.h"

namespace crosscheck::cluster {

struct StoryOptions {
  double window_days = 3;             // a story closes after this long with no new document
  double duplicate_window_days = 14;  // copies are looked for this far back
  double df_half_life_days = 7;       // document frequencies halve this often
  size_t max_active_stories = 50000;  // beyond: the least recently updated story closes
  size_t max_batch = 16384;           // documents of one date decided together, at most
  int max_candidates = 24;            // stories scored per document
  double threshold_shift = 0;         // added to the model's join thresholds
  bool baseline = false;              // single-pass TF-IDF cosine >= baseline_threshold, no decay
  double baseline_threshold = 0.3;
};

struct StoryDocument {
  std::string id, title, date, source;  // as in the input ("" if absent)
  std::string copy_of;         // earliest document this one copies, "" if none
  double similarity = 0;       // estimated Jaccard with copy_of
  double containment = 0;      // estimated share of this document found in copy_of
  uint64_t ordinal = 0;        // position in the input stream
};

// A paragraph of `document` lifted from `source_document`.
struct ParagraphOverlap {
  std::string document;
  uint32_t paragraph = 0;      // index into that document's paragraphs
  std::string source_document;
  uint32_t source_paragraph = 0;
  double similarity = 0;       // estimated Jaccard of the two paragraphs
};

struct Story {
  std::string id;              // 16 hex digits, stable
  std::string title;           // the member headline closest to the story's headline centroid
  std::string first_date, last_date;  // "YYYY-MM-DD", "" if no member is dated
  std::vector<StoryDocument> documents;   // in input order
  std::vector<ParagraphOverlap> overlaps;
};

struct Assignment {
  uint64_t ordinal = 0;        // position in the input stream
  std::string document_id, story_id;
  bool new_story = false;
  double probability = 0;      // model P(same story) of the join; 0 for a new story
  std::string copy_of;         // as in StoryDocument
  double similarity = 0;
};

class StorySession {
 public:
  virtual ~StorySession() = default;
  // Adds one document. Returns the assignments decided by this call, in input
  // order: none while documents of the same date are still arriving.
  virtual std::vector<Assignment> Add(const AnalyzedDocument& doc) = 0;
  virtual std::vector<Assignment> Add(DocumentRecord record) = 0;
  // Stories closed so far and not yet taken, in order of their first document.
  virtual std::vector<Story> TakeClosed() = 0;
  // Decides the pending documents (their assignments go to *last if given) and
  // returns every story not yet taken, in order of first document.
  virtual std::vector<Story> Finish(std::vector<Assignment>* last = nullptr) = 0;
  virtual size_t active_stories() const = 0;
  virtual size_t MemoryBytes() const = 0;  // estimate of the session's heap
};

class StoryClusterer {
 public:
  // Reads `model_dir`/story.bin; errors name the file and line.
  static Result<StoryClusterer> Load(const std::filesystem::path& model_dir);
  explicit StoryClusterer(StoryModel model);
  std::unique_ptr<StorySession> Start(const StoryOptions& options = {}) const;
  const StoryModel& model() const { return *model_; }

 private:
  std::shared_ptr<const StoryModel> model_;
};

}  // namespace crosscheck::cluster

// cluster/story_clusterer.h: groups a stream of documents into stories.
// In: AnalyzedDocuments (or their compact DocumentRecords) in date order; a
// document with no date takes the time of the latest dated one. Out: for each
// document, its story and, if it is a near-verbatim copy, the earliest
// document it copies; when a story closes, the Story with its documents and
// the paragraphs they lift from each other.
// How (docs/stories.md): copies via MinHash LSH; candidate stories via an
// inverted index of member top terms; a logistic model (models/story.bin)
// over cosines (TF-IDF, decayed online DF), time gap, size decides. Documents sharing a date are decided in a fixed order (hash of
// id), so their input order does not change the stories. A story closes once
// `window_days` pass without a new document; memory is bounded by the open
// stories and the duplicate window, never by the corpus.
// Story ids hash the first document's id: stable on reruns and appends.
// Cost: O(terms + candidates x terms) per document. A loaded StoryClusterer
// is immutable and shared; a StorySession is used by one thread at a time.
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
  int max_candidates = 16;            // stories scored per document
  double threshold_shift = 0;         // added to the model's join thresholds
  bool baseline = false;              // single-pass TF-IDF cosine >= baseline_threshold, no decay
  double baseline_threshold = 0.3;
};

struct StoryDocument {  // one member, as given in the input
  std::string id, title, date, source;  // "" if absent
  std::string copy_of;         // earliest document this one copies, "" if none
  double similarity = 0, containment = 0;  // estimated Jaccard with copy_of, share of this in it
  uint64_t ordinal = 0;        // position in the input stream
};

// A paragraph of `document` lifted from `source_document`.
struct ParagraphOverlap {
  std::string document, source_document;
  uint32_t paragraph = 0, source_paragraph = 0;  // indexes into Document::paragraphs
  double similarity = 0;       // estimated Jaccard of the two paragraphs
};

struct Story {
  std::string id;              // 16 hex digits, stable
  std::string title;           // the member headline closest to the story's headline centroid
  std::string first_date, last_date;  // "YYYY-MM-DD", "" if no member is dated
  std::vector<StoryDocument> documents;   // in stream order (date order)
  std::vector<ParagraphOverlap> overlaps;
};

struct Assignment {
  uint64_t ordinal = 0;  // position in the input stream
  std::string document_id, story_id;
  bool new_story = false;
  double probability = 0;      // model P(same story) of the join; 0 for a new story
  std::string copy_of;  double similarity = 0;  // as in StoryDocument
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

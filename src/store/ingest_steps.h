// store/ingest_steps.h: the three steps of an ingest and the loaders they
// share with the readers (private to store/).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/document.h"
#include "core/status.h"
#include "store/brief_maker.h"
#include "store/sqlite.h"

namespace crosscheck::store {

// "YYYY-MM-DDTHH:MM:SSZ", now.
std::string UtcNow();
// 32 hex digits naming the bytes of a document's text.
std::string ContentHash(std::string_view text);

// Step 1: inserts one analysed document (documents row, its sentences,
// entities, claims, quotes and full-text entry) into the open transaction.
class DocumentInserter {
 public:
  explicit DocumentInserter(Db& db);
  ~DocumentInserter();
  // The document's key, or the error.
  Result<int64_t> Insert(const AnalyzedDocument& doc, const std::string& ingested);

 private:
  struct Statements;
  std::unique_ptr<Statements> s_;
};

// Whether the store holds a document already: same id, or same URL and text.
// Its own connection: the pipeline's reader thread asks while the ingest
// thread writes.
class StoredDocumentLookup {
 public:
  static Result<std::unique_ptr<StoredDocumentLookup>> Open(const std::string& path);
  bool Contains(const Document& doc, const std::string& content_hash);

 private:
  explicit StoredDocumentLookup(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
  Stmt by_id_, by_url_;
};

struct AssignResult {
  uint64_t assigned = 0, stories_created = 0, stories_changed = 0;
};
// Step 2: gives every document without a story its story, in committed
// batches; marks the stories that gained documents dirty.
Result<AssignResult> AssignStories(Db& db, const cluster::StoryClusterer& clusterer,
                                   const cluster::StoryOptions& options);

// Step 3: rebuilds the brief of every dirty story (`threads` workers decode
// and reconcile; this thread reads and writes). Returns the briefs written.
Result<uint64_t> UpdateBriefs(Db& db, const BriefMaker& maker, unsigned threads);

// A stored document: metadata and text; its encoded analysis to *analysis.
Result<Document> LoadDocument(Db& db, int64_t key, std::string* analysis = nullptr);
// A stored document with its analysis layers decoded.
Result<AnalyzedDocument> LoadAnalysis(Db& db, int64_t key);
// A stored story as the clusterer made it: members in date order, overlaps.
// The ordinal of a member is its document key. Also returns the member keys.
Result<cluster::Story> LoadStory(Db& db, int64_t story_key, std::vector<int64_t>* member_keys);

}  // namespace crosscheck::store

// cluster/near_duplicates.h: finds near-verbatim copies and lifted paragraphs.
// In: DocumentRecords in stream order (date, then input order). Out: for each,
// the earliest indexed document it copies (its shingles lie mostly in that
// document) and, paragraph by paragraph, earlier paragraphs it lifts.
// Candidates come from LSH banding of the MinHash signatures (24 bands of 2
// values for documents, 8 bands of 2 for paragraphs), so a query costs a few
// hash lookups plus a check per candidate, never a scan of the window. Memory
// is bounded by the documents of the last `window_seconds` (and at most
// `max_documents`). Private to cluster/; not thread-safe (one per session).
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/document_record.h"

namespace crosscheck::cluster {

struct NearDuplicateOptions {
  double copy_containment = 0.8;     // share of a copy's shingles found in the original
  double copy_min_jaccard = 0.3;     // and at least this Jaccard similarity (guards tiny texts)
  double paragraph_jaccard = 0.6;    // a lifted paragraph matches at least this well
  int64_t window_seconds = 14 * 86400;
  size_t max_documents = 200000;
};

// One paragraph of a document found in an earlier document.
struct LiftedParagraph {
  uint32_t paragraph = 0;         // index into the later document's paragraphs
  uint64_t source_ordinal = 0;    // the earlier document
  std::string source_id;
  uint32_t source_paragraph = 0;
  double similarity = 0;          // estimated Jaccard of the two paragraphs
};

struct DuplicateResult {
  bool is_copy = false;
  uint64_t copy_of_ordinal = 0;   // earliest original (valid when is_copy)
  std::string copy_of;            // its id
  double similarity = 0;          // estimated Jaccard with the original
  double containment = 0;         // estimated share of this document found in the original
  std::vector<uint64_t> partners; // every indexed document this one copies or is copied by
  std::vector<LiftedParagraph> lifted;
};

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(NearDuplicateOptions options) : options_(options) {}

  // Compares `record` with the indexed documents, then indexes it under
  // `ordinal` (strictly increasing) at `time` (non-decreasing; kUnknownTime ok).
  DuplicateResult Add(const DocumentRecord& record, uint64_t ordinal, int64_t time);

  // Drops documents older than `now - window` and beyond max_documents.
  void Expire(int64_t now);

  size_t size() const { return dated_.size() + undated_.size(); }
  size_t MemoryBytes() const;

 private:
  struct Entry {
    uint64_t ordinal = 0;
    int64_t time = kUnknownTime;
    std::string id;
    uint32_t shingles = 0;
    std::vector<uint32_t> signature;
    std::vector<ParagraphPrint> paragraphs;
  };
  static const Entry* Find(const std::deque<Entry>& entries, uint64_t ordinal);
  const Entry* Find(uint64_t ordinal) const;
  void FindCopies(const DocumentRecord& record, DuplicateResult* result) const;
  void FindLifted(const DocumentRecord& record, DuplicateResult* result) const;
  void Index(const Entry& entry, bool insert);
  void PopFront(std::deque<Entry>* entries);

  NearDuplicateOptions options_;
  // In ordinal order. Undated documents carry no evidence of age: they leave
  // only when the index is full, and must not hold up the expiry of dated ones.
  std::deque<Entry> dated_, undated_;
  // band key -> ordinal (documents) or ordinal << 16 | paragraph print index.
  std::unordered_multimap<uint64_t, uint64_t> document_bands_, paragraph_bands_;
};

}  // namespace crosscheck::cluster

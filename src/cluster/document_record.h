// cluster/document_record.h: the compact per-document record the clusterer
// keeps, built once from an AnalyzedDocument.
// In: an AnalyzedDocument (tokens; lemmas and entities when those layers ran).
// Out: a DocumentRecord of a few hundred bytes to a few KB: ids, date, title,
// source, hashed term counts, a MinHash signature and per-paragraph
// fingerprints. The clusterer never holds full analyses; a caller may save
// records (e.g. as JSONL) and cluster them later without re-analysing.
// Cost: linear in tokens plus 128 multiply-adds per word shingle.
// Pure function of its input; thread-safe.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace crosscheck::cluster {

inline constexpr int64_t kUnknownTime = std::numeric_limits<int64_t>::min();
inline constexpr int kSignatureSize = 128;   // MinHash values per document
inline constexpr int kParagraphSignatureSize = 16;

// A hashed term and its raw count in the document.
struct TermCount {
  uint64_t term = 0;
  float count = 0;
};

// The fingerprint of one paragraph, for lifted-paragraph detection.
struct ParagraphPrint {
  uint32_t paragraph = 0;              // index into Document::paragraphs
  uint32_t shingles = 0;               // distinct word shingles in it
  std::vector<uint32_t> signature;     // kParagraphSignatureSize MinHash values
};

struct DocumentRecord {
  std::string id;        // Document::id
  std::string title;     // headline, may be empty
  std::string source;    // outlet, may be empty
  std::string date;      // as given (ISO), may be empty
  int64_t time = kUnknownTime;           // seconds since 1970 of `date`, or kUnknownTime
  std::vector<TermCount> words;          // body + title words (lemmas or lowercased forms), sorted by term
  std::vector<TermCount> title_words;    // title words only, sorted by term
  std::vector<TermCount> entities;       // entity names (hashed), sorted by term
  std::vector<std::string> entity_names; // the names themselves, most mentioned first (at most 8)
  uint32_t shingles = 0;                 // distinct word shingles of the body (title if no body)
  std::vector<uint32_t> signature;       // kSignatureSize MinHash values; empty when no shingles
  std::vector<ParagraphPrint> paragraphs;  // paragraphs long enough to be lifted
  uint32_t body_words = 0;               // word tokens of the body (0 = headline only)
};

// Seconds since 1970-01-01 of "YYYY-MM-DD", "YYYY-MM" or "YYYY" (first day of
// the period), optionally followed by a time ("T..."/" ..."), which is ignored:
// stories are clustered at day precision. kUnknownTime if not a date.
int64_t ParseIsoDay(std::string_view date);

// "YYYY-MM-DD" of a time from ParseIsoDay; "" for kUnknownTime.
std::string FormatIsoDay(int64_t time);

// Builds the record of `doc`. Uses lemmas when doc.syntax is filled, else
// lowercased forms; entity names when doc.entities is filled, else runs of
// capitalised words that do not start a sentence.
DocumentRecord MakeRecord(const AnalyzedDocument& doc);

// The term a word counts as: lowercased and stripped of an inflectional suffix.
std::string NormalizeWord(std::string_view word);

// Approximate heap bytes held by `record` (for memory accounting).
size_t RecordBytes(const DocumentRecord& record);

}  // namespace crosscheck::cluster

// store/store_reader.h: read-only queries over a store, answered as JSON.
// In: a store file made by Ingester. Out: the JSON bodies of the HTTP API
// (docs/api.md gives each shape) and the `crosscheck export` JSONL.
// Every user-given value is bound as an SQL parameter; full-text queries are
// rebuilt from their words, so any input is a valid FTS5 query.
// One StoreReader is one read-only SQLite connection: use it from one thread
// at a time and open one per thread. Readers see every committed ingest
// transaction and are never blocked by a writer (WAL).
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace crosscheck::store {

class Db;

struct StoryQuery {
  std::string text;     // words searched in member documents (title, text); "" = every story
  std::string from;     // "YYYY[-MM[-DD]]": stories whose last date is on or after it
  std::string to;       // stories whose first date is on or before it
  std::string outlet;   // a member's source, case-insensitive
  std::string entity;   // a member mentions this entity name, case-insensitive
  int64_t limit = 20;   // 1..100
  int64_t offset = 0;
};

struct StoreCounts {
  int64_t documents = 0, stories = 0, briefs = 0, dirty_stories = 0, unassigned = 0;
  int schema_version = 0;
};

class StoreReader {
 public:
  // Fails if the file is missing, not a store, or of another schema version.
  static Result<std::unique_ptr<StoreReader>> Open(const std::string& path);
  ~StoreReader();

  // {"total": n, "offset": n, "stories": [...]}
  Result<std::string> Stories(const StoryQuery& query);
  // The story's brief (CONTRACT.md `brief --format json` element); nullopt: no such story.
  Result<std::optional<std::string>> StoryJson(const std::string& id);
  // The story's brief as an HTML <section>.
  Result<std::optional<std::string>> StoryHtml(const std::string& id);
  // {"document": {...metadata, text, paragraphs, sentences}, "story": {...}|null,
  //  "analysis": {...}} (analysis: the `analyze --format json` object, when asked).
  Result<std::optional<std::string>> DocumentJson(const std::string& id, bool analysis);
  // {"entities": [{"name","type","documents","mentions","stories"}]}, most documents first.
  Result<std::string> Entities(const std::string& query, const std::string& type, int64_t limit, int64_t offset);
  // {"total": n, "results": [{"document","title","source","date","story","snippet":[...]}]}
  Result<std::string> Search(const std::string& query, int64_t limit, int64_t offset);
  Result<StoreCounts> Counts();
  // The whole store as JSONL: one {"type":"document",...} line per document
  // (with "story" and "analysis"), then one {"type":"story",...,"brief":{...}} per story.
  Status Export(FILE* out);

 private:
  explicit StoreReader(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
};

// The FTS5 query for free text: its words, each quoted, all required; "" if none.
std::string FtsQuery(const std::string& text);

}  // namespace crosscheck::store

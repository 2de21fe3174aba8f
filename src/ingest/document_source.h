// ingest/document_source.h: turns input paths into a stream of Documents.
// In: paths to .txt, .jsonl/.ndjson, .html/.htm, .warc, .warc.gz files, any
// of them .gz/.zst-compressed, directories (recursive, name order) and "-"
// (JSONL on stdin). Out: Documents one at a time, in input order.
// Memory is bounded by the largest single record, never by corpus size.
// Bad input (malformed JSON line, truncated gzip member or WARC record, empty
// or binary file) is reported as an InputError naming file and line or byte
// offset, skipped, and reading goes on. Not thread-safe: one reader thread.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"

namespace crosscheck::ingest {

struct InputError {
  std::string file;     // path as given ("-" for stdin)
  uint64_t line = 0;    // 1-based line, 0 if not line-oriented
  uint64_t offset = 0;  // byte offset in the (decompressed) stream when line is 0
  std::string message;  // what was wrong / expected
  // "file:line: message" or "file@byte N: message".
  std::string ToString() const;
};

struct IngestOptions {
  // Called once per skipped record or file; the default prints to stderr.
  std::function<void(const InputError&)> on_error;
  // Only the records of shard `shard_index` of `shard_count`: a stable
  // partition decided per record (WARC record, JSONL line, file) from its own
  // key, before it is parsed (ingest/shard_filter.h). The shards of the same
  // inputs have no overlap and together give the unsharded stream.
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
};

class DocumentSource {
 public:
  // Fails (returns nullptr, after passing an InputError to on_error or to
  // stderr) only if a path does not exist; a file that cannot be opened later
  // is reported and skipped like any bad input.
  static std::unique_ptr<DocumentSource> Open(const std::vector<std::string>& inputs,
                                              IngestOptions options);
  virtual ~DocumentSource() = default;
  // Fills *doc with the next document and returns true; false at end of input.
  virtual bool Next(Document* doc) = 0;
  // Input errors reported so far (each was also passed to on_error).
  virtual uint64_t error_count() const = 0;
  // Bytes read from the inputs so far (compressed size), for progress lines.
  virtual uint64_t bytes_read() const = 0;
};

}  // namespace crosscheck::ingest

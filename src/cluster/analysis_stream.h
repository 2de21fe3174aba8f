// cluster/analysis_stream.h: the documents of analysis JSONL parts (written
// by `crosscheck analyze --format jsonl`, e.g. one part per shard) in the
// order a StorySession wants them (stream_order.h), so `stories
// --from-analysis` and `brief --from-analysis` give what a single run over the
// raw inputs gives.
// How: pass 1 reads only each line's date and origin (AnalysisReader::
// ParseMetadata) and remembers where the line is; pass 2 reads the lines again
// in stream order and parses them on `threads` threads. Memory: ~40 bytes per
// document plus one batch of lines, never the corpus. Parts that are gzip-
// compressed cannot be re-read cheaply: then every document is parsed once,
// converted, and the converted values (e.g. DocumentRecords) are kept until
// the end. With `input_order` the parts are read once, in the order given.
// Bad lines are reported through on_error ("file:line: ...") and skipped.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cluster/document_record.h"
#include "core/document.h"
#include "core/status.h"

namespace crosscheck::cluster {

struct AnalysisStreamOptions {
  unsigned threads = 0;      // parsing threads; 0: all cores
  bool input_order = false;  // parts in the order given, lines in file order (no sorting)
  std::function<void(const Status&)> on_error;  // default: stderr
};

struct AnalysisStreamStats {
  uint64_t documents = 0;  // handed to the sink
  uint64_t errors = 0;     // bad lines and parts that could not be opened
};

// `sink` is called on the calling thread, one document at a time.
AnalysisStreamStats ReadAnalysesInStreamOrder(const std::vector<std::string>& parts,
                                              const AnalysisStreamOptions& options,
                                              const std::function<void(AnalyzedDocument&&)>& sink);
// The same, but each document is reduced to its DocumentRecord on the parsing
// threads (what `stories --from-analysis` needs).
AnalysisStreamStats ReadRecordsInStreamOrder(const std::vector<std::string>& parts,
                                             const AnalysisStreamOptions& options,
                                             const std::function<void(DocumentRecord&&)>& sink);

}  // namespace crosscheck::cluster

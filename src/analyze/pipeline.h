// analyze/pipeline.h: the streaming, parallel driver of per-document analysis.
// A reader thread pulls Documents from a DocumentSource into a bounded queue
// (decompression, record parsing and HTML extraction: ~4% of the work for
// news pages, so one reader feeds many workers); `threads` workers analyze
// them; results are handed to `sink` strictly in input order, whatever the
// thread count, from the calling thread. Memory is bounded by
// `queue_capacity` documents in flight (read, analysing or waiting to be
// written), never by corpus size. The sink may be slow (it back-pressures
// the reader). With threads == 1 everything runs inline on the calling thread.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>

#include "analyze/analyzer.h"
#include "ingest/document_source.h"

namespace crosscheck::analyze {

struct PipelineOptions {
  unsigned threads = 0;           // 0: all cores
  size_t queue_capacity = 0;      // 0: 16 per thread
  // Called from the calling thread about every 200 ms with running totals.
  std::function<void(uint64_t docs, uint64_t bytes_read, double seconds)> on_progress;
};

struct PipelineStats {
  uint64_t documents = 0;
  uint64_t tokens = 0;
  uint64_t text_bytes = 0;   // bytes of Document::text analyzed
  uint64_t input_errors = 0;
  double seconds = 0;
};

PipelineStats RunPipeline(ingest::DocumentSource& source, const Analyzer& analyzer,
                          const PipelineOptions& options,
                          const std::function<void(AnalyzedDocument&&)>& sink);

}  // namespace crosscheck::analyze

// ingest/record_reader.h: per-file readers over a ByteStream. Private to ingest/.
// DocumentSource opens one ByteStream per input file and one RecordReader for
// its format; the reader pulls Documents out of the stream one at a time and
// reports bad records (and decompression errors) through the ErrorSink.
#pragma once
#include <memory>
#include <string>

#include "core/document.h"
#include "ingest/byte_stream.h"
#include "ingest/readers.h"
#include "ingest/shard_filter.h"

namespace crosscheck::ingest {

enum class Format { kTxt, kJsonl, kHtml, kWarc };

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // The next document, or false at the end of the file (or of what could be read).
  virtual bool Next(Document* doc) = 0;
};

// `stream` must outlive the reader; `name` is the path as given, used in
// origins, ids and errors. Records `shard` does not keep are skipped before
// they are parsed (and their errors are left to the shard that keeps them).
std::unique_ptr<RecordReader> MakeRecordReader(Format format, ByteStream* stream,
                                               const std::string& name, ErrorSink on_error,
                                               ShardFilter shard = {});

}  // namespace crosscheck::ingest

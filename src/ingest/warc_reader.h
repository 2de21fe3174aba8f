// ingest/warc_reader.h: HTML pages from WARC response records. Private to ingest/.
// Reads a (decompressed) WARC stream record by record, keeping only the
// current record in memory. Records that are not `response` records are
// skipped without being stored. A truncated record, a record without a
// Content-Length or bytes that are not a WARC header give one InputError
// (file@byte), after which the reader looks for the next "WARC/" line.
#pragma once
#include <cstdint>
#include <string>

#include "ingest/record_reader.h"

namespace crosscheck::ingest {

class WarcReader : public RecordReader {
 public:
  // Response records `shard` does not keep are skipped unparsed (shard_filter.h).
  WarcReader(ByteStream* stream, std::string name, ErrorSink on_error, ShardFilter shard = {});
  bool Next(Document* doc) override;

 private:
  struct Record;
  // Reads the next record header; false at end of input.
  bool ReadHeader(Record* record);
  // Reads or skips the content; false (after reporting) if it was cut short.
  bool ReadContent(Record* record);
  bool ToDocument(const Record& record, Document* doc);
  void Error(uint64_t offset, std::string message);
  // Starts skipping to the next record. The error is held back until the
  // next record is found: if the gzip layer reported corruption meanwhile,
  // that was the cause, and one corruption gives one error, not two.
  void Resync(uint64_t offset, std::string message);
  void FlushPending();

  ByteStream* stream_;
  std::string name_;
  ErrorSink on_error_;
  ShardFilter shard_;
  uint64_t ordinal_ = 0;  // records seen, for ids of records without WARC-Record-ID
  bool started_ = false;    // the empty-input check has run
  bool resyncing_ = false;  // after an error: skip to the next "WARC/" line quietly
  std::string pending_;  // held-back message ("" if none)
  uint64_t pending_offset_ = 0;
  uint64_t pending_stream_errors_ = 0;
  // Stream errors before this record began: the gzip layer decodes ahead and
  // may report a member's corruption before we read its garbled bytes.
  uint64_t record_stream_errors_ = 0;
  std::string line_;
  std::string payload_;
};

}  // namespace crosscheck::ingest

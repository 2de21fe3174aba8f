// Stream readers for the line- and file-oriented formats, and the factory.
#include "ingest/record_reader.h"

#include "ingest/text_util.h"
#include "ingest/warc_reader.h"

namespace crosscheck::ingest {
namespace {

// JSONL: one record per line, read line by line so memory stays at one line.
class JsonlReader : public RecordReader {
 public:
  JsonlReader(ByteStream* stream, std::string name, ErrorSink on_error, ShardFilter shard)
      : stream_(stream), name_(std::move(name)), on_error_(std::move(on_error)), shard_(std::move(shard)) {}

  bool Next(Document* doc) override {
    if (line_number_ == 0 && !CheckStart()) return false;
    while (stream_->ReadLine(&line_)) {
      ++line_number_;
      if (Trim(line_).empty() || !shard_.KeepPosition(':', line_number_)) continue;
      Result<Document> parsed = ParseJsonlLine(line_, name_, line_number_);
      if (parsed.ok()) {
        *doc = std::move(parsed.value());
        return true;
      }
      on_error_(InputError{name_, line_number_, 0, parsed.status().message()});
    }
    return false;
  }

 private:
  // An empty or binary file is one error, not one per line.
  bool CheckStart() {
    const Status s = CheckLooksLikeText(stream_->Peek());
    if (s.ok()) return true;
    if (shard_.KeepFile()) on_error_(InputError{name_, 0, 0, s.message()});  // one shard reports it
    line_number_ = ~uint64_t{0};
    return false;
  }

  ByteStream* stream_;
  std::string name_;
  ErrorSink on_error_;
  ShardFilter shard_;
  uint64_t line_number_ = 0;
  std::string line_;
};

// .txt and .html: one document per file, read whole (they are small).
class WholeFileReader : public RecordReader {
 public:
  WholeFileReader(Format format, ByteStream* stream, std::string name, ErrorSink on_error)
      : format_(format), stream_(stream), name_(std::move(name)), on_error_(std::move(on_error)) {}

  bool Next(Document* doc) override {
    if (done_) return false;
    done_ = true;
    const uint64_t errors_before = stream_->error_count();
    std::string data;
    stream_->ReadAll(&data);
    // A decompression error was reported already; do not also call the file empty.
    if (stream_->error_count() != errors_before && data.empty()) return false;
    Result<Document> parsed = format_ == Format::kHtml ? ParseHtml(data, name_) : ParseTxt(data, name_);
    if (!parsed.ok()) {
      on_error_(InputError{name_, 0, 0, parsed.status().message()});
      return false;
    }
    *doc = std::move(parsed.value());
    return true;
  }

 private:
  Format format_;
  ByteStream* stream_;
  std::string name_;
  ErrorSink on_error_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> MakeRecordReader(Format format, ByteStream* stream,
                                               const std::string& name, ErrorSink on_error,
                                               ShardFilter shard) {
  stream->set_error_handler([name, on_error](uint64_t offset, const std::string& message) {
    on_error(InputError{name, 0, offset, message});
  });
  switch (format) {
    case Format::kJsonl: return std::make_unique<JsonlReader>(stream, name, std::move(on_error), std::move(shard));
    case Format::kWarc: return std::make_unique<WarcReader>(stream, name, std::move(on_error), std::move(shard));
    case Format::kTxt:
    case Format::kHtml: break;
  }
  return std::make_unique<WholeFileReader>(format, stream, name, std::move(on_error));
}

void ParseWarc(std::string_view data, const std::string& name, const DocumentSink& sink,
               const ErrorSink& on_error) {
  std::unique_ptr<ByteStream> stream = ByteStream::FromMemory(data);
  std::unique_ptr<RecordReader> reader = MakeRecordReader(Format::kWarc, stream.get(), name, on_error);
  Document doc;
  while (reader->Next(&doc)) sink(std::move(doc));
}

}  // namespace crosscheck::ingest

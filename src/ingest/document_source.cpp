// DocumentSource: the inputs, file by file, through the per-format readers.
#include "ingest/document_source.h"

#include <iostream>

#include "ingest/byte_stream.h"
#include "ingest/input_files.h"
#include "ingest/record_reader.h"

namespace crosscheck::ingest {
namespace {

class FileDocumentSource : public DocumentSource {
 public:
  FileDocumentSource(std::vector<InputFile> files, IngestOptions options)
      : files_(std::move(files)), options_(std::move(options)) {
    if (options_.shard_count == 0) options_.shard_count = 1;
  }

  // Counts the error and passes it on.
  void Report(const InputError& error) {
    ++errors_;
    if (options_.on_error) {
      options_.on_error(error);
    } else {
      std::cerr << "crosscheck: " << error.ToString() << '\n';
    }
  }

  bool Next(Document* doc) override {
    for (;;) {
      if (!reader_ && !OpenNextFile()) return false;
      if (!reader_) continue;
      if (reader_->Next(doc)) return true;
      bytes_done_ += stream_->raw_bytes();
      reader_.reset();
      stream_.reset();
    }
  }

  uint64_t error_count() const override { return errors_; }
  uint64_t bytes_read() const override {
    return bytes_done_ + (stream_ ? stream_->raw_bytes() : 0);
  }

 private:
  // Opens the next file; false when there is none. Leaves reader_ empty if
  // the file could not be opened (after reporting it).
  bool OpenNextFile() {
    if (next_file_ >= files_.size()) return false;
    const InputFile& file = files_[next_file_++];
    ShardFilter shard{options_.shard_index, options_.shard_count, file.shard_key};
    // A one-document file of another shard is not even opened.
    const bool whole_file = file.format == Format::kTxt || file.format == Format::kHtml;
    if (whole_file && !shard.KeepFile()) return true;
    Result<std::unique_ptr<ByteStream>> stream =
        ByteStream::OpenFile(file.path, file.codec, /*sniff=*/file.path == "-");
    if (!stream.ok()) {
      Report(InputError{file.path, 0, 0, stream.status().message()});
      return true;
    }
    stream_ = std::move(stream.value());
    reader_ = MakeRecordReader(file.format, stream_.get(), file.path,
                               [this](const InputError& e) { Report(e); }, std::move(shard));
    return true;
  }

  std::vector<InputFile> files_;
  IngestOptions options_;
  size_t next_file_ = 0;
  std::unique_ptr<ByteStream> stream_;
  std::unique_ptr<RecordReader> reader_;
  uint64_t errors_ = 0;
  uint64_t bytes_done_ = 0;
};

}  // namespace

std::string InputError::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + "@byte " + std::to_string(offset) + ": " + message;
}

std::unique_ptr<DocumentSource> DocumentSource::Open(const std::vector<std::string>& inputs,
                                                     IngestOptions options) {
  std::vector<InputFile> files;
  for (const std::string& input : inputs) {
    const Status s = ExpandInput(input, &files);
    if (!s.ok()) {
      const InputError error{input, 0, 0, s.message()};
      if (options.on_error) options.on_error(error); else std::cerr << "crosscheck: " << error.ToString() << '\n';
      return nullptr;
    }
  }
  return std::make_unique<FileDocumentSource>(std::move(files), std::move(options));
}

}  // namespace crosscheck::ingest

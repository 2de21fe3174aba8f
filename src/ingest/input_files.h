// ingest/input_files.h: the command-line inputs as an ordered list of files.
// Private to ingest/. Directories are walked recursively, hidden entries
// skipped, files kept only if their extension names a format, and sorted by
// the bytes of their relative path, so runs are reproducible.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/byte_stream.h"
#include "ingest/record_reader.h"

namespace crosscheck::ingest {

struct InputFile {
  std::string path;  // as given, or joined under the directory given; "-" for stdin
  Format format = Format::kTxt;
  Codec codec = Codec::kNone;
  // The name shards are keyed by (shard_filter.h): the path relative to the
  // directory given, or the base name of a file given directly.
  std::string shard_key;
};

// Format and codec from the name ("a.warc.gz" -> WARC, gzip); nullopt if the
// extension (under any .gz/.zst suffix) is not one we read.
std::optional<InputFile> ClassifyPath(const std::string& path);

// Appends the files of one input to *out. Fails if the path does not exist.
Status ExpandInput(const std::string& input, std::vector<InputFile>* out);

}  // namespace crosscheck::ingest

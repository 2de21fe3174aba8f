#include "ingest/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips a compression suffix from *name and returns its codec.
Codec StripCodec(std::string* name) {
  for (const auto& [suffix, codec] : {std::pair{".gz", Codec::kGzip}, std::pair{".zst", Codec::kZstd},
                                      std::pair{".zstd", Codec::kZstd}}) {
    if (EndsWith(*name, suffix)) {
      name->resize(name->size() - std::string_view(suffix).size());
      return codec;
    }
  }
  return Codec::kNone;
}

}  // namespace

std::optional<InputFile> ClassifyPath(const std::string& path) {
  std::string name = Lower(BaseName(path));
  InputFile file{path, Format::kTxt, StripCodec(&name)};
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) {
    file.format = Format::kTxt;
  } else if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) {
    file.format = Format::kJsonl;
  } else if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) {
    file.format = Format::kHtml;
  } else if (EndsWith(name, ".warc")) {
    file.format = Format::kWarc;
  } else {
    return std::nullopt;
  }
  return file;
}

Status ExpandInput(const std::string& input, std::vector<InputFile>* out) {
  if (input == "-") {
    out->push_back({"-", Format::kJsonl, Codec::kNone, "-"});
    return Status::Ok();
  }
  std::error_code ec;
  const fs::file_status st = fs::status(input, ec);
  if (ec || !fs::exists(st)) return Status::Error("no such file or directory");
  if (!fs::is_directory(st)) {
    // Named explicitly: read it even if the extension is unknown, as text.
    std::optional<InputFile> file = ClassifyPath(input);
    if (!file) file = InputFile{input, Format::kTxt, Codec::kNone};
    if (file->codec == Codec::kNone && file->format == Format::kTxt) {
      std::string name = Lower(BaseName(input));
      file->codec = StripCodec(&name);
    }
    file->shard_key = BaseName(input);
    out->push_back(*file);
    return Status::Ok();
  }
  std::vector<std::pair<std::string, InputFile>> found;  // (relative path, file)
  const fs::path root(input);
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::Error("cannot read directory: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (std::optional<InputFile> file = ClassifyPath(p.string())) {
      found.emplace_back(p.lexically_relative(root).generic_string(), *file);
    }
  }
  // Byte-wise order of relative paths, independent of locale and directory order.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [rel, file] : found) {
    file.shard_key = rel;
    out->push_back(std::move(file));
  }
  return Status::Ok();
}

}  // namespace crosscheck::ingest

// cluster/stream_order.h: the order in which `crosscheck stories` (and brief)
// feed documents to a StorySession.
// In: each document's date and origin ("file", "file:line", "file@byte").
// Out: the documents' indexes in date order (undated first); documents of one
// date by origin file path (bytes), then by position in the file (JSONL line,
// WARC byte offset), then by the order they were added. The key is a function
// of each document alone, so the analyses of shards (`analyze --shard I/N`),
// read back in any order, come out in the order of a single run over the same
// inputs, and cluster into the same stories.
// Memory: about 32 bytes per document plus each distinct file name once.
// Not thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::cluster {

class StreamOrder {
 public:
  // Remembers one document; returns its index (0, 1, 2...).
  uint64_t Add(std::string_view date, std::string_view origin);
  size_t size() const { return entries_.size(); }
  // The indexes of every added document, in clustering order.
  std::vector<uint64_t> Order() const;

  // "dir/a.jsonl:17" -> {"dir/a.jsonl", 17}; "dir/a.warc.gz@5120" -> {.., 5120};
  // "dir/a.txt" -> {"dir/a.txt", 0}.
  static std::pair<std::string_view, uint64_t> SplitOrigin(std::string_view origin);

 private:
  struct Entry {
    int64_t time;
    uint64_t position;
    uint64_t index;
    uint32_t file;
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint32_t> file_ids_;
  std::vector<std::string> files_;
};

}  // namespace crosscheck::cluster

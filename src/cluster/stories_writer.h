// cluster/stories_writer.h: writes Stories as `crosscheck stories` prints them.
//   json   one object {"stories": [...]}, streamed story by story
//   jsonl  one story object per line
// A story: {"id", "title", "first_date", "last_date", "documents": [{"id",
// "title", "date", "source", "copy_of", "similarity", "containment"}],
// "overlaps": [{"document", "paragraph", "source_document",
// "source_paragraph", "similarity"}]}; unknown values are null (CONTRACT).
// Each story is formatted into a reused buffer and flushed with one fwrite.
// Not thread-safe: one writer per output stream.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "cluster/story_clusterer.h"
#include "core/status.h"

namespace crosscheck::cluster {

enum class StoriesFormat { kJson, kJsonl };

Result<StoriesFormat> ParseStoriesFormat(std::string_view name);

class StoriesWriter {
 public:
  StoriesWriter(StoriesFormat format, FILE* out) : format_(format), out_(out) {}
  void Begin();
  void Write(const Story& story);
  void End();

  static void AppendStoryJson(const Story& story, std::string* out);

 private:
  StoriesFormat format_;
  FILE* out_;
  std::string buffer_;
  uint64_t written_ = 0;
};

}  // namespace crosscheck::cluster

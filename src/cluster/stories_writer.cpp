#include "cluster/stories_writer.h"

#include "core/json_writer.h"

namespace crosscheck::cluster {

Result<StoriesFormat> ParseStoriesFormat(std::string_view name) {
  if (name == "json") return StoriesFormat::kJson;
  if (name == "jsonl") return StoriesFormat::kJsonl;
  return Status::Error("unknown stories format '" + std::string(name) + "' (expected json or jsonl)");
}

void StoriesWriter::AppendStoryJson(const Story& story, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id"); w.String(story.id);
  w.Key("title"); w.String(story.title);
  w.StringOrNull("first_date", story.first_date);
  w.StringOrNull("last_date", story.last_date);
  w.Key("documents");
  w.BeginArray();
  for (const StoryDocument& d : story.documents) {
    w.BeginObject();
    w.Key("id"); w.String(d.id);
    w.Key("title"); w.String(d.title);
    w.StringOrNull("date", d.date);
    w.StringOrNull("source", d.source);
    w.StringOrNull("copy_of", d.copy_of);
    if (!d.copy_of.empty()) {
      w.Key("similarity"); w.Double(d.similarity, 3);
      w.Key("containment"); w.Double(d.containment, 3);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("overlaps");
  w.BeginArray();
  for (const ParagraphOverlap& o : story.overlaps) {
    w.BeginObject();
    w.Key("document"); w.String(o.document);
    w.Key("paragraph"); w.Int(o.paragraph);
    w.Key("source_document"); w.String(o.source_document);
    w.Key("source_paragraph"); w.Int(o.source_paragraph);
    w.Key("similarity"); w.Double(o.similarity, 3);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void StoriesWriter::Begin() {
  if (format_ == StoriesFormat::kJson) std::fputs("{\"stories\": [\n", out_);
}

void StoriesWriter::Write(const Story& story) {
  buffer_.clear();
  if (format_ == StoriesFormat::kJson && written_ > 0) buffer_.append(",\n");
  AppendStoryJson(story, &buffer_);
  if (format_ == StoriesFormat::kJsonl) buffer_.push_back('\n');
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  ++written_;
}

void StoriesWriter::End() {
  if (format_ == StoriesFormat::kJson) std::fputs("\n]}\n", out_);
  std::fflush(out_);
}

}  // namespace crosscheck::cluster

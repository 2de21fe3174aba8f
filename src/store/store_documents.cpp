// StoreReader: one document as JSON, and the whole store as JSONL.
#include "analyze/analysis_writer.h"
#include "core/json_writer.h"
#include "store/analysis_codec.h"
#include "store/ingest_steps.h"
#include "store/store_reader.h"

namespace crosscheck::store {
namespace {

void AppendStoryRef(JsonWriter& w, Db& db, int64_t doc_key) {
  Stmt story(db, "SELECT s.id, s.title, m.copy_of FROM story_members m JOIN stories s ON s.key = m.story"
                 " WHERE m.doc = ?");
  story.Bind(1, doc_key);
  w.Key("story");
  if (!story.Step()) { w.Null(); return; }
  w.BeginObject();
  w.Key("id"); w.String(story.Text(0));
  w.Key("title"); w.String(story.Text(1));
  w.StringOrNull("copy_of", story.Text(2));
  w.EndObject();
}

void AppendSentences(JsonWriter& w, Db& db, int64_t doc_key, const std::string& text) {
  Stmt rows(db, "SELECT n, begin, end, paragraph FROM sentences WHERE doc = ? ORDER BY n");
  rows.Bind(1, doc_key);
  w.Key("sentences");
  w.BeginArray();
  while (rows.Step()) {
    const auto begin = static_cast<size_t>(rows.Int(1)), end = static_cast<size_t>(rows.Int(2));
    w.BeginObject();
    w.Key("n"); w.Int(rows.Int(0));
    w.Key("begin"); w.Int(rows.Int(1));
    w.Key("end"); w.Int(rows.Int(2));
    w.Key("paragraph"); w.Int(rows.Int(3));
    w.Key("text"); w.String(begin <= end && end <= text.size() ? std::string_view(text).substr(begin, end - begin) : "");
    w.EndObject();
  }
  w.EndArray();
}

void AppendEntities(JsonWriter& w, Db& db, int64_t doc_key) {
  Stmt rows(db, "SELECT name, type, mentions FROM entities WHERE doc = ? ORDER BY mentions DESC, n");
  rows.Bind(1, doc_key);
  w.Key("entities");
  w.BeginArray();
  while (rows.Step()) {
    w.BeginObject();
    w.Key("name"); w.String(rows.Text(0));
    w.Key("type"); w.String(rows.Text(1));
    w.Key("mentions"); w.Int(rows.Int(2));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

Result<std::optional<std::string>> StoreReader::DocumentJson(const std::string& id, bool analysis) {
  Stmt find(*db_, "SELECT key FROM documents WHERE id = ?");
  find.Bind(1, id);
  if (!find.Step()) {
    if (!find.status().ok()) return find.status();
    return std::optional<std::string>();
  }
  const int64_t key = find.Int(0);
  std::string bytes;
  auto doc = LoadDocument(*db_, key, &bytes);
  if (!doc.ok()) return doc.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("document");
  w.BeginObject();
  w.Key("id"); w.String(doc->id);
  w.StringOrNull("title", doc->title);
  w.StringOrNull("date", doc->date);
  w.StringOrNull("source", doc->source);
  w.StringOrNull("url", doc->url);
  w.Key("language"); w.String(doc->language);
  w.Key("text"); w.String(doc->text);
  AppendSentences(w, *db_, key, doc->text);
  AppendEntities(w, *db_, key);
  w.EndObject();
  AppendStoryRef(w, *db_, key);
  if (analysis) {
    auto analysed = DecodeAnalysis(bytes, std::move(doc).value());
    if (!analysed.ok()) return analysed.status();
    w.Key("analysis");
    w.Raw("");
    analyze::AnalysisWriter::AppendDocumentJson(*analysed, &out);
  }
  w.EndObject();
  return std::optional<std::string>(std::move(out));
}

Status StoreReader::Export(FILE* out) {
  std::string line;
  Stmt docs(*db_, "SELECT d.key, s.id, m.copy_of FROM documents d LEFT JOIN story_members m ON m.doc = d.key"
                  " LEFT JOIN stories s ON s.key = m.story ORDER BY d.key");
  while (docs.Step()) {
    std::string bytes;
    auto doc = LoadDocument(*db_, docs.Int(0), &bytes);
    if (!doc.ok()) return doc.status();
    auto analysed = DecodeAnalysis(bytes, std::move(doc).value());
    if (!analysed.ok()) return analysed.status();
    line.clear();
    JsonWriter w(&line);
    w.BeginObject();
    w.Key("type"); w.String("document");
    w.Key("id"); w.String(analysed->doc.id);
    w.StringOrNull("story", docs.Text(1));
    w.StringOrNull("copy_of", docs.Text(2));
    w.Key("analysis");
    w.Raw("");
    analyze::AnalysisWriter::AppendDocumentJson(*analysed, &line);
    w.EndObject();
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) return Status::Error("export: write failed");
  }
  if (!docs.status().ok()) return docs.status();
  Stmt stories(*db_, "SELECT s.key, s.id, s.title, s.first_date, s.last_date, b.json, b.updated FROM stories s"
                     " LEFT JOIN briefs b ON b.story = s.key ORDER BY s.key");
  Stmt members(*db_, "SELECT d.id FROM story_members m JOIN documents d ON d.key = m.doc WHERE m.story = ?"
                     " ORDER BY coalesce(d.day, -1e18), d.key");
  while (stories.Step()) {
    line.clear();
    JsonWriter w(&line);
    w.BeginObject();
    w.Key("type"); w.String("story");
    w.Key("id"); w.String(stories.Text(1));
    w.Key("title"); w.String(stories.Text(2));
    w.StringOrNull("first_date", stories.Text(3));
    w.StringOrNull("last_date", stories.Text(4));
    w.Key("documents");
    w.BeginArray();
    members.Bind(1, stories.Int(0));
    while (members.Step()) w.String(members.Text(0));
    members.Reset();
    w.EndArray();
    w.Key("brief");
    if (stories.IsNull(5)) w.Null(); else w.Raw(stories.Text(5));
    w.StringOrNull("brief_updated", stories.Text(6));
    w.EndObject();
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) return Status::Error("export: write failed");
  }
  return stories.status();
}

}  // namespace crosscheck::store

// Loading stored documents and stories back into the pipeline's structs.
#include <nlohmann/json.hpp>

#include "store/analysis_codec.h"
#include "store/ingest_steps.h"

namespace crosscheck::store {
namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, url, source, title, date, language, origin, extra, text, analysis FROM documents WHERE key = ?";

Document DocumentFromRow(const Stmt& row) {
  Document doc;
  doc.id = row.Text(0);
  doc.url = row.Text(1);
  doc.source = row.Text(2);
  doc.title = row.Text(3);
  doc.date = row.Text(4);
  doc.language = row.Text(5);
  doc.origin = row.Text(6);
  if (!row.IsNull(7)) {
    const auto extra = nlohmann::json::parse(row.Text(7), nullptr, false);
    if (extra.is_object()) {
      for (const auto& [key, value] : extra.items()) doc.extra.emplace_back(key, value.dump());
    }
  }
  doc.text = row.Text(8);
  return doc;
}

}  // namespace

Result<Document> LoadDocument(Db& db, int64_t key, std::string* analysis) {
  Stmt row(db, kDocumentColumns);
  row.Bind(1, key);
  if (!row.Step()) return Status::Error(row.status().ok() ? "no document with key " + std::to_string(key) : row.status().message());
  if (analysis) *analysis = row.Blob(9);
  return DocumentFromRow(row);
}

Result<AnalyzedDocument> LoadAnalysis(Db& db, int64_t key) {
  Stmt row(db, kDocumentColumns);
  row.Bind(1, key);
  if (!row.Step()) return Status::Error(row.status().ok() ? "no document with key " + std::to_string(key) : row.status().message());
  return DecodeAnalysis(row.Blob(9), DocumentFromRow(row));
}

Result<cluster::Story> LoadStory(Db& db, int64_t story_key, std::vector<int64_t>* member_keys) {
  cluster::Story story;
  {
    Stmt row(db, "SELECT id, title, first_date, last_date FROM stories WHERE key = ?");
    row.Bind(1, story_key);
    if (!row.Step()) return Status::Error(row.status().ok() ? "no story with key " + std::to_string(story_key) : row.status().message());
    story.id = row.Text(0);
    story.title = row.Text(1);
    story.first_date = row.Text(2);
    story.last_date = row.Text(3);
  }
  Stmt members(db,
               "SELECT d.key, d.id, d.title, d.date, d.source, m.copy_of, m.similarity, m.containment"
               " FROM story_members m JOIN documents d ON d.key = m.doc WHERE m.story = ?"
               " ORDER BY coalesce(d.day, -1e18), d.key");
  members.Bind(1, story_key);
  while (members.Step()) {
    cluster::StoryDocument d;
    d.ordinal = static_cast<uint64_t>(members.Int(0));
    d.id = members.Text(1);
    d.title = members.Text(2);
    d.date = members.Text(3);
    d.source = members.Text(4);
    d.copy_of = members.Text(5);
    d.similarity = members.Double(6);
    d.containment = members.Double(7);
    if (member_keys) member_keys->push_back(members.Int(0));
    story.documents.push_back(std::move(d));
  }
  if (!members.status().ok()) return members.status();
  Stmt overlaps(db, "SELECT document, paragraph, source_document, source_paragraph, similarity"
                    " FROM story_overlaps WHERE story = ?");
  overlaps.Bind(1, story_key);
  while (overlaps.Step()) {
    story.overlaps.push_back({std::string(overlaps.Text(0)), std::string(overlaps.Text(2)),
                              static_cast<uint32_t>(overlaps.Int(1)), static_cast<uint32_t>(overlaps.Int(3)),
                              overlaps.Double(4)});
  }
  if (!overlaps.status().ok()) return overlaps.status();
  return story;
}

}  // namespace crosscheck::store

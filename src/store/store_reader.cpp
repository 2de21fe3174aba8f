#include "store/store_reader.h"

#include <algorithm>
#include <filesystem>

#include "core/json_writer.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace crosscheck::store {
namespace {

constexpr size_t kMaxQueryWords = 16;
constexpr size_t kMaxWordBytes = 64;

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

int64_t Clamp(int64_t v, int64_t low, int64_t high) { return std::max(low, std::min(high, v)); }

// A filter of the story list: SQL text with `?` placeholders (fixed strings
// of this file only) and the values bound to them, in order.
struct Where {
  std::string sql;
  std::vector<std::string> values;
  void Add(const char* condition, const std::string& value) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
    values.push_back(value);
  }
  int Bind(Stmt& st, int first) const {
    for (const std::string& v : values) st.Bind(first++, v);
    return first;
  }
};

Where StoryFilter(const StoryQuery& q) {
  Where w;
  if (!q.from.empty()) w.Add("s.last_date <> '' AND s.last_date >= ?", q.from);
  // "~" sorts after digits and "-": a month or year bound takes all its days.
  if (!q.to.empty()) w.Add("s.first_date <> '' AND s.first_date <= ?", q.to + "~");
  if (!q.outlet.empty()) {
    w.Add("EXISTS (SELECT 1 FROM story_members mo JOIN documents do ON do.key = mo.doc"
          " WHERE mo.story = s.key AND do.source = ? COLLATE NOCASE)", q.outlet);
  }
  if (!q.entity.empty()) {
    w.Add("EXISTS (SELECT 1 FROM story_members me JOIN entities e ON e.doc = me.doc"
          " WHERE me.story = s.key AND e.name = ? COLLATE NOCASE)", q.entity);
  }
  return w;
}

void AppendStory(JsonWriter& w, Stmt& row, Stmt& outlets) {
  w.BeginObject();
  w.Key("id"); w.String(row.Text(0));
  w.Key("title"); w.String(row.Text(1));
  w.StringOrNull("first_date", row.Text(2));
  w.StringOrNull("last_date", row.Text(3));
  w.Key("documents"); w.Int(row.Int(4));
  w.Key("outlets"); w.Int(row.Int(5));
  w.Key("claims");
  w.BeginObject();
  w.Key("total"); w.Int(row.Int(6));
  w.Key("corroborated"); w.Int(row.Int(7));
  w.Key("disputed"); w.Int(row.Int(8));
  w.Key("denied"); w.Int(row.Int(9));
  w.EndObject();
  w.Key("sources");
  w.BeginArray();
  outlets.Bind(1, row.Int(10));
  while (outlets.Step()) w.String(outlets.Text(0));
  outlets.Reset();
  w.EndArray();
  w.StringOrNull("updated", row.Text(11));
  w.EndObject();
}

// FTS5 snippet with \x02 / \x03 around hits, as [{"text": ..., "match": bool}].
void AppendSnippet(JsonWriter& w, std::string_view snippet) {
  w.BeginArray();
  bool match = false;
  size_t start = 0;
  for (size_t i = 0; i <= snippet.size(); ++i) {
    if (i < snippet.size() && snippet[i] != '\x02' && snippet[i] != '\x03') continue;
    if (i > start) {
      w.BeginObject();
      w.Key("text"); w.String(snippet.substr(start, i - start));
      w.Key("match"); w.Bool(match);
      w.EndObject();
    }
    if (i < snippet.size()) match = snippet[i] == '\x02';
    start = i + 1;
  }
  w.EndArray();
}

}  // namespace

std::string FtsQuery(const std::string& text) {
  std::string out;
  size_t words = 0;
  for (size_t i = 0; i < text.size() && words < kMaxQueryWords;) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) { ++i; continue; }
    size_t end = i;
    while (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) ++end;
    if (end - i <= kMaxWordBytes) {
      if (!out.empty()) out += ' ';
      out += '"';
      out.append(text, i, end - i);
      out += '"';
      ++words;
    }
    i = end;
  }
  return out;
}

StoreReader::StoreReader(std::unique_ptr<Db> db) : db_(std::move(db)) {}
StoreReader::~StoreReader() = default;

Result<std::unique_ptr<StoreReader>> StoreReader::Open(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return Status::Error(path + ": no such store");
  auto db = Db::Open(path, true);
  if (!db.ok()) return db.status();
  auto version = SchemaVersion(**db);
  if (!version.ok()) return Status::Error(path + ": " + version.status().message());
  if (*version != LatestSchemaVersion()) {
    return Status::Error(path + ": store schema version " + std::to_string(*version) + ", this crosscheck reads " +
                         std::to_string(LatestSchemaVersion()) + " (run crosscheck ingest on it to migrate)");
  }
  return std::unique_ptr<StoreReader>(new StoreReader(std::move(db).value()));
}

Result<std::string> StoreReader::Stories(const StoryQuery& q) {
  Where where = StoryFilter(q);
  const std::string match = FtsQuery(q.text);
  // With words: stories ranked by their best matching document.
  std::string from = "stories s";
  if (!match.empty()) {
    from = "(SELECT m.story AS key, min(f.rank) AS best FROM documents_fts f JOIN story_members m ON m.doc = f.rowid"
           " WHERE documents_fts MATCH ? GROUP BY m.story) h JOIN stories s ON s.key = h.key";
  }
  const std::string order = match.empty() ? " ORDER BY s.last_date DESC, s.documents DESC, s.key DESC"
                                          : " ORDER BY h.best, s.documents DESC, s.key DESC";
  Stmt count(*db_, "SELECT count(*) FROM " + from + where.sql);
  Stmt rows(*db_, "SELECT s.id, s.title, s.first_date, s.last_date, s.documents, s.outlets,"
                         " coalesce(b.claims, 0), coalesce(b.corroborated, 0), coalesce(b.disputed, 0),"
                         " coalesce(b.denied, 0), s.key, b.updated FROM " + from +
                         " LEFT JOIN briefs b ON b.story = s.key" + where.sql + order + " LIMIT ? OFFSET ?");
  int next_count = 1, next_rows = 1;
  if (!match.empty()) { count.Bind(next_count++, match); rows.Bind(next_rows++, match); }
  next_count = where.Bind(count, next_count);
  next_rows = where.Bind(rows, next_rows);
  rows.Bind(next_rows, Clamp(q.limit, 1, 100)).Bind(next_rows + 1, Clamp(q.offset, 0, INT32_MAX));
  if (!count.Step()) return count.status().ok() ? Status::Error("SQLite: no count") : count.status();
  Stmt outlets(*db_, "SELECT d.source FROM story_members m JOIN documents d ON d.key = m.doc"
                     " WHERE m.story = ? AND d.source <> '' GROUP BY d.source COLLATE NOCASE"
                     " ORDER BY count(*) DESC, min(d.key) LIMIT 6");
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("total"); w.Int(count.Int(0));
  w.Key("offset"); w.Int(Clamp(q.offset, 0, INT32_MAX));
  w.Key("stories");
  w.BeginArray();
  while (rows.Step()) AppendStory(w, rows, outlets);
  w.EndArray();
  w.EndObject();
  if (!rows.status().ok()) return rows.status();
  return out;
}

Result<std::optional<std::string>> StoreReader::StoryJson(const std::string& id) {
  Stmt row(*db_, "SELECT b.json FROM stories s JOIN briefs b ON b.story = s.key WHERE s.id = ?");
  row.Bind(1, id);
  if (row.Step()) return std::optional<std::string>(std::string(row.Text(0)));
  if (!row.status().ok()) return row.status();
  return std::optional<std::string>();
}

Result<std::optional<std::string>> StoreReader::StoryHtml(const std::string& id) {
  Stmt row(*db_, "SELECT b.html FROM stories s JOIN briefs b ON b.story = s.key WHERE s.id = ?");
  row.Bind(1, id);
  if (row.Step()) return std::optional<std::string>(std::string(row.Text(0)));
  if (!row.status().ok()) return row.status();
  return std::optional<std::string>();
}

Result<std::string> StoreReader::Entities(const std::string& query, const std::string& type, int64_t limit,
                                          int64_t offset) {
  Where where;
  if (!query.empty()) {
    std::string like;  // a substring, with LIKE's wildcards taken literally
    for (char c : query) {
      if (c == '%' || c == '_' || c == '\\') like += '\\';
      like += c;
    }
    where.Add("e.name LIKE ? ESCAPE '\\'", "%" + like + "%");
  }
  if (!type.empty()) where.Add("e.type = ?", type);
  Stmt rows(*db_, "SELECT e.name, e.type, count(DISTINCT e.doc) AS docs, sum(e.mentions),"
                  " count(DISTINCT m.story) FROM entities e LEFT JOIN story_members m ON m.doc = e.doc" +
                      where.sql +
                      " GROUP BY e.name COLLATE NOCASE, e.type ORDER BY docs DESC, e.name LIMIT ? OFFSET ?");
  const int next = where.Bind(rows, 1);
  rows.Bind(next, Clamp(limit, 1, 200)).Bind(next + 1, Clamp(offset, 0, INT32_MAX));
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("entities");
  w.BeginArray();
  while (rows.Step()) {
    w.BeginObject();
    w.Key("name"); w.String(rows.Text(0));
    w.Key("type"); w.String(rows.Text(1));
    w.Key("documents"); w.Int(rows.Int(2));
    w.Key("mentions"); w.Int(rows.Int(3));
    w.Key("stories"); w.Int(rows.Int(4));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  if (!rows.status().ok()) return rows.status();
  return out;
}

Result<std::string> StoreReader::Search(const std::string& query, int64_t limit, int64_t offset) {
  const std::string match = FtsQuery(query);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  int64_t total = 0;
  if (!match.empty()) {
    Stmt count(*db_, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?");
    count.Bind(1, match);
    if (!count.Step()) return count.status().ok() ? Status::Error("SQLite: no count") : count.status();
    total = count.Int(0);
  }
  w.Key("total"); w.Int(total);
  w.Key("results");
  w.BeginArray();
  if (!match.empty()) {
    Stmt rows(*db_, "SELECT d.id, d.title, d.source, d.date, s.id,"
                    " snippet(documents_fts, 1, char(2), char(3), '…', 16)"
                    " FROM documents_fts f JOIN documents d ON d.key = f.rowid"
                    " LEFT JOIN story_members m ON m.doc = d.key LEFT JOIN stories s ON s.key = m.story"
                    " WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?");
    rows.Bind(1, match).Bind(2, Clamp(limit, 1, 100)).Bind(3, Clamp(offset, 0, INT32_MAX));
    while (rows.Step()) {
      w.BeginObject();
      w.Key("document"); w.String(rows.Text(0));
      w.StringOrNull("title", rows.Text(1));
      w.StringOrNull("source", rows.Text(2));
      w.StringOrNull("date", rows.Text(3));
      w.StringOrNull("story", rows.Text(4));
      w.Key("snippet"); AppendSnippet(w, rows.Text(5));
      w.EndObject();
    }
    if (!rows.status().ok()) return rows.status();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

Result<StoreCounts> StoreReader::Counts() {
  Stmt row(*db_, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM stories),"
                 " (SELECT count(*) FROM briefs), (SELECT count(*) FROM stories WHERE dirty <> 0),"
                 " (SELECT count(*) FROM documents d WHERE NOT EXISTS"
                 "   (SELECT 1 FROM story_members m WHERE m.doc = d.key))");
  if (!row.Step()) return row.status().ok() ? Status::Error("SQLite: no counts") : row.status();
  StoreCounts c;
  c.documents = row.Int(0);
  c.stories = row.Int(1);
  c.briefs = row.Int(2);
  c.dirty_stories = row.Int(3);
  c.unassigned = row.Int(4);
  c.schema_version = LatestSchemaVersion();
  return c;
}

}  // namespace crosscheck::store

#include "store/schema.h"

#include <iterator>
#include <string>

namespace crosscheck::store {
namespace {

// Each entry moves the store from version i to i + 1. Never edit a migration
// that has shipped: add one. docs/store.md explains each table.
constexpr const char* kMigrations[] = {
    // 1: documents and their analysis layers, stories, briefs, full-text search.
    R"sql(
CREATE TABLE documents (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  day INTEGER,
  language TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  extra TEXT,
  text TEXT NOT NULL,
  tokens INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  analysis BLOB NOT NULL,
  record BLOB NOT NULL,
  ingested TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url, content_hash) WHERE url <> '';
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_source ON documents(source COLLATE NOCASE);

CREATE TABLE sentences (
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE entities (
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE claims (
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  event TEXT NOT NULL,
  trigger TEXT NOT NULL,
  agent TEXT NOT NULL,
  patient TEXT NOT NULL,
  value_low REAL,
  value_high REAL,
  modality TEXT NOT NULL,
  attributed_to TEXT NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX claims_event ON claims(event);

CREATE TABLE quotes (
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT NOT NULL,
  verb TEXT NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE stories (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  first_date TEXT NOT NULL DEFAULT '',
  last_date TEXT NOT NULL DEFAULT '',
  documents INTEGER NOT NULL DEFAULT 0,
  outlets INTEGER NOT NULL DEFAULT 0,
  dirty INTEGER NOT NULL DEFAULT 1,
  updated TEXT NOT NULL
);
CREATE INDEX stories_recent ON stories(last_date, documents, key);  -- the list's order, read backwards
CREATE INDEX stories_dirty ON stories(dirty) WHERE dirty <> 0;

CREATE TABLE story_members (
  doc INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
  story INTEGER NOT NULL REFERENCES stories(key) ON DELETE CASCADE,
  copy_of TEXT NOT NULL DEFAULT '',
  similarity REAL NOT NULL DEFAULT 0,
  containment REAL NOT NULL DEFAULT 0,
  probability REAL NOT NULL DEFAULT 0
);
CREATE INDEX story_members_story ON story_members(story);

CREATE TABLE story_overlaps (
  story INTEGER NOT NULL REFERENCES stories(key) ON DELETE CASCADE,
  document TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  source_document TEXT NOT NULL,
  source_paragraph INTEGER NOT NULL,
  similarity REAL NOT NULL,
  PRIMARY KEY (story, document, paragraph, source_document, source_paragraph)
) WITHOUT ROWID;

-- The small columns first: reading them never walks the overflow pages of json and html.
CREATE TABLE briefs (
  story INTEGER PRIMARY KEY REFERENCES stories(key) ON DELETE CASCADE,
  claims INTEGER NOT NULL DEFAULT 0,
  corroborated INTEGER NOT NULL DEFAULT 0,
  disputed INTEGER NOT NULL DEFAULT 0,
  denied INTEGER NOT NULL DEFAULT 0,
  updated TEXT NOT NULL,
  json TEXT NOT NULL,
  html TEXT NOT NULL
);

CREATE TABLE ingest_runs (
  key INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  via TEXT NOT NULL,
  added INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='key',
  tokenize='unicode61 remove_diacritics 2');
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Result<int> SchemaVersion(Db& db) {
  Stmt exists(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
  if (!exists.Step()) return exists.status().ok() ? Status::Error("SQLite: cannot read the schema") : exists.status();
  if (exists.Int(0) == 0) {
    Stmt tables(db, "SELECT count(*) FROM sqlite_master");
    if (tables.Step() && tables.Int(0) > 0) return Status::Error("not a crosscheck store (it has tables but no schema_version)");
    return 0;
  }
  Stmt version(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version.Step()) return version.status().ok() ? Status::Error("SQLite: cannot read schema_version") : version.status();
  return static_cast<int>(version.Int(0));
}

Status Migrate(Db& db) {
  Transaction txn(db);  // one writer migrates; others wait here, then see it done
  if (!txn.status().ok()) return txn.status();
  auto version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > LatestSchemaVersion()) {
    return Status::Error("store schema version " + std::to_string(*version) +
                         " is newer than this crosscheck (" + std::to_string(LatestSchemaVersion()) + ")");
  }
  if (Status s = db.Exec("CREATE TABLE IF NOT EXISTS schema_version ("
                         "version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
      !s.ok()) {
    return s;
  }
  for (int v = *version; v < LatestSchemaVersion(); ++v) {
    if (Status s = db.Exec(kMigrations[v]); !s.ok()) {
      return Status::Error("migration to schema version " + std::to_string(v + 1) + ": " + s.message());
    }
    Stmt record(db, "INSERT INTO schema_version(version, applied) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    if (Status s = record.Bind(1, v + 1).Run(); !s.ok()) return s;
  }
  return txn.Commit();
}

}  // namespace crosscheck::store

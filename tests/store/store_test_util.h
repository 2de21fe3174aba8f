// Helpers for store tests: temporary folders, the loaded models, JSONL
// fixtures made from the example and NeuS texts, SQL probes.
#pragma once
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

#include "analyze/analyzer.h"
#include "ingest/document_source.h"
#include "store/ingester.h"

namespace crosscheck::store::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cc_store_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const char* kExample = "examples/chechnya-2017";
inline std::string NeusArticles() { return std::string(CROSSCHECK_SHARED_DIR) + "/data/clusters/neus/test.articles.jsonl.gz"; }

// The first `n` lines of a .jsonl.gz file ("" if it cannot be read).
inline std::vector<std::string> GzLines(const std::string& path, size_t n) {
  std::vector<std::string> lines;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return lines;
  std::string line;
  char buf[1 << 16];
  while (lines.size() < n && gzgets(f, buf, sizeof buf)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') { line.pop_back(); lines.push_back(line); line.clear(); }
  }
  gzclose(f);
  return lines;
}

inline void WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& l : lines) out << l << '\n';
}

// The models, loaded once for the whole test binary.
inline const IngestKit& Kit() {
  static std::unique_ptr<IngestKit> kit = [] {
    auto loaded = LoadIngestKit(analyze::DefaultModelDir(), analyze::DefaultDataDir());
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return std::move(loaded).value();
  }();
  return *kit;
}

inline IngestStats Ingest(const std::string& db, const std::vector<std::string>& inputs, bool list = false,
                          unsigned threads = 2) {
  IngestOptions options;
  options.threads = threads;
  auto ingester = Ingester::Open(db, Kit().models(), options);
  EXPECT_TRUE(ingester.ok()) << ingester.status().message();
  if (!ingester.ok()) return {};
  ingest::IngestOptions read;
  read.on_error = [](const ingest::InputError&) {};
  auto source = ingest::DocumentSource::Open(inputs, read);
  EXPECT_TRUE(source != nullptr);
  auto stats = (*ingester)->Ingest(*source, list);
  EXPECT_TRUE(stats.ok()) << stats.status().message();
  return stats.ok() ? *stats : IngestStats{};
}

// Runs one query and returns the first column of every row as text.
inline std::vector<std::string> Column(const std::string& db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) { sqlite3_close(h); return out; }
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      out.push_back(text ? text : "");
    }
  } else {
    ADD_FAILURE() << sqlite3_errmsg(h) << " in " << sql;
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// Runs SQL on a writable connection; the error message, "" if none.
inline std::string Exec(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string error;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 5000);
    char* message = nullptr;
    if (sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) error = message ? message : "error";
    sqlite3_free(message);
  } else {
    error = sqlite3_errmsg(h);
  }
  sqlite3_close(h);
  return error;
}

inline std::string One(const std::string& db, const std::string& sql) {
  auto rows = Column(db, sql);
  return rows.empty() ? "" : rows[0];
}

}  // namespace crosscheck::store::testing

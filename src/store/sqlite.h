// store/sqlite.h: a thin RAII layer over the SQLite C API (private to store/).
// Db owns one connection; Stmt one prepared statement, bound by position
// (1-based) and stepped; Transaction a BEGIN IMMEDIATE .. COMMIT that rolls
// back if not committed. Errors become Status values naming the statement.
// Every value reaches SQL through Bind*, never through string building.
// A connection is used by one thread at a time; readers each open their own
// (WAL lets them read while one writer writes).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck::store {

class Db {
 public:
  // Opens (creating unless read_only) with WAL, foreign keys, a busy timeout.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool read_only);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }
  // Runs SQL without results (may hold several statements).
  Status Exec(std::string_view sql);
  std::string Error() const { return sqlite3_errmsg(db_); }
  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);  // asserts on SQL that does not compile (a bug)
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); return *this; }
  Stmt& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const char* s) { return Bind(i, std::string_view(s)); }
  Stmt& Bind(int i, const std::string& s) { return Bind(i, std::string_view(s)); }
  Stmt& BindBlob(int i, std::string_view b) {
    sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& BindNull(int i) { sqlite3_bind_null(stmt_, i); return *this; }
  // Text, or NULL when empty.
  Stmt& BindOrNull(int i, std::string_view s) { return s.empty() ? BindNull(i) : Bind(i, s); }
  Stmt& BindOrNull(int i, std::optional<double> v) { return v ? Bind(i, *v) : BindNull(i); }

  // true: a row is ready; false: done. Errors are kept in status().
  bool Step();
  // Steps to the end; the error if any.
  Status Run();
  void Reset() { sqlite3_reset(stmt_); sqlite3_clear_bindings(stmt_); status_ = Status(); }
  const Status& status() const { return status_; }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, sqlite3_column_bytes(stmt_, col)) : std::string_view();
  }
  std::string_view Blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string_view(p, sqlite3_column_bytes(stmt_, col)) : std::string_view();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

class Transaction {
 public:
  explicit Transaction(Db& db);  // BEGIN IMMEDIATE (waits up to the busy timeout)
  ~Transaction();                // ROLLBACK unless committed
  const Status& status() const { return status_; }
  Status Commit();

 private:
  Db& db_;
  Status status_;
  bool open_ = false;
};

}  // namespace crosscheck::store

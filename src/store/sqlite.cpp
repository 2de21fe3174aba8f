#include "store/sqlite.h"

#include <cassert>
#include <cstdio>

namespace crosscheck::store {

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only) {
  sqlite3* raw = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_FULLMUTEX;  // a misuse from two threads then blocks instead of corrupting
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status::Error(path + ": cannot open store: " + message);
  }
  std::unique_ptr<Db> db(new Db(raw));
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  // WAL: readers never block the writer nor see a half-written transaction.
  // synchronous=NORMAL in WAL keeps the file consistent after a crash of the
  // process (kill -9); only a power loss may drop the last commits.
  const char* setup = read_only ? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;"
                                : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
  if (Status s = db->Exec(setup); !s.ok()) return Status::Error(path + ": " + s.message());
  if (!read_only) {
    Stmt mode(*db, "PRAGMA journal_mode");
    if (mode.Step() && mode.Text(0) != "wal") return Status::Error(path + ": cannot switch the store to WAL mode");
  }
  return db;
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string copy(sql);
  if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return Status::Ok();
  std::string message = error ? error : Error();
  sqlite3_free(error);
  return Status::Error("SQLite: " + message);
}

Stmt::Stmt(Db& db, std::string_view sql) : db_(db.handle()) {
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    // Statements are constants of this library: one that does not compile is a bug.
    std::fprintf(stderr, "crosscheck: SQL does not compile: %s\n%.*s\n", sqlite3_errmsg(db_),
                 static_cast<int>(sql.size()), sql.data());
    assert(false);
    status_ = Status::Error(std::string("SQLite: ") + sqlite3_errmsg(db_));
  }
}

bool Stmt::Step() {
  if (!stmt_ || !status_.ok()) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Error(std::string("SQLite: ") + sqlite3_errmsg(db_));
  return false;
}

Status Stmt::Run() {
  while (Step()) {}
  Status s = status_;
  Reset();
  return s;
}

Transaction::Transaction(Db& db) : db_(db) {
  status_ = db_.Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status::Error("SQLite: no open transaction") : status_;
  open_ = false;
  Status s = db_.Exec("COMMIT");
  if (!s.ok()) db_.Exec("ROLLBACK");
  return s;
}

}  // namespace crosscheck::store

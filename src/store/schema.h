// store/schema.h: the store's versioned schema (private to store/).
// Migrations are SQL scripts in schema.cpp, applied in order, each in one
// transaction that also records it in schema_version; a store newer than this
// binary is refused. docs/store.md describes the tables.
#pragma once
#include "core/status.h"
#include "store/sqlite.h"

namespace crosscheck::store {

// The schema version this binary writes and reads.
int LatestSchemaVersion();

// The store's version (0 for an empty file).
Result<int> SchemaVersion(Db& db);

// Applies the missing migrations; fails on a store from a newer binary.
Status Migrate(Db& db);

}  // namespace crosscheck::store

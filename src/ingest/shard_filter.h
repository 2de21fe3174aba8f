// ingest/shard_filter.h: which input records belong to one shard. Private to ingest/.
// `crosscheck analyze --shard I/N` keeps a record when a hash of its key,
// modulo N, is I. The key is fixed by the record alone, before any parsing:
//   WARC   its WARC-Record-ID (or file key + "#" + record ordinal if it has none)
//   JSONL  file key + ":" + line number
//   txt, html  the file key
// where the file key is the path relative to the directory given on the
// command line, or the base name of a file given directly ("-" for stdin).
// So a shard never depends on other records or files or on where the data is
// mounted, and the N shards of the same inputs partition them exactly: their
// union is the unsharded run, with no overlap. Errors in a record (bad JSON,
// oversize WARC record) are reported only by the shard that owns it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::ingest {

// FNV-1a with a 64-bit finaliser: stable across platforms and releases.
inline uint64_t ShardHash(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ULL;
  h ^= h >> 33; h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

struct ShardFilter {
  uint32_t index = 0;
  uint32_t count = 1;
  std::string file_key;  // see above

  bool all() const { return count <= 1; }
  // A record keyed by its own id (WARC-Record-ID).
  bool KeepKey(std::string_view key) const { return all() || ShardHash(key) % count == index; }
  // A record keyed by its position in the file (line, record ordinal; 0 for whole files).
  bool KeepPosition(char separator, uint64_t position) const {
    if (all()) return true;
    return KeepKey(file_key + separator + std::to_string(position));
  }
  bool KeepFile() const { return all() || KeepKey(file_key); }
};

}  // namespace crosscheck::ingest

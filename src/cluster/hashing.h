// cluster/hashing.h: the 64-bit hashes that name terms, shingles and stories.
// Terms are never stored as strings inside the clusterer: a term is its hash,
// so memory per term is 8 bytes and collisions (2^-64 per pair) are ignored.
// Private to cluster/. Pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <string_view>

namespace crosscheck::cluster {

// SplitMix64 finaliser: a bijective mixer with good avalanche.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a over the bytes, then mixed; `seed` separates term namespaces
// (body words, title words, entity names) that share one table.
inline uint64_t Hash64(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix64(h);
}

inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix64(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6))); }

// Namespaces of the term table.
inline constexpr uint64_t kWordSeed = 0;
inline constexpr uint64_t kEntitySeed = 0x656e74ULL;      // "ent"

}  // namespace crosscheck::cluster

// syntax/hash_index.h (private to syntax/): a read-mostly map from 64-bit
// hashed keys to 32-bit values (open addressing, linear probing, load <= 1/2).
// Used for feature weights, tag and lemma dictionaries. Built once, then only
// read: lookups are safe from any number of threads.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/binary_io.h"

namespace crosscheck::syntax {

class HashIndex {
 public:
  // Key 0 is reserved for empty slots; Insert maps it to 1.
  void Reserve(size_t n);
  // Adds or overwrites `key`.
  void Insert(uint64_t key, uint32_t value);
  std::optional<uint32_t> Find(uint64_t key) const {
    if (slots_.empty()) return std::nullopt;
    key = key ? key : 1;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.value;
      if (slot.key == 0) return std::nullopt;
    }
  }
  size_t size() const { return size_; }
  // Hints the CPU to load the slot where a lookup of `key` starts.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[(key ? key : 1) & mask_]);
  }
  // Calls f(key, value) for every entry, in slot order.
  template <typename F>
  void ForEach(F f) const {
    for (const Slot& slot : slots_) if (slot.key) f(slot.key, slot.value);
  }

  // Entries in slot order (deterministic for a given insertion order).
  void Serialize(ByteWriter* out) const;
  // Fails the reader on malformed input.
  void Parse(ByteReader* in);

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  void Grow();
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

inline void HashIndex::Reserve(size_t n) {
  size_t capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  size_ = 0;
  for (const Slot& slot : old) if (slot.key) Insert(slot.key, slot.value);
}

inline void HashIndex::Insert(uint64_t key, uint32_t value) {
  if (2 * (size_ + 1) > slots_.size()) Reserve(size_ + 1 > 8 ? 2 * (size_ + 1) : 16);
  key = key ? key : 1;
  size_t i = key & mask_;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  if (slots_[i].key == 0) ++size_;
  slots_[i] = Slot{key, value};
}

inline void HashIndex::Serialize(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(size_));
  for (const Slot& slot : slots_) {
    if (!slot.key) continue;
    out->U64(slot.key);
    out->U32(slot.value);
  }
}

inline void HashIndex::Parse(ByteReader* in) {
  const uint32_t n = in->Count(1u << 26);
  slots_.clear();
  size_ = 0;
  Reserve(n);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    const uint64_t key = in->U64();
    const uint32_t value = in->U32();
    Insert(key, value);
  }
}

}  // namespace crosscheck::syntax

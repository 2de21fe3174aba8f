// text/vote_table.h (private to text/): Votes keyed by 64-bit hashes, in one
// flat open-addressing array. The tokenizer looks up join and period votes at
// many tokens; a node-based map costs a division and a pointer chase (a cache
// miss) per lookup, this costs one probe into one array. Not thread-safe to
// modify; const lookups are.
#pragma once
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace crosscheck::text {

struct Votes {
  uint32_t yes = 0;  // joined / attached / split into words
  uint32_t no = 0;
  uint32_t total() const { return yes + no; }
};

class VoteTable {
 public:
  // The votes for `key`, or nullptr if it has none.
  const Votes* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return &slots_[i].votes;
      if (slots_[i].key == 0) return nullptr;
    }
  }

  // The votes for `key`, added (zero) if missing.
  Votes& operator[](uint64_t key) {
    if (key == 0) { has_zero_ = true; return zero_; }
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t i = Home(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i].key == 0) { slots_[i].key = key; ++size_; }
    return slots_[i].votes;
  }

  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // All entries, in no particular order.
  std::vector<std::pair<uint64_t, Votes>> Entries() const {
    std::vector<std::pair<uint64_t, Votes>> out;
    if (has_zero_) out.emplace_back(0, zero_);
    for (const Slot& s : slots_)
      if (s.key != 0) out.emplace_back(s.key, s.votes);
    return out;
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (key 0 itself lives in zero_)
    Votes votes;
  };

  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    const size_t capacity = old.empty() ? 64 : 2 * old.size();
    slots_.assign(capacity, Slot{});
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) (*this)[s.key] = s.votes;
  }

  std::vector<Slot> slots_;  // size 0 or a power of two, at most half full
  size_t size_ = 0;          // used slots
  int shift_ = 64;
  bool has_zero_ = false;
  Votes zero_;
};

}  // namespace crosscheck::text

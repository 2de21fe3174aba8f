// syntax/label_candidates.h (private to syntax/): the labels each frequent
// word form was seen with in training. The tagger picks the best-scoring label
// among them (as UDPipe/MorphoDiTa restrict tags to a guesser's analyses), so
// a frequent word never gets a label it never had; rare and unknown words may
// take any label. Immutable after building; reads are thread-safe.
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/hash_index.h"

namespace crosscheck::syntax {

struct LabelCandidates {
  uint32_t words_per_set = 0;  // u64 words per label bitset
  std::vector<uint64_t> bits;  // set s occupies [s * words_per_set, (s + 1) * words_per_set)
  HashIndex sets;              // exact-form hash -> set id

  // The bitset for `form_hash`, or nullptr if the word may take any label.
  const uint64_t* Find(uint64_t form_hash) const {
    const auto set = sets.Find(form_hash);
    return set ? &bits[*set * words_per_set] : nullptr;
  }
  void Serialize(ByteWriter* out) const {
    out->U32(words_per_set);
    out->U32(static_cast<uint32_t>(bits.size()));
    for (uint64_t b : bits) out->U64(b);
    sets.Serialize(out);
  }
  void Parse(ByteReader* in, uint32_t labels) {
    words_per_set = in->U32();
    bits.resize(in->Count(1u << 26));
    for (uint64_t& b : bits) b = in->U64();
    sets.Parse(in);
    bool ok = words_per_set == (labels + 63) / 64;
    const size_t count = ok ? bits.size() / words_per_set : 0;
    sets.ForEach([&](uint64_t, uint32_t s) { ok &= s < count; });
    if (!ok) in->Fail();
  }
};

// The label with the highest score, among `allowed` if not null (ties go to
// the lowest label id).
template <typename Score>
uint32_t BestLabel(const Score* scores, uint32_t labels, const uint64_t* allowed) {
  uint32_t best = 0;
  if (!allowed) {
    for (uint32_t label = 1; label < labels; ++label) {
      if (scores[label] > scores[best]) best = label;
    }
    return best;
  }
  bool found = false;  // walk the set bits only: most words allow a few labels
  for (uint32_t word = 0; word * 64 < labels; ++word) {
    for (uint64_t bits = allowed[word]; bits; bits &= bits - 1) {
      const uint32_t label = word * 64 + static_cast<uint32_t>(__builtin_ctzll(bits));
      if (!found || scores[label] > scores[best]) best = label, found = true;
    }
  }
  return best;
}

}  // namespace crosscheck::syntax

#include "cluster/near_duplicates.h"

#include <algorithm>

#include "cluster/hashing.h"
#include "cluster/minhash.h"

namespace crosscheck::cluster {
namespace {

constexpr int kDocumentBands = 24;
constexpr int kParagraphBands = 8;
constexpr int kRows = 2;  // values per band: P(candidate) = 1 - (1 - J^2)^bands

uint64_t BandKey(const std::vector<uint32_t>& signature, int band, uint64_t salt) {
  uint64_t key = Mix64(salt + static_cast<uint64_t>(band));
  for (int r = 0; r < kRows; ++r) key = Combine(key, signature[band * kRows + r]);
  return key;
}

constexpr uint64_t kDocumentSalt = 0x646f63;   // "doc"
constexpr uint64_t kParagraphSalt = 0x706172;  // "par"

}  // namespace

const NearDuplicateIndex::Entry* NearDuplicateIndex::Find(const std::deque<Entry>& entries, uint64_t ordinal) {
  if (entries.empty() || ordinal < entries.front().ordinal) return nullptr;
  // Ordinals are increasing but may skip (a session numbers every document); binary search.
  auto it = std::lower_bound(entries.begin(), entries.end(), ordinal,
                             [](const Entry& e, uint64_t o) { return e.ordinal < o; });
  return it != entries.end() && it->ordinal == ordinal ? &*it : nullptr;
}

const NearDuplicateIndex::Entry* NearDuplicateIndex::Find(uint64_t ordinal) const {
  const Entry* e = Find(dated_, ordinal);
  return e ? e : Find(undated_, ordinal);
}

void NearDuplicateIndex::FindCopies(const DocumentRecord& record, DuplicateResult* result) const {
  if (record.signature.size() != static_cast<size_t>(kSignatureSize)) return;
  std::vector<uint64_t> candidates;
  for (int b = 0; b < kDocumentBands; ++b) {
    auto [lo, hi] = document_bands_.equal_range(BandKey(record.signature, b, kDocumentSalt));
    for (auto it = lo; it != hi; ++it) candidates.push_back(it->second);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint64_t ordinal : candidates) {  // ascending: the first copy found is the earliest
    const Entry* e = Find(ordinal);
    if (!e) continue;
    const double j = EstimateJaccard(record.signature, e->signature);
    if (j < options_.copy_min_jaccard) continue;
    const double mine = ContainmentFromJaccard(j, record.shingles, e->shingles);
    const double theirs = ContainmentFromJaccard(j, e->shingles, record.shingles);
    if (mine < options_.copy_containment && theirs < options_.copy_containment) continue;
    result->partners.push_back(ordinal);
    if (mine >= options_.copy_containment && !result->is_copy) {
      result->is_copy = true;
      result->copy_of_ordinal = ordinal;
      result->copy_of = e->id;
      result->similarity = j;
      result->containment = mine;
    }
  }
}

void NearDuplicateIndex::FindLifted(const DocumentRecord& record, DuplicateResult* result) const {
  for (const ParagraphPrint& p : record.paragraphs) {
    LiftedParagraph best;
    bool found = false;
    for (int b = 0; b < kParagraphBands; ++b) {
      auto [lo, hi] = paragraph_bands_.equal_range(BandKey(p.signature, b, kParagraphSalt));
      for (auto it = lo; it != hi; ++it) {
        const uint64_t ordinal = it->second >> 16;
        if (result->is_copy && ordinal == result->copy_of_ordinal) continue;  // the copy says it all
        const Entry* e = Find(ordinal);
        if (!e) continue;
        const ParagraphPrint& q = e->paragraphs[it->second & 0xffff];
        const double j = EstimateJaccard(p.signature, q.signature);
        if (j < options_.paragraph_jaccard) continue;
        if (!found || j > best.similarity || (j == best.similarity && ordinal < best.source_ordinal)) {
          best = {p.paragraph, ordinal, e->id, q.paragraph, j};
          found = true;
        }
      }
    }
    if (found) result->lifted.push_back(std::move(best));
  }
}

void NearDuplicateIndex::Index(const Entry& e, bool insert) {
  auto update = [insert](std::unordered_multimap<uint64_t, uint64_t>& table, uint64_t key, uint64_t value) {
    if (insert) { table.emplace(key, value); return; }
    auto [lo, hi] = table.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      if (it->second == value) { table.erase(it); return; }
    }
  };
  if (e.signature.size() == static_cast<size_t>(kSignatureSize)) {
    for (int b = 0; b < kDocumentBands; ++b) update(document_bands_, BandKey(e.signature, b, kDocumentSalt), e.ordinal);
  }
  for (size_t i = 0; i < e.paragraphs.size(); ++i) {
    for (int b = 0; b < kParagraphBands; ++b) {
      update(paragraph_bands_, BandKey(e.paragraphs[i].signature, b, kParagraphSalt), e.ordinal << 16 | i);
    }
  }
}

DuplicateResult NearDuplicateIndex::Add(const DocumentRecord& record, uint64_t ordinal, int64_t time) {
  DuplicateResult result;
  FindCopies(record, &result);
  FindLifted(record, &result);
  if (record.signature.empty() && record.paragraphs.empty()) return result;
  Entry e{ordinal, time, record.id, record.shingles, record.signature, record.paragraphs};
  if (e.paragraphs.size() > 0xffff) e.paragraphs.resize(0xffff);
  Index(e, true);
  (time == kUnknownTime ? undated_ : dated_).push_back(std::move(e));
  return result;
}

void NearDuplicateIndex::PopFront(std::deque<Entry>* entries) {
  Index(entries->front(), false);
  entries->pop_front();
}

void NearDuplicateIndex::Expire(int64_t now) {
  while (size() > options_.max_documents) {
    const bool undated_older = !undated_.empty() && (dated_.empty() || undated_.front().ordinal < dated_.front().ordinal);
    PopFront(undated_older ? &undated_ : &dated_);
  }
  if (now == kUnknownTime) return;
  while (!dated_.empty() && dated_.front().time + options_.window_seconds < now) PopFront(&dated_);
}

size_t NearDuplicateIndex::MemoryBytes() const {
  size_t bytes = (document_bands_.size() + paragraph_bands_.size()) * 40 +
                 (document_bands_.bucket_count() + paragraph_bands_.bucket_count()) * 8;
  for (const auto* entries : {&dated_, &undated_}) {
    for (const Entry& e : *entries) {
      bytes += sizeof(Entry) + e.id.capacity() + e.signature.capacity() * 4;
      for (const auto& p : e.paragraphs) bytes += sizeof(p) + p.signature.capacity() * 4;
    }
  }
  return bytes;
}

}  // namespace crosscheck::cluster

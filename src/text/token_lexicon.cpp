#include "text/token_lexicon.h"

#include <algorithm>
#include <map>

#include "text/char_class.h"

namespace crosscheck::text {
namespace {

constexpr uint32_t kMaxEntries = 1u << 24;

bool IsApostrophe(std::string_view s) {
  return s.starts_with("'") || s.starts_with("\xE2\x80\x99") || s.starts_with("`");
}

template <typename Map>
std::vector<typename Map::const_iterator> Sorted(const Map& m) {
  std::vector<typename Map::const_iterator> items;
  for (auto it = m.begin(); it != m.end(); ++it) items.push_back(it);
  std::sort(items.begin(), items.end(), [](auto a, auto b) { return a->first < b->first; });
  return items;
}

void WriteVotes(const Votes& v, ByteWriter* out) { out->U32(v.yes); out->U32(v.no); }
Votes ReadVotes(ByteReader* in) { Votes v; v.yes = in->U32(); v.no = in->U32(); return v; }

}  // namespace

uint64_t LowerHash(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (char c : s) h = FnvByte(h, static_cast<unsigned char>(LowerAscii(c)));
  return h;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string RunShape(std::string_view run, size_t max_chars, bool from_right) {
  std::string shape;
  for (size_t i = 0; i < run.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(run[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    shape.push_back(c >= 0x80 ? 'x' : (c >= '0' && c <= '9') ? '9' : (c >= 'A' && c <= 'Z') ? 'A' : 'a');
  }
  if (shape.size() <= max_chars) return shape;
  return from_right ? "+" + shape.substr(shape.size() - max_chars) : shape.substr(0, max_chars) + "+";
}

uint64_t TokenLexicon::Key(char tag, std::string_view a, std::string_view b, std::string_view c) {
  uint64_t h = FnvByte(kFnvOffset, static_cast<unsigned char>(tag));
  for (char ch : a) h = FnvByte(h, static_cast<unsigned char>(LowerAscii(ch)));
  h = FnvByte(h, 1);
  h = FnvBytes(h, b);
  h = FnvByte(h, 1);
  for (char ch : c) h = FnvByte(h, static_cast<unsigned char>(LowerAscii(ch)));
  return h;
}

TokenLexicon::Vote TokenLexicon::Decide(uint64_t key, uint32_t min_total) const {
  const Votes* v = joins_.Find(key);
  if (v == nullptr || v->total() < min_total || v->yes == v->no) return Vote::kUnknown;
  return v->yes > v->no ? Vote::kYes : Vote::kNo;
}

TokenLexicon::Vote TokenLexicon::Join(std::string_view left, std::string_view conn,
                                      std::string_view right) const {
  Vote v = Decide(Key('P', left, conn, right), 1);
  if (v == Vote::kUnknown) v = Decide(Key('L', left, conn, ""), 3);
  if (v == Vote::kUnknown) v = Decide(Key('R', "", conn, right), 3);
  return v;
}

TokenLexicon::Vote TokenLexicon::JoinShape(std::string_view left, std::string_view conn,
                                           std::string_view right) const {
  return Decide(Key('S', RunShape(left, 4, true), conn, RunShape(right, 4, false)), 2);
}

TokenLexicon::Vote TokenLexicon::AttachPeriod(std::string_view word) const {
  const Votes* v = periods_.Find(LowerHash(word));
  if (v == nullptr || v->yes == v->no) return Vote::kUnknown;
  return v->yes > v->no ? Vote::kYes : Vote::kNo;
}

bool TokenLexicon::SplitWords(std::string_view surface, std::vector<uint8_t>* lengths) const {
  if (surface.size() < 2 || surface.size() > 64) return false;
  char buffer[64];  // lowercased on the stack: called for every word with an apostrophe
  for (size_t i = 0; i < surface.size(); ++i) buffer[i] = LowerAscii(surface[i]);
  const std::string_view lower(buffer, surface.size());
  if (const auto it = multiwords_.find(lower); it != multiwords_.end()) {
    *lengths = it->second.lengths;
    return true;
  }
  for (const std::string& suffix : clitic_suffixes_) {
    if (lower.size() <= suffix.size() || !lower.ends_with(suffix)) continue;
    const size_t prefix = lower.size() - suffix.size();
    size_t len = 0;
    if (!IsAlnum(FlagsAt(lower, prefix - 1, &len)) && (lower[prefix - 1] & 0xC0) != 0x80) continue;
    lengths->assign({static_cast<uint8_t>(prefix), static_cast<uint8_t>(suffix.size())});
    return true;
  }
  return false;
}

size_t TokenLexicon::MatchSymbol(std::string_view s) const {
  const unsigned char first = static_cast<unsigned char>(s[0]);
  if ((symbol_first_bytes_[first >> 5] & (1u << (first & 31))) == 0) return 0;
  for (size_t len = std::min<size_t>(8, s.size()); len >= 2; --len)
    if (symbols_.find(s.substr(0, len)) != symbols_.end()) return len;
  return 0;
}

bool TokenLexicon::IsLeadPunctWord(std::string_view s) const {
  if (lead_punct_words_.empty()) return false;
  char buffer[32];  // lowercased on the stack; longer words take a std::string
  if (s.size() > sizeof(buffer)) return lead_punct_words_.find(LowerAscii(s)) != lead_punct_words_.end();
  for (size_t i = 0; i < s.size(); ++i) buffer[i] = LowerAscii(s[i]);
  return lead_punct_words_.find(std::string_view(buffer, s.size())) != lead_punct_words_.end();
}

void TokenLexicon::AddJoin(std::string_view left, std::string_view conn, std::string_view right,
                           bool joined) {
  const uint64_t keys[4] = {Key('P', left, conn, right), Key('L', left, conn, ""),
                            Key('R', "", conn, right),
                            Key('S', RunShape(left, 4, true), conn, RunShape(right, 4, false))};
  for (uint64_t k : keys) (joined ? joins_[k].yes : joins_[k].no)++;
}

void TokenLexicon::AddPeriod(std::string_view word, bool attached, uint32_t weight) {
  Votes& v = periods_[LowerHash(word)];
  (attached ? v.yes : v.no) += weight;
}

void TokenLexicon::AddSurface(std::string_view surface, const std::vector<std::string_view>& words) {
  const std::string lower = LowerAscii(surface);
  if (words.size() < 2) { ++plain_counts_[lower]; return; }
  size_t sum = 0;
  for (std::string_view w : words) sum += w.size();
  std::string joined;
  for (std::string_view w : words) joined += LowerAscii(w);
  if (sum != surface.size() || joined != lower || words.size() > 8) return;  // not a plain split
  MultiwordSplit& m = multiwords_[lower];
  m.lengths.clear();
  for (std::string_view w : words) m.lengths.push_back(static_cast<uint8_t>(w.size()));
  ++m.votes.yes;
  const std::string last = LowerAscii(words.back());
  if (IsApostrophe(last) || last == "n't" || last == "n\xE2\x80\x99t") ++suffix_counts_[last];
}

void TokenLexicon::AddSymbol(std::string_view symbol) {
  if (symbol.size() >= 2 && symbol.size() <= 8) ++symbols_[std::string(symbol)];
}

void TokenLexicon::AddLeadPunctWord(std::string_view word) { ++lead_punct_words_[LowerAscii(word)]; }

void TokenLexicon::Finish() {
  for (auto it = multiwords_.begin(); it != multiwords_.end();) {
    it->second.votes.no = plain_counts_[it->first];
    it = it->second.votes.yes > it->second.votes.no ? std::next(it) : multiwords_.erase(it);
  }
  clitic_suffixes_.clear();
  for (const auto& it : Sorted(suffix_counts_))
    if (it->second >= 3) clitic_suffixes_.push_back(it->first);
  std::stable_sort(clitic_suffixes_.begin(), clitic_suffixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::erase_if(symbols_, [](const auto& kv) { return kv.second < 2; });
  std::erase_if(lead_punct_words_, [](const auto& kv) { return kv.second < 2; });
  for (const auto& [s, n] : symbols_) {
    const unsigned char c = static_cast<unsigned char>(s[0]);
    symbol_first_bytes_[c >> 5] |= 1u << (c & 31);
  }
  plain_counts_.clear();
  suffix_counts_.clear();
}

void TokenLexicon::Write(ByteWriter* out) const {
  const auto joins_entries = joins_.Entries();
  const std::map<uint64_t, Votes> joins(joins_entries.begin(), joins_entries.end());
  out->U32(static_cast<uint32_t>(joins.size()));
  for (const auto& [k, v] : joins) { out->U64(k); WriteVotes(v, out); }
  const auto periods_entries = periods_.Entries();
  const std::map<uint64_t, Votes> periods(periods_entries.begin(), periods_entries.end());
  out->U32(static_cast<uint32_t>(periods.size()));
  for (const auto& [k, v] : periods) { out->U64(k); WriteVotes(v, out); }
  out->U32(static_cast<uint32_t>(multiwords_.size()));
  for (const auto& it : Sorted(multiwords_)) {
    out->Str(it->first);
    out->Str(std::string_view(reinterpret_cast<const char*>(it->second.lengths.data()),
                              it->second.lengths.size()));
    WriteVotes(it->second.votes, out);
  }
  out->U32(static_cast<uint32_t>(clitic_suffixes_.size()));
  for (const std::string& s : clitic_suffixes_) out->Str(s);
  for (const auto* table : {&symbols_, &lead_punct_words_}) {
    out->U32(static_cast<uint32_t>(table->size()));
    for (const auto& it : Sorted(*table)) { out->Str(it->first); out->U32(it->second); }
  }
}

Status TokenLexicon::Read(ByteReader* in) {
  *this = TokenLexicon();
  for (uint32_t n = in->Count(kMaxEntries); n > 0 && in->ok(); --n) {
    const uint64_t k = in->U64();
    joins_[k] = ReadVotes(in);
  }
  for (uint32_t n = in->Count(kMaxEntries); n > 0 && in->ok(); --n) {
    const uint64_t k = in->U64();
    periods_[k] = ReadVotes(in);
  }
  for (uint32_t n = in->Count(kMaxEntries); n > 0 && in->ok(); --n) {
    std::string surface = in->Str();
    const std::string lengths = in->Str();
    MultiwordSplit m;
    m.lengths.assign(lengths.begin(), lengths.end());
    m.votes = ReadVotes(in);
    size_t sum = 0;
    for (uint8_t l : m.lengths) sum += l;
    if (sum != surface.size()) return Status::Error("multiword entry \"" + surface + "\": lengths do not add up");
    multiwords_[std::move(surface)] = std::move(m);
  }
  for (uint32_t n = in->Count(1024); n > 0 && in->ok(); --n) clitic_suffixes_.push_back(in->Str());
  for (auto* table : {&symbols_, &lead_punct_words_}) {
    for (uint32_t n = in->Count(kMaxEntries); n > 0 && in->ok(); --n) {
      std::string s = in->Str();
      (*table)[std::move(s)] = in->U32();
    }
  }
  for (const auto& [s, n] : symbols_) {
    if (s.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(s[0]);
    symbol_first_bytes_[c >> 5] |= 1u << (c & 31);
  }
  return in->ok() ? Status::Ok() : Status::Error("token lexicon truncated or corrupt");
}

}  // namespace crosscheck::text

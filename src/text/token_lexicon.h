// text/token_lexicon.h (private to text/): what the tokenizer knows about
// words, learned from UD training data (see segmenter_trainer.h) and stored
// in models/segmenter.bin:
//  - joins: whether an inner connector ("e-mail", "150,000", "and/or", "9/11")
//    stays inside a token, voted by exact pair, left word, right word, shape;
//  - abbreviations: whether a following period belongs to a word ("Mr.", "U.S.");
//  - multiword tokens: how a surface token splits into words ("cannot", "gonna")
//    and clitic suffixes that split generically ("n't", "'s", "'ll");
//  - symbol tokens: multi-character punctuation kept whole (":)", ":-)").
// Lookups are const and thread-safe; building is single-threaded.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "core/binary_io.h"
#include "text/vote_table.h"

namespace crosscheck::text {

struct MultiwordSplit {
  std::vector<uint8_t> lengths;  // byte length of each word; they sum to the surface length
  Votes votes;                   // yes: seen as a multiword token; no: seen as a plain token
};

// Hashes std::string and std::string_view alike, so lookups need no std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

class TokenLexicon {
 public:
  enum class Vote { kUnknown, kYes, kNo };

  // Does connector `conn` between alphanumeric runs `left` and `right` stay inside
  // the token? Join votes by the exact pair, then the left run, then the right
  // run; JoinShape by the shapes of the runs ("99-aaaa"). An empty `conn` is a
  // digit-letter transition ("5th" stays, "375mm" splits).
  Vote Join(std::string_view left, std::string_view conn, std::string_view right) const;
  Vote JoinShape(std::string_view left, std::string_view conn, std::string_view right) const;
  // Does a period right after `word` belong to it ("Mr." yes, "said." no)?
  Vote AttachPeriod(std::string_view word) const;
  // Word lengths of `surface` if it is a multiword token; false if it is one word.
  bool SplitWords(std::string_view surface, std::vector<uint8_t>* lengths) const;
  // Longest symbol token (2..8 bytes) starting at s[0]; 0 if none.
  size_t MatchSymbol(std::string_view s) const;
  // A punctuation-led word kept whole (".doc", "+1"): `s` is punct + alnum run.
  bool IsLeadPunctWord(std::string_view s) const;
  // Known multiword surface forms (lowercased) and their splits.
  const StringMap<MultiwordSplit>& multiwords() const { return multiwords_; }

  // Learning (trainer only).
  void AddJoin(std::string_view left, std::string_view conn, std::string_view right, bool joined);
  void AddPeriod(std::string_view word, bool attached, uint32_t weight = 1);
  void AddSurface(std::string_view surface, const std::vector<std::string_view>& words);
  void AddSymbol(std::string_view symbol);
  void AddLeadPunctWord(std::string_view word);
  // Drops rare entries and derives clitic suffixes; call once after adding.
  void Finish();

  void Write(ByteWriter* out) const;
  Status Read(ByteReader* in);

 private:
  static uint64_t Key(char tag, std::string_view a, std::string_view b, std::string_view c);
  Vote Decide(uint64_t key, uint32_t min_total) const;

  VoteTable joins_;
  VoteTable periods_;  // keyed by LowerHash(word)
  StringMap<MultiwordSplit> multiwords_;
  std::unordered_map<std::string, uint32_t> plain_counts_;   // training only
  std::unordered_map<std::string, uint32_t> suffix_counts_;  // training only
  std::vector<std::string> clitic_suffixes_;                 // longest first
  StringMap<uint32_t> symbols_;
  StringMap<uint32_t> lead_punct_words_;
  uint32_t symbol_first_bytes_[8] = {};  // bitmap of first bytes of symbols_
};

// FNV-1a of the ASCII-lowercased bytes (no allocation).
uint64_t LowerHash(std::string_view s);
// ASCII-lowercased copy.
std::string LowerAscii(std::string_view s);
// Shape of an alphanumeric run: A/a/9/x per char, `max_chars` from the left
// (or right when from_right), "+" appended if longer.
std::string RunShape(std::string_view run, size_t max_chars, bool from_right);

}  // namespace crosscheck::text

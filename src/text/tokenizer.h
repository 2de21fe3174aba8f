// text/tokenizer.h (private to text/): splits text into UD English words.
// In: a byte range of Document::text. Out: Tokens (byte Spans of the original
// text, NFC forms, space_after, mwt_continues for clitic splits such as
// "can't" -> "ca" "n't") and, per token, how many line breaks precede it.
// Conventions follow UD English EWT: URLs, e-mails, @handles, #hashtags,
// "150,000", "1.5", "10:30", "U.S.", "Mr." stay whole; hyphenated compounds split
// unless the lexicon knows them ("e-mail", "non-profit"); punctuation, curly
// quotes and dashes are separate tokens; runs like "..." or "!!" stay together.
// One pass over the bytes, table-driven for ASCII; lexicon lookups only at
// inner connectors, periods and possible multiword tokens. Immutable after
// construction: thread-safe.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "text/token_lexicon.h"

namespace crosscheck::text {

class Tokenizer {
 public:
  explicit Tokenizer(const TokenLexicon* lexicon);  // not owned; must outlive the Tokenizer

  // Appends the words of text[begin, end) to *tokens and, for each, to *breaks
  // the number of line breaks before it since the previous token (capped at 2).
  void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* tokens,
                std::vector<uint8_t>* breaks) const;

 private:
  struct Chunk {
    std::string_view text;  // the whole input text
    size_t end;             // end of the whitespace-free chunk
    bool maybe_url;         // chunk has '@', '/' or ':'
  };
  size_t ScanChunk(const Chunk& c, size_t pos) const;  // end of the token at pos
  size_t ScanWord(const Chunk& c, size_t pos) const;
  size_t EndOfRun(std::string_view text, size_t pos, size_t end) const;
  size_t ScanPunct(const Chunk& c, size_t pos) const;
  bool ShouldJoin(std::string_view left, std::string_view conn, std::string_view right) const;
  bool ShouldAttachPeriod(std::string_view word) const;
  void Emit(std::string_view text, size_t begin, size_t end, size_t range_end, uint8_t breaks,
            bool ascii, std::vector<Token>* tokens, std::vector<uint8_t>* out_breaks) const;
  bool MaybeMultiword(std::string_view text, size_t begin, size_t end) const;
  void EmitAsciiWord(std::string_view text, size_t begin, size_t end, size_t range_end,
                     bool space_after, uint8_t breaks, std::vector<Token>* tokens,
                     std::vector<uint8_t>* out_breaks) const;
  void EmitChunk(const Chunk& chunk, size_t pos, size_t range_end, bool ascii, uint8_t newlines,
                 std::vector<Token>* tokens, std::vector<uint8_t>* breaks) const;
  bool EmitPlainChunk(std::string_view text, size_t begin, size_t end, size_t range_end,
                      uint8_t seen, uint8_t newlines, std::vector<Token>* tokens,
                      std::vector<uint8_t>* breaks) const;

  const TokenLexicon* lexicon_;
  static constexpr size_t kFilterWords = 1024;
  uint64_t multiword_filter_[kFilterWords] = {};  // 64K-bit Bloom filter over short multiword forms
};

// End of the run of letters and digits starting at text[pos].
size_t EndOfAlnumRun(std::string_view text, size_t pos, size_t end);
// Byte length of an inner connector at text[pos] ("'", "-", ".", "/", "’", ...), or 0.
size_t InnerConnectorLength(std::string_view text, size_t pos, size_t end);
// End of a URL or e-mail address starting at text[pos] (before `end`), or 0.
size_t MatchUrlOrEmail(std::string_view text, size_t pos, size_t end);

}  // namespace crosscheck::text

#include "text/tokenizer.h"

#include <bit>
#include <cstring>

#include "text/char_class.h"
#include "text/normalizer.h"

namespace crosscheck::text {
namespace {

constexpr size_t kMaxBloomLength = 7;

// The chunk scanner's byte classes: kAsciiFlags plus kUrlish for '@', '/', ':',
// so one OR per byte tells whether a chunk may hold a URL or e-mail address.
constexpr uint8_t kUrlish = 128;
constexpr std::array<uint8_t, 256> MakeScanTable() {
  std::array<uint8_t, 256> t = kAsciiFlags;
  t['@'] |= kUrlish;
  t['/'] |= kUrlish;
  t[':'] |= kUrlish;
  return t;
}
constexpr std::array<uint8_t, 256> kScanFlags = MakeScanTable();

// End of the chunk (maximal run of non-space code points) starting at pos;
// *seen gets the OR of its bytes' kScanFlags.
size_t EndOfChunk(std::string_view text, size_t pos, size_t end, uint8_t* seen) {
  uint8_t acc = 0;
  while (pos < end) {
    const uint8_t f = kScanFlags[static_cast<unsigned char>(text[pos])];
    if (f & kSpace) break;
    if (f == kNonAscii) {
      size_t len = 1;
      if (ClassifyAt(text, pos, &len) & kSpace) break;
      acc |= f;
      pos += len;
      continue;
    }
    acc |= f;
    ++pos;
  }
  *seen = acc;
  return pos;
}

// Bloom filter key of a word of 2..7 bytes: its bytes with bit 0x20 set (folds
// ASCII case; the few other bytes it merges only cost false positives, which
// SplitWords rejects), packed little-endian and mixed with the length.
uint64_t FoldedWordHash(uint64_t packed, size_t n) {
  const uint64_t mask = (1ull << (8 * n)) - 1;
  const uint64_t v = ((packed | 0x2020202020202020ull) & mask) | (static_cast<uint64_t>(n) << 56);
  return (v * 0x9E3779B97F4A7C15ull) >> 40;
}

uint64_t PackBytes(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return v;
}

// PackBytes(text.substr(begin, 8)) with one load when 8 bytes are available.
uint64_t PackBytesAt(std::string_view text, size_t begin) {
  if constexpr (std::endian::native == std::endian::little) {
    if (begin + 8 <= text.size()) {
      uint64_t v;
      std::memcpy(&v, text.data() + begin, 8);
      return v;
    }
  }
  return PackBytes(text.substr(begin));
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }

// Characters that form decoration runs ("=----", "***", "~~~").
bool IsDecoration(char c) {
  return c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '+' || c == '^';
}

bool IsAsciiAlnum(char c) {
  return IsAlnum(kAsciiFlags[static_cast<unsigned char>(c)]);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (LowerAscii(s[i]) != prefix[i]) return false;
  return true;
}

bool AllDigits(std::string_view s) {
  for (char c : s) if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Length of a domain ("pic.twitter.com") at s[0], at least one dot and a
// final label of 2+ letters; 0 if none.
size_t MatchDomain(std::string_view s) {
  size_t i = 0, dots = 0, label_start = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsAsciiAlnum(c) || c == '-') { ++i; continue; }
    if (c == '.' && i > label_start && i + 1 < s.size() && IsAsciiAlnum(s[i + 1])) {
      ++dots; label_start = ++i; continue;
    }
    break;
  }
  if (dots == 0 || i - label_start < 2) return 0;
  for (size_t k = label_start; k < i; ++k)
    if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))) return 0;
  return i;
}

// Drops trailing punctuation that belongs to the sentence, not to the URL.
size_t TrimUrlEnd(std::string_view text, size_t begin, size_t end) {
  int open_parens = 0;
  for (size_t i = begin; i < end; ++i) open_parens += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
  while (end > begin) {
    const char c = text[end - 1];
    if (c == ')' && open_parens < 0) { ++open_parens; --end; continue; }
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '"' || c == ']' || c == '}' || c == '>') { --end; continue; }
    if (end - begin >= 3 && text.substr(end - 3, 2) == "\xE2\x80" &&
        (text[end - 1] == '\x9D' || text[end - 1] == '\x99')) { end -= 3; continue; }
    break;
  }
  return end;
}

// End of the run of URL characters starting at pos (stops at quotes and angle brackets).
size_t EndOfUrlChars(std::string_view text, size_t pos, size_t end) {
  while (pos < end) {
    const char c = text[pos];
    if (c == '"' || c == '<' || c == '>') break;
    if (c == '\xE2' && pos + 2 < end && text[pos + 1] == '\x80' &&
        (text[pos + 2] == '\x9C' || text[pos + 2] == '\x9D'))
      break;
    ++pos;
  }
  return pos;
}

}  // namespace

size_t EndOfAlnumRun(std::string_view text, size_t pos, size_t end) {
  while (pos < end) {
    size_t len = 1;
    if (!IsAlnum(FlagsAt(text, pos, &len))) break;
    pos += len;
  }
  return pos;
}

size_t InnerConnectorLength(std::string_view text, size_t pos, size_t end) {
  switch (text[pos]) {
    case '\'': case '`': case '-': case '.': case '/': case ':': case '&':
    case '_': case ',': case '+': case '@': case '\\': case '~': case '=':
      return 1;
    case '\xE2':  // ’ (U+2019), ‐ (U+2010), ‑ (U+2011)
      if (pos + 2 < end && text[pos + 1] == '\x80' &&
          (text[pos + 2] == '\x99' || text[pos + 2] == '\x90' || text[pos + 2] == '\x91'))
        return 3;
      return 0;
    default:
      return 0;
  }
}

size_t MatchUrlOrEmail(std::string_view text, size_t pos, size_t end) {
  const std::string_view s = text.substr(pos, end - pos);
  if (StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://") ||
      StartsWithNoCase(s, "ftp://") || (StartsWithNoCase(s, "www.") && MatchDomain(s) > 0)) {
    const size_t e = TrimUrlEnd(text, pos, EndOfUrlChars(text, pos, end));
    return e > pos + 4 ? e : 0;
  }
  if (s.empty() || !IsAsciiAlnum(s[0])) return 0;
  // E-mail: local part, '@', domain.
  size_t i = 0;
  while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '%' ||
                          s[i] == '+' || s[i] == '-'))
    ++i;
  if (i < s.size() && s[i] == '@' && i > 0) {
    const size_t domain = MatchDomain(s.substr(i + 1));
    if (domain > 0) return pos + i + 1 + domain;
  }
  // Domain followed by a path: "pic.twitter.com/6jBYpBWka7", "t.co/abc".
  const size_t domain = MatchDomain(s);
  if (domain > 0 && domain < s.size() && s[domain] == '/')
    return TrimUrlEnd(text, pos, EndOfUrlChars(text, pos + domain, end));
  return 0;
}

Tokenizer::Tokenizer(const TokenLexicon* lexicon) : lexicon_(lexicon) {
  for (const auto& [form, split] : lexicon_->multiwords()) {
    if (form.size() > kMaxBloomLength || form.size() < 2) continue;
    const uint64_t h = FoldedWordHash(PackBytes(form), form.size());
    multiword_filter_[(h >> 6) & (kFilterWords - 1)] |= 1ull << (h & 63);
  }
}

// Inlined: called for nearly every word.
[[gnu::always_inline]] inline bool Tokenizer::MaybeMultiword(std::string_view text, size_t begin,
                                                             size_t end) const {
  const size_t n = end - begin;
  if (n > kMaxBloomLength || n < 2) return false;
  const uint64_t h = FoldedWordHash(PackBytesAt(text, begin), n);
  return (multiword_filter_[(h >> 6) & (kFilterWords - 1)] >> (h & 63)) & 1;
}

bool Tokenizer::ShouldJoin(std::string_view left, std::string_view conn,
                           std::string_view right) const {
  const char c = conn.empty() ? '\0' : conn[0];
  // Digit groups: "150,000" yes, "3,to" no.
  if (c == ',') return AllDigits(left) && AllDigits(right) && right.size() == 3;
  TokenLexicon::Vote vote = lexicon_->Join(left, conn, right);
  // A missing space after a sentence: "album.That" (domains are lowercase).
  if (vote == TokenLexicon::Vote::kUnknown && c == '.' && right.size() > 1 &&
      IsUpperAscii(right[0]) && IsLowerAscii(right[1]) && IsLowerAscii(left.back()))
    return false;
  if (vote == TokenLexicon::Vote::kUnknown) vote = lexicon_->JoinShape(left, conn, right);
  if (vote != TokenLexicon::Vote::kUnknown) return vote == TokenLexicon::Vote::kYes;
  if (c == '\0' || c == '\'' || c == '`' || conn == "\xE2\x80\x99" || c == '.' || c == '_' ||
      c == '&' || c == '@')
    return true;
  if (c == ':') return AllDigits(left) && AllDigits(right);
  return false;
}

bool Tokenizer::ShouldAttachPeriod(std::string_view word) const {
  switch (lexicon_->AttachPeriod(word)) {
    case TokenLexicon::Vote::kYes: return true;
    case TokenLexicon::Vote::kNo: return false;
    case TokenLexicon::Vote::kUnknown: break;
  }
  if (word.size() == 1) return IsAsciiAlnum(word[0]) && !(word[0] >= '0' && word[0] <= '9');
  // Dotted abbreviations with short pieces: "e.g", "U.S", "Ph.D".
  size_t piece = 0, dots = 0;
  bool letter = false;
  for (char c : word) {
    if (c == '.') { ++dots; piece = 0; continue; }
    if (!IsAsciiAlnum(c) || ++piece > 3) return false;
    letter |= !IsDigitAscii(c);
  }
  return dots > 0 && letter;
}

// End of the alphanumeric run at pos, cut where a digit meets a letter that
// the lexicon splits off ("375mm" -> "375" "mm", but "5th" stays).
size_t Tokenizer::EndOfRun(std::string_view text, size_t pos, size_t end) const {
  const size_t start = pos;
  while (pos < end) {
    size_t len = 1;
    if (!IsAlnum(FlagsAt(text, pos, &len))) break;
    if (pos > start && IsDigitAscii(text[pos - 1]) && (IsLowerAscii(text[pos]) || IsUpperAscii(text[pos]))) {
      size_t digits = pos - 1;
      while (digits > start && IsDigitAscii(text[digits - 1])) --digits;
      size_t letters = pos;
      while (letters < end && (IsLowerAscii(text[letters]) || IsUpperAscii(text[letters]))) ++letters;
      if (!ShouldJoin(text.substr(digits, pos - digits), "", text.substr(pos, letters - pos)))
        return pos;
    }
    pos += len;
  }
  return pos;
}

size_t Tokenizer::ScanWord(const Chunk& c, size_t pos) const {
  const std::string_view text = c.text;
  size_t run_start = pos;
  size_t i = EndOfRun(text, pos, c.end);
  while (i < c.end) {
    const size_t conn = InnerConnectorLength(text, i, c.end);
    if (conn == 0 || i + conn >= c.end) break;
    size_t len = 1;
    if (!IsAlnum(FlagsAt(text, i + conn, &len))) break;
    const size_t right_end = EndOfAlnumRun(text, i + conn, c.end);
    if (!ShouldJoin(text.substr(run_start, i - run_start), text.substr(i, conn),
                    text.substr(i + conn, right_end - i - conn)))
      break;
    run_start = i + conn;
    i = EndOfRun(text, i + conn, c.end);
    if (i < right_end) return i;  // cut at a digit-letter transition
  }
  if (i < c.end && text[i] == '.') {
    const std::string_view word = text.substr(pos, i - pos);
    const bool single = !(i + 1 < c.end && text[i + 1] == '.');
    // "Inc.." is "Inc." + "." when the lexicon knows the abbreviation.
    const bool double_dot = !single && !(i + 2 < c.end && text[i + 2] == '.') &&
                            lexicon_->AttachPeriod(word) == TokenLexicon::Vote::kYes;
    if ((single && ShouldAttachPeriod(word)) || double_dot) ++i;
  }
  return i;
}

size_t Tokenizer::ScanPunct(const Chunk& c, size_t pos) const {
  const std::string_view text = c.text;
  const unsigned char ch = static_cast<unsigned char>(text[pos]);
  if (ch >= 0x80) {
    size_t len = 1;
    FlagsAt(text, pos, &len);
    return pos + len;
  }
  if (const size_t n = lexicon_->MatchSymbol(text.substr(pos, c.end - pos)); n > 0) return pos + n;
  size_t i = pos + 1;
  if (i < c.end && IsAsciiAlnum(text[i])) {
    const size_t run_end = EndOfAlnumRun(text, i, c.end);
    if (lexicon_->IsLeadPunctWord(text.substr(pos, run_end - pos))) return run_end;
  }
  if (ch == '.' || ch == '!' || ch == '?') {
    while (i < c.end && (text[i] == '.' || text[i] == '!' || text[i] == '?')) ++i;
    return i;
  }
  // @handles ("@RuPaul", also "@paulhastings.com") and #hashtags ("#EyesOnChechnya", not "#1").
  if (ch == '@' && i < c.end && (IsAsciiAlnum(text[i]) || text[i] == '_')) {
    if (const size_t domain = MatchDomain(text.substr(i, c.end - i)); domain > 0) return i + domain;
    while (i < c.end && (IsAsciiAlnum(text[i]) || text[i] == '_')) ++i;
    return i;
  }
  if (ch == '#' && i < c.end && (IsUpperAscii(text[i]) || IsLowerAscii(text[i]) || text[i] == '_')) {
    while (i < c.end && (IsAsciiAlnum(text[i]) || text[i] == '_')) ++i;
    return i;
  }
  if (IsDecoration(static_cast<char>(ch))) {
    while (i < c.end && IsDecoration(text[i])) ++i;  // "=----", "***"
    return i;
  }
  switch (ch) {
    case '<': case '>': case '#': case '|': case '/': case '$':
      while (i < c.end && static_cast<unsigned char>(text[i]) == ch) ++i;
      return i;
    default:
      return i;
  }
}

size_t Tokenizer::ScanChunk(const Chunk& c, size_t pos) const {
  if (c.maybe_url) {
    const size_t url = MatchUrlOrEmail(c.text, pos, c.end);
    if (url > pos) return url;
  }
  size_t len = 1;
  if (IsAlnum(FlagsAt(c.text, pos, &len))) return ScanWord(c, pos);
  return ScanPunct(c, pos);
}

void Tokenizer::Emit(std::string_view text, size_t begin, size_t end, size_t range_end,
                     uint8_t breaks, bool ascii, std::vector<Token>* tokens,
                     std::vector<uint8_t>* out_breaks) const {
  const std::string_view surface = text.substr(begin, end - begin);
  size_t len = 1;
  const bool space_after = end >= range_end || (FlagsAt(text, end, &len) & kSpace) != 0;
  std::vector<uint8_t> lengths;
  bool has_apostrophe = false;
  for (char ch : surface) has_apostrophe |= ch == '\'' || ch == '`' || ch == '\xE2';
  if ((has_apostrophe || MaybeMultiword(text, begin, end)) &&
      lexicon_->SplitWords(surface, &lengths)) {
    size_t b = begin;
    for (size_t k = 0; k < lengths.size(); ++k) {
      Token& t = tokens->emplace_back();
      t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(b + lengths[k])};
      AppendNfc(text.substr(b, lengths[k]), &t.form);
      t.mwt_continues = k + 1 < lengths.size();
      t.space_after = t.mwt_continues ? false : space_after;
      out_breaks->push_back(k == 0 ? breaks : 0);
      b += lengths[k];
    }
    return;
  }
  Token& t = tokens->emplace_back();
  t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  if (ascii) t.form.assign(surface);
  else AppendNfc(surface, &t.form);
  t.space_after = space_after;
  out_breaks->push_back(breaks);
}

// One ASCII word without inner punctuation ("said"); multiword candidates
// ("cannot") take the general Emit. Inlined: the hot path of Tokenize.
[[gnu::always_inline]] inline void Tokenizer::EmitAsciiWord(std::string_view text, size_t begin, size_t end, size_t range_end,
                              bool space_after, uint8_t breaks, std::vector<Token>* tokens,
                              std::vector<uint8_t>* out_breaks) const {
  if (MaybeMultiword(text, begin, end)) {
    Emit(text, begin, end, range_end, breaks, true, tokens, out_breaks);
    return;
  }
  Token& t = tokens->emplace_back();
  t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  t.form.append(text.data() + begin, end - begin);  // append to empty: no aliasing checks
  t.space_after = space_after;
  out_breaks->push_back(breaks);
}

// Fast path for the commonest chunks: an ASCII word ("said"), optionally
// followed by one punctuation mark ("said," "said." "Trump)"). It gives what
// the general scanner would. False if the chunk needs the general scanner.
bool Tokenizer::EmitPlainChunk(std::string_view text, size_t begin, size_t end, size_t range_end,
                               uint8_t seen, uint8_t newlines, std::vector<Token>* tokens,
                               std::vector<uint8_t>* breaks) const {
  if ((seen & ~(kLetter | kUpper | kPunct | kUrlish)) != 0) return false;
  if ((seen & kPunct) == 0) {  // a chunk ends at a space or at the range end
    EmitAsciiWord(text, begin, end, range_end, true, newlines, tokens, breaks);
    return true;
  }
  const char last = text[end - 1];
  if (end - begin < 2 || !(last == ',' || last == '.' || last == ';' || last == ':' || last == ')' ||
                           last == '"' || last == '!' || last == '?'))
    return false;
  for (size_t i = begin; i + 1 < end; ++i)
    if (kAsciiFlags[static_cast<unsigned char>(text[i])] & kPunct) return false;
  if (last == '.' && ShouldAttachPeriod(text.substr(begin, end - 1 - begin))) {
    Emit(text, begin, end, range_end, newlines, true, tokens, breaks);
    return true;
  }
  EmitAsciiWord(text, begin, end - 1, range_end, false, newlines, tokens, breaks);
  Token& t = tokens->emplace_back();
  t.span = {static_cast<uint32_t>(end - 1), static_cast<uint32_t>(end)};
  t.form.assign(1, last);
  breaks->push_back(0);
  return true;
}

void Tokenizer::EmitChunk(const Chunk& chunk, size_t pos, size_t range_end, bool ascii,
                          uint8_t newlines, std::vector<Token>* tokens,
                          std::vector<uint8_t>* breaks) const {
  while (pos < chunk.end) {
    const size_t token_end = ScanChunk(chunk, pos);
    Emit(chunk.text, pos, token_end, range_end, newlines, ascii, tokens, breaks);
    newlines = 0;
    pos = token_end;
  }
}

void Tokenizer::Tokenize(std::string_view text, size_t begin, size_t end,
                         std::vector<Token>* tokens, std::vector<uint8_t>* breaks) const {
  size_t pos = begin;
  uint8_t newlines = 0;
  while (pos < end) {
    size_t len = 1;
    const uint8_t flags = FlagsAt(text, pos, &len);
    if (flags & kSpace) {
      if ((flags & kNewline) && newlines < 2) ++newlines;
      pos += len;
      continue;
    }
    uint8_t seen = 0;  // flags of all bytes of the chunk
    const size_t chunk_end = EndOfChunk(text, pos, end, &seen);
    if (!EmitPlainChunk(text, pos, chunk_end, end, seen, newlines, tokens, breaks)) {
      const Chunk chunk{text, chunk_end, (seen & kUrlish) != 0};
      EmitChunk(chunk, pos, end, (seen & kNonAscii) == 0, newlines, tokens, breaks);
    }
    newlines = 0;
    pos = chunk_end;
  }
}

}  // namespace crosscheck::text

// facts/text_pieces.h: a sentence as pieces: runs of digits, runs of letters and single
// symbols, whatever the tokenizer joined or split ("$2bn" -> "$" "2" "bn"; "30" "k" stay
// two). The quantity and date finders match their patterns on pieces, so "5kW" and
// "5 kW" look alike except for `space_before`. Private to src/facts/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace crosscheck::facts {

enum class PieceKind { kNumber, kWord, kSymbol };

struct Piece {
  std::string text;          // as written (NFC form of the token)
  std::string lower;         // ASCII-lower-cased text
  Span span;                 // bytes of Document::text (the whole token if the form was changed)
  PieceKind kind = PieceKind::kWord;
  bool space_before = true;  // whitespace (or the sentence start) before this piece
  bool in_link = false;      // part of a URL, e-mail, @handle or #hashtag token
  uint32_t token = 0;        // index into AnalyzedDocument::tokens
};

// The pieces of sentence `sentence` of `doc`, in order.
std::vector<Piece> SplitIntoPieces(const AnalyzedDocument& doc, uint32_t sentence);

// The text of pieces [begin, end) with a space where the text has whitespace.
std::string JoinPieces(const std::vector<Piece>& pieces, size_t begin, size_t end);

// True if the word starts with an upper-case ASCII letter.
inline bool IsCapitalized(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

}  // namespace crosscheck::facts

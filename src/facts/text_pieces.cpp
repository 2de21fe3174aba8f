// facts/text_pieces.cpp: splitting tokens into number, word and symbol pieces.
#include "facts/text_pieces.h"

#include "core/utf8.h"
#include "facts/facts_lexicon.h"

namespace crosscheck::facts {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Letters beyond ASCII that appear in unit symbols and names (Latin-1/Extended, Greek
// "μ", Cyrillic); every other non-ASCII code point is a symbol piece of its own.
bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp == 0xB5 || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x370 && cp <= 0x4FF);
}

bool LooksLikeLink(std::string_view form) {
  return form.find("://") != std::string_view::npos || form.find("www.") == 0 ||
         (form.size() > 1 && (form[0] == '@' || form[0] == '#')) ||
         (form.find('@') != std::string_view::npos && form.size() > 1);
}

// Length of the number run at form[pos]: digits with inner "," or "." followed by a digit,
// and a leading "." before digits (".500").
size_t NumberRunLength(std::string_view form, size_t pos) {
  size_t end = pos;
  if (form[end] == '.') ++end;
  while (end < form.size()) {
    if (IsDigit(form[end])) { ++end; continue; }
    if ((form[end] == ',' || form[end] == '.') && end + 1 < form.size() && IsDigit(form[end + 1]) &&
        end > pos) { ++end; continue; }
    break;
  }
  return end - pos;
}

void AddPiece(std::string_view form, size_t begin, size_t end, PieceKind kind, const Token& token,
              uint32_t index, bool space_before, bool in_link, std::vector<Piece>* out) {
  Piece piece;
  piece.text = std::string(form.substr(begin, end - begin));
  piece.lower = Lower(piece.text);
  piece.kind = kind;
  piece.token = index;
  piece.in_link = in_link;
  piece.space_before = space_before;
  if (form.size() == token.span.size()) {
    piece.span = {token.span.begin + static_cast<uint32_t>(begin), token.span.begin + static_cast<uint32_t>(end)};
  } else {
    piece.span = token.span;  // normalization changed the bytes: keep the whole token
  }
  out->push_back(std::move(piece));
}

void SplitToken(const Token& token, uint32_t index, bool space_before, std::vector<Piece>* out) {
  const std::string_view form = token.form;
  const bool in_link = LooksLikeLink(form);
  bool has_digit = false;
  for (char c : form) has_digit |= IsDigit(c);
  if (!has_digit || in_link) {
    bool has_letter = false;
    for (size_t pos = 0; pos < form.size();) has_letter |= IsLetter(utf8::Next(form, &pos));
    // "m." at a sentence end is the unit or scale "m" and a full stop; "a.m." stays whole.
    const bool final_stop = has_letter && !in_link && form.size() > 1 && form.back() == '.' &&
                            form.find('.') == form.size() - 1;
    const size_t word_end = final_stop ? form.size() - 1 : form.size();
    // "twenty-five", "first-team": hyphenated words are pieces joined by "-".
    size_t start = 0;
    for (size_t hyphen = form.find('-'); has_letter && !in_link && hyphen != std::string_view::npos &&
                                         hyphen > start && hyphen + 1 < word_end;
         hyphen = form.find('-', start)) {
      AddPiece(form, start, hyphen, PieceKind::kWord, token, index, start == 0 && space_before, false, out);
      AddPiece(form, hyphen, hyphen + 1, PieceKind::kSymbol, token, index, false, false, out);
      start = hyphen + 1;
    }
    AddPiece(form, start, word_end, has_letter ? PieceKind::kWord : PieceKind::kSymbol, token, index,
             start == 0 && space_before, in_link, out);
    if (final_stop) AddPiece(form, word_end, form.size(), PieceKind::kSymbol, token, index, false, false, out);
    return;
  }
  size_t pos = 0;
  bool first = true;
  while (pos < form.size()) {
    const bool starts_number = IsDigit(form[pos]) || (form[pos] == '.' && pos + 1 < form.size() &&
                                                      IsDigit(form[pos + 1]) && (pos == 0 || !IsDigit(form[pos - 1])));
    size_t end = pos;
    PieceKind kind = PieceKind::kSymbol;
    if (starts_number) {
      end = pos + NumberRunLength(form, pos);
      kind = PieceKind::kNumber;
    } else {
      size_t next = pos;
      const char32_t cp = utf8::Next(form, &next);
      end = next;
      if (IsLetter(cp)) {
        kind = PieceKind::kWord;
        while (end < form.size()) {
          size_t after = end;
          if (!IsLetter(utf8::Next(form, &after))) break;
          end = after;
        }
      }
    }
    AddPiece(form, pos, end, kind, token, index, first && space_before, false, out);
    first = false;
    pos = end;
  }
}

size_t LeadingDigits(const std::string& text) {
  size_t n = 0;
  while (n < text.size() && IsDigit(text[n])) ++n;
  return n;
}

bool IsJoined(const Piece& piece, PieceKind kind) { return !piece.space_before && piece.kind == kind; }

// Mends numbers the tokenizer split: "55" "," "931,000" -> "55,931,000"; " ." "001" -> ".001".
void MergeSplitNumbers(std::vector<Piece>* pieces) {
  std::vector<Piece>& p = *pieces;
  std::vector<Piece> out;
  for (size_t i = 0; i < p.size(); ++i) {
    const bool thousands = !out.empty() && out.back().kind == PieceKind::kNumber && p[i].text == "," &&
                           !p[i].space_before && i + 1 < p.size() && IsJoined(p[i + 1], PieceKind::kNumber) &&
                           LeadingDigits(p[i + 1].text) == 3 && out.back().text.find('.') == std::string::npos;
    const bool leading_point = p[i].text == "." && p[i].space_before && i + 1 < p.size() &&
                               IsJoined(p[i + 1], PieceKind::kNumber) && p[i + 1].text[0] != '.';
    if (thousands || leading_point) {
      Piece merged = leading_point ? p[i] : out.back();
      if (thousands) out.pop_back();
      merged.text += (thousands ? "," : "") + p[i + 1].text;
      merged.lower = merged.text;
      merged.kind = PieceKind::kNumber;
      merged.span.end = p[i + 1].span.end;
      out.push_back(std::move(merged));
      ++i;
      continue;
    }
    out.push_back(std::move(p[i]));
  }
  p = std::move(out);
}

}  // namespace

std::vector<Piece> SplitIntoPieces(const AnalyzedDocument& doc, uint32_t sentence) {
  std::vector<Piece> pieces;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.end_token && t < doc.tokens.size(); ++t) {
    const bool space_before = t == s.first_token || doc.tokens[t - 1].space_after;
    SplitToken(doc.tokens[t], t, space_before, &pieces);
  }
  MergeSplitNumbers(&pieces);
  return pieces;
}

std::string JoinPieces(const std::vector<Piece>& pieces, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < pieces.size(); ++i) {
    if (i > begin && pieces[i].space_before) out += ' ';
    out += pieces[i].text;
  }
  return out;
}

}  // namespace crosscheck::facts

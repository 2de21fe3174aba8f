// facts/number_reader.cpp: digits, number words, fractions and scales.
#include "facts/number_reader.h"

#include <cstdlib>
#include <string>

namespace crosscheck::facts {
namespace {

double ParseDigits(const std::string& text) {
  std::string plain;
  for (char c : text) {
    if (c != ',') plain += c;
  }
  return std::strtod(plain.c_str(), nullptr);
}

bool IsWordPiece(const std::vector<Piece>& pieces, size_t i) {
  return i < pieces.size() && pieces[i].kind == PieceKind::kWord;
}

const double* FindIn(const std::unordered_map<std::string, double>& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// A joined abbreviation after digits: "2bn", "30k", "$5m"; ambiguous letters ("m", "b")
// count only where the context makes a scale likely.
std::optional<double> ScaleAbbrev(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i,
                                  bool money) {
  const Piece& p = pieces[i];
  const double* scale = FindIn(lex.scale_abbrevs, p.text);
  if (scale == nullptr) return std::nullopt;
  if (p.space_before && p.text.size() < 2) return std::nullopt;
  if (p.text == "m" || p.text == "M" || p.text == "B") {
    // "12.3m tonnes", "35m of", "$5m": a million; "37m (121ft)": metres.
    if (!money && !IsWordPiece(pieces, i + 1)) return std::nullopt;
  } else if (p.text == "b" || p.text == "T") {
    if (!money) return std::nullopt;
  }
  return *scale;
}

// Word fractions with a numerator: "a third of", "one fourth of", "two-thirds of".
std::optional<NumberRead> ReadWordFraction(const FactsLexicon& lex, const std::vector<Piece>& pieces,
                                           size_t i, double numerator, size_t after_numerator) {
  size_t j = after_numerator;
  if (j < pieces.size() && pieces[j].text == "-" && !pieces[j].space_before) ++j;
  if (j >= pieces.size()) return std::nullopt;
  const double* fraction = FindIn(lex.fractions, pieces[j].lower);
  if (fraction == nullptr || pieces[j].lower.rfind("per", 0) == 0 || pieces[j].lower == "pc") return std::nullopt;
  if (j + 1 >= pieces.size() || pieces[j + 1].lower != "of") return std::nullopt;
  NumberRead read;
  read.begin = i;
  read.end = j + 1;
  read.value = numerator * *fraction;
  read.fraction = true;
  return read;
}

std::optional<NumberRead> ReadDigits(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i,
                                     bool money) {
  NumberRead read;
  read.begin = i;
  read.digits = true;
  read.value = ParseDigits(pieces[i].text);
  for (char c : pieces[i].text) read.digit_count += (c >= '0' && c <= '9');
  read.plain_integer = pieces[i].text.find_first_of(",.") == std::string::npos;
  read.end = i + 1;
  // "1/16", "1⁄32": a fraction written with digits.
  if (read.end + 1 < pieces.size() && (pieces[read.end].text == "/" || pieces[read.end].text == "\u2044") &&
      !pieces[read.end].space_before && pieces[read.end + 1].kind == PieceKind::kNumber &&
      !pieces[read.end + 1].space_before &&
      !(read.end + 2 < pieces.size() && pieces[read.end + 2].text == pieces[read.end].text)) {
    const double denominator = ParseDigits(pieces[read.end + 1].text);
    if (denominator >= 2 && read.value < denominator) {
      read.value /= denominator;
      read.unscaled = read.value;
      read.fraction = true;
      read.plain_integer = false;
      read.end += 2;
      return read;
    }
  }
  read.unscaled = read.value;
  read.end = ReadScales(lex, pieces, read.end, money, &read.value, &read.scaled);
  if (read.scaled) read.plain_integer = false;
  return read;
}

// Number words: "three", "Fifty three", "twenty-five", "two hundred and ten", "a dozen".
std::optional<NumberRead> ReadWords(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  size_t j = i;
  double total = 0, current = 0;
  bool any = false, last_tens = false, last_hundred = false;
  if ((pieces[j].lower == "a" || pieces[j].lower == "an") && j + 1 < pieces.size() &&
      (FindIn(lex.scales, pieces[j + 1].lower) || FindIn(lex.collectives, pieces[j + 1].lower) ||
       FindIn(lex.fractions, pieces[j + 1].lower))) {
    if (auto fraction = ReadWordFraction(lex, pieces, i, 1, j + 1)) return fraction;
    if (FindIn(lex.fractions, pieces[j + 1].lower) && !FindIn(lex.scales, pieces[j + 1].lower)) return std::nullopt;
    current = 1;
    any = true;
    ++j;
  }
  while (j < pieces.size() && pieces[j].kind == PieceKind::kWord) {
    const std::string& w = pieces[j].lower;
    if (const double* v = FindIn(lex.cardinals, w)) {
      if (w == "oh" || w == "nil" || w == "nought") break;
      if (any && !(last_tens && *v < 10) && !last_hundred && current != 0) break;
      current += *v;
      last_tens = *v >= 20 && *v < 100 && static_cast<int>(*v) % 10 == 0;
      last_hundred = false;
    } else if (const double* s = FindIn(lex.scales, w); s != nullptr && any) {
      current = (current == 0 ? 1 : current) * *s;
      last_hundred = *s == 100;
      if (*s >= 1000) { total += current; current = 0; last_hundred = true; }
      last_tens = false;
    } else if (const double* c = FindIn(lex.collectives, w); c != nullptr && any && w == "dozen") {
      current = (current == 0 ? 1 : current) * *c;
      last_tens = last_hundred = false;
    } else {
      break;
    }
    any = true;
    ++j;
    // "twenty-five", "two hundred and ten"
    if (j + 1 < pieces.size() && pieces[j].text == "-" && !pieces[j].space_before &&
        FindIn(lex.cardinals, pieces[j + 1].lower) && last_tens) {
      ++j;
    } else if (j + 1 < pieces.size() && pieces[j].lower == "and" && last_hundred &&
               FindIn(lex.cardinals, pieces[j + 1].lower)) {
      ++j;
    }
  }
  if (!any || (total == 0 && current == 0 && pieces[i].lower != "zero")) return std::nullopt;
  if (j == i + 1 && (pieces[i].lower == "a" || pieces[i].lower == "an")) return std::nullopt;
  const double value = total + current;
  if (auto fraction = ReadWordFraction(lex, pieces, i, value, j)) return fraction;
  NumberRead read;
  read.begin = i;
  read.end = j;
  read.value = value;
  return read;
}

// "One out of three": a fraction.
void ReadOutOf(const FactsLexicon& lex, const std::vector<Piece>& pieces, NumberRead* read) {
  const size_t i = read->end;
  if (read->fraction || i + 2 >= pieces.size() || pieces[i].lower != "out" || pieces[i + 1].lower != "of") return;
  const size_t j = i + 2;
  double denominator = 0;
  size_t end = j + 1;
  if (pieces[j].kind == PieceKind::kNumber) {
    denominator = ParseDigits(pieces[j].text);
  } else if (auto words = ReadWords(lex, pieces, j)) {
    denominator = words->value, end = words->end;
  }
  if (denominator < 1 || read->value > denominator) return;
  read->value /= denominator;
  read->unscaled = read->value;
  read->fraction = true;
  read->plain_integer = false;
  read->end = end;
}

}  // namespace

size_t ReadScales(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t end, bool money,
                  double* value, bool* scaled) {
  while (end < pieces.size() && pieces[end].kind == PieceKind::kWord) {
    std::optional<double> scale;
    if (const double* s = FindIn(lex.scales, pieces[end].lower); s != nullptr && pieces[end].space_before) {
      scale = *s;
    } else {
      scale = ScaleAbbrev(lex, pieces, end, money);
    }
    if (!scale) break;
    *value *= *scale;
    *scaled = true;
    ++end;
  }
  return end;
}

std::optional<NumberRead> ReadNumber(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i,
                                     bool money) {
  if (i >= pieces.size()) return std::nullopt;
  if (pieces[i].kind == PieceKind::kNumber) {
    auto read = ReadDigits(lex, pieces, i, money);
    if (read) ReadOutOf(lex, pieces, &*read);
    return read;
  }
  if (pieces[i].kind != PieceKind::kWord) return std::nullopt;
  // "half of", "half the": a fraction without numerator (not an ordinal like "third").
  const double* fraction = FindIn(lex.fractions, pieces[i].lower);
  if (fraction != nullptr && *fraction == 0.5 && !lex.ordinals.count(pieces[i].lower) && i + 1 < pieces.size() &&
      (pieces[i + 1].lower == "of" || pieces[i + 1].lower == "the")) {
    NumberRead half;
    half.begin = i;
    half.end = i + 1;
    half.value = half.unscaled = *fraction;
    half.fraction = true;
    return half;
  }
  auto read = ReadWords(lex, pieces, i);
  if (!read) return std::nullopt;
  read->unscaled = read->value;
  // "five thousand": trailing scale words, so that "three to five thousand" can share them.
  for (size_t k = read->end; k > read->begin + 1 && !read->fraction; --k) {
    const double* scale = FindIn(lex.scales, pieces[k - 1].lower);
    if (scale == nullptr) break;
    read->unscaled /= *scale;
    read->scaled = true;
  }
  if (!read->fraction) {
    read->end = ReadScales(lex, pieces, read->end, money, &read->value, &read->scaled);
  }
  ReadOutOf(lex, pieces, &*read);
  return read;
}

}  // namespace crosscheck::facts

// facts/quantity_parts.cpp: cues around a number (units, bounds, changes) and the tests
// that tell counts from years, times, ordinals and labels.
#include "facts/quantity_parts.h"

#include <algorithm>

namespace crosscheck::facts {
namespace {

bool IsNumberPiece(const std::vector<Piece>& pieces, size_t i) {
  return i < pieces.size() && pieces[i].kind == PieceKind::kNumber;
}

bool IsJoinedSymbol(const std::vector<Piece>& pieces, size_t i, std::string_view symbols) {
  return i < pieces.size() && !pieces[i].space_before && pieces[i].text.size() == 1 &&
         symbols.find(pieces[i].text[0]) != std::string_view::npos;
}

const std::string* NonCountKind(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  if (i >= pieces.size()) return nullptr;
  auto it = lex.non_count.find(pieces[i].lower);
  return it == lex.non_count.end() ? nullptr : &it->second;
}

bool IsMonthName(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  return i < pieces.size() && IsCapitalized(pieces[i].text) && lex.months.count(pieces[i].lower) > 0;
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "in 1995", "since 1985": a four-digit number that names a year.
bool IsYear(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (!read.digits || !read.plain_integer || read.digit_count != 4 || read.end != read.begin + 1) return false;
  if (read.value >= 1900 && read.value <= 2099) return true;
  if (read.value < 1000 || read.begin == 0) return false;
  static constexpr std::string_view kYearPrepositions[] = {"in", "since", "from", "between", "until", "by", "circa", "ad", "a.d."};
  const std::string& before = pieces[read.begin - 1].lower;
  return std::find(std::begin(kYearPrepositions), std::end(kYearPrepositions), before) != std::end(kYearPrepositions);
}

// "July 14", "Aug. 14", "14 July", "9 May": a day of a month.
bool IsDayOfMonth(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (!read.digits || !read.plain_integer || read.value < 1 || read.value > 31 || read.end != read.begin + 1) return false;
  size_t before = read.begin;
  if (before > 0 && pieces[before - 1].text == ".") --before;
  if (before > 0 && IsMonthName(lex, pieces, before - 1)) return true;
  size_t after = read.end;
  if (after < pieces.size() && pieces[after].lower == "of") ++after;
  return IsMonthName(lex, pieces, after);
}

// "Game 6", "Stoxx 50", "Galaxy S23", "TA-35", "COVID-19": a label or model name.
bool IsLabel(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (!read.digits || read.begin == 0) return false;
  const Piece& before = pieces[read.begin - 1];
  const Piece& number = pieces[read.begin];
  if (!number.space_before && before.kind == PieceKind::kWord) return true;  // "S23", "PLX-R18"
  if (!number.space_before && before.text == "-" && read.begin >= 2 && !before.space_before &&
      pieces[read.begin - 2].kind == PieceKind::kWord) {
    return true;  // "TA-35", "F-16"
  }
  if (!number.space_before || before.kind != PieceKind::kWord) return false;
  const std::string* kind = NonCountKind(lex, pieces, read.begin - 1);
  if (kind != nullptr && *kind == "label_before" && read.plain_integer) return true;
  if (read.begin - 1 == 0 || !HasUpper(before.text) || lex.IsFunctionWord(before.lower)) return false;
  if (lex.months.count(before.lower) || lex.weekdays.count(before.lower)) return false;
  return read.plain_integer || read.value < 1000;
}

// "49 Zorro Ranch Road", "358 El Brillo Way": a house number.
bool IsHouseNumber(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (!read.digits || !read.plain_integer) return false;
  for (size_t i = read.end; i < pieces.size() && i < read.end + 5; ++i) {
    if (pieces[i].kind == PieceKind::kNumber) continue;
    if (!IsCapitalized(pieces[i].text)) return false;
    const std::string* kind = NonCountKind(lex, pieces, i);
    if (kind != nullptr && *kind == "street_after") return true;
  }
  return false;
}

// "BBC One", "9AB8": a number word inside a name, or digits inside a code.
bool IsInsideName(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (read.digits) {
    return read.end + 1 < pieces.size() && !pieces[read.end].space_before && pieces[read.end].kind == PieceKind::kWord &&
           !pieces[read.end + 1].space_before && pieces[read.end + 1].kind == PieceKind::kNumber;
  }
  if (read.begin == 0 || !IsCapitalized(pieces[read.begin].text)) return false;
  const Piece& before = pieces[read.begin - 1];
  return before.kind == PieceKind::kWord && IsCapitalized(before.text) && !lex.IsFunctionWord(before.lower) &&
         read.begin - 1 > 0;
}

}  // namespace

size_t MatchPrefixUnit(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, const UnitEntry** unit) {
  const int max = lex.unit_prefixes.max_pieces();
  const size_t top = static_cast<size_t>(std::min<int>(max, static_cast<int>(i)));
  if (top == 0) return i;
  // Every candidate JoinPieces(pieces, start, i) is a suffix of the longest one:
  // join once and probe views (this ran for every number and was ~8% of analyze).
  const std::string joined = JoinPieces(pieces, i - top, i);
  size_t offset = 0;  // joined.substr(offset) == JoinPieces(pieces, start, i)
  for (size_t start = i - top; start < i; ++start) {
    const bool attached = start > 0 && !pieces[start].space_before && pieces[start - 1].kind != PieceKind::kSymbol;
    if (!attached) {
      if (const UnitEntry* found = lex.unit_prefixes.Find(std::string_view(joined).substr(offset))) {
        *unit = found;
        return start;
      }
    }
    offset += pieces[start].text.size() + (start + 1 < i && pieces[start + 1].space_before ? 1 : 0);
  }
  return i;
}

size_t MatchSuffixUnit(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, const UnitEntry** unit) {
  const int max = std::max(lex.unit_suffixes.max_pieces(), lex.unit_joined.max_pieces());
  for (size_t start : {i, i + 1}) {
    if (start == i + 1 && !IsJoinedSymbol(pieces, i, "-")) break;
    const int top = std::min<int>(max, static_cast<int>(pieces.size()) - static_cast<int>(start));
    if (top < 1) continue;
    // Every candidate JoinPieces(pieces, start, end) is a prefix of the longest one.
    const std::string joined = JoinPieces(pieces, start, start + top);
    size_t length = joined.size();  // of JoinPieces(pieces, start, end)
    for (size_t end = start + top; end > start; --end) {
      const size_t shorter = length - pieces[end - 1].text.size() - (end - 1 > start && pieces[end - 1].space_before ? 1 : 0);
      // A unit ends at a word boundary: "5 km" but not "5 kmh..." or "50 per centre".
      if (end < pieces.size() && !pieces[end].space_before && pieces[end].kind == PieceKind::kWord &&
          pieces[end - 1].kind == PieceKind::kWord) {
        length = shorter;
        continue;
      }
      const std::string_view surface = std::string_view(joined).substr(0, length);
      const UnitEntry* found = lex.unit_suffixes.Find(surface);
      if (found == nullptr && !pieces[start].space_before) found = lex.unit_joined.Find(surface);
      if (found != nullptr) {
        *unit = found;
        return end;
      }
      length = shorter;
    }
  }
  return i;
}

size_t MatchBoundBefore(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* bound) {
  for (int k = std::min<int>(lex.bounds_before.max_pieces(), static_cast<int>(i)); k >= 1; --k) {
    if (const std::string* found = lex.bounds_before.Find(Lower(JoinPieces(pieces, i - k, i)))) {
      *bound = *found;
      return i - k;
    }
  }
  return i;
}

size_t MatchBoundAfter(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* bound) {
  if (i >= pieces.size() || (pieces[i].kind == PieceKind::kSymbol && pieces[i].space_before)) return i;
  const int max = std::min<int>(lex.bounds_after.max_pieces(), static_cast<int>(pieces.size() - i));
  for (int k = max; k >= 1; --k) {
    if (const std::string* found = lex.bounds_after.Find(Lower(JoinPieces(pieces, i, i + k)))) {
      // "+" only counts when nothing numeric follows ("100+" but not "+0.2%").
      if (IsNumberPiece(pieces, i + k)) continue;
      *bound = *found;
      return i + k;
    }
  }
  return i;
}

size_t MatchPer(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i, std::string* per) {
  if (i + 1 >= pieces.size() || pieces[i + 1].kind != PieceKind::kWord) return i;
  const std::string& cue = pieces[i].lower;
  const std::string& word = pieces[i + 1].lower;
  if (cue != "per" && cue != "a" && cue != "an") return i;
  if (lex.IsFunctionWord(word)) return i;
  const UnitEntry* unit = nullptr;
  const size_t unit_end = MatchSuffixUnit(lex, pieces, i + 1, &unit);
  if (unit != nullptr) {
    *per = unit->name;
    return unit_end;
  }
  auto date_unit = lex.date_units.find(word);
  if (date_unit != lex.date_units.end()) {
    *per = date_unit->second;
    return i + 2;
  }
  if (cue != "per") return i;
  *per = lex.Singular(word);
  return i + 2;
}

std::string ChangeBefore(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  if (i == 0) return "";
  size_t k = i - 1;
  if (pieces[k].lower == "by" && k > 0) --k;
  auto it = lex.changes.find(pieces[k].lower);
  if (it == lex.changes.end() || pieces[k].kind == PieceKind::kSymbol) return "";
  return it->second;
}

size_t SkipDigitChain(const std::vector<Piece>& pieces, size_t i) {
  size_t end = i + 1;
  int groups = 1;
  bool colon = false;
  while (end + 1 < pieces.size() && IsJoinedSymbol(pieces, end, "-/.:") && IsNumberPiece(pieces, end + 1) &&
         !pieces[end + 1].space_before) {
    colon |= pieces[end].text == ":";
    ++groups;
    end += 2;
  }
  if (groups >= 3 || colon) return end;
  // "123-4567": a phone number's two last groups.
  if (groups == 2 && pieces[i].text.size() == 3 && pieces[i + 2].text.size() == 4 && pieces[i + 1].text == "-") return end;
  return i;
}

bool IsNotCount(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read, bool qualified) {
  if (pieces[read.begin].in_link) return true;
  if (read.digits && SkipDigitChain(pieces, read.begin) != read.begin) return true;
  if (read.end < pieces.size()) {
    const std::string* kind = NonCountKind(lex, pieces, read.end);
    if (kind != nullptr && *kind == "time_after" && (read.digits || pieces[read.end].lower != "h")) return true;
    if (kind != nullptr && !pieces[read.end].space_before && read.digits &&
        (*kind == "ordinal_suffix" || (*kind == "decade_suffix" && read.digit_count == 4))) {
      return true;
    }
  }
  // A word ordinal is not a count ("the third time"); ReadNumber never returns one.
  if (read.begin == 0 && read.digits && read.plain_integer && IsJoinedSymbol(pieces, read.end, ".)")) return true;
  if (IsInsideName(lex, pieces, read)) return true;
  if (qualified) return false;
  return IsHouseNumber(lex, pieces, read) || IsYear(lex, pieces, read) || IsDayOfMonth(lex, pieces, read) || IsLabel(lex, pieces, read);
}

}  // namespace crosscheck::facts

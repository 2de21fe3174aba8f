// facts/date_resolver.cpp: finding date expressions and resolving them to ISO dates.
#include "facts/date_resolver.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "facts/civil_date.h"
#include "facts/facts_lexicon.h"
#include "facts/number_reader.h"
#include "facts/quantity_parts.h"
#include "facts/text_pieces.h"

namespace crosscheck::facts {
namespace {

// A date expression before resolution. Fields not stated stay 0 / empty.
struct DateMatch {
  size_t begin = 0, end = 0;  // pieces
  int year = 0, month = 0, day = 0;
  int weekday = 0;            // 1-7
  int day_offset = 0;         // "yesterday": -1
  bool offset_given = false;
  std::string unit;           // "last week": week; "three days ago": day
  int amount = 0;             // units to move: -1 for "last", -3 for "three days ago"
};

using Pieces = std::vector<Piece>;

DateMatch MatchOver(size_t begin, size_t end) {
  DateMatch m;
  m.begin = begin, m.end = end;
  return m;
}

int MonthAt(const FactsLexicon& lex, const Pieces& p, size_t i) {
  if (i >= p.size() || !IsCapitalized(p[i].text)) return 0;
  auto it = lex.months.find(p[i].lower);
  return it == lex.months.end() ? 0 : it->second;
}

int IntegerAt(const Pieces& p, size_t i, int min, int max) {
  if (i >= p.size() || p[i].kind != PieceKind::kNumber || p[i].text.find_first_of(",.") != std::string::npos) return 0;
  const int value = std::atoi(p[i].text.c_str());
  return value >= min && value <= max ? value : 0;
}

int YearAt(const Pieces& p, size_t i) { return i < p.size() && p[i].text.size() == 4 ? IntegerAt(p, i, 1000, 2099) : 0; }

bool Joined(const Pieces& p, size_t i, std::string_view symbol) {
  return i < p.size() && !p[i].space_before && p[i].text == symbol;
}

// "2017-07-17", "7/14/2017"
std::optional<DateMatch> MatchNumeric(const Pieces& p, size_t i) {
  if (i + 4 >= p.size() || p[i].kind != PieceKind::kNumber) return std::nullopt;
  const std::string& sep = p[i + 1].text;
  if ((sep != "-" && sep != "/") || !Joined(p, i + 1, sep) || !Joined(p, i + 3, sep) || p[i + 2].space_before ||
      p[i + 4].space_before) return std::nullopt;
  DateMatch m = MatchOver(i, i + 5);
  if (sep == "-") {
    m.year = YearAt(p, i), m.month = IntegerAt(p, i + 2, 1, 12), m.day = IntegerAt(p, i + 4, 1, 31);
  } else {
    m.month = IntegerAt(p, i, 1, 12), m.day = IntegerAt(p, i + 2, 1, 31), m.year = YearAt(p, i + 4);
  }
  if (m.year == 0 || m.month == 0 || m.day == 0) return std::nullopt;
  return m;
}

// A month name needs context when it is also a common word ("May", "March").
bool MonthNameStands(const FactsLexicon& lex, const Pieces& p, size_t i) {
  if (p[i].lower != "may" && p[i].lower != "march") return true;
  if (i + 1 < p.size() && p[i + 1].kind == PieceKind::kNumber) return true;
  static constexpr std::string_view kBefore[] = {"in", "since", "until", "by", "of", "last", "next", "this",
                                                 "early", "late", "mid", "from", "through", "during", "-"};
  if (i == 0) return false;
  for (std::string_view w : kBefore) {
    if (p[i - 1].lower == w) return true;
  }
  return false;
}

// "July 14, 2017", "Aug. 14", "April 2018", "June of 2018", "in April"
std::optional<DateMatch> MatchMonthFirst(const FactsLexicon& lex, const Pieces& p, size_t i) {
  const int month = MonthAt(lex, p, i);
  if (month == 0 || !MonthNameStands(lex, p, i)) return std::nullopt;
  DateMatch m = MatchOver(i, i + 1);
  m.month = month;
  size_t j = i + 1;
  if (Joined(p, j, ".")) ++j;
  if (const int day = IntegerAt(p, j, 1, 31); day != 0 && p[j].text.size() <= 2) {
    m.day = day;
    m.end = j + 1;
    size_t k = j + 1;
    if (k < p.size() && p[k].text == ",") ++k;
    if (const int year = YearAt(p, k)) m.year = year, m.end = k + 1;
    return m;
  }
  if (j < p.size() && p[j].lower == "of") ++j;
  if (const int year = YearAt(p, j)) m.year = year, m.end = j + 1;
  return m;
}

// "14 July 2017", "9 May"
std::optional<DateMatch> MatchDayFirst(const FactsLexicon& lex, const Pieces& p, size_t i) {
  const int day = IntegerAt(p, i, 1, 31);
  if (day == 0 || p[i].text.size() > 2) return std::nullopt;
  const int month = MonthAt(lex, p, i + 1);
  if (month == 0) return std::nullopt;
  DateMatch m = MatchOver(i, i + 2);
  m.month = month, m.day = day;
  if (const int year = YearAt(p, i + 2)) m.year = year, m.end = i + 3;
  return m;
}

// Direction words before a weekday or unit: "last", "earlier this"; returns their end.
size_t MatchDirection(const FactsLexicon& lex, const Pieces& p, size_t i, int* direction) {
  for (size_t k = 2; k >= 1; --k) {
    if (i + k > p.size()) continue;
    auto it = lex.directions.find(Lower(JoinPieces(p, i, i + k)));
    if (it != lex.directions.end() && it->second != -2) {
      *direction = it->second;
      return i + k;
    }
  }
  return i;
}

// "Tuesday", "last Tuesday", "last week", "earlier this month", "today"
std::optional<DateMatch> MatchRelative(const FactsLexicon& lex, const Pieces& p, size_t i) {
  int direction = 0;
  const size_t j = MatchDirection(lex, p, i, &direction);
  if (j >= p.size()) return std::nullopt;
  DateMatch m = MatchOver(i, j + 1);
  if (auto wd = lex.weekdays.find(p[j].lower); wd != lex.weekdays.end() && IsCapitalized(p[j].text)) {
    m.weekday = wd->second;
    m.amount = j > i ? direction : -1;
    return m;
  }
  if (j == i) {
    auto offset = lex.day_offsets.find(p[j].lower);
    if (offset == lex.day_offsets.end()) return std::nullopt;
    m.day_offset = offset->second;
    m.offset_given = true;
    return m;
  }
  auto unit = lex.date_units.find(p[j].lower);
  if (unit == lex.date_units.end() || p[j].lower.back() == 's' || unit->second == "day") return std::nullopt;
  m.unit = unit->second;
  m.amount = direction;
  return m;
}

// "three days ago", "a year ago"
std::optional<DateMatch> MatchAgo(const FactsLexicon& lex, const Pieces& p, size_t i) {
  double amount = 0;
  size_t j = i;
  if (p[i].lower == "a" || p[i].lower == "an") {
    amount = 1, j = i + 1;
  } else if (auto read = ReadNumber(lex, p, i, false); read && read->value >= 1 && read->value < 10000) {
    amount = read->value, j = read->end;
  }
  if (j == i || j + 1 >= p.size()) return std::nullopt;
  auto unit = lex.date_units.find(p[j].lower);
  auto ago = lex.directions.find(p[j + 1].lower);
  if (unit == lex.date_units.end() || ago == lex.directions.end() || ago->second != -2) return std::nullopt;
  DateMatch m = MatchOver(i, j + 2);
  m.unit = unit->second, m.amount = -static_cast<int>(amount);
  return m;
}

// "in 2017", "2019 review"; not "$2000", "about 2000 people" or "2000 km".
std::optional<DateMatch> MatchYear(const FactsLexicon& lex, const Pieces& p, size_t i) {
  const int year = YearAt(p, i);
  if (year < 1900 || (i + 1 < p.size() && !p[i + 1].space_before && p[i + 1].kind == PieceKind::kWord)) return std::nullopt;
  if (i > 0 && !p[i].space_before && p[i - 1].text != "(") return std::nullopt;
  std::string bound;
  const UnitEntry* unit = nullptr;
  if (MatchBoundBefore(lex, p, i, &bound) != i || MatchSuffixUnit(lex, p, i + 1, &unit) != i + 1) return std::nullopt;
  if (MatchPrefixUnit(lex, p, i, &unit) != i) return std::nullopt;
  DateMatch m = MatchOver(i, i + 1);
  m.year = year;
  return m;
}

std::optional<DateMatch> MatchAt(const FactsLexicon& lex, const Pieces& p, size_t i) {
  if (p[i].in_link) return std::nullopt;
  if (auto m = MatchNumeric(p, i)) return m;
  if (auto m = MatchMonthFirst(lex, p, i)) return m;
  if (auto m = MatchDayFirst(lex, p, i)) return m;
  if (auto m = MatchAgo(lex, p, i)) return m;
  if (auto m = MatchRelative(lex, p, i)) return m;
  return MatchYear(lex, p, i);
}

void SetResolved(DateMention* out, int64_t days, const std::string& granularity) {
  const CivilDate d = CivilFromDays(days);
  out->iso = granularity == "year" ? FormatIso(d.year) : granularity == "month" ? FormatIso(d.year, d.month)
                                                                                : FormatIso(d.year, d.month, d.day);
  out->granularity = granularity;
}

// A month (and day) without year: the most recent one not after the document date.
void ResolvePartial(const DateMatch& m, const CivilDate& doc, DateMention* out) {
  out->relative = true;
  if (doc.year == 0 || doc.month == 0 || (m.day != 0 && doc.day == 0 && m.month == doc.month)) return;
  const bool later = m.month > doc.month || (m.month == doc.month && m.day > doc.day);
  const int year = later ? doc.year - 1 : doc.year;
  if (m.day > DaysInMonth(year, m.month)) return;
  out->iso = FormatIso(year, m.month, m.day);
  out->granularity = m.day != 0 ? "day" : "month";
}

void ResolveUnit(const DateMatch& m, const CivilDate& doc, DateMention* out) {
  if (doc.year == 0) return;
  if (m.unit == "year") {
    out->iso = FormatIso(doc.year + m.amount), out->granularity = "year";
    return;
  }
  if (doc.month == 0) return;
  if (m.unit == "month") {
    const int months = doc.year * 12 + (doc.month - 1) + m.amount;
    out->iso = FormatIso(months / 12, months % 12 + 1), out->granularity = "month";
    return;
  }
  if (doc.day == 0) return;
  const int64_t today = DaysFromCivil(doc.year, doc.month, doc.day);
  if (m.unit == "day") return SetResolved(out, today + m.amount, "day");
  const int64_t monday = today - (Weekday(today) - 1) + 7 * m.amount;  // week
  SetResolved(out, monday, "day");
  out->granularity = "week";
}

void ResolveRelative(const DateMatch& m, const CivilDate& doc, DateMention* out) {
  out->relative = true;
  if (!m.unit.empty()) return ResolveUnit(m, doc, out);
  if (doc.day == 0) return;
  const int64_t today = DaysFromCivil(doc.year, doc.month, doc.day);
  if (m.offset_given) return SetResolved(out, today + m.day_offset, "day");
  int delta = m.weekday - Weekday(today);  // weekday: before the document date unless "next"
  if (m.amount > 0) {
    if (delta <= 0) delta += 7;
  } else if (delta >= 0) {
    delta -= 7;
  }
  SetResolved(out, today + delta, "day");
}

DateMention ResolveMatch(const DateMatch& m, const CivilDate& doc, const Pieces& p, uint32_t sentence) {
  DateMention out;
  out.span = {p[m.begin].span.begin, p[m.end - 1].span.end};
  out.sentence = sentence;
  if (m.year != 0 && m.month != 0 && m.day != 0 && m.day <= DaysInMonth(m.year, m.month)) {
    out.iso = FormatIso(m.year, m.month, m.day), out.granularity = "day";
  } else if (m.year != 0 && m.month != 0 && m.day == 0) {
    out.iso = FormatIso(m.year, m.month), out.granularity = "month";
  } else if (m.year != 0 && m.month == 0) {
    out.iso = FormatIso(m.year), out.granularity = "year";
  } else if (m.month != 0 && m.year == 0) {
    ResolvePartial(m, doc, &out);
  } else {
    ResolveRelative(m, doc, &out);
  }
  return out;
}

}  // namespace

Result<DateResolver> DateResolver::Load(const std::filesystem::path& data_dir) {
  auto lexicon = FactsLexicon::Load(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  return DateResolver(std::make_shared<const FactsLexicon>(std::move(*lexicon)));
}

DateResolver::DateResolver(std::shared_ptr<const FactsLexicon> lexicon) : lexicon_(std::move(lexicon)) {}

void DateResolver::Resolve(AnalyzedDocument* doc) const {
  doc->dates.clear();
  const CivilDate doc_date = ParseIsoDate(doc->doc.date);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Pieces pieces = SplitIntoPieces(*doc, s);
    for (size_t i = 0; i < pieces.size();) {
      const auto match = MatchAt(*lexicon_, pieces, i);
      if (!match) { ++i; continue; }
      doc->dates.push_back(ResolveMatch(*match, doc_date, pieces, s));
      i = match->end;
    }
  }
}

}  // namespace crosscheck::facts

#include "ingest/dates.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace crosscheck::ingest {
namespace {

struct Ymd {
  int year = 0, month = 0, day = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A cursor over the input; each Parse* either advances and succeeds or leaves it unchanged.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  size_t pos() const { return pos_; }
  void set_pos(size_t p) { pos_ = p; }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }

  // 1..max_digits digits, not followed by another digit.
  std::optional<int> Number(int min_digits, int max_digits) {
    size_t n = 0;
    int value = 0;
    while (pos_ + n < s_.size() && IsDigit(s_[pos_ + n]) && static_cast<int>(n) < max_digits) {
      value = value * 10 + (s_[pos_ + n] - '0');
      ++n;
    }
    if (static_cast<int>(n) < min_digits) return std::nullopt;
    if (pos_ + n < s_.size() && IsDigit(s_[pos_ + n])) return std::nullopt;
    pos_ += n;
    return value;
  }
  // A month name or its abbreviation ("Sept", "Jan."), case-insensitive.
  std::optional<int> Month() {
    static constexpr const char* kNames[] = {"january", "february", "march",     "april",
                                             "may",     "june",     "july",      "august",
                                             "september", "october", "november", "december"};
    size_t n = 0;
    while (pos_ + n < s_.size() && IsAlpha(s_[pos_ + n])) ++n;
    if (n < 3) return std::nullopt;
    std::string word;
    for (size_t i = 0; i < n; ++i) word.push_back(Lower(s_[pos_ + i]));
    for (int m = 0; m < 12; ++m) {
      const std::string_view name = kNames[m];
      const bool abbrev = n <= name.size() && name.substr(0, n) == word && (n == 3 || word == "sept");
      if (word == name || abbrev) {
        pos_ += n;
        if (Peek() == '.') ++pos_;
        return m + 1;
      }
    }
    return std::nullopt;
  }
  void SkipSpaces() {
    while (!AtEnd() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
  }
  bool Skip(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  // "st", "nd", "rd", "th" after a day number.
  void SkipOrdinalSuffix() {
    if (pos_ + 2 > s_.size()) return;
    const std::string w{Lower(s_[pos_]), Lower(s_[pos_ + 1])};
    const bool next_is_letter = pos_ + 2 < s_.size() && IsAlpha(s_[pos_ + 2]);
    if (!next_is_letter && (w == "st" || w == "nd" || w == "rd" || w == "th")) pos_ += 2;
  }
  // A weekday name ("Mon", "Monday") followed by a comma.
  void SkipWeekday() {
    const size_t start = pos_;
    size_t n = 0;
    while (pos_ + n < s_.size() && IsAlpha(s_[pos_ + n])) ++n;
    if (n < 3) return;
    pos_ += n;
    if (Peek() == '.') ++pos_;
    if (!Skip(',')) { pos_ = start; return; }
    SkipSpaces();
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

bool Valid(const Ymd& d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d.year >= 1800 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= kDays[d.month - 1];
}

// YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (one separator kind throughout).
std::optional<Ymd> NumericYmd(Cursor& c) {
  const size_t start = c.pos();
  Ymd d;
  auto y = c.Number(4, 4);
  const char sep = c.Peek();
  if (y && (sep == '-' || sep == '/' || sep == '.') && c.Skip(sep)) {
    auto m = c.Number(1, 2);
    if (m && c.Skip(sep)) {
      auto day = c.Number(1, 2);
      if (day) {
        d = {*y, *m, *day};
        if (Valid(d)) return d;
      }
    }
  }
  c.set_pos(start);
  return std::nullopt;
}

// DD.MM.YYYY (the European numeric form; slashes are ambiguous and not taken).
std::optional<Ymd> NumericDmy(Cursor& c) {
  const size_t start = c.pos();
  auto day = c.Number(1, 2);
  if (day && c.Skip('.')) {
    auto m = c.Number(1, 2);
    if (m && c.Skip('.')) {
      auto y = c.Number(4, 4);
      if (y) {
        Ymd d{*y, *m, *day};
        if (Valid(d)) return d;
      }
    }
  }
  c.set_pos(start);
  return std::nullopt;
}

// "17 July 2017", "17 Jul. 2017", "17. Juli"-style is not English and is not taken.
std::optional<Ymd> DayMonthYear(Cursor& c) {
  const size_t start = c.pos();
  auto day = c.Number(1, 2);
  if (day) {
    c.SkipOrdinalSuffix();
    c.SkipSpaces();
    auto m = c.Month();
    if (m) {
      c.Skip(',');
      c.SkipSpaces();
      auto y = c.Number(4, 4);
      if (y) {
        Ymd d{*y, *m, *day};
        if (Valid(d)) return d;
      }
    }
  }
  c.set_pos(start);
  return std::nullopt;
}

// "July 17, 2017", "Jul 17 2017", "July 17th, 2017".
std::optional<Ymd> MonthDayYear(Cursor& c) {
  const size_t start = c.pos();
  auto m = c.Month();
  if (m) {
    c.SkipSpaces();
    auto day = c.Number(1, 2);
    if (day) {
      c.SkipOrdinalSuffix();
      c.Skip(',');
      c.SkipSpaces();
      auto y = c.Number(4, 4);
      if (y) {
        Ymd d{*y, *m, *day};
        if (Valid(d)) return d;
      }
    }
  }
  c.set_pos(start);
  return std::nullopt;
}

std::optional<Ymd> FullDate(Cursor& c) {
  if (auto d = NumericYmd(c)) return d;
  if (auto d = NumericDmy(c)) return d;
  if (auto d = DayMonthYear(c)) return d;
  return MonthDayYear(c);
}

std::string Format(int year, int month = 0, int day = 0) {
  char buf[48];
  if (day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// "2017-07", "2017", "July 2017": dates that name no day.
std::string PartialDate(std::string_view s) {
  Cursor c(s);
  if (auto y = c.Number(4, 4)) {
    if (c.AtEnd() && *y >= 1800 && *y <= 2200) return Format(*y);
    if (c.Skip('-')) {
      auto m = c.Number(2, 2);
      if (m && c.AtEnd() && *m >= 1 && *m <= 12) return Format(*y, *m);
    }
    return "";
  }
  if (auto m = c.Month()) {
    c.SkipSpaces();
    auto y = c.Number(4, 4);
    if (y && c.AtEnd() && *y >= 1800 && *y <= 2200) return Format(*y, *m);
  }
  return "";
}

}  // namespace

std::string NormalizeDate(std::string_view s) {
  s = Trim(s);
  Cursor c(s);
  c.SkipWeekday();
  if (auto d = FullDate(c)) {
    // Whatever follows must not continue the number ("2017-07-170" is not a date).
    if (c.AtEnd() || !IsDigit(c.Peek())) return Format(d->year, d->month, d->day);
  }
  return PartialDate(s);
}

std::string FindDateline(std::string_view text, size_t window) {
  const size_t limit = std::min(window, text.size());
  // Let a date that starts inside the window finish outside it.
  const std::string_view scan = text.substr(0, std::min(text.size(), window + 32));
  for (size_t i = 0; i < limit; ++i) {
    const char prev = i > 0 ? scan[i - 1] : ' ';
    if (IsDigit(prev) || IsAlpha(prev)) continue;
    if (!IsDigit(scan[i]) && !IsAlpha(scan[i])) continue;
    Cursor c(scan.substr(i));
    if (auto d = FullDate(c)) return Format(d->year, d->month, d->day);
  }
  return "";
}

}  // namespace crosscheck::ingest

// facts/civil_date.h: proleptic Gregorian calendar arithmetic (days since 1970-01-01),
// after Howard Hinnant's public-domain "chrono-Compatible Low-Level Date Algorithms".
// Private to src/facts/.
#pragma once
#include <cstdint>
#include <string>

namespace crosscheck::facts {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12; 0 = unknown (a year-only date)
  int day = 0;    // 1-31; 0 = unknown
};

int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);
// 1 = Monday ... 7 = Sunday.
int Weekday(int64_t days);
int DaysInMonth(int year, int month);
// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the Document::date forms); year 0 on failure.
CivilDate ParseIsoDate(const std::string& iso);
// "2017", "2017-04", "2017-04-09" for year-, month- or day-precision dates.
std::string FormatIso(int year, int month = 0, int day = 0);

}  // namespace crosscheck::facts

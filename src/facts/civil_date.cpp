// facts/civil_date.cpp: Gregorian calendar arithmetic.
#include "facts/civil_date.h"

#include <cstdio>
#include <cstdlib>

namespace crosscheck::facts {

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int Weekday(int64_t days) {
  const int64_t monday_based = (days + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(monday_based < 0 ? monday_based + 7 : monday_based) + 1;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

CivilDate ParseIsoDate(const std::string& iso) {
  CivilDate date;
  int year = 0, month = 0, day = 0;
  char extra = 0;
  const int fields = std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &extra);
  if (fields < 1 || fields > 3 || iso.size() < 4) return date;
  if (fields >= 2 && (month < 1 || month > 12)) return date;
  if (fields == 3 && (day < 1 || day > DaysInMonth(year, month))) return date;
  date.year = year;
  date.month = fields >= 2 ? month : 0;
  date.day = fields == 3 ? day : 0;
  return date;
}

std::string FormatIso(int year, int month, int day) {
  char buffer[16];
  if (month == 0) std::snprintf(buffer, sizeof buffer, "%04d", year);
  else if (day == 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace crosscheck::facts

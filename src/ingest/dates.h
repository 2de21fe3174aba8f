// ingest/dates.h: publication dates from metadata and datelines.
// Metadata dates come in many spellings ("2017-07-17", "July 17, 2017",
// "17 July 2017", RFC 2822 "Mon, 17 Jul 2017 10:00:00 +0000", ISO 8601 with
// a time); all become ISO "YYYY-MM-DD" (or "YYYY-MM"/"YYYY" when that is all
// there is). A dateline is only taken from a full date with a year, so
// "MOSCOW, April 3 (Reuters)" gives nothing. Pure functions, thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace crosscheck::ingest {

// ISO form of a metadata date, or "" if `s` is not a date we recognise.
std::string NormalizeDate(std::string_view s);

// The first full date (day, month and year) within the first `window` bytes
// of `text`, as "YYYY-MM-DD", or "".
std::string FindDateline(std::string_view text, size_t window = 200);

}  // namespace crosscheck::ingest

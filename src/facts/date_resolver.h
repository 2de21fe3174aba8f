// facts/date_resolver.h: dates in a document, resolved against the document date.
// In: an AnalyzedDocument with tokens and sentences (text stage) and Document::date
// (ISO "YYYY-MM-DD", "YYYY-MM", "YYYY" or empty). Out: doc->dates in text order:
//   absolute  "July 14, 2017", "14 July 2017", "2017-07-17", "7/14/2017", "April 2018", "in 2017"
//   partial   "in April", "July 14", "last year"   (the year comes from the document date)
//   relative  "last week", "earlier this month", "on Tuesday", "three days ago", "yesterday"
// Each has an ISO value and granularity day|week|month|year (a week is given by its
// Monday). A bare month or month-day is the most recent one not after the document date;
// a weekday is the most recent such day before it ("today" is the document date). When
// the document date is missing or too coarse, partial and relative dates keep iso ""
// and granularity "": they are never guessed. Clock times are not dates.
// All month, weekday and relative words come from data/lexicons/date_words.tsv.
// Cost: linear in tokens. A loaded DateResolver is immutable: share it between threads.
//
//   auto dates = facts::DateResolver::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
//   if (!dates.ok()) return dates.status();
//   dates->Resolve(&doc);   // doc.dates
#pragma once
#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::facts {

struct FactsLexicon;

class DateResolver {
 public:
  // Reads the lexicons in `data_dir` (data/lexicons/); errors name file and line.
  static Result<DateResolver> Load(const std::filesystem::path& data_dir);
  explicit DateResolver(std::shared_ptr<const FactsLexicon> lexicon);

  // Replaces doc->dates with the date expressions of every sentence.
  void Resolve(AnalyzedDocument* doc) const;

 private:
  std::shared_ptr<const FactsLexicon> lexicon_;
};

}  // namespace crosscheck::facts

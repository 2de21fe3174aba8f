// eval/story_gold.h: readers for the story-clustering gold sets.
//   JSONL (NeuS `clusters/neus/*.articles.jsonl.gz` and any file of the same
//   shape): one object per line with `id`, `cluster`, and `title`, `text`,
//   `date`, `outlet` or `source` when known. Gzip or plain.
//   UCI News Aggregator CSV (`uci-news-aggregator.csv[.gz]`): ID, TITLE, URL,
//   PUBLISHER, CATEGORY, STORY, HOSTNAME, TIMESTAMP (epoch ms); headlines
//   only. Streamed in TIMESTAMP order through a small reorder buffer (the
//   file is in ID order, which differs from TIMESTAMP order only locally), so
//   memory stays bounded by the buffer, not by the file.
// Bad lines are reported with file and line and skipped. Not thread-safe.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cluster/document_record.h"
#include "core/document.h"
#include "core/status.h"
#include "text/text_analyzer.h"

namespace crosscheck::eval {

struct GoldDocument {
  Document doc;            // id, title, text, date (YYYY-MM-DD or ""), source
  std::string cluster;     // the gold story label
  int64_t timestamp_ms = 0;  // UCI only: crawl time
};

// True for a path that looks like the UCI CSV (".csv" or ".csv.gz").
bool IsUciCsv(const std::filesystem::path& path);

// Reads a whole JSONL gold file; `errors` counts skipped lines (each printed to stderr).
Result<std::vector<GoldDocument>> ReadJsonlGold(const std::filesystem::path& path, uint64_t* errors);

class UciReader {
 public:
  static Result<std::unique_ptr<UciReader>> Open(const std::filesystem::path& path);
  ~UciReader();
  // Next row in TIMESTAMP order; false at end. Document::date is the UTC day.
  bool Next(GoldDocument* out);
  uint64_t errors() const { return errors_; }

 private:
  struct State;
  explicit UciReader(std::unique_ptr<State> state);
  bool Fill();
  std::unique_ptr<State> state_;
  uint64_t errors_ = 0;
};

// Streams a gold set (JSONL or UCI, by file name) in date order as records:
// JSONL documents are read whole, analysed by `analyzer` (text layer) and
// stably sorted by date, undated first; UCI rows stream in TIMESTAMP order.
// `fn` gets each item, its record and the seconds spent building the record
// (not the analysis); it returns false to stop. Skipped lines count in *errors.
using GoldItemFn = std::function<bool(const GoldDocument&, cluster::DocumentRecord&&, double)>;
Status StreamGold(const std::filesystem::path& path, const text::TextAnalyzer& analyzer, uint64_t* errors,
                  const GoldItemFn& fn);

}  // namespace crosscheck::eval

#include "eval/story_gold.h"

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

namespace crosscheck::eval {
namespace {

constexpr size_t kReorderRows = 4096;  // UCI rows are out of TIMESTAMP order by at most 1 row

// Reads '\n'-terminated lines from a gzip or plain file.
class LineReader {
 public:
  explicit LineReader(gzFile file) : file_(file) {}
  ~LineReader() { if (file_) gzclose(file_); }
  bool Next(std::string* line) {
    line->clear();
    char buf[1 << 16];
    while (gzgets(file_, buf, sizeof buf)) {
      line->append(buf);
      if (!line->empty() && line->back() == '\n') {
        line->pop_back();
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
    }
    return !line->empty();
  }

 private:
  gzFile file_;
};

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Splits one CSV record (RFC 4180 quoting); false if a quoted field runs past the line.
bool SplitCsv(const std::string& line, std::vector<std::string>* fields) {
  fields->assign(1, std::string());
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { fields->back().push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else fields->back().push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else {
      fields->back().push_back(c);
    }
  }
  return !quoted;
}

std::string UtcDay(int64_t ms) {
  const time_t seconds = static_cast<time_t>(ms / 1000);
  struct tm tm;
  gmtime_r(&seconds, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

bool IsUciCsv(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return name.ends_with(".csv") || name.ends_with(".csv.gz");
}

Result<std::vector<GoldDocument>> ReadJsonlGold(const std::filesystem::path& path, uint64_t* errors) {
  if (!std::filesystem::is_regular_file(path)) {
    return Status::Error(path.string() + ": expected a JSONL file (optionally .gz) with a cluster field, or the UCI CSV");
  }
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return Status::Error("cannot open " + path.string());
  LineReader reader(file);
  std::vector<GoldDocument> out;
  std::string line;
  for (uint64_t number = 1; reader.Next(&line); ++number) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || StringField(j, "cluster").empty() || StringField(j, "id").empty()) {
      std::fprintf(stderr, "crosscheck: %s:%llu: expected a JSON object with string fields id and cluster\n",
                   path.c_str(), static_cast<unsigned long long>(number));
      ++*errors;
      continue;
    }
    GoldDocument g;
    g.doc.id = StringField(j, "id");
    g.doc.title = StringField(j, "title");
    g.doc.text = StringField(j, "text");
    g.doc.date = StringField(j, "date").substr(0, 10);
    g.doc.source = StringField(j, "outlet");
    if (g.doc.source.empty()) g.doc.source = StringField(j, "source");
    g.cluster = StringField(j, "cluster");
    out.push_back(std::move(g));
  }
  return out;
}

struct UciReader::State {
  explicit State(gzFile f, std::string p) : lines(f), path(std::move(p)) {}
  LineReader lines;
  std::string path;
  uint64_t line_number = 1;  // the header
  bool eof = false;
  std::map<std::pair<int64_t, uint64_t>, GoldDocument> buffered;  // by (timestamp, arrival)
  uint64_t arrivals = 0;
};

UciReader::UciReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
UciReader::~UciReader() = default;

Result<std::unique_ptr<UciReader>> UciReader::Open(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return Status::Error("cannot open " + path.string());
  auto state = std::make_unique<State>(file, path.string());
  std::string header;
  if (!state->lines.Next(&header) || header.find("STORY") == std::string::npos || header.find("TIMESTAMP") == std::string::npos) {
    return Status::Error(path.string() + ":1: expected the UCI header ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP");
  }
  return std::unique_ptr<UciReader>(new UciReader(std::move(state)));
}

// Reads rows until the buffer is full or the file ends.
bool UciReader::Fill() {
  State& s = *state_;
  std::string line;
  std::vector<std::string> f;
  while (!s.eof && s.buffered.size() < kReorderRows) {
    if (!s.lines.Next(&line)) { s.eof = true; break; }
    ++s.line_number;
    char* end = nullptr;
    if (!SplitCsv(line, &f) || f.size() != 8 || (std::strtoll(f[7].c_str(), &end, 10), *end != '\0') || f[7].empty()) {
      std::fprintf(stderr, "crosscheck: %s:%llu: expected 8 CSV fields ending in an epoch-ms TIMESTAMP\n",
                   s.path.c_str(), static_cast<unsigned long long>(s.line_number));
      ++errors_;
      continue;
    }
    GoldDocument g;
    g.timestamp_ms = std::strtoll(f[7].c_str(), nullptr, 10);
    g.doc.id = f[0];
    g.doc.title = f[1];
    g.doc.url = f[2];
    g.doc.source = f[3];
    g.cluster = f[5];
    g.doc.date = UtcDay(g.timestamp_ms);
    const int64_t ts = g.timestamp_ms;
    s.buffered.emplace(std::make_pair(ts, s.arrivals++), std::move(g));
  }
  return !s.buffered.empty();
}

bool UciReader::Next(GoldDocument* out) {
  if (!Fill()) return false;
  auto first = state_->buffered.begin();
  *out = std::move(first->second);
  state_->buffered.erase(first);
  return true;
}

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Status StreamJsonl(const std::filesystem::path& path, const text::TextAnalyzer& analyzer, uint64_t* errors,
                   const GoldItemFn& fn) {
  auto gold = ReadJsonlGold(path, errors);
  if (!gold.ok()) return gold.status();
  struct Item { int64_t time; size_t index; };
  std::vector<Item> order;
  for (size_t i = 0; i < gold->size(); ++i) order.push_back({cluster::ParseIsoDay((*gold)[i].doc.date), i});
  std::stable_sort(order.begin(), order.end(), [](const Item& a, const Item& b) { return a.time < b.time; });
  for (const Item& item : order) {
    GoldDocument& g = (*gold)[item.index];
    AnalyzedDocument doc;
    doc.doc = g.doc;
    analyzer.Analyze(&doc);
    const auto start = std::chrono::steady_clock::now();
    cluster::DocumentRecord record = cluster::MakeRecord(doc);
    if (!fn(g, std::move(record), Since(start))) break;
  }
  return Status::Ok();
}

Status StreamUci(const std::filesystem::path& path, uint64_t* errors, const GoldItemFn& fn) {
  auto reader = UciReader::Open(path);
  if (!reader.ok()) return reader.status();
  GoldDocument g;
  AnalyzedDocument doc;
  while ((*reader)->Next(&g)) {
    const auto start = std::chrono::steady_clock::now();
    doc.doc = g.doc;  // headlines only: no text to analyse
    cluster::DocumentRecord record = cluster::MakeRecord(doc);
    if (!fn(g, std::move(record), Since(start))) break;
  }
  *errors += (*reader)->errors();
  return Status::Ok();
}

}  // namespace

Status StreamGold(const std::filesystem::path& path, const text::TextAnalyzer& analyzer, uint64_t* errors,
                  const GoldItemFn& fn) {
  return IsUciCsv(path) ? StreamUci(path, errors, fn) : StreamJsonl(path, analyzer, errors, fn);
}

}  // namespace crosscheck::eval

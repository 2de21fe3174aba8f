// facts/facts_lexicon.cpp: reading the TSV lexicons of the facts stage.
#include "facts/facts_lexicon.h"

#include <cstdlib>
#include <fstream>

namespace crosscheck::facts {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::string Where(const std::filesystem::path& path, int line) {
  return path.string() + ":" + std::to_string(line) + ": ";
}

// Parses a number cell; an empty cell is NaN-free 0 only when `allow_empty`.
Result<double> ParseNumberCell(const std::filesystem::path& path, const TsvRow& row, size_t column,
                               bool allow_empty) {
  const std::string& cell = row.cells[column];
  if (cell.empty() && allow_empty) return 0.0;
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  if (cell.empty() || *end != '\0') {
    return Status::Error(Where(path, row.line) + "expected a number in column " +
                         std::to_string(column + 1) + ", got \"" + cell + "\"");
  }
  return value;
}

Status LoadNumberWords(const std::filesystem::path& path, FactsLexicon* lex) {
  auto rows = ReadTsv(path, {"word", "value", "type"});
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string& type = row.cells[2];
    auto value = ParseNumberCell(path, row, 1, type == "approx_plural");
    if (!value.ok()) return value.status();
    const std::string word = Lower(row.cells[0]);
    if (type == "cardinal") lex->cardinals.emplace(word, *value);
    else if (type == "scale") lex->scales.emplace(word, *value);
    else if (type == "scale_abbrev") lex->scale_abbrevs.emplace(row.cells[0], *value);
    else if (type == "ordinal") lex->ordinals.emplace(word, *value);
    else if (type == "fraction") lex->fractions.emplace(word, *value);
    else if (type == "collective") lex->collectives.emplace(word, *value);
    else if (type != "multiplier" && type != "approx_plural" && type != "article_as_one") {
      return Status::Error(Where(path, row.line) + "unknown type \"" + type + "\"");
    }
  }
  return Status::Ok();
}

Status LoadVague(const std::filesystem::path& path, FactsLexicon* lex) {
  auto rows = ReadTsv(path, {"phrase", "low", "high"});
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    auto low = ParseNumberCell(path, row, 1, false);
    if (!low.ok()) return low.status();
    auto high = ParseNumberCell(path, row, 2, false);
    if (!high.ok()) return high.status();
    lex->vague.emplace(row.cells[0], std::make_pair(*low, *high));
  }
  return Status::Ok();
}

Status LoadBounds(const std::filesystem::path& path, FactsLexicon* lex) {
  auto rows = ReadTsv(path, {"phrase", "bound", "position"});
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string& position = row.cells[2];
    if (position != "before" && position != "after") {
      return Status::Error(Where(path, row.line) + "position must be before or after, got \"" + position + "\"");
    }
    (position == "before" ? lex->bounds_before : lex->bounds_after).Add(row.cells[0], row.cells[1]);
  }
  return Status::Ok();
}

Status LoadUnits(const std::filesystem::path& path, FactsLexicon* lex) {
  auto rows = ReadTsv(path, {"surface", "unit", "name", "position"});
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const UnitEntry entry{row.cells[1], row.cells[2]};
    const std::string& position = row.cells[3];
    if (position == "prefix") lex->unit_prefixes.Add(row.cells[0], entry);
    else if (position == "suffix") lex->unit_suffixes.Add(row.cells[0], entry);
    else if (position == "joined") lex->unit_joined.Add(row.cells[0], entry);
    else return Status::Error(Where(path, row.line) + "position must be prefix, suffix or joined, got \"" + position + "\"");
    lex->unit_names.emplace(entry.unit, entry.name);
  }
  return Status::Ok();
}

Status LoadDateWords(const std::filesystem::path& path, FactsLexicon* lex) {
  auto rows = ReadTsv(path, {"word", "kind", "value"});
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string& kind = row.cells[1];
    const std::string word = Lower(row.cells[0]);
    if (kind == "unit") { lex->date_units.emplace(word, row.cells[2]); continue; }
    if (kind == "ago") { lex->directions.emplace(word, -2); continue; }
    auto value = ParseNumberCell(path, row, 2, false);
    if (!value.ok()) return value.status();
    const int v = static_cast<int>(*value);
    if (kind == "month") lex->months.emplace(word, v);
    else if (kind == "weekday") lex->weekdays.emplace(word, v);
    else if (kind == "day_offset") lex->day_offsets.emplace(word, v);
    else if (kind == "direction") lex->directions.emplace(word, v);
    else return Status::Error(Where(path, row.line) + "unknown kind \"" + kind + "\"");
  }
  return Status::Ok();
}

// Loads a two-column table word -> string into `out`.
Status LoadPairs(const std::filesystem::path& path, const std::vector<std::string>& columns,
                 std::unordered_map<std::string, std::string>* out) {
  auto rows = ReadTsv(path, columns);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) out->emplace(Lower(row.cells[0]), row.cells[1]);
  return Status::Ok();
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path, const std::vector<std::string>& columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot open lexicon");
  std::vector<TsvRow> rows;
  std::string line;
  bool header_seen = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = SplitTabs(line);
    if (!header_seen) {
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i >= cells.size() || cells[i] != columns[i]) {
          return Status::Error(Where(path, number) + "expected a header starting with column \"" + columns[i] + "\"");
        }
      }
      header_seen = true;
      continue;
    }
    // A trailing empty cell may be dropped by editors; the first ones may not.
    while (cells.size() < columns.size() && cells.size() + 1 >= columns.size()) cells.emplace_back();
    if (cells.size() < columns.size() || cells[0].empty()) {
      return Status::Error(Where(path, number) + "expected " + std::to_string(columns.size()) +
                           " tab-separated columns, got " + std::to_string(cells.size()));
    }
    rows.push_back({std::move(cells), number});
  }
  if (!header_seen) return Status::Error(path.string() + ":1: empty lexicon, expected a header");
  return rows;
}

Result<FactsLexicon> FactsLexicon::Load(const std::filesystem::path& dir) {
  FactsLexicon lex;
  Status status;
  if (!(status = LoadNumberWords(dir / "number_words.tsv", &lex)).ok()) return status;
  if (!(status = LoadNumberWords(dir / "number_words_extra.tsv", &lex)).ok()) return status;
  if (!(status = LoadVague(dir / "vague_amounts.tsv", &lex)).ok()) return status;
  if (!(status = LoadBounds(dir / "quantity_bounds.tsv", &lex)).ok()) return status;
  if (!(status = LoadPairs(dir / "change_cues.tsv", {"word", "direction"}, &lex.changes)).ok()) return status;
  if (!(status = LoadUnits(dir / "units.tsv", &lex)).ok()) return status;
  if (!(status = LoadPairs(dir / "function_words.tsv", {"word", "class"}, &lex.function_words)).ok()) return status;
  if (!(status = LoadPairs(dir / "irregular_plurals.tsv", {"plural", "singular"}, &lex.irregular_plurals)).ok()) return status;
  if (!(status = LoadPairs(dir / "non_count_cues.tsv", {"word", "kind"}, &lex.non_count)).ok()) return status;
  if (!(status = LoadDateWords(dir / "date_words.tsv", &lex)).ok()) return status;
  return lex;
}

std::string FactsLexicon::Singular(std::string_view word) const {
  const std::string lower = Lower(word);
  auto it = irregular_plurals.find(lower);
  if (it != irregular_plurals.end()) return it->second;
  const auto ends = [&](std::string_view suffix) {
    return lower.size() > suffix.size() + 1 && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("ies")) return lower.substr(0, lower.size() - 3) + "y";
  if (ends("ss") || ends("us") || ends("is")) return lower;
  if (ends("ches") || ends("shes") || ends("xes") || ends("sses")) return lower.substr(0, lower.size() - 2);
  if (ends("s")) return lower.substr(0, lower.size() - 1);
  return lower;
}

}  // namespace crosscheck::facts

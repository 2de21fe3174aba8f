// facts/facts_lexicon.h: the cue words of the facts stage, read from data/lexicons/*.tsv.
// Every word the quantity and date finders react to (number words, scales, bounds,
// vague amounts, change verbs, units, month and weekday names, ...) lives in a TSV file,
// so that adding a unit or a cue is a data change. Private to src/facts/.
// A loaded FactsLexicon is immutable and shared by the finders and their threads.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace crosscheck::facts {

// One data row of a TSV lexicon and the 1-based line it came from.
struct TsvRow {
  std::vector<std::string> cells;
  int line = 0;
};

// Reads a TSV lexicon: lines starting with '#' are comments; the first other line is a
// header whose first cells must be `columns`; every row needs that many cells (trailing
// empty cells may be missing). Errors name the file and line.
Result<std::vector<TsvRow>> ReadTsv(const std::filesystem::path& path,
                                    const std::vector<std::string>& columns);

// A unit of measure or currency as written next to a number.
struct UnitEntry {
  std::string unit;  // normalized code: "USD", "percent", "km"
  std::string name;  // spelled-out singular name: "dollar", "percentage", "kilometre"
};

// A phrase table: exact surface first, then the lower-cased surface for entries that
// were written in lower case (so "km" matches "KM", but "PS" does not match "ps").
template <typename T>
class PhraseTable {
 public:
  void Add(const std::string& surface, T value);
  const T* Find(std::string_view surface) const;
  int max_pieces() const { return max_pieces_; }  // upper bound on pieces per surface

 private:
  // Looked up by string_view without building a std::string (the unit matchers
  // probe several spans per number). Same hash values as std::hash<std::string>.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, T, ViewHash, std::equal_to<>> exact_;
  std::unordered_map<std::string, T, ViewHash, std::equal_to<>> folded_;
  int max_pieces_ = 1;
  size_t max_bytes_ = 0;  // longest surface: longer probes cannot match
};

std::string Lower(std::string_view s);

struct FactsLexicon {
  // number_words.tsv (+ number_words_extra.tsv), by type; keys lower case except scale_abbrevs.
  std::unordered_map<std::string, double> cardinals, scales, scale_abbrevs, ordinals, fractions,
      collectives;
  std::unordered_map<std::string, std::pair<double, double>> vague;  // "dozens" -> {12, 120}
  PhraseTable<std::string> bounds_before, bounds_after;               // -> bound name
  std::unordered_map<std::string, std::string> changes;              // "rose" -> "increase"
  PhraseTable<UnitEntry> unit_prefixes, unit_suffixes, unit_joined;
  std::unordered_map<std::string, std::string> function_words;       // "the" -> "det"
  std::unordered_map<std::string, std::string> irregular_plurals;    // "men" -> "man"
  std::unordered_map<std::string, std::string> non_count;            // "p.m." -> "time_after"
  // date_words.tsv
  std::unordered_map<std::string, int> months, weekdays, day_offsets, directions;
  std::unordered_map<std::string, std::string> date_units;           // "weeks" -> "week"
  std::unordered_map<std::string, std::string> unit_names;           // "USD" -> "dollar"

  // Reads every lexicon in `dir` (data/lexicons/); errors name file and line.
  static Result<FactsLexicon> Load(const std::filesystem::path& dir);

  bool IsFunctionWord(std::string_view lower) const { return function_words.count(std::string(lower)) > 0; }
  // The singular of a plural noun ("men" -> "man", "cases" -> "case"); other words unchanged.
  std::string Singular(std::string_view word) const;
};

template <typename T>
void PhraseTable<T>::Add(const std::string& surface, T value) {
  int pieces = 1;
  for (char c : surface) pieces += (c == ' ' || c == '$' || c == '/' || c == '-' || c == '.' || c == '=') ? 2 : 0;
  if (pieces > max_pieces_) max_pieces_ = pieces;
  if (surface.size() > max_bytes_) max_bytes_ = surface.size();
  if (Lower(surface) == surface) folded_.emplace(surface, value);
  exact_.emplace(surface, std::move(value));
}

template <typename T>
const T* PhraseTable<T>::Find(std::string_view surface) const {
  if (surface.size() > max_bytes_) return nullptr;  // Lower keeps the length
  auto it = exact_.find(surface);
  if (it != exact_.end()) return &it->second;
  // folded_ holds only keys that are already lower case, each also in exact_: a
  // surface without A-Z that missed exact_ misses folded_ too.
  bool has_upper = false;
  for (char c : surface) has_upper |= c >= 'A' && c <= 'Z';
  if (!has_upper) return nullptr;
  auto folded = folded_.find(Lower(surface));
  return folded == folded_.end() ? nullptr : &folded->second;
}

}  // namespace crosscheck::facts

#include "claims/claim_lexicon.h"

#include <fstream>
#include <sstream>

namespace crosscheck::claims {
namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(line);
  std::string part;
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!line.empty() && line.back() == sep) parts.emplace_back();
  return parts;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status LineError(const std::filesystem::path& file, int line, const std::string& expected) {
  return Status::Error(file.string() + ":" + std::to_string(line) + ": expected " + expected);
}

// Calls `row` with the tab-separated cells of every data line (not comments, blank
// lines or the header starting with `header`); stops at the first error it returns.
template <typename RowFn>
Status ForEachRow(const std::filesystem::path& file, std::string_view header, RowFn row) {
  std::ifstream in(file);
  if (!in) return Status::Error(file.string() + ": cannot open the lexicon");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.starts_with(header)) continue;
    if (Status s = row(Split(line, '\t'), number); !s.ok()) return s;
  }
  return Status::Ok();
}

const std::unordered_map<std::string, uint32_t>& CueNames() {
  static const auto* names = new std::unordered_map<std::string, uint32_t>{
      {"hedge", kHedge},           {"hedge_modal", kHedgeModal}, {"hedge_raising", kHedgeRaising},
      {"deny_word", kDenyWord},    {"question_word", kQuestionWord}, {"question_neg", kQuestionNeg},
      {"negation", kNegation},     {"irrealis", kIrrealis},      {"condition", kCondition},
      {"statement", kStatement},   {"distancing", kDistancing},  {"report", kReport},
      {"show", kShow},             {"according", kAccording},    {"outlet", kOutlet},
      {"outlet_name", kOutletName}, {"anonymous", kAnonymous},   {"organisation", kOrganisation},
      {"person_role", kPersonRole}, {"not_count", kNotCount},    {"case", kCase},
      {"generic", kGeneric},       {"question_start", kQuestionStart}, {"aspectual", kAspectual},
      {"person_noun", kPersonNoun}};
  return *names;
}

// Parses the flags cell of events.tsv into `entry`; false on an unknown flag.
bool ParseFlags(const std::string& cell, EventEntry* entry) {
  if (cell == "-" || cell.empty()) return true;
  for (const std::string& flag : Split(cell, ',')) {
    if (flag == "subj") entry->flags |= kSubjectCounts;
    else if (flag == "count") entry->flags |= kNeedsCount;
    else if (flag == "passive") entry->flags |= kPassiveOnly;
    else if (flag == "propn_obj") entry->flags |= kPropnObject;
    else if (flag == "result") entry->flags |= kResult;
    else if (flag == "not_as") entry->flags |= kNotAs;
    else if (flag == "pred") entry->flags |= kPredicateCount;
    else if (flag == "person") entry->flags |= kPersonPatient;
    else if (flag.starts_with("with=")) entry->with = Split(flag.substr(5), '|');
    else if (flag.starts_with("need=")) entry->need = Split(flag.substr(5), '|');
    else if (flag.starts_with("not=")) entry->not_with = Split(flag.substr(4), '|');
    else return false;
  }
  return true;
}

}  // namespace

std::string_view LowerInto(std::string_view word, char* buffer, size_t size) {
  const size_t n = word.size() < size ? word.size() : size;
  for (size_t i = 0; i < n; ++i) {
    char c = word[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buffer, n);
}

Result<ClaimLexicon> ClaimLexicon::Load(const std::filesystem::path& dir) {
  ClaimLexicon lexicon;
  if (Status s = lexicon.ReadEvents(dir / "events.tsv"); !s.ok()) return s;
  if (Status s = lexicon.ReadCues(dir / "claim_cues.tsv"); !s.ok()) return s;
  if (Status s = lexicon.ReadStances(dir / "reporting_verbs.tsv"); !s.ok()) return s;
  if (Status s = lexicon.ReadStances(dir / "quote_verbs_extra.tsv"); !s.ok()) return s;
  return lexicon;
}

Status ClaimLexicon::ReadEvents(const std::filesystem::path& file) {
  static const std::string kPos = "VNAR";
  return ForEachRow(file, "lemma\t", [&](const std::vector<std::string>& cols, int line) {
    EventEntry entry;
    const std::string pos = cols.size() >= 2 ? cols[1] : "";
    const char p = pos == "VERB" ? 'V' : pos == "NOUN" ? 'N' : pos == "ADJ" ? 'A' : pos == "ADV" ? 'R' : 0;
    if (cols.size() != 4 || cols[0].empty() || p == 0 || cols[2].empty()) {
      return LineError(file, line, "lemma<TAB>VERB|NOUN|ADJ|ADV<TAB>EVENT<TAB>flags");
    }
    entry.pos = p;
    entry.event = cols[2];
    if (!ParseFlags(cols[3], &entry)) {
      return LineError(file, line, "flags '-' or subj,count,passive,propn_obj,result,not_as,pred,person,with=,need=,not=");
    }
    events_[Lower(cols[0])].push_back(std::move(entry));
    return Status::Ok();
  });
}

Status ClaimLexicon::ReadCues(const std::filesystem::path& file) {
  return ForEachRow(file, "phrase\t", [&](const std::vector<std::string>& cols, int line) {
    auto cls = cols.size() >= 2 ? CueNames().find(cols[1]) : CueNames().end();
    if (cols.size() < 2 || cols[0].empty() || cls == CueNames().end()) {
      return LineError(file, line, "phrase<TAB>class<TAB>origin with a class of the header comment");
    }
    std::vector<std::string> words = Split(Lower(cols[0]), ' ');
    if (words.size() == 1) {
      cues_[words[0]] |= cls->second;
    } else {
      std::string first = words[0];
      phrases_[first].push_back(CuePhrase{std::move(words), cls->second});
    }
    return Status::Ok();
  });
}

Status ClaimLexicon::ReadStances(const std::filesystem::path& file) {
  return ForEachRow(file, "lemma\t", [&](const std::vector<std::string>& cols, int line) {
    if (cols.size() < 3 || cols[0].empty() || cols[1].empty()) {
      return LineError(file, line, "3 tab-separated columns: lemma, classes, forms");
    }
    stances_.emplace(Lower(cols[0]), Split(cols[1], ',')[0]);  // the first file to list a lemma wins
    return Status::Ok();
  });
}

const std::vector<EventEntry>* ClaimLexicon::Events(std::string_view lemma) const {
  auto it = events_.find(lemma);
  return it == events_.end() ? nullptr : &it->second;
}

uint32_t ClaimLexicon::Cues(std::string_view word) const {
  auto it = cues_.find(word);
  return it == cues_.end() ? 0 : it->second;
}

const std::vector<CuePhrase>* ClaimLexicon::Phrases(std::string_view first_word) const {
  auto it = phrases_.find(first_word);
  return it == phrases_.end() ? nullptr : &it->second;
}

std::string_view ClaimLexicon::Stance(std::string_view lemma) const {
  auto it = stances_.find(lemma);
  return it == stances_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace crosscheck::claims

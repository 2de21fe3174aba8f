#include "quotes/speech_lexicon.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace crosscheck::quotes {
namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(line);
  std::string part;
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!line.empty() && line.back() == sep) parts.emplace_back();
  return parts;
}

bool IsCommentOrBlank(const std::string& line) {
  return line.empty() || line[0] == '#';
}

Status LineError(const std::filesystem::path& file, int line, const std::string& expected) {
  return Status::Error(file.string() + ":" + std::to_string(line) + ": expected " + expected);
}

// Strips a trailing '\r' so files edited on Windows still read.
void TrimCr(std::string* line) {
  if (!line->empty() && line->back() == '\r') line->pop_back();
}

// The GGT list is not lemmatized: a form's lemma is a shorter form of the list
// it inflects ("announced" -> "announce"), else the form itself.
std::string GuessLemma(const std::string& form,
                       const std::unordered_map<std::string, bool>& forms) {
  auto has = [&](const std::string& s) { return !s.empty() && forms.count(s); };
  auto ends = [&](std::string_view suffix) {
    return form.size() > suffix.size() + 2 && form.ends_with(suffix);
  };
  std::string stem;
  if (ends("ies") && has(stem = form.substr(0, form.size() - 3) + "y")) return stem;
  if (ends("ied") && has(stem = form.substr(0, form.size() - 3) + "y")) return stem;
  if (ends("es") && has(stem = form.substr(0, form.size() - 2))) return stem;
  if (ends("s") && has(stem = form.substr(0, form.size() - 1))) return stem;
  if (ends("ed") && has(stem = form.substr(0, form.size() - 1))) return stem;
  if (ends("ed") && has(stem = form.substr(0, form.size() - 2))) return stem;
  if (ends("ing") && has(stem = form.substr(0, form.size() - 3) + "e")) return stem;
  if (ends("ing") && has(stem = form.substr(0, form.size() - 3))) return stem;
  return form;
}

const std::unordered_map<std::string, uint32_t>& ClassNames() {
  static const auto* names = new std::unordered_map<std::string, uint32_t>{
      {"pronoun", kPronoun}, {"determiner", kDeterminer}, {"skip", kSkip},
      {"stop", kStop},       {"relative", kRelative},     {"org", kOrgWord},
      {"according", kAccording}, {"dash", kDash},         {"post_dash", kPostDash},
      {"month", kMonth},     {"title", kTitle}};
  return *names;
}

}  // namespace

template <typename V>
uint64_t FoldedMap<V>::Hash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

template <typename V>
size_t FoldedMap<V>::Probe(std::string_view word) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = Hash(word) & mask;; i = (i + 1) & mask) {
    const std::string& key = slots_[i].key;
    if (key.empty()) return i;
    if (key.size() != word.size()) continue;
    bool same = true;
    for (size_t k = 0; k < key.size() && same; ++k) {
      unsigned char c = static_cast<unsigned char>(word[k]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      same = static_cast<unsigned char>(key[k]) == c;
    }
    if (same) return i;
  }
}

template <typename V>
void FoldedMap<V>::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_ = std::vector<Slot>(old.size() * 2);
  for (Slot& slot : old) {
    if (!slot.key.empty()) slots_[Probe(slot.key)] = std::move(slot);
  }
}

template <typename V>
V& FoldedMap<V>::operator[](std::string_view key) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  Slot& slot = slots_[Probe(key)];
  if (slot.key.empty()) {
    slot.key = Lower(key);
    ++size_;
  }
  return slot.value;
}

template <typename V>
const V* FoldedMap<V>::Find(std::string_view word) const {
  if (word.empty()) return nullptr;
  const Slot& slot = slots_[Probe(word)];
  return slot.key.empty() ? nullptr : &slot.value;
}

template class FoldedMap<SpeechVerb>;
template class FoldedMap<uint32_t>;
template class FoldedMap<int>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Cheap on purpose (it runs on every lower-case token): the first 4 bytes, the
// last two and the length, case-folded by setting bit 0x20 (which also maps
// some punctuation together; a filter only needs no false negatives).
uint32_t SpeechLexicon::FilterHash(std::string_view word) {
  const size_t n = word.size();
  if (n == 0) return 0;
  uint32_t head = 0, tail = 0;
  std::memcpy(&head, word.data(), std::min<size_t>(n, 4));
  std::memcpy(&tail, word.data() + (n >= 2 ? n - 2 : 0), std::min<size_t>(n, 2));
  uint64_t x = (static_cast<uint64_t>(head | 0x20202020u) << 24) ^ ((tail | 0x2020u) << 8) ^ n;
  return static_cast<uint32_t>((x * 0x9E3779B97F4A7C15ull) >> 48);
}

Result<SpeechLexicon> SpeechLexicon::Load(const std::filesystem::path& dir) {
  SpeechLexicon lexicon;
  if (Status s = lexicon.ReadReportingVerbs(dir / "reporting_verbs.tsv"); !s.ok()) return s;
  if (Status s = lexicon.ReadReportingVerbs(dir / "quote_verbs_extra.tsv"); !s.ok()) return s;
  if (Status s = lexicon.ReadGgtVerbs(dir / "quote_verbs_ggt.txt"); !s.ok()) return s;
  if (Status s = lexicon.ReadCues(dir / "quote_cues.tsv"); !s.ok()) return s;
  return lexicon;
}

void SpeechLexicon::AddForm(const std::string& form, const SpeechVerb& verb) {
  if (!verbs_.contains(form)) verbs_[form] = verb;
  verb_filter_->set(FilterHash(form));
}

Status SpeechLexicon::ReadReportingVerbs(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Status::Error(file.string() + ": cannot open the reporting verb lexicon");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    TrimCr(&line);
    if (IsCommentOrBlank(line) || line.starts_with("lemma\t")) continue;
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() < 3 || cols[0].empty() || cols[1].empty() || cols[2].empty()) {
      return LineError(file, number, "3 tab-separated columns: lemma, classes, forms");
    }
    SpeechVerb verb{Lower(cols[0]), Split(cols[1], ',')[0], true};
    if (verbs_.contains(cols[0])) continue;  // the first file to list a lemma wins
    AddForm(cols[0], verb);
    for (const std::string& form : Split(cols[2], '|')) {
      if (form.empty()) return LineError(file, number, "non-empty forms separated by '|'");
      AddForm(form, verb);
    }
  }
  return Status::Ok();
}

Status SpeechLexicon::ReadGgtVerbs(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Status::Error(file.string() + ": cannot open the quote verb list");
  std::unordered_map<std::string, bool> forms;
  std::vector<std::string> ordered;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    TrimCr(&line);
    if (IsCommentOrBlank(line)) continue;
    if (line.find_first_of(" \t") != std::string::npos) {
      return LineError(file, number, "one word form per line");
    }
    forms[Lower(line)] = true;
    ordered.push_back(Lower(line));
  }
  for (const std::string& form : ordered) {
    if (verbs_.contains(form)) continue;  // reporting_verbs.tsv knows its stance
    std::string lemma = GuessLemma(form, forms);
    const SpeechVerb* known = verbs_.Find(lemma);
    AddForm(form, known ? *known : SpeechVerb{lemma, "neutral", false});
  }
  return Status::Ok();
}

Status SpeechLexicon::ReadCues(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Status::Error(file.string() + ": cannot open the quote cue lexicon");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    TrimCr(&line);
    if (IsCommentOrBlank(line) || line.starts_with("word\t")) continue;
    std::vector<std::string> cols = Split(line, '\t');
    auto cls = cols.size() >= 2 ? ClassNames().find(cols[1]) : ClassNames().end();
    if (cols[0].empty() || cls == ClassNames().end()) {
      return LineError(file, number, "word<TAB>class with a class of the header comment");
    }
    classes_[cols[0]] |= cls->second;
    cue_filter_->set(FilterHash(cols[0]));
    if (cls->second == kMonth) {
      int month = cols.size() >= 3 ? std::atoi(cols[2].c_str()) : 0;
      if (month < 1 || month > 12) return LineError(file, number, "a month number 1-12");
      months_[cols[0]] = month;
    }
  }
  return Status::Ok();
}

const SpeechVerb* SpeechLexicon::VerbForm(std::string_view form) const {
  if (form.size() < 3 || !verb_filter_->test(FilterHash(form))) return nullptr;
  return verbs_.Find(form);
}

uint32_t SpeechLexicon::Classes(std::string_view word) const {
  if (word.empty() || !cue_filter_->test(FilterHash(word))) return 0;
  const uint32_t* classes = classes_.Find(word);
  return classes ? *classes : 0;
}

int SpeechLexicon::Month(std::string_view word) const {
  const int* month = months_.Find(word);
  return month ? *month : 0;
}

}  // namespace crosscheck::quotes

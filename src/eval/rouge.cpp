#include "eval/rouge.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>

namespace crosscheck::eval {
namespace {

// ---- Porter stemmer, a line-by-line port of nltk/stem/porter.py (NLTK 3.8,
// mode NLTK_EXTENSIONS), which rouge-score uses. Words are lowercase ASCII.

bool IsConsonant(std::string_view w, size_t i) {
  const char c = w[i];
  if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') return false;
  if (c == 'y') return i == 0 ? true : !IsConsonant(w, i - 1);
  return true;
}

// m in [C](VC){m}[V]: the number of vowel-to-consonant transitions.
int Measure(std::string_view stem) {
  int m = 0;
  bool previous_vowel = false;
  for (size_t i = 0; i < stem.size(); ++i) {
    const bool consonant = IsConsonant(stem, i);
    if (consonant && previous_vowel) ++m;
    previous_vowel = !consonant;
  }
  return m;
}

bool ContainsVowel(std::string_view stem) {
  for (size_t i = 0; i < stem.size(); ++i) {
    if (!IsConsonant(stem, i)) return true;
  }
  return false;
}

bool EndsDoubleConsonant(std::string_view w) {
  return w.size() >= 2 && w[w.size() - 1] == w[w.size() - 2] && IsConsonant(w, w.size() - 1);
}

// Condition *o, plus NLTK's two-letter vowel-consonant case.
bool EndsCvc(std::string_view w) {
  const size_t n = w.size();
  if (n >= 3 && IsConsonant(w, n - 3) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 1) &&
      w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y') {
    return true;
  }
  return n == 2 && !IsConsonant(w, 0) && IsConsonant(w, 1);
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

std::string_view Strip(std::string_view w, std::string_view suffix) { return w.substr(0, w.size() - suffix.size()); }

enum class Condition { kNone, kMeasureAbove0, kMeasureAbove1, kIonStem, kLogi };

struct Rule {
  std::string_view suffix, replacement;
  Condition condition;
};

bool Holds(Condition c, std::string_view stem, std::string_view word) {
  switch (c) {
    case Condition::kNone: return true;
    case Condition::kMeasureAbove0: return Measure(stem) > 0;
    case Condition::kMeasureAbove1: return Measure(stem) > 1;
    case Condition::kIonStem: return Measure(stem) > 1 && (stem.back() == 's' || stem.back() == 't');
    case Condition::kLogi: return Measure(word.substr(0, word.size() - 3)) > 0;
  }
  return false;
}

// _apply_rule_list: the first rule whose suffix matches decides; if its
// condition fails, the word is left as it is.
template <size_t N>
std::string ApplyRules(std::string_view word, const std::array<Rule, N>& rules) {
  for (const Rule& rule : rules) {
    if (!EndsWith(word, rule.suffix)) continue;
    const std::string_view stem = Strip(word, rule.suffix);
    if (!Holds(rule.condition, stem, word)) return std::string(word);
    return std::string(stem) + std::string(rule.replacement);
  }
  return std::string(word);
}

std::string Step1a(std::string_view w) {
  if (EndsWith(w, "ies") && w.size() == 4) return std::string(Strip(w, "ies")) + "ie";
  static constexpr std::array<Rule, 4> kRules = {{{"sses", "ss", Condition::kNone},
                                                  {"ies", "i", Condition::kNone},
                                                  {"ss", "ss", Condition::kNone},
                                                  {"s", "", Condition::kNone}}};
  return ApplyRules(w, kRules);
}

std::string Step1b(std::string_view w) {
  if (EndsWith(w, "ied")) return std::string(Strip(w, "ied")) + (w.size() == 4 ? "ie" : "i");
  if (EndsWith(w, "eed")) {
    const std::string_view stem = Strip(w, "eed");
    return Measure(stem) > 0 ? std::string(stem) + "ee" : std::string(w);
  }
  std::string_view stem;
  bool stripped = false;
  for (std::string_view suffix : {std::string_view("ed"), std::string_view("ing")}) {
    if (EndsWith(w, suffix) && ContainsVowel(Strip(w, suffix))) {
      stem = Strip(w, suffix);
      stripped = true;
      break;
    }
  }
  if (!stripped) return std::string(w);
  if (EndsWith(stem, "at") || EndsWith(stem, "bl") || EndsWith(stem, "iz")) return std::string(stem) + "e";
  if (EndsDoubleConsonant(stem)) {
    const char last = stem.back();
    if (last == 'l' || last == 's' || last == 'z') return std::string(stem);
    return std::string(stem.substr(0, stem.size() - 1));
  }
  if (Measure(stem) == 1 && EndsCvc(stem)) return std::string(stem) + "e";
  return std::string(stem);
}

std::string Step1c(std::string_view w) {
  if (!EndsWith(w, "y")) return std::string(w);
  const std::string_view stem = Strip(w, "y");
  if (stem.size() > 1 && IsConsonant(stem, stem.size() - 1)) return std::string(stem) + "i";
  return std::string(w);
}

std::string Step2(std::string_view w) {
  if (EndsWith(w, "alli") && Measure(Strip(w, "alli")) > 0) {
    return Step2(std::string(Strip(w, "alli")) + "al");
  }
  constexpr Condition m0 = Condition::kMeasureAbove0;
  static constexpr std::array<Rule, 22> kRules = {{
      {"ational", "ate", m0}, {"tional", "tion", m0}, {"enci", "ence", m0},  {"anci", "ance", m0},
      {"izer", "ize", m0},    {"bli", "ble", m0},     {"alli", "al", m0},     {"entli", "ent", m0},
      {"eli", "e", m0},       {"ousli", "ous", m0},   {"ization", "ize", m0}, {"ation", "ate", m0},
      {"ator", "ate", m0},    {"alism", "al", m0},    {"iveness", "ive", m0}, {"fulness", "ful", m0},
      {"ousness", "ous", m0}, {"aliti", "al", m0},    {"iviti", "ive", m0},   {"biliti", "ble", m0},
      {"fulli", "ful", m0},   {"logi", "log", Condition::kLogi},
  }};
  return ApplyRules(w, kRules);
}

std::string Step3(std::string_view w) {
  constexpr Condition m0 = Condition::kMeasureAbove0;
  static constexpr std::array<Rule, 7> kRules = {{{"icate", "ic", m0},
                                                  {"ative", "", m0},
                                                  {"alize", "al", m0},
                                                  {"iciti", "ic", m0},
                                                  {"ical", "ic", m0},
                                                  {"ful", "", m0},
                                                  {"ness", "", m0}}};
  return ApplyRules(w, kRules);
}

std::string Step4(std::string_view w) {
  constexpr Condition m1 = Condition::kMeasureAbove1;
  static constexpr std::array<Rule, 19> kRules = {{
      {"al", "", m1},   {"ance", "", m1}, {"ence", "", m1}, {"er", "", m1},  {"ic", "", m1},
      {"able", "", m1}, {"ible", "", m1}, {"ant", "", m1},  {"ement", "", m1}, {"ment", "", m1},
      {"ent", "", m1},  {"ion", "", Condition::kIonStem},  {"ou", "", m1},  {"ism", "", m1},
      {"ate", "", m1},  {"iti", "", m1},  {"ous", "", m1},  {"ive", "", m1}, {"ize", "", m1},
  }};
  return ApplyRules(w, kRules);
}

std::string Step5a(std::string_view w) {
  if (EndsWith(w, "e")) {
    const std::string_view stem = Strip(w, "e");
    const int m = Measure(stem);
    if (m > 1 || (m == 1 && !EndsCvc(stem))) return std::string(stem);
  }
  return std::string(w);
}

std::string Step5b(std::string_view w) {
  if (EndsWith(w, "ll") && Measure(w.substr(0, w.size() - 1)) > 1) return std::string(Strip(w, "ll")) + "l";
  return std::string(w);
}

// NLTK_EXTENSIONS' table of irregular forms.
const char* Irregular(std::string_view w) {
  static const std::unordered_map<std::string_view, const char*> kPool = {
      {"sky", "sky"},         {"skies", "sky"},     {"dying", "die"},     {"lying", "lie"},
      {"tying", "tie"},       {"news", "news"},     {"innings", "inning"}, {"inning", "inning"},
      {"outings", "outing"},  {"outing", "outing"}, {"cannings", "canning"}, {"canning", "canning"},
      {"howe", "howe"},       {"proceed", "proceed"}, {"exceed", "exceed"}, {"succeed", "succeed"}};
  auto it = kPool.find(w);
  return it == kPool.end() ? nullptr : it->second;
}

// ---- scoring

double F(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

std::unordered_map<std::string, int> NGrams(const std::vector<std::string>& tokens, size_t n) {
  std::unordered_map<std::string, int> counts;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (size_t k = 1; k < n; ++k) key += ' ' + tokens[i + k];
    ++counts[key];
  }
  return counts;
}

RougePRF ScoreNGrams(const std::vector<std::string>& reference, const std::vector<std::string>& prediction, size_t n) {
  const auto ref = NGrams(reference, n), pred = NGrams(prediction, n);
  int overlap = 0, ref_total = 0, pred_total = 0;
  for (const auto& [gram, count] : ref) {
    ref_total += count;
    auto it = pred.find(gram);
    if (it != pred.end()) overlap += std::min(count, it->second);
  }
  for (const auto& entry : pred) pred_total += entry.second;
  RougePRF s;
  s.precision = static_cast<double>(overlap) / std::max(pred_total, 1);
  s.recall = static_cast<double>(overlap) / std::max(ref_total, 1);
  s.f = F(s.precision, s.recall);
  return s;
}

size_t Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (const std::string& x : a) {
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = x == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string PorterStem(std::string_view word) {
  if (const char* irregular = Irregular(word)) return irregular;
  if (word.size() <= 2) return std::string(word);
  std::string stem = Step1a(word);
  stem = Step1b(stem);
  stem = Step1c(stem);
  stem = Step2(stem);
  stem = Step3(stem);
  stem = Step4(stem);
  stem = Step5a(stem);
  return Step5b(stem);
}

std::vector<std::string> RougeTokens(std::string_view text, bool stem) {
  // Python's str.lower() maps exactly two non-ASCII code points into [a-z0-9]:
  // U+0130 (İ -> "i" + combining dot) and U+212A (Kelvin sign -> "k").
  std::string folded;
  folded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') folded += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded += static_cast<char>(c);
    else if (text.substr(i, 2) == "\xC4\xB0") folded += "i ", ++i;
    else if (text.substr(i, 3) == "\xE2\x84\xAA") folded += 'k', i += 2;
    else folded += ' ';
  }
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) {
      std::string_view token(folded.data() + start, end - start);
      tokens.push_back(stem && token.size() > 3 ? PorterStem(token) : std::string(token));
      if (tokens.back().empty()) tokens.pop_back();
    }
    start = end + 1;
  }
  return tokens;
}

RougeScores ScoreRougeTokens(const std::vector<std::string>& reference, const std::vector<std::string>& prediction) {
  RougeScores s;
  s.rouge1 = ScoreNGrams(reference, prediction, 1);
  s.rouge2 = ScoreNGrams(reference, prediction, 2);
  if (!reference.empty() && !prediction.empty()) {
    const double lcs = static_cast<double>(Lcs(reference, prediction));
    s.rougeL.precision = lcs / prediction.size();
    s.rougeL.recall = lcs / reference.size();
    s.rougeL.f = F(s.rougeL.precision, s.rougeL.recall);
  }
  return s;
}

RougeScores ScoreRouge(std::string_view reference, std::string_view prediction) {
  return ScoreRougeTokens(RougeTokens(reference), RougeTokens(prediction));
}

}  // namespace crosscheck::eval

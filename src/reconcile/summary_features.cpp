#include "reconcile/summary_features.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <functional>
#include <set>
#include <string_view>

namespace crosscheck::reconcile {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return cells;
    start = tab + 1;
  }
}

// Calls `row(cells, line_number)` for each data row of a TSV file with `columns`
// cells (comment lines and the header row skipped).
Status ReadTsvRows(const std::filesystem::path& path, size_t columns, const std::string& header,
                   const std::function<Status(const std::vector<std::string>&, int)>& row) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || (!header.empty() && line.rfind(header, 0) == 0)) continue;
    std::vector<std::string> cells = SplitTabs(line);
    if (cells.size() < columns) {
      return Status::Error(path.string() + ":" + std::to_string(number) + ": expected " +
                           std::to_string(columns) + " tab-separated columns");
    }
    Status status = row(cells, number);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Result<double> ParseWeight(const std::string& cell, const std::filesystem::path& path, int line) {
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  if (cell.empty() || *end != '\0' || value < 0) {
    return Status::Error(path.string() + ":" + std::to_string(line) + ": expected a non-negative number, got \"" +
                         cell + "\"");
  }
  return value;
}

bool IsContentTag(const std::string& upos) {
  return upos == "NOUN" || upos == "PROPN" || upos == "VERB" || upos == "ADJ" || upos == "NUM";
}

bool IsWordish(const std::string& form) {
  return std::any_of(form.begin(), form.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
}

constexpr double kStopwordShare = 0.15;  // background words in more documents are not content

double Share(const std::string& word, const Summarizer::Lexicon& lexicon) {
  auto it = lexicon.document_share.find(word);
  return it == lexicon.document_share.end() ? lexicon.min_share / 2 : it->second;
}

double Idf(const std::string& word, const Summarizer::Lexicon& lexicon) { return std::log(1.0 / Share(word, lexicon)); }

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A light suffix folding so that headline forms ("threatens", "tested") meet
// the lemmas of analysed sentences ("threaten", "test").
std::string TermKey(std::string w) {
  if (w.size() > 4 && EndsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 4 && EndsWith(w, "ied")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 5 && EndsWith(w, "ing")) return w.substr(0, w.size() - 3);
  if (w.size() > 4 && EndsWith(w, "ed")) return w.substr(0, w.size() - 2);
  if (w.size() > 3 && EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    return w.substr(0, w.size() - 1);
  }
  return w;
}

TermVector Normalize(std::map<std::string, double> weights) {
  double norm = 0;
  for (const auto& entry : weights) norm += entry.second * entry.second;
  TermVector out;
  if (norm <= 0) return out;
  norm = std::sqrt(norm);
  out.reserve(weights.size());
  for (auto& [term, weight] : weights) out.emplace_back(term, weight / norm);
  return out;
}

bool IsFirstPerson(const std::string& form) {
  static const std::set<std::string> kLower = {"me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"};
  if (form == "I") return true;
  if (form == "US") return false;  // the country
  return kLower.count(Lower(form)) > 0;
}

// Sums the loaded-word weights in tokens [begin, end).
double LoadedWeight(const AnalyzedDocument& doc, uint32_t begin, uint32_t end, const Summarizer::Lexicon& lexicon) {
  double total = 0;
  std::string forms = " ", lemmas = " ";
  for (uint32_t t = begin; t < end; ++t) {
    const std::string form = Lower(doc.tokens[t].form);
    const std::string lemma = doc.syntax.empty() ? form : Lower(doc.syntax[t].lemma);
    auto by_form = lexicon.loaded_words.find(form), by_lemma = lexicon.loaded_words.find(lemma);
    double weight = 0;
    if (by_form != lexicon.loaded_words.end()) weight = by_form->second;
    if (by_lemma != lexicon.loaded_words.end()) weight = std::max(weight, by_lemma->second);
    total += weight;
    // Split hyphens ("far", "-", "left") are joined back for phrase matching.
    const bool hyphen = form == "-";
    if (hyphen) forms.pop_back(), lemmas.pop_back();
    forms += form + (hyphen ? "" : " ");
    lemmas += lemma + (hyphen ? "" : " ");
  }
  for (const auto& [words, weight] : lexicon.loaded_phrases) {
    std::string needle = " ";
    for (const std::string& w : words) needle += w + " ";
    if (forms.find(needle) != std::string::npos || lemmas.find(needle) != std::string::npos) total += weight;
  }
  return total;
}

std::string CollapsedText(const AnalyzedDocument& doc, Span span) {
  std::string out;
  bool space = false;
  for (uint32_t i = span.begin; i < span.end && i < doc.doc.text.size(); ++i) {
    const char c = doc.doc.text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool blank = c == ' ';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

// Words that tie a sentence to the one before it ("It", "But", "However").
bool IsDanglingOpener(const std::string& form) {
  static const std::set<std::string> kOpeners = {
      "it", "this", "that", "these", "those", "they", "he", "she", "his", "her", "its", "their", "them",
      "but", "and", "or", "however", "also", "still", "yet", "so", "now", "meanwhile", "instead", "then",
      "moreover", "furthermore", "besides", "thus", "therefore", "such"};
  return kOpeners.count(Lower(form)) > 0;
}

// Drops parentheticals of at most four words that follow a word ("the
// Department of Justice (DOJ) said" -> "the Department of Justice said").
std::string DropShortParentheticals(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '(' && i > 0 && text[i - 1] == ' ') {
      const size_t close = text.find(')', i);
      if (close != std::string::npos && text.find('(', i + 1) > close &&
          CountWords(text.substr(i + 1, close - i - 1)) <= 4) {
        if (!out.empty() && out.back() == ' ') out.pop_back();
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

bool EndsWithQuestion(const std::string& text) {
  size_t end = text.size();
  // Skip closing quotes and brackets: ASCII, and the UTF-8 ’ ” (E2 80 99 / 9D).
  while (end > 0) {
    const char c = text[end - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') { --end; continue; }
    if (end >= 3 && text.compare(end - 3, 2, "\xE2\x80") == 0 &&
        (text[end - 1] == '\x99' || text[end - 1] == '\x9D')) { end -= 3; continue; }
    break;
  }
  return end > 0 && text[end - 1] == '?';
}

}  // namespace

Result<std::shared_ptr<const Summarizer::Lexicon>> LoadSummaryLexicon(const std::filesystem::path& data_dir) {
  auto lexicon = std::make_shared<Summarizer::Lexicon>();
  const std::filesystem::path loaded = data_dir / "lexicons" / "loaded_words.tsv";
  Status status = ReadTsvRows(loaded, 3, "entry\t", [&](const std::vector<std::string>& cells, int line) -> Status {
    auto weight = ParseWeight(cells[2], loaded, line);
    if (!weight.ok()) return weight.status();
    const std::string entry = Lower(cells[0]);
    if (entry.find(' ') == std::string::npos && entry.find('-') == std::string::npos) {
      lexicon->loaded_words[entry] = *weight;
      return Status::Ok();
    }
    std::vector<std::string> words;
    size_t start = 0;
    while (start <= entry.size()) {
      size_t space = entry.find(' ', start);
      if (space == std::string::npos) space = entry.size();
      if (space > start) words.push_back(entry.substr(start, space - start));
      start = space + 1;
    }
    lexicon->loaded_phrases.emplace_back(std::move(words), *weight);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  const std::filesystem::path background = data_dir / "stories" / "background-df.tsv";
  double min_share = 1.0;
  status = ReadTsvRows(background, 2, "", [&](const std::vector<std::string>& cells, int line) -> Status {
    auto share = ParseWeight(cells[1], background, line);
    if (!share.ok()) return share.status();
    if (*share <= 0 || *share > 1) {
      return Status::Error(background.string() + ":" + std::to_string(line) + ": expected a share in (0, 1]");
    }
    lexicon->document_share[Lower(cells[0])] = *share;
    min_share = std::min(min_share, *share);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  lexicon->min_share = min_share;
  return std::shared_ptr<const Summarizer::Lexicon>(std::move(lexicon));
}

SentenceFeatures DescribeSentence(const AnalyzedDocument& doc, uint32_t s, const Summarizer::Lexicon& lexicon,
                                  bool* inside_quote) {
  const Sentence& sentence = doc.sentences[s];
  SentenceFeatures f;
  f.sentence = s;
  f.text = CollapsedText(doc, sentence.span);
  f.words = CountWords(f.text);
  const bool tagged = doc.syntax.size() == doc.tokens.size() && !doc.syntax.empty();
  const uint32_t end = std::min<uint32_t>(sentence.end_token, doc.tokens.size());
  std::map<std::string, double> weights;
  bool has_verb = !tagged;
  size_t words = 0, quoted_words = 0;
  for (uint32_t t = sentence.first_token; t < end; ++t) {
    const std::string& form = doc.tokens[t].form;
    if (form == "\"" || form == "''" || form == "``") { *inside_quote = !*inside_quote; continue; }
    if (form == "\xE2\x80\x9C") { *inside_quote = true; continue; }
    if (form == "\xE2\x80\x9D") { *inside_quote = false; continue; }
    if (!IsWordish(form)) continue;
    ++words;
    if (*inside_quote) ++quoted_words;
    else if (IsFirstPerson(form) && !(form == "I" && t + 1 < end && doc.tokens[t + 1].span.begin == doc.tokens[t].span.end))
      f.first_person = true;  // "I" glued to what follows is a party label ("I-Vt.")
    if (tagged && (doc.syntax[t].upos == "VERB" || doc.syntax[t].upos == "AUX")) has_verb = true;
    const std::string lower = Lower(form);
    const bool content = tagged ? IsContentTag(doc.syntax[t].upos) : Share(lower, lexicon) < kStopwordShare;
    const std::string word = tagged ? Lower(doc.syntax[t].lemma) : lower;
    if (!content) continue;
    ++f.content_terms;
    weights[TermKey(word)] += std::min(Idf(word, lexicon), Idf(lower, lexicon));
  }
  f.terms = Normalize(std::move(weights));
  f.loaded = LoadedWeight(doc, sentence.first_token, end, lexicon);
  f.quoted = words > 0 ? static_cast<double>(quoted_words) / words : 0;
  f.question = EndsWithQuestion(f.text);
  f.fragment = (!f.text.empty() && f.text.back() == ':') || !has_verb || f.content_terms < 3;
  for (uint32_t t = sentence.first_token; t < end; ++t) {
    if (!IsWordish(doc.tokens[t].form)) continue;
    f.dangling = IsDanglingOpener(doc.tokens[t].form);
    break;
  }
  f.compressed = DropShortParentheticals(f.text);
  f.compressed_words = CountWords(f.compressed);
  return f;
}

TermVector HeadlineVector(const std::string& title, const Summarizer::Lexicon& lexicon) {
  std::map<std::string, double> weights;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && Share(word, lexicon) < kStopwordShare) weights[TermKey(word)] += Idf(word, lexicon);
    word.clear();
  };
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else flush();
  }
  flush();
  return Normalize(std::move(weights));
}

TermVector Centroid(const std::vector<const TermVector*>& vectors) {
  std::map<std::string, double> sum;
  for (const TermVector* v : vectors) {
    for (const auto& [term, weight] : *v) sum[term] += weight;
  }
  return Normalize(std::move(sum));
}

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const int cmp = a[i].first.compare(b[j].first);
    if (cmp == 0) dot += a[i++].second * b[j++].second;
    else if (cmp < 0) ++i;
    else ++j;
  }
  return dot;
}

}  // namespace crosscheck::reconcile

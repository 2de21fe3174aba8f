#include "reconcile/word_tools.h"

#include <algorithm>
#include <cctype>

namespace crosscheck::reconcile {

std::string_view SpanText(const AnalyzedDocument& doc, Span span) {
  if (span.end > doc.doc.text.size() || span.empty()) return {};
  return std::string_view(doc.doc.text).substr(span.begin, span.size());
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string SentenceText(const AnalyzedDocument& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return {};
  return CollapseSpaces(SpanText(doc, doc.sentences[sentence].span));
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == '\'' || cur.back() == '-')) cur.pop_back();
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) is an apostrophe inside words.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      if (!cur.empty()) cur.push_back('\'');
      i += 2;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80) {
      cur.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
    } else if ((c == '\'' || c == '-') && !cur.empty()) {
      cur.push_back(static_cast<char>(c));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::set<std::string> ContentLemmas(const AnalyzedDocument& doc, Span span) {
  std::set<std::string> out;
  const bool syntax = doc.syntax.size() == doc.tokens.size();
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.span.begin < span.begin) continue;
    if (t.span.end > span.end) break;
    if (syntax) {
      const std::string& upos = doc.syntax[i].upos;
      if (upos != "NOUN" && upos != "PROPN" && upos != "VERB" && upos != "ADJ" && upos != "NUM") continue;
      std::string lemma = doc.syntax[i].lemma;
      for (char& c : lemma) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!lemma.empty()) out.insert(lemma);
    } else {
      for (std::string& w : Words(t.form))
        if (w.size() > 3) out.insert(w);
    }
  }
  return out;
}

size_t SharedCount(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

double Containment(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  return static_cast<double>(SharedCount(a, b)) / static_cast<double>(std::min(a.size(), b.size()));
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  const size_t shared = SharedCount(a, b);
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

std::set<std::string> WordSet(const std::vector<std::string>& words) {
  return std::set<std::string>(words.begin(), words.end());
}

namespace {
// Full LCS table; quotes are short (tens of words), so O(n*m) is cheap.
std::vector<std::vector<uint16_t>> LcsTable(const std::vector<std::string>& a,
                                            const std::vector<std::string>& b) {
  std::vector<std::vector<uint16_t>> t(a.size() + 1, std::vector<uint16_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      t[i][j] = a[i] == b[j] ? static_cast<uint16_t>(t[i + 1][j + 1] + 1) : std::max(t[i + 1][j], t[i][j + 1]);
  return t;
}
constexpr size_t kMaxDiffWords = 400;
}  // namespace

size_t LcsLength(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() > kMaxDiffWords || b.size() > kMaxDiffWords) {
    return SharedCount(WordSet(a), WordSet(b));  // long texts: a cheap upper-bound proxy
  }
  return LcsTable(a, b)[0][0];
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

std::vector<WordDiff> DiffWords(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<WordDiff> out;
  auto emit = [&](char op, const std::string& w) {
    if (!out.empty() && out.back().op == op) {
      out.back().words += ' ';
      out.back().words += w;
    } else {
      out.push_back({op, w});
    }
  };
  if (a.size() > kMaxDiffWords || b.size() > kMaxDiffWords) return out;
  const auto t = LcsTable(a, b);
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) { emit('=', a[i]); ++i; ++j; }
    else if (t[i + 1][j] >= t[i][j + 1]) emit('-', a[i++]);
    else emit('+', b[j++]);
  }
  while (i < a.size()) emit('-', a[i++]);
  while (j < b.size()) emit('+', b[j++]);
  return out;
}

std::string NameKey(std::string_view name) {
  std::vector<std::string> words = Words(name);
  if (words.size() > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an")) words.erase(words.begin());
  // Courtesy titles do not change who is named ("Mr Pence" / "Pence").
  static const char* const kTitles[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"};
  if (words.size() > 1 && std::find(std::begin(kTitles), std::end(kTitles), words[0]) != std::end(kTitles))
    words.erase(words.begin());
  std::string key;
  for (std::string& w : words) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

}  // namespace crosscheck::reconcile

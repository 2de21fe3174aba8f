#include "cluster/document_record.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>

#include "cluster/hashing.h"
#include "cluster/minhash.h"
#include "core/utf8.h"

namespace crosscheck::cluster {
namespace {

constexpr int kShingleWords = 3;         // word 3-grams: robust to light edits, rare by chance
constexpr uint32_t kMinParagraphWords = 12;  // shorter paragraphs are too generic to call "lifted"
constexpr size_t kMaxEntityNames = 8;
constexpr size_t kMaxEntityRun = 4;

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat <= UTF8PROC_CATEGORY_LO || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// Lowercases `s` into *out and returns whether it holds a letter or digit.
bool LowerWord(std::string_view s, std::string* out) {
  out->clear();
  bool word = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      word |= IsWordChar(c);
      ++pos;
      continue;
    }
    const char32_t cp = utf8::Next(s, &pos);
    word |= IsWordChar(cp);
    utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), out);
  }
  return word;
}

bool IsCapitalised(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  const char32_t cp = utf8::Next(s, &pos);
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}

// Words of a headline: maximal runs of letters and digits (the title is not tokenized upstream).
std::vector<std::string_view> SplitTitle(std::string_view title) {
  std::vector<std::string_view> words;
  size_t pos = 0, start = std::string_view::npos;
  while (pos < title.size()) {
    const size_t here = pos;
    const char32_t cp = utf8::Next(title, &pos);
    if (IsWordChar(cp)) {
      if (start == std::string_view::npos) start = here;
    } else if (start != std::string_view::npos) {
      words.push_back(title.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.push_back(title.substr(start));
  return words;
}

// Strips an English inflectional suffix so "sanctions"/"sanctioned" and
// "impeach"/"impeaching" meet; crude but cheap, and the same for title and
// body. Lemmas (when the syntax layer ran) go through it harmlessly.
void Stem(std::string* w) {
  static constexpr std::string_view kSuffixes[] = {"ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"};
  for (std::string_view suffix : kSuffixes) {
    if (w->size() >= suffix.size() + 4 && std::string_view(*w).ends_with(suffix)) {
      w->resize(w->size() - suffix.size());
      return;
    }
  }
}

// Sorts hashed terms and merges duplicates into counts.
std::vector<TermCount> CountTerms(std::vector<uint64_t>& terms) {
  std::sort(terms.begin(), terms.end());
  std::vector<TermCount> counts;
  for (uint64_t t : terms) {
    if (!counts.empty() && counts.back().term == t) {
      counts.back().count += 1;
    } else {
      counts.push_back({t, 1});
    }
  }
  return counts;
}

// Runs of capitalised words: a run of one word must not open its sentence,
// where every word is capitalised.
void CapitalisedRuns(const std::vector<std::string_view>& words, std::vector<std::string>* names) {
  std::string lower;
  size_t i = 0;
  while (i < words.size()) {
    if (!IsCapitalised(words[i])) { ++i; continue; }
    size_t end = i + 1;
    while (end < words.size() && end - i < kMaxEntityRun && IsCapitalised(words[end])) ++end;
    if (end - i >= 2 || i > 0) {
      std::string name;
      for (size_t k = i; k < end; ++k) {
        LowerWord(words[k], &lower);
        if (!name.empty()) name.push_back(' ');
        name += lower;
      }
      names->push_back(std::move(name));
    }
    i = end;
  }
}

std::vector<std::string> EntityNames(const AnalyzedDocument& doc, const std::vector<std::string_view>& title) {
  std::vector<std::string> names;
  std::string lower;
  if (!doc.entities.empty()) {
    for (const Entity& e : doc.entities) {
      LowerWord(e.name, &lower);
      for (size_t k = 0; k < std::max<size_t>(1, e.mentions.size()); ++k) names.push_back(lower);
    }
    return names;
  }
  for (const Sentence& s : doc.sentences) {
    std::vector<std::string_view> words;
    for (uint32_t t = s.first_token; t < s.end_token && t < doc.tokens.size(); ++t) words.push_back(doc.tokens[t].form);
    CapitalisedRuns(words, &names);
  }
  // Title-case headlines capitalise every word; only sentence-case ones carry names.
  const auto capitalised = std::count_if(title.begin(), title.end(), [](auto w) { return IsCapitalised(w); });
  if (!title.empty() && capitalised * 2 < static_cast<long>(title.size())) CapitalisedRuns(title, &names);
  return names;
}

void SetEntities(std::vector<std::string> names, DocumentRecord* record) {
  std::vector<uint64_t> hashes;
  for (const std::string& n : names) hashes.push_back(Hash64(n, kEntitySeed));
  record->entities = CountTerms(hashes);
  std::sort(names.begin(), names.end());
  std::vector<std::pair<int, std::string>> ranked;
  for (size_t i = 0; i < names.size();) {
    size_t j = i;
    while (j < names.size() && names[j] == names[i]) ++j;
    ranked.emplace_back(-static_cast<int>(j - i), names[i]);
    i = j;
  }
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size() && i < kMaxEntityNames; ++i) record->entity_names.push_back(ranked[i].second);
}

// Distinct word-shingle hashes of one run of words.
void AddShingles(const std::vector<uint64_t>& words, std::vector<uint64_t>* shingles) {
  if (words.empty()) return;
  if (words.size() < static_cast<size_t>(kShingleWords)) {
    uint64_t h = 0;
    for (uint64_t w : words) h = Combine(h, w);
    shingles->push_back(h);
    return;
  }
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (int k = 0; k < kShingleWords; ++k) h = Combine(h, words[i + k]);
    shingles->push_back(h);
  }
}

void SortUnique(std::vector<uint64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Body words by paragraph (hashes of lowercased forms: copies are verbatim, lemmas would blur them).
std::vector<std::vector<uint64_t>> ParagraphWords(const AnalyzedDocument& doc) {
  std::vector<std::vector<uint64_t>> paragraphs(std::max<size_t>(1, doc.doc.paragraphs.size()));
  std::string lower;
  auto add = [&](uint32_t t, uint32_t p) {
    if (LowerWord(doc.tokens[t].form, &lower)) paragraphs[std::min<size_t>(p, paragraphs.size() - 1)].push_back(Hash64(lower));
  };
  if (doc.sentences.empty()) {
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) add(t, 0);
  }
  for (const Sentence& s : doc.sentences) {
    for (uint32_t t = s.first_token; t < s.end_token && t < doc.tokens.size(); ++t) add(t, s.paragraph);
  }
  return paragraphs;
}

void SetFingerprints(const AnalyzedDocument& doc, const std::vector<uint64_t>& title_words, DocumentRecord* record) {
  const MinHasher& hasher = MinHasher::Default();
  std::vector<uint64_t> all, shingles;
  const auto paragraphs = ParagraphWords(doc);
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    shingles.clear();
    AddShingles(paragraphs[p], &shingles);
    all.insert(all.end(), shingles.begin(), shingles.end());
    if (paragraphs[p].size() < kMinParagraphWords) continue;
    SortUnique(&shingles);
    ParagraphPrint print{p, static_cast<uint32_t>(shingles.size()), {}};
    print.signature = hasher.Signature(shingles, kParagraphSignatureSize);
    record->paragraphs.push_back(std::move(print));
  }
  if (all.empty()) AddShingles(title_words, &all);  // headline-only items: the headline is the text
  SortUnique(&all);
  record->shingles = static_cast<uint32_t>(all.size());
  if (!all.empty()) record->signature = hasher.Signature(all, kSignatureSize);
  // A single paragraph is the whole document: the document signature covers it.
  if (record->paragraphs.size() == 1) record->paragraphs.clear();
}

}  // namespace

int64_t ParseIsoDay(std::string_view date) {
  int y = 0, m = 1, d = 1;
  auto digits = [&](size_t at, size_t n, int* out) {
    if (date.size() < at + n) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
      v = v * 10 + (date[i] - '0');
    }
    *out = v;
    return true;
  };
  if (!digits(0, 4, &y)) return kUnknownTime;
  if (date.size() > 4 && (date[4] != '-' || !digits(5, 2, &m))) return kUnknownTime;
  if (date.size() > 7 && (date[7] != '-' || !digits(8, 2, &d))) return kUnknownTime;
  if (m < 1 || m > 12 || d < 1 || d > 31) return kUnknownTime;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (static_cast<int64_t>(era) * 146097 + doe - 719468) * 86400;
}

std::string FormatIsoDay(int64_t time) {
  if (time == kUnknownTime) return "";
  int64_t z = (time >= 0 ? time : time - 86399) / 86400 + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

DocumentRecord MakeRecord(const AnalyzedDocument& doc) {
  DocumentRecord record;
  record.id = doc.doc.id;
  record.title = doc.doc.title;
  record.source = doc.doc.source;
  record.date = doc.doc.date;
  record.time = ParseIsoDay(doc.doc.date);
  std::string lower;
  std::vector<uint64_t> words, title_hashes, shingle_words;
  const bool lemmas = doc.syntax.size() == doc.tokens.size() && !doc.syntax.empty();
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const std::string& form = lemmas ? doc.syntax[t].lemma : doc.tokens[t].form;
    if (!LowerWord(form, &lower) || lower.size() < 2) continue;
    Stem(&lower);
    words.push_back(Hash64(lower));
  }
  record.body_words = static_cast<uint32_t>(words.size());
  const auto title = SplitTitle(doc.doc.title);
  for (std::string_view w : title) {
    if (!LowerWord(w, &lower) || lower.size() < 2) continue;
    shingle_words.push_back(Hash64(lower));
    Stem(&lower);
    title_hashes.push_back(Hash64(lower));
  }
  words.insert(words.end(), title_hashes.begin(), title_hashes.end());
  record.words = CountTerms(words);
  std::vector<uint64_t> title_copy = title_hashes;
  record.title_words = CountTerms(title_copy);
  SetEntities(EntityNames(doc, title), &record);
  SetFingerprints(doc, shingle_words, &record);
  return record;
}

std::string NormalizeWord(std::string_view word) {
  std::string lower;
  LowerWord(word, &lower);
  Stem(&lower);
  return lower;
}

size_t RecordBytes(const DocumentRecord& r) {
  size_t bytes = sizeof(r) + r.id.capacity() + r.title.capacity() + r.source.capacity() + r.date.capacity();
  bytes += (r.words.capacity() + r.title_words.capacity() + r.entities.capacity()) * sizeof(TermCount);
  for (const auto& n : r.entity_names) bytes += sizeof(n) + n.capacity();
  bytes += r.signature.capacity() * 4;
  for (const auto& p : r.paragraphs) bytes += sizeof(p) + p.signature.capacity() * 4;
  return bytes;
}

}  // namespace crosscheck::cluster

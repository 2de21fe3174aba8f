#include "entities/ner_features.h"

#include <algorithm>

#include "core/binary_io.h"

namespace crosscheck::entities {
namespace {

// Feature templates; the numbers are part of the model format.
enum Template : uint64_t {
  kBias = 1, kWord, kLower, kShape, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2,
  kSuffix3, kSuffix4, kFlags, kPrevLower, kNextLower, kPrev2Lower, kNext2Lower, kPrevShape,
  kNextShape, kPrevLowerWord, kWordNextLower, kShapeTrigram, kGazetteer, kDocCase,
  kPrevLowerShape, kLength, kNextLowerShape, kPrevPrevBigram, kRunPosition, kRunLast,
  kRunFirst, kRunNextWord, kRunPrevWord, kCluster, kCoarseCluster, kPrevCluster, kNextCluster,
  kClusterCase, kNameLexicon, kNameLexiconCase, kRunOrgHead,
};

constexpr int kMaxGazetteerTokens = 5;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

uint64_t Feature(uint64_t tmpl, uint64_t value) { return Combine(tmpl, value); }
uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b) { return Combine(Combine(tmpl, a), b); }

struct TokenInfo {
  std::string lower;
  uint64_t word_hash = 0, lower_hash = 0, shape_hash = 0;
  uint32_t cluster = 0;  // WordClusters code + 1, 0 if none
  uint8_t flags = 0;
};

enum CaseFlag : uint8_t {
  kInitCap = 1, kAllCaps = 2, kHasDigit = 4, kHasHyphen = 8, kHasPeriod = 16, kHandle = 32,
  kNoLetters = 64,
};

uint8_t CaseFlags(std::string_view w) {
  uint8_t flags = 0;
  bool any_lower = false, any_upper = false;
  for (char c : w) {
    any_lower |= IsLower(c);
    any_upper |= IsUpper(c);
    if (IsDigit(c)) flags |= kHasDigit;
    if (c == '-') flags |= kHasHyphen;
    if (c == '.') flags |= kHasPeriod;
  }
  if (!w.empty() && IsUpper(w[0])) flags |= kInitCap;
  if (any_upper && !any_lower) flags |= kAllCaps;
  if (!any_upper && !any_lower && (w.empty() || static_cast<unsigned char>(w[0]) < 0x80)) {
    flags |= kNoLetters;
  }
  if (!w.empty() && (w[0] == '@' || w[0] == '#')) flags |= kHandle;
  return flags;
}

bool IsRunConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "and" || w == "&" || w == "-" || w == "de" || w == "the" ||
         w == "on" || w == "'s";
}

}  // namespace

// Runs of capitalized words, allowing inner connectors ("Bank of America",
// "Human Rights Watch"): per token its run [first, end) or {0, 0}.
std::vector<std::pair<uint32_t, uint32_t>> CapitalizedRuns(const std::vector<std::string_view>& forms) {
  const size_t n = forms.size();
  std::vector<std::pair<uint32_t, uint32_t>> runs(n, {0, 0});
  auto capitalized = [&](size_t i) {
    const uint8_t f = CaseFlags(forms[i]);
    return (f & (kInitCap | kAllCaps)) && !(f & kHandle);
  };
  for (size_t i = 0; i < n;) {
    if (!capitalized(i)) { ++i; continue; }
    size_t end = i + 1;
    while (true) {
      if (end < n && capitalized(end)) { ++end; continue; }
      size_t j = end;
      while (j < n && j < end + 2 && IsRunConnector(forms[j])) ++j;
      // "X and the Y" joins two names, not one.
      if (j == end + 2 && forms[end] == "and" && forms[end + 1] == "the") break;
      if (j > end && j < n && capitalized(j)) { end = j + 1; continue; }
      break;
    }
    for (size_t k = i; k < end; ++k) runs[k] = {static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
    i = end;
  }
  return runs;
}

uint64_t BiasFeature() { return Feature(kBias, 0); }

uint32_t WordClusters::Find(uint64_t lower_hash) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), lower_hash,
                             [](const auto& e, uint64_t k) { return e.first < k; });
  return it != entries.end() && it->first == lower_hash ? it->second : 0;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (IsUpper(c)) c = static_cast<char>(c + 32);
  return out;
}

std::string ShortShape(std::string_view s) {
  std::string shape;
  for (char c : s) {
    char k = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : IsDigit(c) ? 'd'
             : static_cast<unsigned char>(c) >= 0x80 ? 'x' : c;
    if (shape.empty() || shape.back() != k) shape.push_back(k);
    if (shape.size() >= 8) break;
  }
  return shape;
}

bool IsAllCapsSentence(const std::vector<std::string_view>& forms) {
  int caps = 0, words = 0;
  for (std::string_view w : forms) {
    int letters = 0;
    bool lower = false;
    for (char c : w) {
      letters += IsUpper(c) || IsLower(c);
      lower |= IsLower(c);
    }
    if (letters < 2) continue;
    ++words;
    caps += !lower;
  }
  return words >= 3 && caps * 10 >= words * 8;
}

void DocumentCasing::AddSentence(const std::vector<std::string_view>& forms) {
  if (IsAllCapsSentence(forms)) return;  // says nothing about case
  for (size_t i = 1; i < forms.size(); ++i) {
    const uint8_t flags = CaseFlags(forms[i]);
    if (flags & kNoLetters) continue;
    Entry& entry = words_[AsciiLower(forms[i])];
    if (flags & kAllCaps) {
      entry.flags |= kSeenAllCaps;
    } else if (flags & kInitCap) {
      entry.flags |= kSeenCapitalized;
      entry.spelling = std::string(forms[i]);
    } else {
      entry.flags |= kSeenLower;
      if (entry.spelling.empty()) entry.spelling = std::string(forms[i]);
    }
  }
}

uint8_t DocumentCasing::Flags(std::string_view form) const {
  auto it = words_.find(AsciiLower(form));
  return it == words_.end() ? 0 : it->second.flags;
}

std::string_view DocumentCasing::PreferredSpelling(std::string_view form) const {
  auto it = words_.find(AsciiLower(form));
  return it == words_.end() ? std::string_view() : std::string_view(it->second.spelling);
}

void FeatureExtractor::MatchGazetteer(const std::vector<std::string_view>& forms, bool names,
                                      std::vector<uint16_t>* marks) const {
  marks->assign(forms.size(), 0);
  for (size_t i = 0; i < forms.size(); ++i) {
    NameKey key;
    uint8_t best = 0;
    size_t best_len = 0;
    for (size_t n = 1; n <= kMaxGazetteerTokens && i + n <= forms.size(); ++n) {
      key.Add(forms[i + n - 1]);
      if (key.empty()) break;
      const uint8_t bits = names ? gazetteer_->NameCategories(key.value())
                                 : gazetteer_->Categories(key.value());
      if (bits != 0) {
        best = bits;
        best_len = n;
      }
    }
    for (size_t k = 0; k < best_len; ++k) {
      // Low byte: categories of a match covering this token; bit 8: starts a match.
      if ((*marks)[i + k] == 0) {
        (*marks)[i + k] = best | (k == 0 ? 0x100 : 0) | (best_len > 1 ? 0x200 : 0);
      }
    }
  }
}

void FeatureExtractor::Extract(const std::vector<std::string_view>& forms,
                               const DocumentCasing& casing, SentenceFeatures* out) const {
  const size_t n = forms.size();
  std::vector<TokenInfo> info(n + 4);  // two sentinels each side
  for (size_t k = 0; k < n + 4; ++k) {
    TokenInfo& t = info[k];
    if (k < 2 || k >= n + 2) {
      t.lower_hash = t.word_hash = t.shape_hash = k < 2 ? 0x5e57a27 + k : 0xe1d + k;
      continue;
    }
    std::string_view w = forms[k - 2];
    t.lower = AsciiLower(w);
    t.word_hash = HashString(w);
    t.lower_hash = HashString(t.lower);
    t.shape_hash = HashString(ShortShape(w));
    t.flags = CaseFlags(w);
    t.cluster = clusters_->Find(t.lower_hash);
  }
  std::vector<uint16_t> gazetteer_marks, name_marks;
  MatchGazetteer(forms, false, &gazetteer_marks);
  MatchGazetteer(forms, true, &name_marks);
  const std::vector<std::pair<uint32_t, uint32_t>> runs = CapitalizedRuns(forms);
  out->hashes.clear();
  out->begin.assign(1, 0);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& t = info[i + 2];
    const TokenInfo &p = info[i + 1], &pp = info[i], &nx = info[i + 3], &nn = info[i + 4];
    std::vector<uint64_t>& h = out->hashes;
    const std::string_view lw = t.lower;
    const uint64_t first = i == 0 ? 1 : 0;
    h.push_back(Feature(kBias, 0));
    h.push_back(Feature(kWord, t.word_hash));
    h.push_back(Feature(kLower, t.lower_hash));
    h.push_back(Feature(kShape, t.shape_hash, first));
    h.push_back(Feature(kPrefix1, HashString(lw.substr(0, 1))));
    h.push_back(Feature(kPrefix2, HashString(lw.substr(0, 2))));
    h.push_back(Feature(kPrefix3, HashString(lw.substr(0, 3))));
    h.push_back(Feature(kSuffix1, HashString(lw.substr(lw.size() - std::min<size_t>(1, lw.size())))));
    h.push_back(Feature(kSuffix2, HashString(lw.substr(lw.size() - std::min<size_t>(2, lw.size())))));
    h.push_back(Feature(kSuffix3, HashString(lw.substr(lw.size() - std::min<size_t>(3, lw.size())))));
    h.push_back(Feature(kSuffix4, HashString(lw.substr(lw.size() - std::min<size_t>(4, lw.size())))));
    h.push_back(Feature(kFlags, t.flags, first));
    h.push_back(Feature(kLength, std::min<size_t>(lw.size(), 12)));
    h.push_back(Feature(kPrevLower, p.lower_hash));
    h.push_back(Feature(kNextLower, nx.lower_hash));
    h.push_back(Feature(kPrev2Lower, pp.lower_hash));
    h.push_back(Feature(kNext2Lower, nn.lower_hash));
    h.push_back(Feature(kPrevShape, p.shape_hash));
    h.push_back(Feature(kNextShape, nx.shape_hash));
    h.push_back(Feature(kPrevLowerWord, p.lower_hash, t.lower_hash));
    h.push_back(Feature(kWordNextLower, t.lower_hash, nx.lower_hash));
    h.push_back(Feature(kShapeTrigram, Combine(p.shape_hash, t.shape_hash), nx.shape_hash));
    h.push_back(Feature(kPrevLowerShape, p.lower_hash, t.shape_hash));
    h.push_back(Feature(kNextLowerShape, nx.lower_hash, t.shape_hash));
    h.push_back(Feature(kPrevPrevBigram, pp.lower_hash, p.lower_hash));
    if (const uint16_t mark = gazetteer_marks[i]) {
      for (uint8_t bit = 1; bit != 0 && bit <= kGazDemonym; bit = static_cast<uint8_t>(bit << 1)) {
        if (!(mark & bit)) continue;
        h.push_back(Feature(kGazetteer, bit | (mark & 0x100), t.flags & kInitCap));
      }
    }
    if (name_marks[i] != 0) {
      const uint16_t mark = name_marks[i];
      for (uint8_t bit = 1; bit != 0 && bit <= kNameFacility; bit = static_cast<uint8_t>(bit << 1)) {
        if (!(mark & bit)) continue;
        h.push_back(Feature(kNameLexicon, bit | (mark & 0x300)));
        h.push_back(Feature(kNameLexiconCase, bit | (mark & 0x300), t.flags & (kInitCap | kAllCaps)));
      }
    }
    if (t.cluster != 0) {
      h.push_back(Feature(kCluster, t.cluster & 0xffff));
      h.push_back(Feature(kCoarseCluster, t.cluster >> 16));
      h.push_back(Feature(kClusterCase, t.cluster & 0xffff, t.flags & (kInitCap | kAllCaps)));
    }
    h.push_back(Feature(kPrevCluster, p.cluster & 0xffff));
    h.push_back(Feature(kNextCluster, nx.cluster & 0xffff));
    if (auto [rb, re] = runs[i]; re > rb) {
      const uint64_t position = (i == rb ? 1 : 0) | (i + 1 == re ? 2 : 0);
      h.push_back(Feature(kRunPosition, position, std::min<uint32_t>(re - rb, 5)));
      h.push_back(Feature(kRunLast, info[re + 1].lower_hash, position));
      h.push_back(Feature(kRunFirst, info[rb + 2].lower_hash, position));
      h.push_back(Feature(kRunNextWord, info[re + 2].lower_hash));
      h.push_back(Feature(kRunPrevWord, info[rb + 1].lower_hash));
      // A multiword capitalized run ending in a common last word of
      // organisation names ("... Watch", "... Times"): likely an ORG.
      if (re - rb > 1 && gazetteer_->IsOrganizationHead(info[re + 1].lower_hash)) {
        h.push_back(Feature(kRunOrgHead, position));
      }
    }
    if (!(t.flags & kNoLetters)) h.push_back(Feature(kDocCase, casing.Flags(forms[i]), first));
    out->begin.push_back(static_cast<uint32_t>(h.size()));
  }
}

}  // namespace crosscheck::entities

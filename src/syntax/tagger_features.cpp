#include "syntax/tagger_features.h"

#include <string>

namespace crosscheck::syntax {
namespace {

// Template ids: part of every feature key, so two templates never collide.
enum Template : uint64_t {
  kBias = 1, kLower, kForm, kPrefix1, kSuffix1 = kPrefix1 + 3, kShape = kSuffix1 + 4, kFlags,
  kLowerM1, kLowerM2, kLowerP1, kLowerP2, kSuffix3M1, kSuffix3P1, kLowerM1Lower, kLowerLowerP1,
  kShapeM1, kShapeP1, kFlagsFirst, kCluster, kClusterM1, kClusterP1, kClusterM1Cluster,
  kClusterClusterP1, kCoarse, kCoarseP1, kCoarseP2, kPrev1, kPrev2, kPrev12, kPrev1Lower,
  kPrev1Suffix3, kPrev1LowerAhead, kPrev1ClusterAhead,
};

enum Flag : uint64_t {
  kInitialCap = 1, kAllCaps = 2, kHasDigit = 4, kHasHyphen = 8, kAllDigits = 16, kHasPeriod = 32,
  kNonAscii = 64, kHasLower = 128,
};

// Sentinel word hashes for positions before the start / after the end.
constexpr uint64_t kBeforeStart = 0x5bd1e9955bd1e995ull;
constexpr uint64_t kAfterEnd = 0x2545f4914f6cdd1dull;

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return (c & 0xC0) == 0x80 ? 0 : 'u';  // one 'u' per UTF-8 character
  return static_cast<char>(c);
}

// Runs of more than 3 equal classes collapse ("Xxxxxxx" -> "Xxxx"). Hashes
// the shape as it goes (same value as HashString of the shape string).
uint64_t ShapeHash(std::string_view form) {
  uint64_t hash = kFnvOffset;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    const char s = ShapeClass(c);
    if (!s) continue;
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 3) hash = (hash ^ static_cast<unsigned char>(s)) * 1099511628211ull;
  }
  return hash;
}

uint64_t Flags(std::string_view form) {
  uint64_t flags = 0;
  bool all_upper = true, all_digit = true;
  for (unsigned char c : form) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (digit) flags |= kHasDigit;
    if (lower) flags |= kHasLower;
    if (c == '-') flags |= kHasHyphen;
    if (c == '.') flags |= kHasPeriod;
    if (c >= 0x80) flags |= kNonAscii;
    if (!upper) all_upper = false;
    if (!digit) all_digit = false;
  }
  const unsigned char first = form.empty() ? 0 : form[0];
  if (first >= 'A' && first <= 'Z') flags |= kInitialCap;
  if (all_upper && form.size() > 1) flags |= kAllCaps;
  if (all_digit) flags |= kAllDigits;
  return flags;
}

void ComputeOne(std::string_view form, const WordLexicon& lexicon, std::string* lower,
                WordKeys* k) {
  LowercaseAscii(form, lower);
  const std::string_view low(*lower);
  k->form = HashString(form);
  k->lower = HashString(low);
  k->shape = ShapeHash(form);
  for (size_t n = 1; n <= 3; ++n) k->prefix[n - 1] = HashString(low.substr(0, n)) + n;
  for (size_t n = 1; n <= 4; ++n) {
    k->suffix[n - 1] = HashString(low.substr(low.size() > n ? low.size() - n : 0)) + n;
  }
  k->suffix3 = k->suffix[2];
  k->flags = Flags(form);
  const auto cluster = lexicon.clusters.Find(k->lower);
  k->cluster = cluster ? (*cluster & ((1u << kCoarseShift) - 1)) + 1 : 0;
  k->coarse = cluster ? (*cluster >> kCoarseShift) + 1 : 0;

}

}  // namespace

void LowercaseAscii(std::string_view in, std::string* out) {
  out->assign(in);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

void ComputeWordKeys(const std::vector<std::string_view>& forms, const WordLexicon& lexicon,
                     std::vector<WordKeys>* keys) {
  keys->resize(forms.size());
  std::string lower;
  for (size_t i = 0; i < forms.size(); ++i) ComputeOne(forms[i], lexicon, &lower, &(*keys)[i]);
}

namespace {

uint64_t At(const std::vector<WordKeys>& keys, int j, uint64_t WordKeys::*field) {
  const int n = static_cast<int>(keys.size());
  return j < 0 ? kBeforeStart : j >= n ? kAfterEnd : keys[j].*field;
}

}  // namespace

int ExtractStaticFeatures(const std::vector<WordKeys>& keys, int i, uint64_t* out) {
  const WordKeys& w = keys[i];
  auto lower_at = [&](int j) { return At(keys, j, &WordKeys::lower); };
  auto cluster_at = [&](int j) { return At(keys, j, &WordKeys::cluster); };
  auto coarse_at = [&](int j) { return At(keys, j, &WordKeys::coarse); };
  auto shape_at = [&](int j) { return At(keys, j, &WordKeys::shape); };
  auto suffix3_at = [&](int j) { return At(keys, j, &WordKeys::suffix3); };
  int count = 0;
  auto add = [&](uint64_t templ, uint64_t value) { out[count++] = Combine(templ, value); };
  add(kBias, 0);
  add(kLower, w.lower);
  add(kForm, w.form);
  for (int k = 0; k < 3; ++k) add(kPrefix1 + k, w.prefix[k]);
  for (int k = 0; k < 4; ++k) add(kSuffix1 + k, w.suffix[k]);
  add(kShape, w.shape);
  add(kFlags, w.flags);
  add(kFlagsFirst, w.flags * 2 + (i == 0));
  add(kLowerM1, lower_at(i - 1));
  add(kLowerM2, lower_at(i - 2));
  add(kLowerP1, lower_at(i + 1));
  add(kLowerP2, lower_at(i + 2));
  add(kSuffix3M1, suffix3_at(i - 1));
  add(kSuffix3P1, suffix3_at(i + 1));
  add(kLowerM1Lower, Combine(lower_at(i - 1), w.lower));
  add(kLowerLowerP1, Combine(w.lower, lower_at(i + 1)));
  add(kShapeM1, shape_at(i - 1));
  add(kShapeP1, shape_at(i + 1));
  if (w.cluster) add(kCluster, w.cluster);
  add(kClusterM1, cluster_at(i - 1));
  add(kClusterP1, cluster_at(i + 1));
  add(kClusterM1Cluster, Combine(cluster_at(i - 1), w.cluster));
  add(kClusterClusterP1, Combine(w.cluster, cluster_at(i + 1)));
  add(kCoarse, w.coarse);
  add(kCoarseP1, coarse_at(i + 1));
  add(kCoarseP2, coarse_at(i + 2));
  return count;
}

int ExtractHistoryFeatures(const std::vector<WordKeys>& keys, int i, Direction direction,
                           uint32_t prev1, uint32_t prev2, uint64_t* out) {
  // The backward model's history templates get their own ids, so the two
  // models' weights can live in one table without sharing these keys.
  const uint64_t salt = direction == Direction::kForward ? 0 : 0x100;
  const int ahead = direction == Direction::kForward ? i + 1 : i - 1;  // not yet tagged
  const WordKeys& w = keys[i];
  int count = 0;
  auto add = [&](uint64_t templ, uint64_t value) { out[count++] = Combine(templ + salt, value); };
  add(kPrev1, prev1);
  add(kPrev2, prev2);
  add(kPrev12, Combine(prev1, prev2));
  add(kPrev1Lower, Combine(prev1, w.lower));
  add(kPrev1Suffix3, Combine(prev1, w.suffix3));
  add(kPrev1LowerAhead, Combine(prev1, At(keys, ahead, &WordKeys::lower)));
  add(kPrev1ClusterAhead, Combine(prev1, At(keys, ahead, &WordKeys::cluster)));
  return count;
}

}  // namespace crosscheck::syntax

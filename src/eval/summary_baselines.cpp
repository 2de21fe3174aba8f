#include "eval/summary_baselines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "eval/rouge.h"

namespace crosscheck::eval {
namespace {

constexpr double kLexRankThreshold = 0.1;
constexpr double kLexRankTeleport = 0.15;
constexpr double kTextRankDamping = 0.85;
constexpr int kMaxIterations = 200;
constexpr double kEpsilon = 1e-8;

std::map<std::string, int> ContentCounts(const BaselineSentence& s, const std::set<std::string>& stopwords) {
  std::map<std::string, int> counts;
  for (const std::string& t : s.tokens) {
    if (!stopwords.count(t)) ++counts[t];
  }
  return counts;
}

// Power iteration of p = teleport / n + (1 - teleport) * M^T p, where row i of
// `weights` is normalized to sum 1 (a row of zeros teleports uniformly).
std::vector<double> PageRank(const std::vector<std::vector<double>>& weights, double teleport) {
  const size_t n = weights.size();
  std::vector<double> row_sum(n, 0);
  for (size_t i = 0; i < n; ++i) row_sum[i] = std::accumulate(weights[i].begin(), weights[i].end(), 0.0);
  std::vector<double> p(n, 1.0 / std::max<size_t>(n, 1)), next(n);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (row_sum[i] <= 0) dangling += p[i];
    }
    for (size_t j = 0; j < n; ++j) {
      double in = 0;
      for (size_t i = 0; i < n; ++i) {
        if (row_sum[i] > 0) in += p[i] * weights[i][j] / row_sum[i];
      }
      next[j] = teleport / n + (1 - teleport) * (in + dangling / n);
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) change += std::fabs(next[i] - p[i]);
    p.swap(next);
    if (change < kEpsilon) break;
  }
  return p;
}

}  // namespace

void PrepareSentences(std::vector<BaselineSentence>* sentences) {
  for (BaselineSentence& s : *sentences) {
    s.tokens = RougeTokens(s.text);
    s.words = 0;
    bool in_word = false;
    for (char c : s.text) {
      const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (!blank && !in_word) ++s.words;
      in_word = !blank;
    }
  }
}

std::vector<size_t> LeadRank(const std::vector<BaselineSentence>& sentences) {
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (sentences[a].index != sentences[b].index) return sentences[a].index < sentences[b].index;
    return sentences[a].doc < sentences[b].doc;
  });
  return order;
}

std::vector<double> LexRankScores(const std::vector<BaselineSentence>& sentences, const std::set<std::string>& stopwords) {
  const size_t n = sentences.size();
  std::vector<std::map<std::string, int>> counts;
  std::map<std::string, int> df;
  for (const BaselineSentence& s : sentences) {
    counts.push_back(ContentCounts(s, stopwords));
    for (const auto& entry : counts.back()) ++df[entry.first];
  }
  auto idf = [&](const std::string& w) { return std::log(static_cast<double>(n) / df[w]); };
  std::vector<double> norm(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [w, c] : counts[i]) norm[i] += std::pow(c * idf(w), 2);
    norm[i] = std::sqrt(norm[i]);
  }
  std::vector<std::vector<double>> adjacency(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (norm[i] <= 0 || norm[j] <= 0) continue;
      double dot = 0;
      for (const auto& [w, c] : counts[i]) {
        auto it = counts[j].find(w);
        if (it != counts[j].end()) dot += c * it->second * idf(w) * idf(w);
      }
      if (i == j || dot / (norm[i] * norm[j]) > kLexRankThreshold) adjacency[i][j] = 1;
    }
  }
  return PageRank(adjacency, kLexRankTeleport);
}

std::vector<double> TextRankScores(const std::vector<BaselineSentence>& sentences, const std::set<std::string>& stopwords) {
  const size_t n = sentences.size();
  std::vector<std::map<std::string, int>> counts;
  std::vector<size_t> sizes;
  for (const BaselineSentence& s : sentences) {
    counts.push_back(ContentCounts(s, stopwords));
    size_t size = 0;
    for (const auto& entry : counts.back()) size += entry.second;
    sizes.push_back(size);
  }
  std::vector<std::vector<double>> weights(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double denominator = std::log(static_cast<double>(sizes[i])) + std::log(static_cast<double>(sizes[j]));
      if (sizes[i] == 0 || sizes[j] == 0 || denominator <= 0) continue;
      size_t shared = 0;
      for (const auto& entry : counts[i]) shared += counts[j].count(entry.first);
      weights[i][j] = weights[j][i] = shared / denominator;
    }
  }
  // WS = (1 - d) + d * sum ...: the same fixed point as PageRank with teleport 1 - d, scaled by n.
  return PageRank(weights, 1 - kTextRankDamping);
}

std::vector<size_t> RankByScore(const std::vector<double>& scores) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  return order;
}

std::vector<size_t> TakeUnderCap(const std::vector<BaselineSentence>& sentences, const std::vector<size_t>& order,
                                 size_t max_words) {
  std::vector<size_t> taken;
  size_t words = 0;
  for (size_t i : order) {
    if (!taken.empty() && max_words > 0 && words + sentences[i].words > max_words) continue;
    bool repeat = false;
    for (size_t t : taken) repeat = repeat || sentences[t].tokens == sentences[i].tokens;
    if (repeat) continue;
    taken.push_back(i);
    words += sentences[i].words;
  }
  return taken;
}

}  // namespace crosscheck::eval

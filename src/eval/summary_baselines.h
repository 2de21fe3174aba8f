// eval/summary_baselines.h: the extractive baselines `crosscheck eval summary`
// runs beside the summarizer, on the same sentences (the analyzer's) and under
// the same length cap (whole sentences, taken in rank order while they fit;
// the first is always taken; a sentence whose tokens repeat a taken one
// exactly is passed over).
//   Lead:     round-robin over the documents in input order: sentence 0 of
//             each, then sentence 1 of each, ...
//   LexRank:  Erkan & Radev (2004), thresholded: idf-modified cosine between
//             sentences (tf = raw counts, idf = log(N / n_w) over the N
//             sentences of the story), edges where cosine > 0.1, degree-
//             normalized, PageRank with teleport 0.15, power iteration.
//   TextRank: Mihalcea & Tarau (2004): similarity = shared words /
//             (log |Si| + log |Sj|), weighted PageRank with d = 0.85.
// Words are rouge-score tokens (lowercase, Porter-stemmed) less the function
// words of data/lexicons/function_words.tsv. Output: indices of the chosen
// sentences in rank order. Cost: O(sentences^2) per story. Thread-safe.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace crosscheck::eval {

struct BaselineSentence {
  size_t doc = 0;            // document index in the story
  uint32_t index = 0;        // sentence index in the document
  std::string text;
  std::vector<std::string> tokens;  // rouge tokens (stemmed)
  size_t words = 0;          // whitespace words of text
};

// Fills tokens and words of each sentence from its text.
void PrepareSentences(std::vector<BaselineSentence>* sentences);

// `stopwords` are rouge tokens (stemmed), e.g. RougeTokens of each function word.
std::vector<size_t> LeadRank(const std::vector<BaselineSentence>& sentences);
std::vector<double> LexRankScores(const std::vector<BaselineSentence>& sentences, const std::set<std::string>& stopwords);
std::vector<double> TextRankScores(const std::vector<BaselineSentence>& sentences, const std::set<std::string>& stopwords);

// Sentence indices by descending score (ties: input order).
std::vector<size_t> RankByScore(const std::vector<double>& scores);

// Takes sentences in `order` under the cap (see the header comment).
std::vector<size_t> TakeUnderCap(const std::vector<BaselineSentence>& sentences, const std::vector<size_t>& order,
                                 size_t max_words);

}  // namespace crosscheck::eval

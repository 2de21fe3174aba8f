// eval/rouge.h: ROUGE-1, ROUGE-2 and ROUGE-L as Google's rouge-score package
// computes them: RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True).
//   tokenize: lowercase (Python str.lower), every run of characters outside
//             [a-z0-9] becomes a space, split on whitespace, NLTK's
//             PorterStemmer (default NLTK_EXTENSIONS mode) on tokens longer
//             than 3 characters, keep tokens matching ^[a-z0-9]+$;
//   rougeN:   clipped n-gram overlap, P = overlap / max(#prediction n-grams, 1),
//             R = overlap / max(#reference n-grams, 1), F = 2PR / (P + R);
//   rougeL:   LCS of the whole token sequences (not rougeLsum); 0 when either
//             side has no tokens.
// Checked against rouge-score's own test values (tests/eval/rouge_test.cpp).
// Cost: O(n) for ROUGE-N, O(n·m) for ROUGE-L. Stateless and thread-safe.
//
//   RougeScores s = ScoreRouge(reference, prediction);   // s.rouge1.f, s.rougeL.f
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::eval {

struct RougePRF {
  double precision = 0, recall = 0, f = 0;  // 0..1
};

struct RougeScores {
  RougePRF rouge1, rouge2, rougeL;
};

// Porter stem of a lowercase ASCII word, as nltk.stem.porter.PorterStemmer().stem.
std::string PorterStem(std::string_view word);

// rouge-score's tokenize(text, stemmer) for UTF-8 `text`.
std::vector<std::string> RougeTokens(std::string_view text, bool stem = true);

// Scores a prediction against one reference (argument order as RougeScorer.score).
RougeScores ScoreRouge(std::string_view reference, std::string_view prediction);
RougeScores ScoreRougeTokens(const std::vector<std::string>& reference, const std::vector<std::string>& prediction);

}  // namespace crosscheck::eval

// text/boundary_classifier.h (private to text/): is this candidate a sentence end?
// In: a Candidate (a position between two tokens of one paragraph, found by
// SentenceSplitter: after ".", "!", "?", "..." and their closing quotes or
// brackets, after a word that kept its period, or before a capitalized word).
// Out: a score; > threshold means "sentence boundary". A linear model over
// ~20 hashed features (the tokens around the boundary, lowercased forms,
// shapes, whether the word before is a known abbreviation, ...) with a flat
// weight array of 2^kBits floats; trained as an averaged perceptron by
// segmenter_trainer. Const after loading: thread-safe.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "core/binary_io.h"
#include "text/token_lexicon.h"

namespace crosscheck::text {

enum class CandidateKind : uint8_t {
  kTerminal = 0,     // after sentence punctuation (and its closers)
  kAbbreviation = 1, // after a word that kept its period ("Inc.", "U.S.")
  kCapitalized = 2,  // before a capitalized word, no punctuation
  kLineBreak = 3,    // a single line break (decided by rule, not by the classifier)
  kBlankLine = 4,    // a blank line: always a boundary
};

struct Candidate {
  uint32_t last = 0;      // the boundary is after tokens[last]
  uint32_t terminal = 0;  // index of the sentence punctuation (== last if no closers)
  CandidateKind kind = CandidateKind::kTerminal;
};

// Hashed feature indices of one candidate (fixed capacity, no allocation).
struct BoundaryFeatures {
  static constexpr int kMax = 24;
  uint32_t index[kMax];
  int size = 0;
};

class BoundaryClassifier {
 public:
  static constexpr int kBits = 18;
  BoundaryClassifier() : weights_(1u << kBits, 0.0f) {}

  // Features of candidate `c` in `tokens` (which must extend past c.last).
  static void Extract(const std::vector<Token>& tokens, size_t paragraph_end, const Candidate& c,
                      const TokenLexicon& lexicon, BoundaryFeatures* out);

  float Score(const BoundaryFeatures& f) const {
    float s = 0;
    for (int i = 0; i < f.size; ++i) s += weights_[f.index[i]];
    return s;
  }
  bool IsBoundary(const BoundaryFeatures& f) const { return Score(f) > threshold_; }

  std::vector<float>* mutable_weights() { return &weights_; }
  void set_threshold(float t) { threshold_ = t; }

  void Write(ByteWriter* out) const;
  Status Read(ByteReader* in);

 private:
  std::vector<float> weights_;
  float threshold_ = 0;
};

// True if the token is sentence-final punctuation: ".", "?", "!", "...", "…", "?!".
bool IsTerminalPunctSlow(std::string_view form);
inline bool IsTerminalPunct(std::string_view form) {
  if (form.empty()) return false;
  const char c = form[0];
  return (c == '.' || c == '!' || c == '?' || c == '\xE2') && IsTerminalPunctSlow(form);
}
// True for closing quotes and brackets that may follow sentence punctuation.
bool IsCloser(std::string_view form);
// True if the form starts with an uppercase letter.
bool StartsUpperSlow(std::string_view form);
inline bool StartsUpper(std::string_view form) {
  if (form.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(form[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return StartsUpperSlow(form);
}

}  // namespace crosscheck::text
